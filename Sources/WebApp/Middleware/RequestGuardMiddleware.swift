import Hummingbird

/// Refuses what no route should see: a body larger than ``RequestLimits/maxBodyBytes`` (413, judged from
/// `Content-Length` before reading; a body without one is cut off at the same size while it is read), and a
/// POST from another site (403): a browser names the page's origin in `Origin`, and it must be this server's.
struct RequestGuardMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if let length = request.headers[.contentLength].flatMap({ Int($0) }), length > RequestLimits.maxBodyBytes {
            throw HTTPError(.contentTooLarge, message: "The request is larger than \(RequestLimits.maxBodyBytes / 1024) KiB.")
        }
        if request.method == .post || request.method == .put || request.method == .patch || request.method == .delete {
            try checkOrigin(request)
        }
        return try await next(request, context)
    }

    /// A form post must come from a page of this site: its `Origin` (or, when a browser sends none, its
    /// `Referer`) must name this server's host and port. JSON posts need no such header (a page elsewhere
    /// cannot send `application/json` here without the browser asking first, and nobody answers that question),
    /// but when they carry an `Origin` it must be this one too.
    func checkOrigin(_ request: Request) throws {
        let host = request.head.authority
        let origin = request.headers[.origin]
        if let origin {
            guard let host, Self.authority(ofOrigin: origin) == host.lowercased() else {
                throw HTTPError(.forbidden, message: "This form was sent from another site (\(origin)), so it was refused.")
            }
            return
        }
        let contentType = request.headers[.contentType]?.lowercased() ?? ""
        if contentType.hasPrefix("application/json") {
            return
        }
        if let referer = request.headers[.referer], let host, Self.authority(ofOrigin: referer) == host.lowercased() {
            return
        }
        throw HTTPError(.forbidden, message: "This form did not say which page sent it, so it was refused.")
    }

    /// `host:port` of `http://host:port[/path]`, lowercased; nil for anything that is not an http(s) URL.
    static func authority(ofOrigin origin: String) -> String? {
        let lowered = origin.lowercased()
        for scheme in ["http://", "https://"] where lowered.hasPrefix(scheme) {
            let rest = lowered.dropFirst(scheme.count)
            let authority = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
            return authority.isEmpty ? nil : String(authority)
        }
        return nil
    }
}
