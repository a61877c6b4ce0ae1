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

    /// The headers of every page: HTML, no sniffing, and a Content-Security-Policy that lets a page load only what
    /// `/public` serves (no inline scripts or styles, nothing from elsewhere, forms only to this site).
    static func headers(cacheable: Bool) -> HTTPFields {
        var headers: HTTPFields = [
            .contentType: "text/html; charset=utf-8",
            .xContentTypeOptions: "nosniff",
        ]
        headers[.contentSecurityPolicy] =
            "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
        headers[HTTPFields.referrerPolicy] = "same-origin"
        if !cacheable {
            // A page with a learner's answers in it is theirs alone.
            headers[.cacheControl] = "no-store"
        }
        return headers
    }

    /// Any HTML as a response.
    static func response(html: String, status: HTTPResponse.Status, cacheable: Bool) -> Response {
        Response(status: status, headers: headers(cacheable: cacheable), body: .init(byteBuffer: ByteBuffer(string: html)))
    }

    /// The page as a response with the given status.
    func response(status: HTTPResponse.Status, cacheable: Bool = true) -> Response {
        Response(status: status, headers: Self.headers(cacheable: cacheable), body: .init(byteBuffer: body))
    }

    /// A `200 OK` response with the page.
    public func response(from request: Request, context: some RequestContext) throws -> Response {
        response(status: .ok)
    }
}

extension HTTPFields {
    /// `Referrer-Policy` (HTTPTypes names no constant for it).
    static let referrerPolicy = HTTPFields.Element.Name("Referrer-Policy")!
}
