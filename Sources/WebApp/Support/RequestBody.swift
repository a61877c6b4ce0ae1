import Foundation
import Hummingbird

/// The fields of an `application/x-www-form-urlencoded` body, in order (a name may repeat).
struct FormFields: Sendable {
    let fields: [(name: String, value: String)]

    /// The first value of `name`.
    subscript(_ name: String) -> String? {
        fields.first { $0.name == name }?.value
    }

    /// Every value of `name`, in order.
    func all(_ name: String) -> [String] {
        fields.filter { $0.name == name }.map(\.value)
    }

    /// Parses `a=1&b=two+words&c=%3C`: `+` is a space, `%XX` a byte of UTF-8.
    init(urlEncoded text: String) {
        fields = text.split(separator: "&", omittingEmptySubsequences: true).map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ part: Substring) -> String {
                let spaced = part.replacingOccurrences(of: "+", with: " ")
                return spaced.removingPercentEncoding ?? spaced
            }
            return (decode(parts[0]), parts.count > 1 ? decode(parts[1]) : "")
        }
    }
}

extension Request {
    /// The body as a form (the page's `<form method="post">`), read up to ``RequestLimits/maxBodyBytes``.
    /// - Throws: 415 for another content type, 413 past the limit.
    func formFields(context: some RequestContext) async throws -> FormFields {
        let contentType = headers[.contentType]?.lowercased() ?? ""
        guard contentType.hasPrefix("application/x-www-form-urlencoded") else {
            throw HTTPError(.unsupportedMediaType, message: "Send the form as application/x-www-form-urlencoded.")
        }
        let buffer = try await body.collect(upTo: RequestLimits.maxBodyBytes)
        return FormFields(urlEncoded: String(buffer: buffer))
    }

    /// The body as JSON of type `T`, read up to ``RequestLimits/maxBodyBytes``.
    /// - Throws: 415 for another content type, 413 past the limit, 400 with `example` when it does not decode.
    func jsonBody<T: Decodable>(_ type: T.Type, context: some RequestContext, example: String) async throws -> T {
        let contentType = headers[.contentType]?.lowercased() ?? ""
        guard contentType.hasPrefix("application/json") else {
            throw HTTPError(.unsupportedMediaType, message: "Send JSON (Content-Type: application/json), like \(example).")
        }
        let buffer = try await body.collect(upTo: RequestLimits.maxBodyBytes)
        do {
            return try JSONDecoder().decode(T.self, from: Data(buffer.readableBytesView))
        } catch {
            throw HTTPError(.badRequest, message: "The body must be JSON like \(example).")
        }
    }
}
