import Hummingbird

/// A finished HTML page, encoded once and sent as it is to every request.
public struct HTMLPage: Sendable, ResponseGenerator {
    /// The page's bytes (UTF-8).
    let body: ByteBuffer

    /// Wraps finished HTML.
    init(html: String) {
        body = ByteBuffer(string: html)
    }

    /// The HTML as text (tests and logs).
    public var html: String { String(buffer: body) }

    /// The page as a response with the given status.
    func response(status: HTTPResponse.Status) -> Response {
        var headers: HTTPFields = [
            .contentType: "text/html; charset=utf-8",
            .xContentTypeOptions: "nosniff",
        ]
        // Pages only load what /public serves; nothing inline, nothing from elsewhere.
        headers[.contentSecurityPolicy] =
            "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
        return Response(status: status, headers: headers, body: .init(byteBuffer: body))
    }

    /// A `200 OK` response with the page.
    public func response(from request: Request, context: some RequestContext) throws -> Response {
        response(status: .ok)
    }
}
