import Foundation
import Hummingbird
import HummingbirdTesting
import ProgressStore
import Testing
import WebApp

/// A progress database that has gone away (closed under the server): pages and the API still answer, with a
/// general sentence and no internal detail, and nothing is acknowledged that was not saved.
@Suite struct StoreFailureTests {
    /// A SQLite store with one learner signed in, then closed: every later call fails.
    static func closedStore() async throws -> (SQLiteProgressStore, cookie: String) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("webapp-db-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let store = try SQLiteProgressStore(path: folder.appendingPathComponent("kubetutor.db").path)
        let learner = try await store.createLearner(handle: "ana", displayName: "")
        let session = try await store.createSession(for: learner.id)
        try store.close()
        return (store, "kubetutor_session=\(session.token)")
    }

    @Test func aVisitorStillReadsTheLessons() async throws {
        let (store, _) = try await Self.closedStore()
        try await TestApp.make(store: store).test(.router) { client in
            for uri in ["/", "/lessons/clusterip", "/join"] {
                try await client.get(uri) { response in
                    #expect(response.status == .ok, "\(uri)")
                }
            }
        }
    }

    @Test func pagesSayTheProgressCouldNotBeRead() async throws {
        let (store, cookie) = try await Self.closedStore()
        try await TestApp.make(store: store).test(.router) { client in
            for uri in ["/", "/lessons/clusterip"] {
                try await client.get(uri, cookie: cookie) { response in
                    #expect(response.status == .internalServerError, "\(uri)")
                    #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                    #expect(response.text.contains("<h1>Something went wrong</h1>"))
                    #expect(response.text.contains("Your progress could not be saved or read."))
                    #expect(!response.text.contains("SQLite") && !response.text.contains("kubetutor.db"), "no internal detail reaches the page")
                }
            }
            try await client.postForm("/join", [("handle", "kim")]) { response in
                #expect(response.status == .internalServerError)
                #expect(response.headers[.setCookie] == nil)
            }
        }
    }

    @Test func anAttemptThatCouldNotBeSavedIsNotAcknowledged() async throws {
        let (store, cookie) = try await Self.closedStore()
        try await TestApp.make(store: store).test(.router) { client in
            try await client.postJSON("/api/lessons/clusterip/exercises/fix-selector/attempts", #"{"yaml": "a: b"}"#, cookie: cookie) { response in
                #expect(response.status == .internalServerError)
                let error = try response.jsonError()
                #expect(error == "Your progress could not be saved or read. Try again in a moment.")
                #expect(!response.text.contains("passed"))
            }
            try await client.get("/api/progress", cookie: cookie) { response in
                #expect(response.status == .internalServerError)
                #expect(response.headers[.contentType] == "application/json; charset=utf-8")
            }
            try await client.postForm("/lessons/clusterip/quiz/ping", [("choice", "0")], cookie: cookie) { response in
                #expect(response.status == .internalServerError)
            }
        }
    }
}
