import Foundation
import Hummingbird
import HummingbirdTesting
import LessonKit
import Logging
import ProgressStore
import Testing
import WebApp

/// The routes of `kubetutor serve`, exercised through the router with the shipped lessons and CSS.
@Suite struct WebAppTests {
    /// The repository root, found from this file so the tests run from any folder.
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let settings = ServerSettings(
        lessonsDirectory: repository.appendingPathComponent("Lessons").path,
        publicDirectory: repository.appendingPathComponent("Public").path
    )

    func makeApplication(_ settings: ServerSettings = settings) throws -> some ApplicationProtocol {
        var logger = Logger(label: "WebAppTests")
        logger.logLevel = .critical
        return try buildApplication(settings, store: InMemoryProgressStore(), logger: logger)
    }

    @Test func theIndexListsTheLessons() async throws {
        try await makeApplication().test(.router) { client in
            try await client.execute(uri: "/", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                let html = String(buffer: response.body)
                #expect(html.contains("<link rel=\"stylesheet\" href=\"/public/style.css\">"))
                #expect(html.contains("href=\"/lessons/pod-network-namespace\""))
                #expect(html.contains("Containers in a Pod share one network namespace"))
            }
        }
    }

    @Test func aLessonPageShowsItsTitleAndRenderedBody() async throws {
        try await makeApplication().test(.router) { client in
            try await client.execute(uri: "/lessons/pod-network-namespace", method: .get) { response in
                #expect(response.status == .ok)
                let html = String(buffer: response.body)
                #expect(html.contains("<title>Containers in a Pod share one network namespace · KubeTutor</title>"))
                #expect(html.contains("<h1>Containers in a Pod share one network namespace</h1>"))
                #expect(html.contains("<h2 id=\"the-yaml\">"))
                #expect(html.contains("<pre><code class=\"language-yaml\">apiVersion: v1"))
                #expect(html.contains("<a href=\"#what-goes-wrong\">What goes wrong</a>"), "the table of contents links to the sections")
                #expect(html.contains("<img src=\"/public/img/pod-network-namespace.svg\""))
            }
        }
    }

    @Test func anUnknownLessonGetsTheFriendly404Page() async throws {
        try await makeApplication().test(.router) { client in
            for uri in ["/lessons/no-such-lesson", "/no/such/page", "/lessons/%3Cscript%3E"] {
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.status == .notFound, "\(uri)")
                    #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                    let html = String(buffer: response.body)
                    #expect(html.contains("There is nothing at this address"))
                    #expect(html.contains("href=\"/lessons/pod-network-namespace\""), "the 404 page offers the lessons")
                    #expect(!html.contains("<script>"))
                }
            }
        }
    }

    @Test func theStylesheetIsServedAsCSS() async throws {
        try await makeApplication().test(.router) { client in
            try await client.execute(uri: "/public/style.css", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/css; charset=utf-8")
                #expect(String(buffer: response.body).contains("--accent"))
            }
            try await client.execute(uri: "/public/img/pod-network-namespace.svg", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "image/svg+xml")
            }
        }
    }

    @Test(arguments: [
        "/public/../Package.swift",
        "/public/%2e%2e/Package.swift",
        "/public/%2E%2E/Package.swift",
        "/public/..%2FPackage.swift",
        "/public/%2e%2e%2fPackage.swift",
        "/public/img/../../Package.swift",
        "/public/%252e%252e/Package.swift",
        "/public/.hidden",
        "/public//etc/passwd",
        "/public/%2Fetc%2Fpasswd",
        "/public/img",
        "/public/",
        "/public/missing.css",
    ])
    func pathsOutsideThePublicFolderAreNotFound(uri: String) async throws {
        try await makeApplication().test(.router) { client in
            try await client.execute(uri: uri, method: .get) { response in
                #expect(response.status == .notFound, "\(uri)")
                #expect(!String(buffer: response.body).contains("swift-tools-version"))
            }
        }
    }

    @Test func healthzAnswersOk() async throws {
        try await makeApplication().test(.router) { client in
            try await client.execute(uri: "/healthz", method: .get) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body) == "ok")
            }
        }
    }

    @Test func aMalformedLessonStopsTheBuildWithFileAndLine() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("webapp-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("---\nid: broken\ntitle: Broken\norder: 1\nminutes: 5\n---\n".utf8)
            .write(to: folder.appendingPathComponent("broken.md"))
        var settings = Self.settings
        settings.lessonsDirectory = folder.path
        #expect {
            _ = try makeApplication(settings)
        } throws: { error in
            (error as? LessonError)?.description == "\(folder.path)/broken.md:1: front matter: missing field \"summary\""
        }
    }

    @Test func aMissingPublicFolderStopsTheBuild() {
        var settings = Self.settings
        settings.publicDirectory = "/nonexistent/Public"
        #expect(throws: WebAppError.self) {
            _ = try makeApplication(settings)
        }
    }
}
