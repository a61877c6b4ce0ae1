import Hummingbird

/// Lets a request reach `/instructor` and everything under it only with the instructor token (Bearer) or a live
/// instructor session cookie; `/instructor/login` is open. Anything else is answered 401: the sign-in page for a
/// page, plain text for the CSV and JSON exports (a script reading them wants no HTML).
struct InstructorGuardMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext

    let access: InstructorAccess
    let pages: InstructorPages

    func handle(
        _ request: Request,
        context: Context,
        next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        let path = request.uri.path
        guard Self.isGuarded(path) else {
            return try await next(request, context)
        }
        let admitted = await access.admits(
            authorization: request.headers[.authorization],
            sessionCookie: request.cookies[InstructorSessionCookie.name]?.value
        )
        guard admitted else {
            return Self.isExport(path)
                ? Self.plainUnauthorized(path: path)
                : pages.signIn(learner: context.learner, error: nil, status: .unauthorized)
        }
        return try await next(request, context)
    }

    /// `/instructor` and below, except the sign-in page.
    static func isGuarded(_ path: String) -> Bool {
        let lowered = path.lowercased()
        guard lowered == "/instructor" || lowered.hasPrefix("/instructor/") else { return false }
        return lowered != "/instructor/login" && lowered != "/instructor/login/"
    }

    static func isExport(_ path: String) -> Bool {
        path.hasSuffix(".csv") || path.hasSuffix(".json")
    }

    /// 401 for a script: a sentence, and how to authenticate.
    static func plainUnauthorized(path: String) -> Response {
        var headers: HTTPFields = [
            .contentType: "text/plain; charset=utf-8", .cacheControl: "no-store",
            .xContentTypeOptions: "nosniff",
        ]
        headers[.wwwAuthenticate] = "Bearer realm=\"kubetutor instructor\""
        return Response(
            status: .unauthorized,
            headers: headers,
            body: .init(
                byteBuffer: ByteBuffer(
                    string:
                        "401 Unauthorized: send Authorization: Bearer <instructor token>, or sign in at /instructor/login.\n"
                )
            )
        )
    }
}

/// The instructor's session cookie: a random session id (never the token), HttpOnly, SameSite=Strict, sent only
/// to `/instructor`; its name differs from the learner's cookie.
enum InstructorSessionCookie {
    static let name = "kubetutor_instructor"
    static let path = "/instructor"

    /// The cookie for a session that ends at `expiresAt`.
    static func cookie(id: String, maxAge: Int) -> Cookie {
        Cookie(name: name, value: id, maxAge: maxAge, path: path, httpOnly: true, sameSite: .strict)
    }

    /// The cookie that removes the session cookie from the browser.
    static var expired: Cookie {
        Cookie(name: name, value: "", maxAge: 0, path: path, httpOnly: true, sameSite: .strict)
    }

    /// A value a sign-in could have issued: base64url, 43 characters.
    static func isWellFormed(_ value: String) -> Bool {
        value.utf8.count == 43 && SessionCookie.isWellFormed(value)
    }
}
