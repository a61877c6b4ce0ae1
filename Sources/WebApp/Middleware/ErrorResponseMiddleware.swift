import Hummingbird
import ProgressStore

/// Turns every error into an answer a learner can read: under `/api/` a JSON `{"error": "..."}`, elsewhere an
/// HTML page (the friendly 404 page for anything not found). Messages are escaped by the templates; errors
/// that are not the learner's doing are logged and answered with a general sentence.
struct ErrorResponseMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext

    let renderer: PageRenderer

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            return response(for: error, to: request, context: context)
        }
    }

    /// The answer to `request` when handling it threw `error`.
    func response(for error: any Error, to request: Request, context: Context) -> Response {
        let (status, message) = Self.describe(error)
        if status == .internalServerError {
            context.logger.error("Request failed", metadata: ["path": "\(request.uri.path)", "error": "\(error)"])
        }
        if request.uri.path.hasPrefix("/api/") || request.uri.path == "/api" {
            return JSONValue.object([("error", .string(message))]).response(status: status)
        }
        if status == .notFound {
            return renderer.notFound(learner: context.learner)
        }
        return renderer.error(status: status, title: Self.title(for: status), message: message, learner: context.learner)
    }

    /// The status and the sentence to show for an error.
    static func describe(_ error: any Error) -> (HTTPResponse.Status, String) {
        if let error = error as? HTTPError {
            return (error.status, error.body ?? defaultMessage(for: error.status))
        }
        if let error = error as? ProgressStoreError {
            switch error {
            case .invalidHandle, .invalidName, .invalidClassCode, .unknownClass:
                return (.badRequest, sentence(error.message))
            case .handleTaken:
                return (.conflict, sentence(error.message) + " Pick another one.")
            default:
                return (.internalServerError, "Your progress could not be saved or read. Try again in a moment.")
            }
        }
        if let error = error as? any HTTPResponseError {
            return (error.status, defaultMessage(for: error.status))
        }
        return (.internalServerError, defaultMessage(for: .internalServerError))
    }

    /// The store's messages start in lower case; on a page they are sentences.
    static func sentence(_ text: String) -> String {
        guard let first = text.first else { return text }
        return first.uppercased() + text.dropFirst() + (text.hasSuffix(".") ? "" : ".")
    }

    static func defaultMessage(for status: HTTPResponse.Status) -> String {
        switch status {
        case .notFound: "There is nothing at this address."
        case .contentTooLarge: "The request is larger than \(RequestLimits.maxBodyBytes / 1024) KiB."
        case .methodNotAllowed: "This address does not take that kind of request."
        case .unsupportedMediaType: "Send this request as JSON (Content-Type: application/json)."
        case .unauthorized: "Join first: pick a handle at /join."
        case .forbidden: "This request was refused."
        case .badRequest: "The request could not be read."
        default: "Something went wrong on the server. Try again in a moment."
        }
    }

    static func title(for status: HTTPResponse.Status) -> String {
        switch status {
        case .badRequest, .conflict: "That did not work"
        case .forbidden: "Refused"
        case .contentTooLarge: "That is too large"
        case .unauthorized: "Join first"
        case .methodNotAllowed: "Not here"
        default: "Something went wrong"
        }
    }
}
