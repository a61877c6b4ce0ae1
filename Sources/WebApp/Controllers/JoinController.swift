import Hummingbird
import ProgressStore

/// `/join`: pick a handle (and, optionally, a class code); the answer sets the session cookie and goes back
/// to the page the learner came from.
struct JoinController: Sendable {
    let store: any ProgressStore
    let renderer: PageRenderer

    /// The routes, to mount at `/join`.
    var endpoints: RouteCollection<AppRequestContext> {
        RouteCollection(context: AppRequestContext.self)
            .get(use: show)
            .post(use: join)
    }

    @Sendable func show(request: Request, context: AppRequestContext) -> Response {
        let next = JoinLink.safeNext(request.uri.queryParameters["next"].map(String.init))
        // `/join?class=CODE`, the link an instructor hands out, fills the class field in (the template escapes it).
        let classCode = String((request.uri.queryParameters["class"] ?? "").prefix(64)).trimmingCharacters(in: .whitespacesAndNewlines)
        return renderer.join(learner: context.learner, form: JoinFormView(classCode: classCode, next: next, signedInAs: context.learner?.handle))
    }

    @Sendable func join(request: Request, context: AppRequestContext) async throws -> Response {
        let fields = try await request.formFields(context: context)
        let handle = (fields["handle"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        let classCode = (fields["classCode"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        let next = JoinLink.safeNext(fields["next"])
        do {
            let (_, session) = try await Enrolment(store: store).enrol(handle: handle, classCode: classCode.isEmpty ? nil : classCode)
            var response = Response(status: .seeOther, headers: [.location: next, .cacheControl: "no-store"])
            response.setCookie(SessionCookie.cookie(for: session))
            return response
        } catch let error as ProgressStoreError {
            let (status, message) = ErrorResponseMiddleware.describe(error)
            guard status != .internalServerError else { throw error }
            let form = JoinFormView(handle: handle, classCode: classCode, next: next, error: message, signedInAs: context.learner?.handle)
            return renderer.join(learner: context.learner, form: form, status: status)
        }
    }
}

/// Creating a learner and their first session: the same for the form and the JSON API.
struct Enrolment {
    let store: any ProgressStore

    /// Creates the learner (in the class, when a code is given) and starts a session for them.
    /// - Throws: ``ProgressStore/ProgressStoreError`` when the handle is invalid or taken, or the class unknown.
    func enrol(handle: String, classCode: String?, displayName: String = "") async throws -> (Learner, IssuedSession) {
        let learner = try await store.createLearner(handle: handle, displayName: displayName, classCode: classCode)
        return (learner, try await store.createSession(for: learner.id))
    }
}
