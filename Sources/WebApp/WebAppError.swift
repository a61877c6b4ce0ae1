/// Why the web application could not be built.
public struct WebAppError: Error, Sendable, Hashable, CustomStringConvertible {
    private enum Reason: Hashable {
        case missingPublicDirectory(String)
        case brokenTemplate(name: String, detail: String)
    }

    private let reason: Reason

    private init(_ reason: Reason) {
        self.reason = reason
    }

    /// The folder given as `--public` does not exist or is not a folder.
    public static func missingPublicDirectory(_ path: String) -> Self { .init(.missingPublicDirectory(path)) }

    /// A built-in page template does not parse (a bug in KubeTutor, not in the lessons).
    public static func brokenTemplate(name: String, detail: String) -> Self { .init(.brokenTemplate(name: name, detail: detail)) }

    /// What is wrong, in a sentence.
    public var description: String {
        switch reason {
        case .missingPublicDirectory(let path):
            return "\(path): no such folder (it holds the CSS and images served at /public; pass --public DIR)"
        case .brokenTemplate(let name, let detail):
            return "page template \"\(name)\" does not parse: \(detail)"
        }
    }
}
