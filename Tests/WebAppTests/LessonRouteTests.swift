import Foundation
import Hummingbird
import HummingbirdTesting
import ProgressStore
import Testing
import WebApp

/// `/`, `/lessons/<id>` and the plain form posts that work with JavaScript off.
@Suite struct LessonRouteTests {
    static let lesson = "/lessons/\(FixtureCourse.lessonID)"
    static let checkURL = "/lessons/\(FixtureCourse.lessonID)/exercises/\(FixtureCourse.exerciseID)"

    @Test func theIndexShowsTheCourseAndEachLessonsProgress() async throws {
        try await TestApp.make().test(.router) { client in
            try await client.get("/") { response in
                #expect(response.status == .ok)
                #expect(response.text.contains(#"href="/lessons/clusterip""#))
                #expect(response.text.contains("1 exercise · 2 questions"))
                #expect(response.text.contains(#"<p class="join-callout">"#), "a visitor is invited to join")
                #expect(!response.text.contains("progress-badge"))
                #expect(!response.text.contains("<!--kubetutor:"), "every slot is filled")
            }
            let cookie = try await client.join("ana")
            try await client.get("/", cookie: cookie) { response in
                #expect(response.text.contains("You have completed <strong>0</strong> of 2 lessons."))
                #expect(response.text.contains(#"<span class="progress-badge is-new">Not started</span>"#))
            }
            try await client.postForm(Self.checkURL, [("yaml", FixtureCourse.passingYAML)], cookie: cookie)
            try await client.get("/lessons", cookie: cookie) { response in
                #expect(response.text.contains(#"<span class="progress-badge is-started">1/1 exercises passed · 0/2 questions right</span>"#))
            }
        }
    }

    @Test func aVisitorSeesTheEditorWithTheStarterAndAWayToJoin() async throws {
        try await TestApp.make().test(.router) { client in
            try await client.get(Self.lesson) { response in
                #expect(response.status == .ok)
                let html = response.text
                #expect(html.contains(#"<section class="exercise" id="exercise-fix-selector""#))
                #expect(
                    html.contains(
                        #"<form class="exercise-form" method="post" action="/lessons/clusterip/exercises/fix-selector#exercise-fix-selector""#))
                #expect(html.contains("<textarea class=\"editor-text\" id=\"yaml-fix-selector\" name=\"yaml\""))
                #expect(html.contains("    app: web-deployment\n"), "the starter YAML is in the editor")
                #expect(html.contains(#"<span class="editor-line" data-line="11">11</span>"#), "the gutter numbers every line")
                #expect(html.contains(#"<button type="submit" class="button">Check</button>"#))
                #expect(html.contains(#"<a href="/join?next=/lessons/clusterip%23exercise-fix-selector">join first</a>"#))
                #expect(html.contains("<summary>Hint 1 of 2</summary>"))
                #expect(!html.contains("app: web\n  ports"), "the solution is not on the page before a pass")
                #expect(html.contains(#"<svg xmlns="http://www.w3.org/2000/svg" class="cluster-svg""#), "the cluster is drawn")
                #expect(html.contains(#"<input type="radio" name="choice" value="0" required>"#))
                #expect(html.contains("<details class=\"console\" id=\"console-fix-selector\">"))
                #expect(!html.contains("<!--kubetutor:"))
            }
        }
    }

    @Test func visitorsShareOnePageAndALearnerStillGetsTheirOwn() async throws {
        // The page a visitor sees is rendered once and then sent as it is; a learner's page must never come from it.
        try await TestApp.make().test(.router) { client in
            var first = ""
            try await client.get(Self.lesson) { first = $0.text }
            try await client.get(Self.lesson) { response in
                #expect(response.text == first, "the second visitor gets the same bytes")
                #expect(response.headers[.cacheControl] == "no-store")
                #expect(response.headers[.contentType] == "text/html; charset=utf-8")
            }
            let cookie = try await client.join("ana")
            try await client.postForm(Self.checkURL, [("yaml", "kind: Service\n# mine\n")], cookie: cookie)
            try await client.get(Self.lesson, cookie: cookie) { response in
                #expect(response.text != first)
                #expect(response.text.contains("# mine"), "the learner's last answer, not the visitors' page")
                #expect(response.text.contains("ana"))
            }
            try await client.get(Self.lesson) { response in
                #expect(response.text == first, "and visitors still get theirs")
                #expect(!response.text.contains("# mine"))
            }
        }
    }

    @Test func aVisitorWhoChecksIsSentToJoinAndBack() async throws {
        try await TestApp.make().test(.router) { client in
            try await client.postForm(Self.checkURL, [("yaml", FixtureCourse.passingYAML)]) { response in
                #expect(response.status == .seeOther)
                #expect(response.headers[.location] == "/join?next=/lessons/clusterip%23exercise-fix-selector")
            }
            try await client.postForm("\(Self.lesson)/quiz/ping", [("choice", "0")]) { response in
                #expect(response.status == .seeOther)
                #expect(response.headers[.location] == "/join?next=/lessons/clusterip%23quiz-ping")
            }
        }
    }

    @Test func aWrongAnswerIsMarkedOnItsLineAndRecorded() async throws {
        let store = InMemoryProgressStore()
        try await TestApp.make(store: store).test(.router) { client in
            let cookie = try await client.join("ana")
            try await client.postForm(
                Self.checkURL, [("yaml", FixtureCourse.invalidYAML.replacingOccurrences(of: "\n", with: "\r\n"))], cookie: cookie
            ) {
                response in
                #expect(response.status == .ok)
                let html = response.text
                #expect(html.contains(#"<span class="editor-line has-error" data-line="8" title="error: Service in version"#))
                #expect(html.contains(#"<span class="editor-line" data-line="7">7</span>"#))
                #expect(
                    html.contains(#"<li class="diagnostic is-error" data-line="8"><span class="diagnostic-where">Line 8, column 7 · error</span>"#))
                #expect(html.contains("✗</span> 0 of 3 checks pass."))
                // Each check under its own name: a view once answered the template's `name` with the word "name".
                #expect(html.contains(#"<strong class="check-name">valid</strong>"#))
                #expect(html.contains(#"<strong class="check-name">both Pods are endpoints</strong>"#))
                #expect(html.contains(#"<strong class="check-name">client reaches web</strong>"#))
                #expect(!html.contains(#"<strong class="check-name">name</strong>"#))
                #expect(html.contains("Saved as attempt 1."))
                #expect(html.contains("    matchLabels:\n"), "the editor keeps what the learner sent, with plain line ends")
                #expect(html.contains("1 attempt, not passed yet"))
                #expect(html.contains(#"<details class="trace is-failed" open>"#), "the failing request is drawn")
                #expect(html.contains("dropped (nxdomain)"))
            }
        }
        let learner = try #require(try await store.learner(handle: "ana"))
        let progress = try await store.progress(of: learner.id).lesson(FixtureCourse.lessonID)?.exercise(FixtureCourse.exerciseID)
        #expect(progress?.attempts == 1)
        #expect(progress?.passed == false)
        #expect(progress?.openedAt != nil, "opening the lesson page recorded the exercise as opened")
    }

    @Test func aPassingAnswerShowsTheSolutionAndTheTracesAndSticks() async throws {
        try await TestApp.make().test(.router) { client in
            let cookie = try await client.join("ana")
            try await client.postForm(Self.checkURL, [("yaml", FixtureCourse.passingYAML)], cookie: cookie) { response in
                let html = response.text
                #expect(html.contains("✓</span> Passed: every check holds."))
                #expect(html.contains("<summary>You passed: the reference solution</summary>"))
                #expect(html.contains("Passed · 1 attempt"))
                #expect(html.contains(#"<section class="exercise is-passed""#))
                #expect(html.contains("delivered to pod/web-deployment-"))
                #expect(html.contains(#"class="trace-svg""#))
                #expect(html.contains("<strong>kube-proxy</strong> at <code>node/w1</code>"), "the trace's text twin lists each hop")
            }
            try await client.get(Self.lesson, cookie: cookie) { response in
                let html = response.text
                #expect(html.contains("Your last answer (attempt 1), checked again."))
                #expect(html.contains("    app: web\n  ports:"), "the editor holds the last answer")
                #expect(html.contains("<summary>You passed: the reference solution</summary>"))
            }
        }
    }

    @Test func answeringAllQuestionsAndPassingCompletesTheLesson() async throws {
        try await TestApp.make().test(.router) { client in
            let cookie = try await client.join("ana")
            try await client.postForm("\(Self.lesson)/quiz/ping", [("choice", "1")], cookie: cookie) { response in
                #expect(response.status == .ok)
                #expect(response.text.contains(#"<label class="choice is-wrong"><input type="radio" name="choice" value="1" checked required>"#))
                #expect(response.text.contains("B is not right. Try another answer."))
                #expect(response.text.contains("The ping never reaches a Pod."))
                #expect(!response.text.contains("A ClusterIP is virtual."), "the explanation waits for the right answer")
            }
            try await client.postForm("\(Self.lesson)/quiz/ping", [("choice", "0")], cookie: cookie) { response in
                #expect(response.text.contains(#"<label class="choice is-correct"><input type="radio" name="choice" value="0" checked required>"#))
                #expect(response.text.contains("A is right."))
                #expect(response.text.contains("A ClusterIP is virtual."))
            }
            try await client.postForm("\(Self.lesson)/quiz/ready", [("choice", "1")], cookie: cookie)
            try await client.get("/", cookie: cookie) { response in
                #expect(!response.text.contains("✓ Completed"), "the exercise is not passed yet")
            }
            try await client.postForm(Self.checkURL, [("yaml", FixtureCourse.passingYAML)], cookie: cookie) { response in
                #expect(response.text.contains(#"<span class="progress-badge is-complete">✓ Completed</span>"#))
            }
            try await client.get("/", cookie: cookie) { response in
                #expect(response.text.contains("You have completed <strong>1</strong> of 2 lessons."))
            }
        }
    }

    @Test func aFinishedLessonLeftUnmarkedByAKillIsMarkedWhenItIsNextOpened() async throws {
        // Completion is checked when an exercise first passes; if the server died between that attempt's commit and the
        // completion's, no later pass would mark it, so opening the lesson does.
        let store = InMemoryProgressStore()
        try await TestApp.make(store: store).test(.router) { client in
            let cookie = try await client.join("ana")
            let ana = try #require(try await store.learner(handle: "ana"))
            for (quiz, choice) in [("ping", 0), ("ready", 1)] {
                try await client.postForm("\(Self.lesson)/quiz/\(quiz)", [("choice", "\(choice)")], cookie: cookie)
            }
            // The passing attempt as the store has it after a kill: committed, the lesson not marked.
            _ = try await store.recordAttempt(
                AttemptSubmission(learnerID: ana.id, lesson: FixtureCourse.lessonID, exercise: FixtureCourse.exerciseID, yaml: FixtureCourse.passingYAML, passed: true))
            #expect(try await store.progress(of: ana.id).lesson(FixtureCourse.lessonID)?.isCompleted == false)
            try await client.get(Self.lesson, cookie: cookie) { response in
                #expect(response.text.contains(#"<span class="progress-badge is-complete">✓ Completed</span>"#))
            }
            #expect(try await store.progress(of: ana.id).lesson(FixtureCourse.lessonID)?.isCompleted == true)
        }
    }

    @Test func aQuizPostWithoutAChoiceIsExplained() async throws {
        try await TestApp.make().test(.router) { client in
            let cookie = try await client.join("ana")
            for fields in [[(String, String)](), [("choice", "7")], [("choice", "x")]] {
                try await client.postForm("\(Self.lesson)/quiz/ping", fields, cookie: cookie) { response in
                    #expect(response.status == .badRequest)
                    #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                    #expect(response.text.contains("That did not work"))
                }
            }
        }
    }

    @Test func theConsoleFormRunsKubectlAgainstTheExercisesCluster() async throws {
        try await TestApp.make().test(.router) { client in
            let cookie = try await client.join("ana")
            try await client.postForm("\(Self.checkURL)/console", [("command", "get svc")], cookie: cookie) { response in
                #expect(response.status == .ok)
                let html = response.text
                #expect(html.contains(#"<details class="console" id="console-fix-selector" open>"#))
                #expect(html.contains(#"<span class="console-command">$ kubectl get svc</span>"#))
                #expect(html.contains("kubernetes   ClusterIP   10.96.0.1"))
                #expect(!html.contains("\nweb "), "no answer was checked yet, so the Service web is not there")
                #expect(html.contains(#"<input type="hidden" name="history" value="get svc">"#))
            }
            try await client.postForm(Self.checkURL, [("yaml", FixtureCourse.passingYAML)], cookie: cookie)
            let history = [("history", "label node w1 disk=ssd"), ("command", "get nodes --show-labels")]
            try await client.postForm("\(Self.checkURL)/console", history, cookie: cookie) { response in
                let html = response.text
                #expect(html.contains("$ kubectl label node w1 disk=ssd</span>\nnode/w1 labeled"), "the history is replayed")
                #expect(html.contains("disk=ssd"))
            }
            try await client.postForm("\(Self.checkURL)/console", [("command", "get endpoints web")], cookie: cookie) { response in
                #expect(response.text.contains("10.244.1.2:80,10.244.2.2:80"), "the last answer is in the cluster")
            }
            try await client.postForm("\(Self.checkURL)/console", [("command", "   ")], cookie: cookie) { response in
                #expect(response.status == .ok)
                #expect(response.text.contains(#"<p class="form-error" role="alert">Type a kubectl command"#))
            }
        }
    }

    @Test func theConsoleEscapesWhatItPrints() async throws {
        try await TestApp.make().test(.router) { client in
            try await client.postForm("\(Self.checkURL)/console", [("command", "get pods <img src=x onerror=alert(1)>")]) { response in
                #expect(!response.text.contains("<img src=x"))
                #expect(response.text.contains("&lt;img src=x onerror=alert(1)&gt;"))
            }
        }
    }

    @Test func unknownLessonsExercisesAndQuestionsGetTheFriendly404Page() async throws {
        try await TestApp.make().test(.router) { client in
            let cookie = try await client.join("ana")
            for uri in ["/lessons/nope", "/lessons/nope/exercises/fix-selector", "\(Self.lesson)/exercises/nope", "\(Self.lesson)/quiz/nope"] {
                try await client.get(uri, cookie: cookie) { response in
                    #expect(response.status == .notFound, "\(uri)")
                    #expect(response.text.contains("There is nothing at this address"))
                }
            }
            for uri in [
                "/lessons/nope/exercises/x", "\(Self.lesson)/exercises/nope", "\(Self.lesson)/exercises/nope/console", "\(Self.lesson)/quiz/nope",
            ] {
                try await client.postForm(uri, [("yaml", "a: b"), ("choice", "0"), ("command", "get pods")], cookie: cookie) { response in
                    #expect(response.status == .notFound, "\(uri)")
                    #expect(response.text.contains("There is nothing at this address"))
                    #expect(response.text.contains(#"<span class="visually-hidden">Signed in as </span>ana"#), "the 404 page still knows the learner")
                }
            }
        }
    }

    @Test func openingAFormsAddressLeadsBackToTheLesson() async throws {
        try await TestApp.make().test(.router) { client in
            try await client.get(Self.checkURL) { response in
                #expect(response.status == .seeOther)
                #expect(response.headers[.location] == "/lessons/clusterip#exercise-fix-selector")
            }
            try await client.get("\(Self.checkURL)/console") { response in
                #expect(response.headers[.location] == "/lessons/clusterip#console-fix-selector")
            }
            try await client.get("\(Self.lesson)/quiz/ping") { response in
                #expect(response.headers[.location] == "/lessons/clusterip#quiz-ping")
            }
        }
    }

    @Test func aLessonWithNothingToDoHasNoForms() async throws {
        try await TestApp.make().test(.router) { client in
            try await client.get("/lessons/reading") { response in
                #expect(response.status == .ok)
                #expect(!response.text.contains("<form"))
            }
        }
    }

    @Test func pagesWithALearnersStateAreNotCached() async throws {
        try await TestApp.make().test(.router) { client in
            let cookie = try await client.join("ana")
            try await client.get(Self.lesson, cookie: cookie) { response in
                #expect(response.headers[.cacheControl] == "no-store")
                #expect(response.headers[.contentSecurityPolicy]?.contains("default-src 'self'") == true)
            }
        }
    }
}
