import Foundation
import Hummingbird
import LessonKit
import Logging

/// The request context every route uses; nothing per request needs storing yet.
public typealias AppRequestContext = BasicRequestContext

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

    /// Creates settings; the defaults are the ones `kubetutor serve` documents.
    public init(host: String = "127.0.0.1", port: Int = 8080, lessonsDirectory: String = "./Lessons", publicDirectory: String = "./Public") {
        self.host = host
        self.port = port
        self.lessonsDirectory = lessonsDirectory
        self.publicDirectory = publicDirectory
    }
}

/// Builds the web application: loads and renders every lesson once, then sets up the routes.
///
/// - Throws: ``LessonKit/LessonError`` when a lesson file is malformed (each problem `file:line: what is wrong`),
///   ``WebAppError`` when the public folder is missing or a page template is broken.
public func buildApplication(_ settings: ServerSettings, logger: Logger) throws -> some ApplicationProtocol {
    let loader = LessonLoader(renderer: HTMLRenderer(reservedAnchors: SitePages.layoutAnchors))
    let catalog = try loader.loadCatalog(fromDirectory: settings.lessonsDirectory)
    let pages = try SitePages(catalog: catalog)
    let publicFiles = try PublicFiles(directory: settings.publicDirectory)
    logger.info(
        "Lessons loaded",
        metadata: ["count": "\(catalog.lessons.count)", "lessons": "\(settings.lessonsDirectory)", "public": "\(settings.publicDirectory)"]
    )
    let router = buildRouter(pages: pages, publicFiles: publicFiles)
    return Application(
        router: router,
        configuration: ApplicationConfiguration(address: .hostname(settings.host, port: settings.port), serverName: "kubetutor"),
        logger: logger
    )
}

/// Builds the router: `/` and `/lessons/<id>` from pre-rendered pages, `/public/...` static files,
/// `/healthz`, and a friendly HTML page for anything not found.
public func buildRouter(pages: SitePages, publicFiles: PublicFiles) -> Router<AppRequestContext> {
    let router = Router(context: AppRequestContext.self, options: .autoGenerateHeadEndpoints)
    // Added first so that it wraps every route and the router's own "no such route" answer.
    router.add(middleware: NotFoundPageMiddleware(page: pages.notFound))
    router.get("/healthz") { _, _ in
        "ok"
    }
    router.get("/") { _, _ in
        pages.index
    }
    router.addRoutes(LessonController<AppRequestContext>(pages: pages).endpoints, atPath: "/lessons")
    router.addRoutes(PublicFileController<AppRequestContext>(files: publicFiles).endpoints, atPath: "/public")
    return router
}
