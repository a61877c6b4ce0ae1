import Hummingbird
import ProgressStore

/// Reads the session cookie and puts the learner it signs in into the request context.
///
/// Static files and the health check skip the look-up. An unknown or expired token is simply no learner; a store
/// that cannot be read is answered, as any other error, by ``ErrorResponseMiddleware``.
struct SessionMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext

    let store: any ProgressStore
    /// Answers a failed look-up (this middleware runs outside the error middleware, so that errors know the learner).
    let errors: ErrorResponseMiddleware

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        let path = request.uri.path
        if !path.hasPrefix("/public/"), path != "/healthz", let token = request.cookies[SessionCookie.name]?.value,
            SessionCookie.isWellFormed(token)
        {
            do {
                context.learner = try await store.learner(sessionToken: token)
            } catch {
                return errors.response(for: error, to: request, context: context)
            }
        }
        return try await next(request, context)
    }
}

/// The session cookie: HttpOnly (scripts cannot read it), SameSite=Lax (other sites cannot post with it), whole site.
enum SessionCookie {
    static let name = "kubetutor_session"

    /// The cookie that signs in `session`.
    static func cookie(for session: IssuedSession) -> Cookie {
        let seconds = max(0, Int(session.expiresAt.timeIntervalSinceNow.rounded()))
        return Cookie(name: name, value: session.token, maxAge: seconds, path: "/", httpOnly: true, sameSite: .lax)
    }

    /// A token the store could have issued: base64url, not absurdly long. Anything else is not looked up.
    static func isWellFormed(_ token: String) -> Bool {
        !token.isEmpty && token.utf8.count <= 128
            && token.utf8.allSatisfy { byte in
                switch byte {
                case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                    UInt8(ascii: "-"), UInt8(ascii: "_"):
                    true
                default:
                    false
                }
            }
    }
}
