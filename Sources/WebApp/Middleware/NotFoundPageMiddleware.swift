import Hummingbird

/// Answers every "not found" (an unknown route, a missing file, an unknown lesson) with the friendly HTML 404 page.
struct NotFoundPageMiddleware<Context: RequestContext>: RouterMiddleware {
    let page: HTMLPage

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as any HTTPResponseError where error.status == .notFound {
            return page.response(status: .notFound)
        }
    }
}
