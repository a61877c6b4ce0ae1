import ClusterSim
import Foundation
import Hummingbird
import HummingbirdTesting
import LessonKit
import ProgressStore
import Testing
import WebApp

/// The JSON API: attempts, quiz answers, the console and the learner's own progress.
@Suite struct APIRouteTests {
    static let attempts = "/api/lessons/\(FixtureCourse.lessonID)/exercises/\(FixtureCourse.exerciseID)/attempts"
    static let console = "/api/lessons/\(FixtureCourse.lessonID)/exercises/\(FixtureCourse.exerciseID)/console"
    static let quiz = "/api/lessons/\(FixtureCourse.lessonID)/quiz/\(FixtureCourse.quizID)"

    static func yamlBody(_ yaml: String) -> String {
        #"{"yaml": \#(JSONText.quote(yaml))}"#
    }

    @Test func anAttemptAnswersWithTheChecksAndTheCheckersDiagnostics() async throws {
        try await TestApp.make().test(.router) { client in
            let cookie = try await client.join("ana")
            try await client.postJSON(Self.attempts + "?html=1", Self.yamlBody(FixtureCourse.invalidYAML), cookie: cookie) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "application/json; charset=utf-8")
                #expect(
                    response.text.hasPrefix(
                        #"{"passed":false,"checks":[{"name":"valid","passed":false,"message":"The API server refuses your YAML (1 error). Line 8: "#))
                let json = try response.json()
                let checks = try #require(json["checks"] as? [[String: Any]])
                #expect(checks.map { $0["name"] as? String } == ["valid", "both Pods are endpoints", "client reaches web"])
                let diagnostics = try #require(json["diagnostics"] as? [[String: Any]])
                #expect(diagnostics.count == 1)
                let diagnostic = try #require(diagnostics.first)
                #expect(diagnostic["severity"] as? String == "error")
                #expect(diagnostic["file"] as? String == ExerciseGrader.answerFile)
                #expect(diagnostic["line"] as? Int == 8)
                #expect(diagnostic["column"] as? Int == 7)
                #expect(diagnostic["kind"] as? String == "Service")
                #expect(diagnostic["field"] as? String == "spec.selector[matchLabels]")
                #expect((diagnostic["message"] as? String)?.hasPrefix("Service in version \"v1\" cannot be handled as a Service") == true)
                #expect(diagnostic["explanation"] != nil)
                #expect(json["attempt"] as? Int == 1)
                #expect((json["html"] as? String)?.contains("Saved as attempt 1.") == true)
            }
        }
    }

    @Test func theResultPanelComesOnlyWhenAskedForAndTheCountsFollowEachAttempt() async throws {
        // Without ?html=1 (curl, scripts) the answer is the grade alone; the counts come from the attempt's own commit.
        let store = InMemoryProgressStore()
        try await TestApp.make(store: store).test(.router) { client in
            let cookie = try await client.join("ana")
            let sent = [FixtureCourse.invalidYAML, FixtureCourse.passingYAML, FixtureCourse.invalidYAML]
            for (index, yaml) in sent.enumerated() {
                try await client.postJSON(Self.attempts, Self.yamlBody(yaml), cookie: cookie) { response in
                    let json = try response.json()
                    #expect(json["html"] == nil)
                    #expect(json["attempt"] as? Int == index + 1)
                    // Passed once (the second attempt), so from then on the exercise stays passed.
                    #expect(json["everPassed"] as? Bool == (index >= 1))
                    #expect(json["passed"] as? Bool == (index == 1))
                }
            }
            try await client.postJSON(Self.attempts + "?html=1", Self.yamlBody(FixtureCourse.invalidYAML), cookie: cookie) { response in
                let json = try response.json()
                #expect(json["attempt"] as? Int == 4)
                #expect((json["html"] as? String)?.contains("Saved as attempt 4.") == true)
                // Passed before, so the reference solution stays on show after a failing attempt.
                #expect((json["html"] as? String)?.contains("You passed: the reference solution") == true)
            }
            let learner = try #require(try await store.learner(handle: "ana"))
            let progress = try await store.progress(of: learner.id).lesson(FixtureCourse.lessonID)?.exercise(FixtureCourse.exerciseID)
            #expect(progress?.attempts == 4)
            #expect(progress?.passed == true)
        }
    }

    @Test func theLessonPageAsksForTheResultPanel() async throws {
        try await TestApp.make().test(.router) { client in
            let cookie = try await client.join("ana")
            try await client.get("/lessons/\(FixtureCourse.lessonID)", cookie: cookie) { response in
                #expect(response.text.contains(#"data-check-api="\#(Self.attempts)?html=1""#))
            }
        }
    }

    @Test func theDiagnosticsAreExactlyWhatKubetutorCheckPrints() async throws {
        // The same grader over the same text: the API embeds each diagnostic's contract JSON unchanged.
        let lessons = try FixtureCourse.folder()
        let lesson = try LessonLoader().loadLesson(atPath: lessons + "/01-clusterip.md")
        let exercise = try #require(lesson.exercise(withID: FixtureCourse.exerciseID))
        let expected = ExerciseGrader().grade(exercise, answer: FixtureCourse.invalidYAML).diagnostics.map(\.jsonText)
        try await TestApp.make(lessons: lessons).test(.router) { client in
            let cookie = try await client.join("ana")
            try await client.postJSON(Self.attempts, Self.yamlBody(FixtureCourse.invalidYAML), cookie: cookie) { response in
                #expect(response.text.contains(#""diagnostics":["# + expected.joined(separator: ",") + "]"))
            }
        }
    }

    @Test func anAttemptIsCommittedBeforeItIsAcknowledged() async throws {
        let store = InMemoryProgressStore()
        try await TestApp.make(store: store).test(.router) { client in
            let cookie = try await client.join("ana")
            let learner = try #require(try await store.learner(handle: "ana"))
            try await client.postJSON(Self.attempts + "?html=1", Self.yamlBody(FixtureCourse.passingYAML), cookie: cookie) { response in
                #expect(response.status == .ok)
                #expect(try response.json()["passed"] as? Bool == true)
                // By the time the answer is here, the store has the attempt.
                let timeline = try await store.timeline(of: learner.id)
                guard case .attempt(let attempt) = try #require(timeline.last) else {
                    Issue.record("the last entry is not an attempt")
                    return
                }
                #expect(attempt.yaml == FixtureCourse.passingYAML)
                #expect(attempt.passed)
                #expect(attempt.checks.map(\.passed) == [true, true, true])
                #expect((try response.json()["html"] as? String)?.contains("You passed: the reference solution") == true)
            }
        }
    }

    @Test func attemptsNeedALearnerAndKnownIdsAndJSON() async throws {
        try await TestApp.make().test(.router) { client in
            try await client.postJSON(Self.attempts, Self.yamlBody("a: b")) { response in
                #expect(response.status == .unauthorized)
                let error = try response.jsonError()
                #expect(error?.hasPrefix("Join first") == true)
            }
            let cookie = try await client.join("ana")
            for uri in ["/api/lessons/nope/exercises/fix-selector/attempts", "/api/lessons/clusterip/exercises/nope/attempts"] {
                try await client.postJSON(uri, Self.yamlBody("a: b"), cookie: cookie) { response in
                    #expect(response.status == .notFound, "\(uri)")
                    #expect(response.headers[.contentType] == "application/json; charset=utf-8")
                    let error = try response.jsonError()
                    #expect(error?.contains("nope") == true)
                }
            }
            try await client.postJSON(Self.attempts, #"{"yml": "a: b"}"#, cookie: cookie) { response in
                #expect(response.status == .badRequest)
            }
            try await client.postJSON(Self.attempts, "not json", cookie: cookie) { response in
                #expect(response.status == .badRequest)
            }
            try await client.execute(
                uri: Self.attempts, method: .post,
                headers: [.contentType: "application/x-www-form-urlencoded", .cookie: cookie, .origin: TestApp.origin],
                body: ByteBuffer(string: "yaml=a")
            ) { response in
                #expect(response.status == .unsupportedMediaType)
            }
            try await client.get("/api/nothing-here") { response in
                #expect(response.status == .notFound)
                #expect(response.headers[.contentType] == "application/json; charset=utf-8")
            }
        }
    }

    @Test func aQuizAnswerIsRecordedAndExplained() async throws {
        let store = InMemoryProgressStore()
        try await TestApp.make(store: store).test(.router) { client in
            try await client.postJSON(Self.quiz, #"{"choice": 0}"#) { response in
                #expect(response.status == .unauthorized)
            }
            let cookie = try await client.join("ana")
            try await client.postJSON(Self.quiz, #"{"choice": 1}"#, cookie: cookie) { response in
                #expect(response.status == .ok)
                let json = try response.json()
                #expect(json["correct"] as? Bool == false)
                #expect(json["choice"] as? Int == 1)
                #expect(json["why"] as? String == "The ping never reaches a Pod.")
                #expect(json["explanation"] is NSNull)
            }
            try await client.postJSON(Self.quiz, #"{"choice": 0}"#, cookie: cookie) { response in
                let json = try response.json()
                #expect(json["correct"] as? Bool == true)
                #expect(json["explanation"] as? String == "A ClusterIP is virtual.")
                #expect((json["html"] as? String)?.contains("A is right.") == true)
            }
            for body in [#"{"choice": 2}"#, #"{"choice": -1}"#, #"{"choice": "A"}"#, "{}"] {
                try await client.postJSON(Self.quiz, body, cookie: cookie) { response in
                    #expect(response.status == .badRequest, "\(body)")
                }
            }
            try await client.postJSON("/api/lessons/clusterip/quiz/nope", #"{"choice": 0}"#, cookie: cookie) { response in
                #expect(response.status == .notFound)
            }
        }
        let learner = try #require(try await store.learner(handle: "ana"))
        let quiz = try await store.progress(of: learner.id).lesson(FixtureCourse.lessonID)?.quiz(FixtureCourse.quizID)
        #expect(quiz?.answers == 2)
        #expect(quiz?.everCorrect == true)
    }

    @Test func theConsoleRunsAgainstTheGivenManifestsPlusTheLastAnswer() async throws {
        try await TestApp.make().test(.router) { client in
            // A visitor's console has the given manifests only.
            try await client.postJSON(Self.console, #"{"command": "get pods"}"#) { response in
                #expect(response.status == .ok)
                let json = try response.json()
                #expect((json["stdout"] as? String)?.contains("client") == true)
                #expect(json["exitCode"] as? Int == 0)
                #expect(json["usesAnswer"] as? Bool == false)
                #expect(json["history"] as? [String] == ["get pods"])
            }
            let cookie = try await client.join("ana")
            try await client.postJSON(Self.attempts, Self.yamlBody(FixtureCourse.passingYAML), cookie: cookie)
            try await client.postJSON(
                Self.console, #"{"command": "kubectl exec client -- curl -s http://web/", "history": ["get svc"]}"#, cookie: cookie
            ) {
                response in
                let json = try response.json()
                #expect(json["usesAnswer"] as? Bool == true)
                #expect((json["stdout"] as? String)?.contains("Welcome to nginx!") == true)
                #expect(json["history"] as? [String] == ["get svc", "kubectl exec client -- curl -s http://web/"])
            }
            try await client.postJSON(Self.console, #"{"command": "describe svc nope"}"#, cookie: cookie) { response in
                let json = try response.json()
                #expect(json["exitCode"] as? Int == 1)
                #expect((json["stderr"] as? String)?.contains("NotFound") == true)
            }
            try await client.postJSON(Self.console, #"{"command": ""}"#, cookie: cookie) { response in
                #expect(response.status == .badRequest)
            }
            let long = String(repeating: "x", count: 5000)
            try await client.postJSON(Self.console, #"{"command": "get \#(long)"}"#, cookie: cookie) { response in
                #expect(response.status == .badRequest)
            }
            try await client.postJSON("/api/lessons/clusterip/exercises/nope/console", #"{"command": "get pods"}"#) { response in
                #expect(response.status == .notFound)
            }
        }
    }

    @Test func progressIsTheLearnersOwnAndOnlyTheirs() async throws {
        try await TestApp.make().test(.router) { client in
            try await client.get("/api/progress") { response in
                #expect(response.status == .unauthorized)
            }
            let ana = try await client.join("ana")
            let bob = try await client.join("bob")
            try await client.postJSON(Self.attempts, Self.yamlBody(FixtureCourse.passingYAML), cookie: ana)
            try await client.postJSON(Self.quiz, #"{"choice": 0}"#, cookie: ana)
            try await client.get("/api/progress", cookie: ana) { response in
                #expect(response.status == .ok)
                #expect(
                    response.text == #"{"learner":"ana","lessons":[{"id":"clusterip","completed":false,"#
                        + #""exercises":[{"id":"fix-selector","passed":true,"attempts":1}],"#
                        + #""quiz":[{"id":"ping","correct":true,"answered":true},{"id":"ready","correct":false,"answered":false}]},"#
                        + #"{"id":"reading","completed":false,"exercises":[],"quiz":[]}]}"#)
            }
            try await client.get("/api/progress", cookie: bob) { response in
                let json = try response.json()
                #expect(json["learner"] as? String == "bob")
                #expect(!response.text.contains(#""passed":true"#), "bob sees none of ana's work")
                #expect(!response.text.contains(#""answered":true"#))
            }
            try await client.get("/lessons/clusterip", cookie: bob) { response in
                #expect(!response.text.contains("Passed · "), "nor does bob's lesson page")
                #expect(response.text.contains("    app: web-deployment\n"), "bob's editor starts from the starter")
            }
            // No route takes a learner's name: asking for ana's progress by name is just a 404.
            try await client.get("/api/progress/ana", cookie: bob) { response in
                #expect(response.status == .notFound)
            }
        }
    }
}
