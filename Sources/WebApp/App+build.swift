import Foundation
import Hummingbird
import LessonKit
import Logging
import ProgressStore

/// Where `kubetutor serve` listens and where it finds its lessons and static files.
public struct ServerSettings: Sendable {
    /// The address to bind (`127.0.0.1` keeps the tutorial on this machine).
    public var host: String
    /// The TCP port to listen on.
    public var port: Int
    /// The folder of lesson files (`*.md`).
    public var lessonsDirectory: String
    /// The folder served at `/public` (CSS, images, scripts).
    public var publicDirectory: String
    /// The token that opens the instructor pages (`/instructor`); nil leaves them closed to everyone (401).
    public var instructorToken: String?

    /// Creates settings; the defaults are the ones `kubetutor serve` documents.
    public init(
        host: String = "127.0.0.1", port: Int = 8080, lessonsDirectory: String = "./Lessons", publicDirectory: String = "./Public",
        instructorToken: String? = nil
    ) {
        self.host = host
        self.port = port
        self.lessonsDirectory = lessonsDirectory
        self.publicDirectory = publicDirectory
        self.instructorToken = instructorToken
    }
}

/// The site as rendered at start-up: every lesson's page, and the checked public folder.
public struct RenderedSite: Sendable {
    /// The pages, rendered once.
    public let pages: SitePages
    /// The folder served at `/public`.
    public let publicFiles: PublicFiles

    /// Loads and renders every lesson once, and checks the public folder.
    ///
    /// - Throws: ``LessonKit/LessonError`` when a lesson file is malformed (each problem `file:line: what is wrong`),
    ///   ``WebAppError`` when the public folder is missing or a page template is broken.
    public init(_ settings: ServerSettings, logger: Logger) throws {
        let loader = LessonLoader(renderer: HTMLRenderer(reservedAnchors: SitePages.layoutAnchors))
        let catalog = try loader.loadCatalog(fromDirectory: settings.lessonsDirectory)
        pages = try SitePages(catalog: catalog)
        publicFiles = try PublicFiles(directory: settings.publicDirectory)
        logger.info(
            "Lessons loaded",
            metadata: ["count": "\(catalog.lessons.count)", "lessons": "\(settings.lessonsDirectory)", "public": "\(settings.publicDirectory)"]
        )
    }
}

/// Builds the web application over a rendered site and a progress store.
public func buildApplication(_ settings: ServerSettings, site: RenderedSite, store: any ProgressStore, logger: Logger) -> some ApplicationProtocol {
    Application(
        router: buildRouter(
            pages: site.pages, publicFiles: site.publicFiles, store: store, instructor: InstructorAccess(token: settings.instructorToken)),
        configuration: ApplicationConfiguration(address: .hostname(settings.host, port: settings.port), serverName: "kubetutor"),
        logger: logger
    )
}

/// Builds the web application: loads and renders every lesson once, then sets up the routes over `store`.
///
/// - Throws: ``LessonKit/LessonError`` when a lesson file is malformed (each problem `file:line: what is wrong`),
///   ``WebAppError`` when the public folder is missing or a page template is broken.
public func buildApplication(_ settings: ServerSettings, store: any ProgressStore, logger: Logger) throws -> some ApplicationProtocol {
    buildApplication(settings, site: try RenderedSite(settings, logger: logger), store: store, logger: logger)
}

/// Builds the router: the course (`/`), `/join`, the lessons with their form posts, the JSON API under `/api`,
/// static files under `/public`, `/healthz`, and the instructor's reports under `/instructor` (open only to `instructor`).
/// Every error becomes a page (or JSON under `/api`).
public func buildRouter(
    pages: SitePages, publicFiles: PublicFiles, store: any ProgressStore, instructor: InstructorAccess = InstructorAccess(token: nil)
) -> Router<AppRequestContext> {
    let router = Router(context: AppRequestContext.self, options: .autoGenerateHeadEndpoints)
    let renderer = PageRenderer(pages: pages)
    let tutor = Tutor(catalog: pages.catalog, store: store)
    // Outermost first: the session is known to the error pages, errors from the guard become pages, and
    // the error middleware also wraps the router's own "no such route".
    let errors = ErrorResponseMiddleware(renderer: renderer)
    router.add(middleware: SessionMiddleware(store: store, errors: errors))
    router.add(middleware: errors)
    router.add(middleware: RequestGuardMiddleware<AppRequestContext>())
    let instructorPages = InstructorPages(pages: pages, renderer: renderer)
    router.add(middleware: InstructorGuardMiddleware(access: instructor, pages: instructorPages))
    router.get("/healthz") { _, _ in
        "ok"
    }
    let lessons = LessonController(tutor: tutor, pages: pages, renderer: renderer)
    router.get("/", use: lessons.list)
    router.addRoutes(JoinController(store: store, renderer: renderer).endpoints, atPath: "/join")
    router.addRoutes(lessons.endpoints, atPath: "/lessons")
    router.addRoutes(APIController(tutor: tutor, pages: pages, renderer: renderer).endpoints, atPath: "/api")
    router.addRoutes(
        InstructorController(store: store, access: instructor, pages: instructorPages, outline: CourseOutline(catalogOf: pages)).endpoints,
        atPath: "/instructor")
    router.addRoutes(PublicFileController<AppRequestContext>(files: publicFiles).endpoints, atPath: "/public")
    return router
}
