/// Why a Markdown text could not be turned into a ``MarkdownDocument``.
public struct MarkdownError: Error, Sendable, Hashable, CustomStringConvertible {
    private enum Reason: Hashable {
        case parserFailed
        case nestingTooDeep(limit: Int)
        case unexpectedNode(type: String)
    }

    private let reason: Reason
    /// The 1-based line of the parsed text where the problem is (1 when libcmark gave none).
    public let line: Int

    private init(_ reason: Reason, line: Int) {
        self.reason = reason
        self.line = line
    }

    /// libcmark returned no document (it only does so when it cannot allocate memory).
    public static var parserFailed: Self { .init(.parserFailed, line: 1) }

    /// Blocks or inlines are nested deeper than `limit` levels (a guard against runaway recursion).
    public static func nestingTooDeep(limit: Int, line: Int) -> Self { .init(.nestingTooDeep(limit: limit), line: line) }

    /// libcmark returned a node kind this reader does not know (`type` is libcmark's name for it).
    public static func unexpectedNode(type: String, line: Int) -> Self { .init(.unexpectedNode(type: type), line: line) }

    /// What is wrong, in a sentence (without the line).
    public var message: String {
        switch reason {
        case .parserFailed:
            return "the Markdown parser (libcmark) could not parse the text"
        case .nestingTooDeep(let limit):
            return "Markdown is nested more than \(limit) levels deep"
        case .unexpectedNode(let type):
            return "the Markdown parser returned an unexpected node \"\(type)\""
        }
    }

    /// `line: message`.
    public var description: String { "\(line): \(message)" }
}
