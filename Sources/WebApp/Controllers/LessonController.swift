import Hummingbird

/// `/lessons` (the list) and `/lessons/<id>` (one lesson), served from pages rendered at start-up.
public struct LessonController<Context: RequestContext>: Sendable {
    /// The pre-rendered pages.
    let pages: SitePages

    /// Creates the controller over pages rendered once.
    public init(pages: SitePages) {
        self.pages = pages
    }

    /// The routes, to mount at `/lessons`.
    public var endpoints: RouteCollection<Context> {
        RouteCollection(context: Context.self)
            .get(use: list)
            .get(":id", use: show)
    }

    @Sendable func list(request: Request, context: Context) -> HTMLPage {
        pages.index
    }

    @Sendable func show(request: Request, context: Context) throws -> Response {
        let id = try context.parameters.require("id")
        guard let page = pages.lessons[id] else {
            return pages.notFound.response(status: .notFound)
        }
        return page.response(status: .ok)
    }
}
