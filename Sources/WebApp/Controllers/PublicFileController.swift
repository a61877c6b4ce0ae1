import Foundation
import Hummingbird

/// The folder served at `/public`, and the rule for which request paths may reach a file in it.
public struct PublicFiles: Sendable {
    /// The folder, absolute, with symbolic links resolved.
    public let root: String

    /// Checks that the folder exists.
    /// - Throws: ``WebAppError/missingPublicDirectory(_:)`` if it does not.
    public init(directory: String) throws(WebAppError) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw WebAppError.missingPublicDirectory(directory)
        }
        root = URL(fileURLWithPath: directory).standardizedFileURL.resolvingSymlinksInPath().path
    }

    /// The file a request path below `/public/` names, or `nil` when it names none or tries to leave the folder.
    ///
    /// Each segment is percent-decoded once and refused when it is empty, starts with `.` (this covers `..`
    /// and hidden files) or decodes to a separator or NUL. Symbolic links must stay inside the folder too.
    /// - Parameter relativePath: the raw (percent-encoded) path after `/public/`, e.g. `img/pod.svg`.
    public func file(forRelativePath relativePath: Substring) -> String? {
        var segments: [String] = []
        for rawSegment in relativePath.split(separator: "/", omittingEmptySubsequences: false) {
            guard let segment = String(rawSegment).removingPercentEncoding,
                !segment.isEmpty, !segment.hasPrefix("."),
                !segment.contains(where: { $0 == "/" || $0 == "\\" || $0 == "\0" })
            else {
                return nil
            }
            segments.append(segment)
        }
        guard !segments.isEmpty else {
            return nil
        }
        let candidate = URL(fileURLWithPath: root).appendingPathComponent(segments.joined(separator: "/"))
        let resolved = candidate.resolvingSymlinksInPath().path
        guard resolved.hasPrefix(root + "/") else {
            return nil
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: resolved, isDirectory: &isDirectory), !isDirectory.boolValue else {
            return nil
        }
        return resolved
    }
}

/// `/public/...`: static files (CSS, images) from the public folder; anything else is a 404.
public struct PublicFileController<Context: RequestContext>: Sendable {
    /// The folder and its path rule.
    let files: PublicFiles
    let fileIO = FileIO()

    /// Creates the controller for a checked public folder.
    public init(files: PublicFiles) {
        self.files = files
    }

    /// The routes, to mount at `/public`.
    public var endpoints: RouteCollection<Context> {
        RouteCollection(context: Context.self)
            .get("**", use: serve)
    }

    @Sendable func serve(request: Request, context: Context) async throws -> Response {
        // The raw request path, not the router's captures: every segment is checked here, encoded or not.
        let prefix = "/public/"
        let path = request.uri.path
        guard path.hasPrefix(prefix), let file = files.file(forRelativePath: path.dropFirst(prefix.count)) else {
            throw HTTPError(.notFound)
        }
        let fileExtension = URL(fileURLWithPath: file).pathExtension.lowercased()
        let mediaType = MediaType.getMediaType(forExtension: fileExtension) ?? .applicationBinary
        var headers: HTTPFields = [
            .contentType: Self.contentType(for: mediaType),
            .xContentTypeOptions: "nosniff",
            .cacheControl: "no-cache",
        ]
        if fileExtension == "svg" {
            // An SVG opened on its own must not run scripts.
            headers[.contentSecurityPolicy] = "default-src 'none'; style-src 'unsafe-inline'"
        }
        let body = try await fileIO.loadFile(path: file, context: context)
        return Response(status: .ok, headers: headers, body: body)
    }

    /// Text types are sent as UTF-8.
    static func contentType(for mediaType: MediaType) -> String {
        switch mediaType.type {
        case .text:
            return "\(mediaType); charset=utf-8"
        default:
            return mediaType.description
        }
    }
}
