import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import ProgressStore
import Testing
import WebApp

/// A clock the test moves by hand, so that every recorded time is known.
final class ManualClock: @unchecked Sendable {
    private let lock = NSLock()
    private var time: Date

    init(_ time: Date) { self.time = time }

    var now: Date { lock.withLock { time } }

    func set(_ date: Date) { lock.withLock { time = date } }
}

/// A fixed class: five learners of the fixture course (one exercise, `clusterip/fix-selector`), retries, two classes.
///
/// | learner | class | attempts                      | passed after | completed |
/// |---------|-------|-------------------------------|--------------|-----------|
/// | ana     | mon   | fail, pass                    | 120 s        | clusterip |
/// | bo      | mon   | pass                          | 60 s         | clusterip |
/// | cy      | tue   | 5 × fail                      | -            | -         |
/// | dee     | tue   | none; joined 3 days ago       | -            | -         |
/// | eve     | -     | fail, fail, pass              | 300 s        | -         |
///
/// Over everyone: 4 tried, 3 passed (75 %), median attempts to pass 2 (of 2, 1, 3), median time 120 s (of 120, 60, 300).
/// "both Pods are endpoints" failed for 3 learners in 8 attempts; "valid" for 1 in 1; the nodePort message pattern for 3 in 8.
/// Stuck: cy (5 attempts without a pass), dee (idle 3 days).
struct InstructorDataset {
    static let token = "instructor-test-token-0123456789"
    static let lesson = FixtureCourse.lessonID
    static let exercise = FixtureCourse.exerciseID
    /// A name with a comma, quotes and a line break; another starting with `=`.
    static let anaName = "Ana, \"the\" Admin\nOps"
    static let boName = "=HYPERLINK(\"http://evil.example/\")"

    let store: InMemoryProgressStore
    let clock: ManualClock
    /// When ana, bo, cy and eve opened the exercise: an hour ago, so nobody active is idle.
    let t0: Date

    static func nodePortMessage(_ port: Int) -> String {
        "spec.ports[0].nodePort: Invalid value: \(port): provided port is not in the valid range. The range of valid ports is 30000-32767"
    }

    static let failingChecks = [
        CheckResult(name: "valid", passed: true, message: "accepted"),
        CheckResult(
            name: "both Pods are endpoints",
            passed: false,
            message: "the Service has 0 endpoints"
        ),
    ]

    static func make() async throws -> InstructorDataset {
        let t0 = Date(timeIntervalSince1970: (Date().timeIntervalSince1970 - 3600).rounded(.down))
        let clock = ManualClock(t0.addingTimeInterval(-3 * 86_400))
        let store = InMemoryProgressStore(clock: { clock.now })
        _ = try await store.createClassroom(code: "mon", name: "Monday, early")
        _ = try await store.createClassroom(code: "tue", name: "Tuesday")
        let dee = try await store.createLearner(handle: "dee", displayName: "Dee", classCode: "tue")
        _ = dee
        clock.set(t0)
        let ana = try await store.createLearner(handle: "ana", displayName: anaName, classCode: "mon")
        let bo = try await store.createLearner(handle: "bo", displayName: boName, classCode: "mon")
        let cy = try await store.createLearner(handle: "cy", displayName: "Cy", classCode: "tue")
        let eve = try await store.createLearner(handle: "eve", displayName: "Eve", classCode: nil)
        for learner in [ana, bo, cy, eve] {
            _ = try await store.recordExerciseOpen(
                learnerID: learner.id,
                lesson: lesson,
                exercise: exercise
            )
        }
        func attempt(
            _ learner: Learner,
            at seconds: Double,
            passed: Bool,
            port: Int = 0,
            checks: [CheckResult] = failingChecks
        ) async throws {
            clock.set(t0.addingTimeInterval(seconds))
            _ = try await store.recordAttempt(
                AttemptSubmission(
                    learnerID: learner.id,
                    lesson: lesson,
                    exercise: exercise,
                    yaml: "kind: Service # \(learner.handle) \(seconds)\n",
                    passed: passed,
                    checks: passed
                        ? checks.map { CheckResult(name: $0.name, passed: true, message: "ok") } : checks,
                    errorCount: passed ? 0 : 1,
                    firstErrorMessage: passed ? nil : nodePortMessage(port)
                )
            )
        }
        try await attempt(
            ana,
            at: 30,
            passed: false,
            port: 40000,
            checks: [CheckResult(name: "valid", passed: false, message: "refused"), failingChecks[1]]
        )
        try await attempt(ana, at: 120, passed: true)
        try await attempt(bo, at: 60, passed: true)
        for step in 1...5 {
            try await attempt(cy, at: Double(100 + step), passed: false, port: 40000 + step)
        }
        try await attempt(eve, at: 100, passed: false, port: 8080)
        try await attempt(eve, at: 200, passed: false, port: 9090)
        try await attempt(eve, at: 300, passed: true)
        clock.set(t0.addingTimeInterval(400))
        _ = try await store.markLessonCompleted(learnerID: ana.id, lesson: lesson)
        _ = try await store.markLessonCompleted(learnerID: bo.id, lesson: lesson)
        return InstructorDataset(store: store, clock: clock, t0: t0)
    }

    func app() throws -> some ApplicationProtocol {
        try InstructorTestApp.make(store: store)
    }
}

enum InstructorTestApp {
    static func make(
        store: any ProgressStore,
        token: String? = InstructorDataset.token
    ) throws
        -> some ApplicationProtocol
    {
        var logger = Logger(label: "InstructorTests")
        logger.logLevel = .critical
        let settings = ServerSettings(
            lessonsDirectory: try FixtureCourse.folder(),
            publicDirectory: TestApp.publicDirectory,
            instructorToken: token
        )
        return try buildApplication(settings, store: store, logger: logger)
    }

    static let bearer = "Bearer \(InstructorDataset.token)"
}

extension TestClientProtocol {
    /// A GET as the instructor (Bearer).
    func instructorGet(
        _ uri: String,
        testCallback: @escaping (TestResponse) async throws -> Void
    )
        async throws
    {
        try await execute(
            uri: uri,
            method: .get,
            headers: [.authorization: InstructorTestApp.bearer],
            testCallback: testCallback
        )
    }
}

/// The `<tr>` of the grid whose learner has `handle`.
func gridRow(_ html: String, handle: String) -> String? {
    guard let mark = html.range(of: "<span class=\"grid-handle\">@\(handle)</span></th>") else {
        return nil
    }
    guard let start = html[..<mark.lowerBound].range(of: "<tr>", options: .backwards),
        let end = html[mark.upperBound...].range(of: "</tr>")
    else {
        return nil
    }
    return String(html[start.lowerBound..<end.upperBound])
}

/// The `data-value` of a statistic on a report page.
func statistic(_ html: String, _ key: String) -> String? {
    guard let range = html.range(of: "data-stat=\"\(key)\" data-value=\"") else { return nil }
    let rest = html[range.upperBound...]
    return rest.firstIndex(of: "\"").map { String(rest[..<$0]) }
}

@Suite struct InstructorRouteTests {
    // MARK: The numbers

    @Test func theGridShowsEachLearnersLessonsWithAttemptsSoFar() async throws {
        let data = try await InstructorDataset.make()
        try await data.app().test(.router) { client in
            try await client.instructorGet("/instructor") { response in
                #expect(response.status == .ok)
                #expect(response.headers[.cacheControl] == "no-store")
                let html = response.text
                let ana = try #require(gridRow(html, handle: "ana"))
                #expect(ana.contains("Ana, &quot;the&quot; Admin\nOps"))
                #expect(
                    ana.contains(#"data-status="done""#) && ana.contains(#"data-done="1""#)
                        && ana.contains(#"data-attempts="2""#)
                )
                let cy = try #require(gridRow(html, handle: "cy"))
                #expect(
                    cy.contains(
                        #"<td class="grid-cell cell-progress" data-status="in-progress"><span aria-hidden="true">…5</span>"#
                    )
                )
                #expect(cy.contains("in progress, 5 attempts"))
                #expect(cy.contains(#"data-done="0""#) && cy.contains(#"data-attempts="5""#))
                let dee = try #require(gridRow(html, handle: "dee"))
                #expect(!dee.contains("in-progress") && !dee.contains(#"data-status="done""#))
                #expect(dee.contains(#"data-attempts="0""#) && dee.contains("never"))
                let eve = try #require(gridRow(html, handle: "eve"))
                #expect(eve.contains("in progress, 3 attempts") && eve.contains(#"data-attempts="3""#))
                // The other lesson has no exercises: nobody has started it.
                #expect(html.components(separatedBy: #"data-status="not-started""#).count - 1 == 5 + 1)
            }
        }
    }

    @Test func theExerciseStatisticsCountTriesPassesMediansAndCommonFailures() async throws {
        let data = try await InstructorDataset.make()
        try await data.app().test(.router) { client in
            try await client.instructorGet("/instructor") { response in
                let html = response.text
                #expect(statistic(html, "tried") == "4")
                #expect(html.contains(">4 of 5</td>"))
                #expect(statistic(html, "passed") == "3")
                #expect(statistic(html, "pass-rate") == "75%")
                #expect(statistic(html, "median-attempts") == "2")
                #expect(statistic(html, "median-time") == "120")
                #expect(html.contains(">2m</td>"))
                #expect(
                    html.contains(
                        #"<li class="failure" data-kind="check" data-learners="3"><span class="failure-pattern">both Pods are endpoints</span>: <strong class="failure-count">3 learners</strong> <span class="failure-attempts">(8 attempts)</span>"#
                    )
                )
                #expect(
                    html.contains(
                        #"data-kind="check" data-learners="1"><span class="failure-pattern">valid</span>: <strong class="failure-count">1 learner</strong> <span class="failure-attempts">(1 attempt)</span>"#
                    )
                )
                // The nodePort message, its value cut out, with an example learners saw.
                #expect(
                    html.contains(
                        #"data-kind="message" data-learners="3"><span class="failure-pattern">spec.ports[0].nodePort: Invalid value: …: provided port is not in the valid range. The range of valid ports is 30000-32767</span>: <strong class="failure-count">3 learners</strong> <span class="failure-attempts">(8 attempts)</span>"#
                    )
                )
                #expect(html.contains("e.g.</span> <q>spec.ports[0].nodePort: Invalid value: 40000:"))
                // Stuck: cy for attempts, dee for idleness; nobody else.
                let stuck = try #require(
                    html.range(of: "<ul class=\"stuck-list\">").map { String(html[$0.lowerBound...]) }
                )
                #expect(
                    stuck.contains(#"data-handle="cy""#)
                        && stuck.contains(
                            "5 attempts at <strong>Services and ClusterIP / fix-selector</strong>, no pass"
                        )
                )
                #expect(stuck.contains(#"data-handle="dee""#) && stuck.contains("Idle for 3d"))
                #expect(
                    !stuck.contains(#"data-handle="ana""#) && !stuck.contains(#"data-handle="eve""#)
                        && !stuck.contains(#"data-handle="bo""#)
                )
                // The charts, with their numbers as text.
                #expect(html.contains(#"<svg class="chart-svg""#) && html.contains("role=\"img\""))
                #expect(html.contains("Services and ClusterIP: 2 done, 2 in progress, 1 not started"))
                #expect(
                    html.contains(
                        "1 attempt: 1 passed, 0 not passed; 2 attempts: 1 passed, 0 not passed; 3 attempts: 1 passed, 0 not passed"
                    )
                )
                #expect(html.contains("5 attempts: 0 passed, 1 not passed"))
                #expect(html.contains("fill=\"url(#chart-completion-hatch)\""))
            }
            // One class: only its learners, its numbers.
            try await client.instructorGet("/instructor/classes/mon") { response in
                #expect(response.status == .ok)
                let html = response.text
                #expect(gridRow(html, handle: "ana") != nil && gridRow(html, handle: "bo") != nil)
                #expect(gridRow(html, handle: "cy") == nil && gridRow(html, handle: "eve") == nil)
                #expect(statistic(html, "tried") == "2" && statistic(html, "pass-rate") == "100%")
                #expect(
                    statistic(html, "median-attempts") == "1.5" && statistic(html, "median-time") == "90"
                )
                #expect(html.contains("/join?class=mon"))
            }
            try await client.instructorGet("/instructor/classes/MON") { response in
                #expect(response.status == .ok)
            }
            try await client.instructorGet("/instructor/classes/nope") { response in
                #expect(response.status == .notFound)
            }
        }
    }

    @Test func theGridSortsOnTheServer() async throws {
        let data = try await InstructorDataset.make()
        try await data.app().test(.router) { client in
            func order(_ html: String) -> [String] {
                ["ana", "bo", "cy", "dee", "eve"].sorted {
                    html.range(of: "@\($0)</span></th>")!.lowerBound
                        < html.range(of: "@\($1)</span></th>")!.lowerBound
                }
            }
            try await client.instructorGet("/instructor?sort=attempts") { response in
                #expect(order(response.text) == ["cy", "eve", "ana", "bo", "dee"])
                #expect(response.text.contains(#"aria-sort="descending""#))
            }
            try await client.instructorGet("/instructor?sort=progress") { response in
                #expect(order(response.text) == ["ana", "bo", "eve", "cy", "dee"])
            }
            try await client.instructorGet("/instructor?sort=handle") { response in
                #expect(order(response.text) == ["ana", "bo", "cy", "dee", "eve"])
            }
            try await client.instructorGet("/instructor?sort=name") { response in
                // By display name: "=HYPERLINK..." sorts before letters.
                #expect(order(response.text) == ["bo", "ana", "cy", "dee", "eve"])
            }
            try await client.instructorGet("/instructor?sort=activity") { response in
                #expect(order(response.text).first == "ana" && order(response.text).last == "dee")
            }
        }
    }

    // MARK: Exports

    @Test func theCSVHasOneQuotedNeutralisedRowPerLearnerAndExercise() async throws {
        let data = try await InstructorDataset.make()
        func time(_ seconds: Double) -> String {
            ReportTime.iso8601(data.t0.addingTimeInterval(seconds))
        }
        let message40000 = InstructorDataset.nodePortMessage(40000)
        let expected =
            "learner,class,lesson,exercise,status,attempts,first_attempt_at,passed_at,seconds_to_pass,last_error\r\n"
            + "\"Ana, \"\"the\"\" Admin\nOps\",mon,clusterip,fix-selector,passed,2,\(time(30)),\(time(120)),120,\(message40000)\r\n"
            + "\"'=HYPERLINK(\"\"http://evil.example/\"\")\",mon,clusterip,fix-selector,passed,1,\(time(60)),\(time(60)),60,\r\n"
            + "Cy,tue,clusterip,fix-selector,attempted,5,\(time(101)),,,\(InstructorDataset.nodePortMessage(40005))\r\n"
            + "Dee,tue,clusterip,fix-selector,not-started,0,,,,\r\n"
            + "Eve,,clusterip,fix-selector,passed,3,\(time(100)),\(time(300)),300,\(InstructorDataset.nodePortMessage(9090))\r\n"
        try await data.app().test(.router) { client in
            try await client.instructorGet("/instructor/report.csv") { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/csv; charset=utf-8")
                #expect(
                    response.headers[.contentDisposition] == "attachment; filename=\"kubetutor-report.csv\""
                )
                #expect(response.headers[.cacheControl] == "no-store")
                #expect(response.text == expected)
            }
            try await client.instructorGet("/instructor/report.csv?class=mon") { response in
                #expect(
                    response.headers[.contentDisposition]
                        == "attachment; filename=\"kubetutor-report-mon.csv\""
                )
                let lines = response.text.components(separatedBy: "\r\n").filter { !$0.isEmpty }
                #expect(lines.count == 3)
                #expect(response.text.hasPrefix(ReportCSV.header.joined(separator: ",") + "\r\n\"Ana, "))
            }
            try await client.instructorGet("/instructor/report.csv?class=nope") { response in
                #expect(response.status == .notFound)
                #expect(response.headers[.contentType] == "text/plain; charset=utf-8")
            }
        }
    }

    @Test func theJSONCarriesTheRowsTheStatisticsAndTheStuckLearners() async throws {
        let data = try await InstructorDataset.make()
        try await data.app().test(.router) { client in
            try await client.instructorGet("/instructor/report.json") { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "application/json; charset=utf-8")
                let json = try response.json()
                #expect(json["class"] is NSNull)
                let rows = try #require(json["rows"] as? [[String: Any]])
                #expect(rows.count == 5)
                #expect(rows.map { $0["handle"] as? String } == ["ana", "bo", "cy", "dee", "eve"])
                #expect(rows[0]["learner"] as? String == InstructorDataset.anaName)
                #expect(rows[1]["learner"] as? String == InstructorDataset.boName)
                #expect(rows[2]["status"] as? String == "attempted" && rows[2]["attempts"] as? Int == 5)
                let exercises = try #require(json["exercises"] as? [[String: Any]])
                #expect(exercises.count == 1)
                let stats = exercises[0]
                #expect(
                    stats["tried"] as? Int == 4 && stats["passed"] as? Int == 3
                        && stats["learners"] as? Int == 5
                )
                #expect(stats["pass_rate"] as? Double == 0.75)
                #expect(stats["median_attempts_to_pass"] as? Double == 2)
                #expect(stats["median_seconds_to_pass"] as? Double == 120)
                let checks = try #require(stats["failing_checks"] as? [[String: Any]])
                #expect(checks.map { $0["check"] as? String } == ["both Pods are endpoints", "valid"])
                #expect(
                    checks.map { $0["learners"] as? Int } == [3, 1]
                        && checks.map { $0["attempts"] as? Int } == [8, 1]
                )
                let messages = try #require(stats["checker_messages"] as? [[String: Any]])
                #expect(
                    messages.count == 1 && messages[0]["learners"] as? Int == 3
                        && messages[0]["attempts"] as? Int == 8
                )
                let stuck = try #require(json["stuck"] as? [[String: Any]])
                #expect(stuck.map { $0["handle"] as? String } == ["cy", "dee"])
                let learners = try #require(json["learners"] as? [[String: Any]])
                let cyLessons = try #require(learners[2]["lessons"] as? [[String: Any]])
                #expect(
                    cyLessons[0]["status"] as? String == "in-progress"
                        && cyLessons[0]["attempts"] as? Int == 5
                )
            }
            try await client.instructorGet("/instructor/report.json?class=tue") { response in
                let json = try response.json()
                #expect(json["class"] as? String == "tue")
                #expect(
                    (json["rows"] as? [[String: Any]])?.compactMap { $0["handle"] as? String } == [
                        "cy", "dee",
                    ]
                )
            }
        }
    }

    // MARK: Access

    static let guardedGets = [
        "/instructor", "/instructor/", "/instructor?sort=attempts", "/instructor/classes/mon",
        "/instructor/classes/nope",
        "/instructor/learners/ana", "/instructor/learners/nobody", "/instructor/report.csv",
        "/instructor/report.csv?class=mon",
        "/instructor/report.json", "/instructor/report.json?class=tue", "/instructor/anything",
    ]

    @Test func everyInstructorRouteAnswers401WithoutTheToken() async throws {
        let data = try await InstructorDataset.make()
        try await data.app().test(.router) { client in
            let learnerCookie = try await client.join("zed")
            let learnerToken = String(learnerCookie.split(separator: "=", maxSplits: 1)[1])
            let credentials: [HTTPFields] = [
                [:],
                [.cookie: learnerCookie],
                [.authorization: "Bearer wrong-token-wrong-token-wrong"],
                [.authorization: "Bearer " + InstructorDataset.token + "x"],
                [.authorization: "Basic " + InstructorDataset.token],
                [.cookie: "kubetutor_instructor=" + learnerToken],
                [.cookie: "kubetutor_instructor=" + InstructorDataset.token],
            ]
            for headers in credentials {
                for uri in Self.guardedGets {
                    try await client.execute(uri: uri, method: .get, headers: headers) { response in
                        #expect(response.status == .unauthorized, "\(uri) with \(headers)")
                        #expect(!response.text.contains("kind: Service # "), "\(uri) shows YAML")
                        if uri.contains(".csv") || uri.contains(".json") {
                            #expect(response.headers[.contentType] == "text/plain; charset=utf-8")
                            #expect(response.headers[.wwwAuthenticate]?.hasPrefix("Bearer") == true)
                        } else {
                            #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                            #expect(response.text.contains("action=\"/instructor/login\""))
                        }
                    }
                }
                var postHeaders = headers
                postHeaders[.contentType] = "application/x-www-form-urlencoded"
                postHeaders[.origin] = TestApp.origin
                for uri in ["/instructor/classes", "/instructor/logout"] {
                    try await client.execute(
                        uri: uri,
                        method: .post,
                        headers: postHeaders,
                        body: ByteBuffer(string: "code=wed&name=Wed")
                    ) {
                        #expect($0.status == .unauthorized, "POST \(uri)")
                    }
                }
            }
            #expect(try await data.store.classroom(code: "wed") == nil)
        }
    }

    @Test func withoutAnyTokenConfiguredNobodyIsAnInstructor() async throws {
        let data = try await InstructorDataset.make()
        try await InstructorTestApp.make(store: data.store, token: nil).test(.router) { client in
            try await client.execute(
                uri: "/instructor",
                method: .get,
                headers: [.authorization: "Bearer "]
            ) {
                #expect($0.status == .unauthorized)
            }
            try await client.postForm("/instructor/login", [("token", "")]) {
                #expect($0.status == .unauthorized)
            }
        }
    }

    @Test func bearerTokenOpensPagesAndExports() async throws {
        let data = try await InstructorDataset.make()
        try await data.app().test(.router) { client in
            for uri in [
                "/instructor", "/instructor/classes/tue", "/instructor/learners/cy",
                "/instructor/report.csv", "/instructor/report.json",
            ] {
                try await client.execute(
                    uri: uri,
                    method: .get,
                    headers: [.authorization: "bearer  \(InstructorDataset.token)"]
                ) {
                    #expect($0.status == .ok, "\(uri)")
                }
            }
        }
    }

    @Test func signingInSetsAStrictHttpOnlyCookieThatIsNotTheToken() async throws {
        let data = try await InstructorDataset.make()
        try await data.app().test(.router) { client in
            try await client.get("/instructor/login") { response in
                #expect(response.status == .ok)
                #expect(response.text.contains("type=\"password\""))
            }
            try await client.postForm("/instructor/login", [("token", "not-it")]) { response in
                #expect(response.status == .unauthorized)
                #expect(response.headers[.setCookie] == nil)
                #expect(response.text.contains("That is not the instructor token."))
            }
            // From another site: refused before the token is even looked at.
            try await client.postForm(
                "/instructor/login",
                [("token", InstructorDataset.token)],
                origin: "http://evil.example"
            ) {
                #expect($0.status == .forbidden)
                #expect($0.headers[.setCookie] == nil)
            }
            var cookie = ""
            try await client.postForm("/instructor/login", [("token", InstructorDataset.token)]) {
                response in
                #expect(response.status == .seeOther)
                #expect(response.headers[.location] == "/instructor")
                let header = try #require(response.headers[.setCookie])
                #expect(header.hasPrefix("kubetutor_instructor="))
                #expect(
                    header.contains("HttpOnly") && header.contains("SameSite=Strict")
                        && header.contains("Path=/instructor")
                )
                #expect(!header.contains(InstructorDataset.token))
                cookie = try #require(SessionCookieHeader.cookie(from: response))
            }
            try await client.get("/instructor", cookie: cookie) { #expect($0.status == .ok) }
            try await client.get("/instructor/report.csv", cookie: cookie) { #expect($0.status == .ok) }
            // The printed link signs in too.
            try await client.get("/instructor/login?token=\(InstructorDataset.token)") { response in
                #expect(response.status == .seeOther)
                #expect(response.headers[.setCookie]?.hasPrefix("kubetutor_instructor=") == true)
            }
            // Signing out ends that session.
            try await client.postForm("/instructor/logout", [], cookie: cookie) { response in
                #expect(response.status == .seeOther)
                #expect(response.headers[.setCookie]?.contains("Max-Age=0") == true)
            }
            try await client.get("/instructor", cookie: cookie) { #expect($0.status == .unauthorized) }
        }
    }

    // MARK: Classes

    @Test func anInstructorCreatesAClassAndLearnersJoinWithItsCode() async throws {
        let data = try await InstructorDataset.make()
        try await data.app().test(.router) { client in
            var headers: HTTPFields = [
                .authorization: InstructorTestApp.bearer, .contentType: "application/x-www-form-urlencoded",
                .origin: TestApp.origin,
            ]
            try await client.execute(
                uri: "/instructor/classes",
                method: .post,
                headers: headers,
                body: ByteBuffer(string: "code=wed&name=Wednesday+%3Cb%3E")
            ) {
                #expect($0.status == .seeOther)
                #expect($0.headers[.location] == "/instructor/classes/wed")
            }
            #expect(try await data.store.classroom(code: "wed")?.name == "Wednesday <b>")
            try await client.instructorGet("/instructor") { response in
                #expect(
                    response.text.contains("Wednesday &lt;b&gt;") && !response.text.contains("Wednesday <b>")
                )
            }
            // The same code again, and a bad one: the form again, with what went wrong.
            try await client.execute(
                uri: "/instructor/classes",
                method: .post,
                headers: headers,
                body: ByteBuffer(string: "code=WED&name=Again")
            ) {
                #expect($0.status == .conflict)
                #expect($0.text.contains("class=\"form-error\"") && $0.text.contains("value=\"WED\""))
            }
            try await client.execute(
                uri: "/instructor/classes",
                method: .post,
                headers: headers,
                body: ByteBuffer(string: "code=a+b&name=Bad")
            ) {
                #expect($0.status == .badRequest)
            }
            // From another site: refused.
            headers[.origin] = "http://evil.example"
            try await client.execute(
                uri: "/instructor/classes",
                method: .post,
                headers: headers,
                body: ByteBuffer(string: "code=thu&name=Thu")
            ) {
                #expect($0.status == .forbidden)
            }
            #expect(try await data.store.classroom(code: "thu") == nil)
            // The join link fills the class in (escaped), and joining with it puts the learner in the class.
            try await client.get("/join?class=wed") { response in
                #expect(response.text.contains(#"name="classCode" value="wed""#))
            }
            try await client.get("/join?class=%22%3E%3Cscript%3E") { response in
                #expect(
                    response.text.contains("value=\"&quot;&gt;&lt;script&gt;\"")
                        && !response.text.contains("\"><script>")
                )
            }
            try await client.postForm("/join", [("handle", "walt"), ("classCode", "wed"), ("next", "/")]) { #expect($0.status == .seeOther) }
            #expect(try await data.store.learner(handle: "walt")?.classCode == "wed")
            try await client.instructorGet("/instructor/classes/wed") { response in
                #expect(gridRow(response.text, handle: "walt") != nil)
            }
        }
    }

    // MARK: Privacy

    @Test func learnersYAMLIsShownOnlyToTheInstructorAndEscaped() async throws {
        let data = try await InstructorDataset.make()
        let hostileName = "<img src=x onerror=alert(1)>"
        let mallory = try await data.store.createLearner(
            handle: "mallory",
            displayName: hostileName,
            classCode: "mon"
        )
        let secret = "SECRET-MALLORY </code></pre><script>alert('yaml')</script>"
        _ = try await data.store.recordAttempt(
            AttemptSubmission(
                learnerID: mallory.id,
                lesson: InstructorDataset.lesson,
                exercise: InstructorDataset.exercise,
                yaml: "kind: Service\n# \(secret)\n",
                passed: false,
                checks: [CheckResult(name: "valid <b>", passed: false, message: "<i>no</i>")],
                errorCount: 1,
                firstErrorMessage: "metadata.name: Invalid value: \"<svg onload=x>\": bad"
            )
        )
        try await data.app().test(.router) { client in
            // Another learner, signed in, sees mallory's YAML nowhere.
            let ana = try await client.join("ana2")
            for uri in [
                "/", "/lessons/\(InstructorDataset.lesson)", "/api/progress",
                "/instructor/learners/mallory", "/instructor", "/instructor/report.csv",
                "/instructor/report.json",
                "/lessons/\(InstructorDataset.lesson)/exercises/\(InstructorDataset.exercise)",
            ] {
                try await client.get(uri, cookie: ana) { response in
                    #expect(!response.text.contains("SECRET-MALLORY"), "\(uri)")
                }
            }
            // The instructor sees it, escaped, with the checker's words escaped too.
            try await client.instructorGet("/instructor/learners/mallory") { response in
                #expect(response.status == .ok)
                let html = response.text
                #expect(
                    html.contains(
                        "SECRET-MALLORY &lt;/code&gt;&lt;/pre&gt;&lt;script&gt;alert(&#39;yaml&#39;)&lt;/script&gt;"
                    )
                )
                #expect(!html.contains("<script>alert"))
                #expect(html.contains("&lt;img src=x onerror=alert(1)&gt;") && !html.contains(hostileName))
                #expect(
                    html.contains("valid &lt;b&gt;") && html.contains("&lt;i&gt;no&lt;/i&gt;")
                        && html.contains("&quot;&lt;svg onload=x&gt;&quot;")
                )
                #expect(response.headers[.contentSecurityPolicy]?.contains("default-src 'self'") == true)
            }
            try await client.instructorGet("/instructor") { response in
                #expect(
                    response.text.contains("&lt;img src=x onerror=alert(1)&gt;")
                        && !response.text.contains(hostileName)
                )
                #expect(!response.text.contains("<svg onload"))
            }
            // Every attempt of a learner, in order, with what the checker said.
            try await client.instructorGet("/instructor/learners/eve") { response in
                let html = response.text
                let first = try #require(html.range(of: "kind: Service # eve 100.0"))
                let last = try #require(html.range(of: "kind: Service # eve 300.0"))
                #expect(first.lowerBound < last.lowerBound)
                #expect(
                    html.contains("attempt 3") && html.contains(InstructorDataset.nodePortMessage(9090))
                )
            }
            try await client.instructorGet("/instructor/learners/nobody") {
                #expect($0.status == .notFound)
            }
        }
    }
}
