import Foundation
import Hummingbird
import HummingbirdTesting
import ProgressStore
import Testing
import WebApp

/// Bad input and other sites: oversized bodies, cross-site form posts, learner text in pages.
@Suite struct SecurityTests {
    static let checkURL = "/lessons/\(FixtureCourse.lessonID)/exercises/\(FixtureCourse.exerciseID)"
    static let attemptsURL = "/api\(checkURL)/attempts"

    @Test func aBodyOverOneMebibyteIsRefusedWith413() async throws {
        try await TestApp.make().test(.router) { client in
            let cookie = try await client.join("ana")
            let big = String(repeating: "a", count: RequestLimits.maxBodyBytes + 1)
            // The size is judged from Content-Length, before anything is read ...
            try await client.execute(
                uri: Self.checkURL, method: .post,
                headers: [
                    .contentType: "application/x-www-form-urlencoded", .origin: TestApp.origin, .cookie: cookie,
                    .contentLength: "\(big.utf8.count + 5)",
                ],
                body: ByteBuffer(string: "yaml=" + big)
            ) { response in
                #expect(response.status == .contentTooLarge)
                #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                #expect(response.text.contains("That is too large"))
            }
            try await client.execute(
                uri: Self.attemptsURL, method: .post,
                headers: [.contentType: "application/json", .cookie: cookie, .contentLength: "\(big.utf8.count + 12)"],
                body: ByteBuffer(string: #"{"yaml": "\#(big)"}"#)
            ) { response in
                #expect(response.status == .contentTooLarge)
                let error = try response.jsonError()
                #expect(error == "The request is larger than 1024 KiB.")
            }
            // ... and, without one, while the body is read.
            try await client.execute(
                uri: Self.attemptsURL, method: .post, headers: [.contentType: "application/json", .cookie: cookie],
                body: ByteBuffer(string: #"{"yaml": "\#(big)"}"#)
            ) { response in
                #expect(response.status == .contentTooLarge)
            }
            // Just under the limit is read (and graded as the odd YAML it is).
            let justUnder = String(repeating: "#", count: RequestLimits.maxBodyBytes - 64)
            try await client.postJSON(Self.attemptsURL, #"{"yaml": "\#(justUnder)"}"#, cookie: cookie) { response in
                #expect(response.status == .ok)
            }
        }
    }

    @Test(arguments: [
        ("http://evil.example", 403), ("null", 403), ("http://localhost.evil.example", 403), ("https://localhost:8443", 403),
        ("http://localhost", 303),
    ])
    func aFormPostMustComeFromThisSite(origin: String, status: Int) async throws {
        try await TestApp.make().test(.router) { client in
            try await client.postForm("/join", [("handle", "ana")], origin: origin) { response in
                #expect(response.status.code == status, "\(origin)")
                if status == 403 {
                    #expect(response.headers[.setCookie] == nil)
                    #expect(response.text.contains("<h1>Refused</h1>"))
                }
            }
        }
    }

    @Test func aFormPostWithoutOriginIsCheckedByItsReferer() async throws {
        try await TestApp.make().test(.router) { client in
            try await client.postForm("/join", [("handle", "ana")], origin: nil) { response in
                #expect(response.status == .forbidden)
            }
            try await client.execute(
                uri: "/join", method: .post,
                headers: [.contentType: "application/x-www-form-urlencoded", .referer: "http://localhost/join"],
                body: ByteBuffer(string: "handle=ana")
            ) { response in
                #expect(response.status == .seeOther)
            }
            try await client.execute(
                uri: "/join", method: .post,
                headers: [.contentType: "application/x-www-form-urlencoded", .referer: "http://evil.example/join"],
                body: ByteBuffer(string: "handle=bob")
            ) { response in
                #expect(response.status == .forbidden)
            }
        }
    }

    @Test func aCrossSiteExerciseOrQuizPostIsNotRecorded() async throws {
        let store = InMemoryProgressStore()
        try await TestApp.make(store: store).test(.router) { client in
            let cookie = try await client.join("ana")
            try await client.postForm(Self.checkURL, [("yaml", FixtureCourse.passingYAML)], cookie: cookie, origin: "http://evil.example") {
                response in
                #expect(response.status == .forbidden)
            }
            try await client.postForm("/lessons/clusterip/quiz/ping", [("choice", "0")], cookie: cookie, origin: "http://evil.example") { response in
                #expect(response.status == .forbidden)
            }
            // A JSON post that says it comes from elsewhere is refused too.
            try await client.execute(
                uri: Self.attemptsURL, method: .post,
                headers: [.contentType: "application/json", .cookie: cookie, .origin: "http://evil.example"],
                body: ByteBuffer(string: #"{"yaml": "a: b"}"#)
            ) { response in
                #expect(response.status == .forbidden)
                #expect(response.headers[.contentType] == "application/json; charset=utf-8")
            }
        }
        let learner = try #require(try await store.learner(handle: "ana"))
        #expect(try await store.timeline(of: learner.id).isEmpty)
    }

    @Test func everyLearnerStringIsEscaped() async throws {
        try await TestApp.make().test(.router) { client in
            let cookie = try await client.join("ana", json: #"{"handle": "ana", "displayName": "<img src=x onerror=alert(1)>\"'"}"#)
            let hostile = """
                apiVersion: v1
                kind: Service
                metadata:
                  name: "</textarea><script>alert(1)</script>"
                spec:
                  selector: {app: "<b>web</b>"}
                  ports:
                  - port: 80

                """
            try await client.postForm(Self.checkURL, [("yaml", hostile)], cookie: cookie) { response in
                let html = response.text
                #expect(!html.contains("<script>alert(1)"))
                #expect(!html.contains("</textarea><script>"))
                #expect(!html.contains("<b>web</b>"))
                #expect(!html.contains("<img src=x"))
                #expect(html.contains("&lt;/textarea&gt;&lt;script&gt;alert(1)&lt;/script&gt;"))
            }
            try await client.get("/", cookie: cookie) { response in
                #expect(response.text.contains(#"Welcome back, <strong>&lt;img src=x onerror=alert(1)&gt;&quot;&#39;</strong>"#))
            }
            try await client.get("/lessons/clusterip", cookie: cookie) { response in
                #expect(!response.text.contains("<img src=x"))
                #expect(!response.text.contains("<script>alert(1)"))
            }
        }
    }

    @Test func theSessionCookieIsTheOnlyWayIn() async throws {
        try await TestApp.make().test(.router) { client in
            let cookie = try await client.join("ana")
            let token = String(cookie.dropFirst("kubetutor_session=".count))
            // The token in a URL or another header means nothing.
            try await client.get("/api/progress?token=\(token)") { response in
                #expect(response.status == .unauthorized)
            }
            try await client.execute(uri: "/api/progress", method: .get, headers: [.authorization: "Bearer \(token)"]) { response in
                #expect(response.status == .unauthorized)
            }
            try await client.get("/api/progress", cookie: cookie) { response in
                #expect(response.status == .ok)
            }
        }
    }

    @Test func theHealthCheckAndStaticFilesNeedNoSession() async throws {
        try await TestApp.make().test(.router) { client in
            try await client.get("/healthz") { response in
                #expect(response.status == .ok)
                #expect(response.text == "ok")
            }
            try await client.get("/public/js/kubetutor.js") { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType]?.contains("javascript") == true)
                #expect(response.text.contains("data-check-api"))
            }
            for uri in ["/public/../Package.swift", "/public/js/../../Package.swift", "/public/%2e%2e/Package.swift"] {
                try await client.get(uri) { response in
                    #expect(response.status == .notFound, "\(uri)")
                    #expect(response.text.contains("There is nothing at this address"))
                }
            }
        }
    }
}
