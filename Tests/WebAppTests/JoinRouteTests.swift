import Foundation
import Hummingbird
import HummingbirdTesting
import ProgressStore
import Testing
import WebApp

/// `/join` and `POST /api/learners`: a handle (and maybe a class code) in, a session cookie out.
@Suite struct JoinRouteTests {
    @Test func theJoinPageAsksForAHandleAndRemembersWhereToGoBack() async throws {
        try await TestApp.make().test(.router) { client in
            try await client.get("/join?next=/lessons/clusterip%23exercise-fix-selector") { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                #expect(response.text.contains("<h1>Pick a handle</h1>"))
                #expect(response.text.contains(#"<form class="join-form" method="post" action="/join">"#))
                #expect(response.text.contains(#"<input type="hidden" name="next" value="/lessons/clusterip#exercise-fix-selector">"#))
                #expect(response.text.contains(#"name="classCode""#))
            }
        }
    }

    @Test(arguments: ["https://evil.example/", "//evil.example/", "/\\evil.example", "javascript:alert(1)"])
    func theJoinPageNeverSendsALearnerToAnotherSite(next: String) async throws {
        try await TestApp.make().test(.router) { client in
            let encoded = next.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
            try await client.get("/join?next=\(encoded)") { response in
                #expect(response.text.contains(#"<input type="hidden" name="next" value="/">"#))
            }
            try await client.postForm("/join", [("handle", "ana"), ("next", next)]) { response in
                #expect(response.status == .seeOther)
                #expect(response.headers[.location] == "/")
            }
        }
    }

    @Test func joiningSetsAnHttpOnlySameSiteLaxSessionCookieAndGoesBack() async throws {
        let store = InMemoryProgressStore()
        try await TestApp.make(store: store).test(.router) { client in
            var cookie = ""
            try await client.postForm("/join", [("handle", "ana"), ("classCode", ""), ("next", "/lessons/clusterip")]) { response in
                #expect(response.status == .seeOther)
                #expect(response.headers[.location] == "/lessons/clusterip")
                let setCookie = try #require(response.headers[.setCookie])
                #expect(setCookie.hasPrefix("kubetutor_session="))
                #expect(setCookie.contains("HttpOnly"))
                #expect(setCookie.contains("SameSite=Lax"))
                #expect(setCookie.contains("Path=/"))
                cookie = try #require(SessionCookieHeader.cookie(from: response))
            }
            try await client.get("/", cookie: cookie) { page in
                #expect(page.text.contains(#"<span class="visually-hidden">Signed in as </span>ana</span>"#))
                #expect(page.text.contains("Welcome back, <strong>ana</strong>"))
            }
        }
        #expect(try await store.learner(handle: "ana") != nil)
    }

    @Test func aClassCodePutsTheLearnerInThatClass() async throws {
        let store = InMemoryProgressStore()
        _ = try await store.createClassroom(code: "net101", name: "Networking 101")
        try await TestApp.make(store: store).test(.router) { client in
            try await client.postForm("/join", [("handle", "kim"), ("classCode", " net101 ")]) { response in
                #expect(response.status == .seeOther)
            }
        }
        #expect(try await store.learner(handle: "kim")?.classCode?.lowercased() == "net101")
    }

    @Test func anUnknownClassCodeIsExplainedOnTheForm() async throws {
        try await TestApp.make().test(.router) { client in
            try await client.postForm("/join", [("handle", "kim"), ("classCode", "nope")]) { response in
                #expect(response.status == .badRequest)
                #expect(response.headers[.setCookie] == nil)
                #expect(response.text.contains(#"class="form-error""#))
                #expect(response.text.contains("nope"))
                #expect(response.text.contains(#"value="kim""#), "what the learner typed stays in the form")
            }
        }
    }

    @Test func aTakenHandleIsRefusedSoNobodyBecomesSomeoneElse() async throws {
        try await TestApp.make().test(.router) { client in
            try await client.postForm("/join", [("handle", "ana")])
            try await client.postForm("/join", [("handle", "ANA")]) { response in
                #expect(response.status == .conflict)
                #expect(response.headers[.setCookie] == nil)
                #expect(response.text.contains("is taken"))
            }
        }
    }

    @Test func anInvalidHandleIsEscapedBackIntoTheForm() async throws {
        try await TestApp.make().test(.router) { client in
            try await client.postForm("/join", [("handle", "<script>alert(1)</script>")]) { response in
                #expect(response.status == .badRequest)
                #expect(!response.text.contains("<script>alert(1)"))
                #expect(response.text.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
                #expect(response.text.contains("is not a valid handle"))
            }
            try await client.postForm("/join", [("handle", "")]) { response in
                #expect(response.status == .badRequest)
            }
        }
    }

    @Test func theJSONTwinCreatesALearnerAndSetsTheCookie() async throws {
        try await TestApp.make().test(.router) { client in
            try await client.postJSON("/api/learners", #"{"handle": "ana"}"#) { response in
                #expect(response.status == .created)
                #expect(response.headers[.contentType] == "application/json; charset=utf-8")
                #expect(response.text == #"{"learner":"ana","displayName":"ana","classCode":null}"#)
                let setCookie = try #require(response.headers[.setCookie])
                #expect(setCookie.contains("HttpOnly") && setCookie.contains("SameSite=Lax"))
            }
            try await client.postJSON("/api/learners", #"{"handle": "ana"}"#) { response in
                #expect(response.status == .conflict)
                let error = try response.jsonError()
                #expect(error == "The handle “ana” is taken. Pick another one.")
            }
            try await client.postJSON("/api/learners", #"{"handle": "a b"}"#) { response in
                #expect(response.status == .badRequest)
                let error = try response.jsonError()
                #expect(error?.contains("is not a valid handle") == true)
            }
            try await client.postJSON("/api/learners", #"{"handle": "kim", "classCode": "none-such"}"#) { response in
                #expect(response.status == .badRequest)
            }
            try await client.postJSON("/api/learners", #"{"name": "ana"}"#) { response in
                #expect(response.status == .badRequest)
                let error = try response.jsonError()
                #expect(error?.contains(#"{"handle": "ana"}"#) == true)
            }
            try await client.execute(
                uri: "/api/learners", method: .post, headers: [.contentType: "text/plain", .origin: TestApp.origin],
                body: ByteBuffer(string: #"{"handle": "ana2"}"#)
            ) { response in
                #expect(response.status == .unsupportedMediaType)
            }
        }
    }

    @Test func signingInIsByCookieAndABadCookieIsNobody() async throws {
        try await TestApp.make().test(.router) { client in
            let cookie = try await client.join("ana")
            try await client.get("/join", cookie: cookie) { response in
                #expect(response.text.contains("You are signed in as <strong>ana</strong>"))
            }
            for bad in ["kubetutor_session=not-a-token", "kubetutor_session=<script>", "kubetutor_session="] {
                try await client.get("/", cookie: bad) { response in
                    #expect(response.status == .ok)
                    #expect(response.text.contains(#"<a class="join-link" href="/join">Join</a>"#))
                }
            }
        }
    }
}
