import Foundation
import Testing

@testable import ProgressStore

/// The instructor's report on a small fixed class, against both stores.
@Suite struct ReportTests {
    /// Four learners; times are seconds after ``ManualClock/start``.
    ///
    /// - ana (class k8s-a): opens pods/sidecar at 0; fails at 30 ("error A") and 90 ("error B"), passes at 150 and 200;
    ///   passes services/nodeport at 300 without opening it; completes pods at 310.
    /// - ben (class k8s-a): opens pods/sidecar at 10 and never submits; completes pods at 20 and dns at 20.
    /// - cy (no class): fails pods/sidecar at 400 ("error C").
    /// - Dee (no class): nothing yet.
    static func seed(_ fixture: StoreFixture) async throws {
        try await seed(fixture.store, clock: fixture.clock)
    }

    /// Seeds `store`, moving `clock` as it goes.
    static func seed(_ store: any ProgressStore, clock: ManualClock) async throws {
        _ = try await store.createClassroom(code: "k8s-a", name: "Networking A")
        let ana = try await store.createLearner(handle: "ana", displayName: "Ana", classCode: "k8s-a")
        let ben = try await store.createLearner(handle: "ben", displayName: "Ben", classCode: "K8S-A")
        let cy = try await store.createLearner(handle: "cy", displayName: "Cy")
        _ = try await store.createLearner(handle: "Dee", displayName: "Dee")

        func at(_ seconds: TimeInterval) { clock.set(ManualClock.start.plus(seconds)) }
        at(0)
        _ = try await store.recordExerciseOpen(learnerID: ana.id, lesson: "pods", exercise: "sidecar")
        at(10)
        _ = try await store.recordExerciseOpen(learnerID: ben.id, lesson: "pods", exercise: "sidecar")
        at(20)
        _ = try await store.markLessonCompleted(learnerID: ben.id, lesson: "pods")
        _ = try await store.markLessonCompleted(learnerID: ben.id, lesson: "dns")
        at(30)
        _ = try await store.recordAttempt(submission(ana, "pods", "sidecar", passed: false, error: "error A"))
        at(90)
        _ = try await store.recordAttempt(submission(ana, "pods", "sidecar", passed: false, error: "error B"))
        at(150)
        _ = try await store.recordAttempt(submission(ana, "pods", "sidecar", passed: true))
        at(200)
        _ = try await store.recordAttempt(submission(ana, "pods", "sidecar", passed: true))
        at(300)
        _ = try await store.recordAttempt(submission(ana, "services", "nodeport", passed: true))
        at(310)
        _ = try await store.markLessonCompleted(learnerID: ana.id, lesson: "pods")
        at(400)
        _ = try await store.recordAttempt(submission(cy, "pods", "sidecar", passed: false, error: "error C"))
    }

    @Test(arguments: StoreKind.allCases)
    func theReportSummarisesEveryExerciseOfEveryLearner(kind: StoreKind) async throws {
        let fixture = try StoreFixture(kind)
        try await Self.seed(fixture)
        let t0 = ManualClock.start

        let report = try await fixture.store.report()
        #expect(report.map(\.learner.handle) == ["ana", "ben", "cy", "Dee"], "learners are ordered by handle, ignoring case")

        #expect(
            report[0].exercises == [
                ExerciseSummary(
                    lesson: "pods", exercise: "sidecar", openedAt: t0, attempts: 4, firstAttemptAt: t0.plus(30), passedAt: t0.plus(150),
                    secondsToPass: 150, lastErrorMessage: "error B", attemptsToPass: 3),
                ExerciseSummary(
                    lesson: "services", exercise: "nodeport", openedAt: nil, attempts: 1, firstAttemptAt: t0.plus(300),
                    passedAt: t0.plus(300), secondsToPass: 0, lastErrorMessage: nil, attemptsToPass: 1),
            ])
        #expect(report[0].completedLessons == ["pods"])
        #expect(report.map(\.lastActivityAt) == [t0.plus(310), t0.plus(20), t0.plus(400), nil], "the latest open, attempt, answer or completion")

        #expect(
            report[1].exercises == [
                ExerciseSummary(
                    lesson: "pods", exercise: "sidecar", openedAt: t0.plus(10), attempts: 0, firstAttemptAt: nil, passedAt: nil,
                    secondsToPass: nil, lastErrorMessage: nil)
            ])
        #expect(report[1].completedLessons == ["dns", "pods"])

        #expect(
            report[2].exercises == [
                ExerciseSummary(
                    lesson: "pods", exercise: "sidecar", openedAt: nil, attempts: 1, firstAttemptAt: t0.plus(400), passedAt: nil,
                    secondsToPass: nil, lastErrorMessage: "error C")
            ])
        #expect(report[3].exercises.isEmpty)
        #expect(report[3].completedLessons.isEmpty)
    }

    @Test(arguments: StoreKind.allCases)
    func aClassReportHasOnlyThatClassesLearners(kind: StoreKind) async throws {
        let fixture = try StoreFixture(kind)
        try await Self.seed(fixture)
        let classReport = try await fixture.store.report(classCode: "K8S-a")
        #expect(classReport.map(\.learner.handle) == ["ana", "ben"])
        let full = try await fixture.store.report()
        #expect(classReport == Array(full.prefix(2)))
        await #expect(throws: ProgressStoreError.unknownClass) { try await fixture.store.report(classCode: "nope") }
    }

    @Test func bothStoresGiveTheSameAnswersToTheSameHistory() async throws {
        let sqlite = try StoreFixture(.sqlite)
        let memory = try StoreFixture(.inMemory)
        try await Self.seed(sqlite)
        try await Self.seed(memory)
        #expect(try await sqlite.store.report() == memory.store.report())
        #expect(try await sqlite.store.classrooms() == memory.store.classrooms())
        for id in Int64(1)...4 {
            #expect(try await sqlite.store.progress(of: id) == memory.store.progress(of: id))
            #expect(try await sqlite.store.timeline(of: id) == memory.store.timeline(of: id))
        }
        #expect(try await sqlite.store.exportProgress() == memory.store.exportProgress())
    }
}

/// The instructor's class report (grid, statistics, stuck learners, CSV, JSON) on a fixed class, against both stores.
@Suite struct ClassReportTests {
    static let t0 = ManualClock.start
    /// Three days after the class started: what the report is made for.
    static let now = t0.plus(3 * 86_400)

    static let outline = CourseOutline(lessons: [
        .init(id: "pods", title: "Pods", exercises: ["sidecar", "shared-port"]),
        .init(id: "services", exercises: ["nodeport"]),
        .init(id: "ingress", exercises: ["host-rule"]),
    ])

    static let checks = [
        "sidecar": ["valid", "both containers run"], "shared-port": ["valid"], "nodeport": ["valid", "type is NodePort", "node port is 30080"],
    ]

    static let nodePort40000 =
        "spec.ports[0].nodePort: Invalid value: 40000: provided port is not in the valid range. The range of valid ports is 30000-32767"
    static let nodePort8080 =
        "spec.ports[0].nodePort: Invalid value: 8080: provided port is not in the valid range. The range of valid ports is 30000-32767"
    static let nodePortPattern =
        "spec.ports[0].nodePort: Invalid value: …: provided port is not in the valid range. The range of valid ports is 30000-32767"
    static let badType = #"spec.type: Unsupported value: "Nodeport": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort""#
    static let badTypePattern = #"spec.type: Unsupported value: …: supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort""#
    static let duplicatePort = "spec.containers[1].ports[0].containerPort: Duplicate value: 80"

    /// An attempt whose named checks fail with the given messages (every other check of the exercise passes).
    static func attempt(_ learner: Learner, _ lesson: String, _ exercise: String, fails: [String: String] = [:], error: String? = nil)
        -> AttemptSubmission
    {
        AttemptSubmission(
            learnerID: learner.id, lesson: lesson, exercise: exercise, yaml: "kind: Service\n", passed: fails.isEmpty,
            checks: checks[exercise, default: []].map { CheckResult(name: $0, passed: fails[$0] == nil, message: fails[$0] ?? "ok") },
            errorCount: error == nil ? 0 : 1, firstErrorMessage: error)
    }

    /// Five learners in two classes and none; times in seconds after ``t0``:
    ///
    /// - ana `Ana, "the quick"` (k8s-a): sidecar opened 0, fails 30, passes 90; shared-port opened 100, passes 160;
    ///   completes pods 170; nodeport opened 200, fails 230 (nodePort 40000) and 260 (nodePort 8080), passes 320,
    ///   passes again at 2 days.
    /// - ben `=HYPERLINK("http://evil")` (k8s-a): sidecar opened 50, fails 60 (a check only), passes 110; nodeport opened
    ///   300, fails 400 (nodePort 40000), passes at 1.5 days.
    /// - cy `Cy⏎Smith` (k8s-b): passes sidecar at 500.25 without opening it; then nothing (idle).
    /// - dee (k8s-b): nodeport opened 1000; fails 1010 (nodePort 40000), 1020, 1030, 1040 and at 2.5 days (type): stuck.
    /// - eli (no class): never does anything (idle since joining at 0).
    static func seed(_ store: any ProgressStore, clock: ManualClock) async throws {
        clock.set(t0)
        _ = try await store.createClassroom(code: "k8s-a", name: "Networking A")
        _ = try await store.createClassroom(code: "k8s-b", name: "Networking B")
        let ana = try await store.createLearner(handle: "ana", displayName: #"Ana, "the quick""#, classCode: "k8s-a")
        let ben = try await store.createLearner(handle: "ben", displayName: #"=HYPERLINK("http://evil")"#, classCode: "k8s-a")
        let cy = try await store.createLearner(handle: "cy", displayName: "Cy\nSmith", classCode: "k8s-b")
        let dee = try await store.createLearner(handle: "dee", displayName: "Dee", classCode: "k8s-b")
        _ = try await store.createLearner(handle: "eli", displayName: "Eli")

        func at(_ seconds: TimeInterval) { clock.set(t0.plus(seconds)) }
        let refusedPort = ["valid": "refused: duplicate port"]
        let nodePortWrong = ["valid": "refused", "node port is 30080": "nodePort is 40000; it should be 30080"]
        let typeWrong = ["valid": "refused", "type is NodePort": "spec.type is Nodeport; it should be NodePort"]

        at(0)
        _ = try await store.recordExerciseOpen(learnerID: ana.id, lesson: "pods", exercise: "sidecar")
        at(30)
        _ = try await store.recordAttempt(attempt(ana, "pods", "sidecar", fails: refusedPort, error: duplicatePort))
        at(50)
        _ = try await store.recordExerciseOpen(learnerID: ben.id, lesson: "pods", exercise: "sidecar")
        at(60)
        _ = try await store.recordAttempt(attempt(ben, "pods", "sidecar", fails: ["both containers run": "container sidecar exits"]))
        at(90)
        _ = try await store.recordAttempt(attempt(ana, "pods", "sidecar"))
        at(100)
        _ = try await store.recordExerciseOpen(learnerID: ana.id, lesson: "pods", exercise: "shared-port")
        at(110)
        _ = try await store.recordAttempt(attempt(ben, "pods", "sidecar"))
        at(160)
        _ = try await store.recordAttempt(attempt(ana, "pods", "shared-port"))
        at(170)
        _ = try await store.markLessonCompleted(learnerID: ana.id, lesson: "pods")
        at(200)
        _ = try await store.recordExerciseOpen(learnerID: ana.id, lesson: "services", exercise: "nodeport")
        at(230)
        _ = try await store.recordAttempt(attempt(ana, "services", "nodeport", fails: nodePortWrong, error: nodePort40000))
        at(260)
        _ = try await store.recordAttempt(
            attempt(ana, "services", "nodeport", fails: ["valid": "refused", "node port is 30080": "nodePort is 8080; it should be 30080"],
                    error: nodePort8080))
        at(300)
        _ = try await store.recordExerciseOpen(learnerID: ben.id, lesson: "services", exercise: "nodeport")
        at(320)
        _ = try await store.recordAttempt(attempt(ana, "services", "nodeport"))
        at(400)
        _ = try await store.recordAttempt(attempt(ben, "services", "nodeport", fails: nodePortWrong, error: nodePort40000))
        at(500.25)
        _ = try await store.recordAttempt(attempt(cy, "pods", "sidecar"))
        at(1000)
        _ = try await store.recordExerciseOpen(learnerID: dee.id, lesson: "services", exercise: "nodeport")
        at(1010)
        _ = try await store.recordAttempt(attempt(dee, "services", "nodeport", fails: nodePortWrong, error: nodePort40000))
        for second in [1020.0, 1030, 1040, 2.5 * 86_400] {
            at(second)
            _ = try await store.recordAttempt(attempt(dee, "services", "nodeport", fails: typeWrong, error: badType))
        }
        at(1.5 * 86_400)
        _ = try await store.recordAttempt(attempt(ben, "services", "nodeport"))
        at(2 * 86_400)
        _ = try await store.recordAttempt(attempt(ana, "services", "nodeport"))
    }

    static func report(_ kind: StoreKind, classCode: String? = nil) async throws -> ClassReport {
        let fixture = try StoreFixture(kind)
        try await seed(fixture.store, clock: fixture.clock)
        return try await ClassReport.load(from: fixture.store, classCode: classCode, outline: outline, now: now)
    }

    static func cells(_ report: ClassReport) -> [String] {
        report.learners.map { line in
            line.learner.handle + ": "
                + line.lessons.map { "\($0.lesson) \($0.status.rawValue) \($0.attempts) \($0.exercisesPassed)/\($0.exercises)" }.joined(separator: ", ")
        }
    }

    @Test(arguments: StoreKind.allCases)
    func theGridShowsEachLearnersStateInEachLesson(kind: StoreKind) async throws {
        let report = try await Self.report(kind)
        #expect(
            Self.cells(report) == [
                "ana: pods done 3 2/2, services in-progress 4 1/1, ingress not-started 0 0/1",
                "ben: pods in-progress 2 1/2, services in-progress 2 1/1, ingress not-started 0 0/1",
                "cy: pods in-progress 1 1/2, services not-started 0 0/1, ingress not-started 0 0/1",
                "dee: pods not-started 0 0/2, services in-progress 5 0/1, ingress not-started 0 0/1",
                "eli: pods not-started 0 0/2, services not-started 0 0/1, ingress not-started 0 0/1",
            ])
        let t0 = Self.t0
        #expect(report.learners.map(\.lastActivityAt) == [t0.plus(172_800), t0.plus(129_600), t0.plus(500.25), t0.plus(216_000), nil])
        #expect(report.rows.count == 5 * 4)
    }

    @Test(arguments: StoreKind.allCases)
    func eachExerciseHasItsNumbersAndItsCommonestFailures(kind: StoreKind) async throws {
        let report = try await Self.report(kind)
        #expect(report.exercises.map { "\($0.lesson)/\($0.exercise)" } == ["pods/sidecar", "pods/shared-port", "services/nodeport", "ingress/host-rule"])
        let (sidecar, sharedPort, nodePort, hostRule) = (report.exercises[0], report.exercises[1], report.exercises[2], report.exercises[3])

        #expect("\(sidecar.learners) \(sidecar.tried) \(sidecar.passed)" == "5 3 3")
        #expect(sidecar.passRate == 1)
        #expect(sidecar.medianAttemptsToPass == 2, "ana 2, ben 2, cy 1")
        #expect(sidecar.medianSecondsToPass == 60, "ana 90, ben 60, cy 0")
        #expect(
            sidecar.failingChecks == [
                FailurePattern(
                    lesson: "pods", exercise: "sidecar", kind: .check, pattern: "both containers run", learners: 1, attempts: 1,
                    example: "container sidecar exits"),
                FailurePattern(
                    lesson: "pods", exercise: "sidecar", kind: .check, pattern: "valid", learners: 1, attempts: 1, example: "refused: duplicate port"),
            ])
        #expect(
            sidecar.checkerMessages == [
                FailurePattern(
                    lesson: "pods", exercise: "sidecar", kind: .message, pattern: "spec.containers[1].ports[0].containerPort: Duplicate value: …",
                    learners: 1, attempts: 1, example: Self.duplicatePort)
            ])

        #expect("\(sharedPort.tried) \(sharedPort.passed)" == "1 1")
        #expect(sharedPort.passRate == 1)
        #expect(sharedPort.medianAttemptsToPass == 1)
        #expect(sharedPort.medianSecondsToPass == 60)
        #expect(sharedPort.failingChecks.isEmpty && sharedPort.checkerMessages.isEmpty)

        #expect("\(nodePort.tried) \(nodePort.passed)" == "3 2")
        #expect(nodePort.passRate == 2.0 / 3.0)
        #expect(nodePort.medianAttemptsToPass == 2.5, "ana 3 (the pass after it does not count), ben 2")
        #expect(nodePort.medianSecondsToPass == 64_710, "ana 120, ben 129,300")
        #expect(
            nodePort.failingChecks.map { "\($0.pattern): \($0.learners) learners, \($0.attempts) attempts, e.g. \($0.example)" } == [
                "valid: 3 learners, 8 attempts, e.g. refused",
                "node port is 30080: 3 learners, 4 attempts, e.g. nodePort is 40000; it should be 30080",
                "type is NodePort: 1 learners, 4 attempts, e.g. spec.type is Nodeport; it should be NodePort",
            ])
        #expect(
            nodePort.checkerMessages == [
                FailurePattern(
                    lesson: "services", exercise: "nodeport", kind: .message, pattern: Self.nodePortPattern, learners: 3, attempts: 4,
                    example: Self.nodePort40000),
                FailurePattern(
                    lesson: "services", exercise: "nodeport", kind: .message, pattern: Self.badTypePattern, learners: 1, attempts: 4,
                    example: Self.badType),
            ])

        #expect("\(hostRule.learners) \(hostRule.tried) \(hostRule.passed)" == "5 0 0")
        #expect(hostRule.passRate == nil && hostRule.medianAttemptsToPass == nil && hostRule.medianSecondsToPass == nil)
    }

    @Test(arguments: StoreKind.allCases)
    func stuckLearnersAreThoseWithManyAttemptsAndNoPassOrIdleForTwoDays(kind: StoreKind) async throws {
        let report = try await Self.report(kind)
        #expect(report.stuck.map(\.learner.handle) == ["cy", "dee", "eli"])
        #expect(report.stuck[0].reasons == [.idle(lastActivityAt: Self.t0.plus(500.25), seconds: 3 * 86_400 - 500.25)])
        #expect(report.stuck[1].reasons == [.manyAttempts(lesson: "services", exercise: "nodeport", attempts: 5)])
        #expect(report.stuck[2].reasons == [.idle(lastActivityAt: nil, seconds: 3 * 86_400)], "eli never started: idle since joining")

        // Thresholds are parameters: 6 attempts is not reached by dee; 30 hours of idleness catches ben (last seen at 1.5 days).
        let fixture = try StoreFixture(kind)
        try await Self.seed(fixture.store, clock: fixture.clock)
        let strict = try await ClassReport.load(
            from: fixture.store, classCode: nil, outline: Self.outline, now: Self.now,
            stuckRule: StuckRule(attemptsWithoutPass: 6, idleInterval: 30 * 3600))
        #expect(strict.stuck.map(\.learner.handle) == ["ben", "cy", "eli"])
    }

    @Test(arguments: StoreKind.allCases)
    func aClassReportCountsOnlyThatClass(kind: StoreKind) async throws {
        let report = try await Self.report(kind, classCode: "K8S-B")
        #expect(report.classCode == "k8s-b", "the code as the class was created")
        #expect(report.learners.map(\.learner.handle) == ["cy", "dee"])
        let nodePort = report.exercises[2]
        #expect("\(nodePort.learners) \(nodePort.tried) \(nodePort.passed)" == "2 1 0")
        #expect(nodePort.passRate == 0)
        #expect(nodePort.failingChecks.map { "\($0.pattern) \($0.learners)/\($0.attempts)" } == ["valid 1/5", "type is NodePort 1/4", "node port is 30080 1/1"])
        #expect(nodePort.checkerMessages.map { "\($0.learners)/\($0.attempts)" } == ["1/4", "1/1"])
        #expect(report.stuck.map(\.learner.handle) == ["cy", "dee"])
    }

    @Test func bothStoresMakeTheSameReport() async throws {
        #expect(try await Self.report(.sqlite) == Self.report(.inMemory))
        #expect(try await Self.report(.sqlite, classCode: "k8s-a") == Self.report(.inMemory, classCode: "k8s-a"))
    }

    static let expectedCSV = [
        "learner,class,lesson,exercise,status,attempts,first_attempt_at,passed_at,seconds_to_pass,last_error",
        #""Ana, ""the quick""",k8s-a,pods,sidecar,passed,2,2026-03-01T09:00:30Z,2026-03-01T09:01:30Z,90,spec.containers[1].ports[0].containerPort: Duplicate value: 80"#,
        #""Ana, ""the quick""",k8s-a,pods,shared-port,passed,1,2026-03-01T09:02:40Z,2026-03-01T09:02:40Z,60,"#,
        #""Ana, ""the quick""",k8s-a,services,nodeport,passed,4,2026-03-01T09:03:50Z,2026-03-01T09:05:20Z,120,"# + nodePort8080,
        #""Ana, ""the quick""",k8s-a,ingress,host-rule,not-started,0,,,,"#,
        #""'=HYPERLINK(""http://evil"")",k8s-a,pods,sidecar,passed,2,2026-03-01T09:01:00Z,2026-03-01T09:01:50Z,60,"#,
        #""'=HYPERLINK(""http://evil"")",k8s-a,pods,shared-port,not-started,0,,,,"#,
        #""'=HYPERLINK(""http://evil"")",k8s-a,services,nodeport,passed,2,2026-03-01T09:06:40Z,2026-03-02T21:00:00Z,129300,"# + nodePort40000,
        #""'=HYPERLINK(""http://evil"")",k8s-a,ingress,host-rule,not-started,0,,,,"#,
        "\"Cy\nSmith\",k8s-b,pods,sidecar,passed,1,2026-03-01T09:08:20.250Z,2026-03-01T09:08:20.250Z,0,",
        "\"Cy\nSmith\",k8s-b,pods,shared-port,not-started,0,,,,",
        "\"Cy\nSmith\",k8s-b,services,nodeport,not-started,0,,,,",
        "\"Cy\nSmith\",k8s-b,ingress,host-rule,not-started,0,,,,",
        "Dee,k8s-b,pods,sidecar,not-started,0,,,,",
        "Dee,k8s-b,pods,shared-port,not-started,0,,,,",
        #"Dee,k8s-b,services,nodeport,attempted,5,2026-03-01T09:16:50Z,,,"spec.type: Unsupported value: ""Nodeport"": supported values: ""ClusterIP"", ""ExternalName"", ""LoadBalancer"", ""NodePort""""#,
        "Dee,k8s-b,ingress,host-rule,not-started,0,,,,",
        "Eli,,pods,sidecar,not-started,0,,,,",
        "Eli,,pods,shared-port,not-started,0,,,,",
        "Eli,,services,nodeport,not-started,0,,,,",
        "Eli,,ingress,host-rule,not-started,0,,,,",
    ].map { $0 + "\r\n" }.joined()

    @Test(arguments: StoreKind.allCases)
    func theCSVHasOneQuotedNeutralisedRowPerLearnerAndExercise(kind: StoreKind) async throws {
        let csv = ReportCSV.render(try await Self.report(kind))
        #expect(csv == Self.expectedCSV)
    }

    @Test func csvFieldsStartingLikeAFormulaAreNeutralised() {
        #expect(ReportCSV.field("=1+1") == "'=1+1")
        #expect(ReportCSV.field("+1") == "'+1")
        #expect(ReportCSV.field("-1") == "'-1")
        #expect(ReportCSV.field("@SUM(A1)") == "'@SUM(A1)")
        #expect(ReportCSV.field("\tx") == "'\tx")
        #expect(ReportCSV.field("a=b") == "a=b")
        #expect(ReportCSV.field("=a,b") == "\"'=a,b\"")
        #expect(ReportCSV.field("") == "")
    }

    static let expectedClassBJSON =
        #"{"generated_at":"2026-03-04T09:00:00Z","class":"k8s-b","stuck_rule":{"attempts_without_pass":5,"idle_seconds":172800},"#
        + #""lessons":[{"id":"pods","title":"Pods","exercises":["sidecar","shared-port"]},{"id":"services","title":"services","exercises":["nodeport"]},"#
        + #"{"id":"ingress","title":"ingress","exercises":["host-rule"]}],"#
        + #""learners":[{"handle":"cy","name":"Cy\nSmith","class":"k8s-b","last_activity_at":"2026-03-01T09:08:20.250Z","lessons":["#
        + #"{"lesson":"pods","status":"in-progress","attempts":1,"exercises_passed":1,"exercises":2},"#
        + #"{"lesson":"services","status":"not-started","attempts":0,"exercises_passed":0,"exercises":1},"#
        + #"{"lesson":"ingress","status":"not-started","attempts":0,"exercises_passed":0,"exercises":1}]},"#
        + #"{"handle":"dee","name":"Dee","class":"k8s-b","last_activity_at":"2026-03-03T21:00:00Z","lessons":["#
        + #"{"lesson":"pods","status":"not-started","attempts":0,"exercises_passed":0,"exercises":2},"#
        + #"{"lesson":"services","status":"in-progress","attempts":5,"exercises_passed":0,"exercises":1},"#
        + #"{"lesson":"ingress","status":"not-started","attempts":0,"exercises_passed":0,"exercises":1}]}],"#
        + #""rows":["#
        + #"{"learner":"Cy\nSmith","handle":"cy","class":"k8s-b","lesson":"pods","exercise":"sidecar","status":"passed","attempts":1,"#
        + #""first_attempt_at":"2026-03-01T09:08:20.250Z","passed_at":"2026-03-01T09:08:20.250Z","seconds_to_pass":0,"last_error":null},"#
        + #"{"learner":"Cy\nSmith","handle":"cy","class":"k8s-b","lesson":"pods","exercise":"shared-port","status":"not-started","attempts":0,"#
        + #""first_attempt_at":null,"passed_at":null,"seconds_to_pass":null,"last_error":null},"#
        + #"{"learner":"Cy\nSmith","handle":"cy","class":"k8s-b","lesson":"services","exercise":"nodeport","status":"not-started","attempts":0,"#
        + #""first_attempt_at":null,"passed_at":null,"seconds_to_pass":null,"last_error":null},"#
        + #"{"learner":"Cy\nSmith","handle":"cy","class":"k8s-b","lesson":"ingress","exercise":"host-rule","status":"not-started","attempts":0,"#
        + #""first_attempt_at":null,"passed_at":null,"seconds_to_pass":null,"last_error":null},"#
        + #"{"learner":"Dee","handle":"dee","class":"k8s-b","lesson":"pods","exercise":"sidecar","status":"not-started","attempts":0,"#
        + #""first_attempt_at":null,"passed_at":null,"seconds_to_pass":null,"last_error":null},"#
        + #"{"learner":"Dee","handle":"dee","class":"k8s-b","lesson":"pods","exercise":"shared-port","status":"not-started","attempts":0,"#
        + #""first_attempt_at":null,"passed_at":null,"seconds_to_pass":null,"last_error":null},"#
        + #"{"learner":"Dee","handle":"dee","class":"k8s-b","lesson":"services","exercise":"nodeport","status":"attempted","attempts":5,"#
        + #""first_attempt_at":"2026-03-01T09:16:50Z","passed_at":null,"seconds_to_pass":null,"#
        + #""last_error":"spec.type: Unsupported value: \"Nodeport\": supported values: \"ClusterIP\", \"ExternalName\", \"LoadBalancer\", \"NodePort\""},"#
        + #"{"learner":"Dee","handle":"dee","class":"k8s-b","lesson":"ingress","exercise":"host-rule","status":"not-started","attempts":0,"#
        + #""first_attempt_at":null,"passed_at":null,"seconds_to_pass":null,"last_error":null}],"#
        + #""exercises":["#
        + #"{"lesson":"pods","exercise":"sidecar","learners":2,"tried":1,"passed":1,"pass_rate":1,"median_attempts_to_pass":1,"#
        + #""median_seconds_to_pass":0,"failing_checks":[],"checker_messages":[]},"#
        + #"{"lesson":"pods","exercise":"shared-port","learners":2,"tried":0,"passed":0,"pass_rate":null,"median_attempts_to_pass":null,"#
        + #""median_seconds_to_pass":null,"failing_checks":[],"checker_messages":[]},"#
        + #"{"lesson":"services","exercise":"nodeport","learners":2,"tried":1,"passed":0,"pass_rate":0,"median_attempts_to_pass":null,"#
        + #""median_seconds_to_pass":null,"failing_checks":["#
        + #"{"check":"valid","learners":1,"attempts":5,"example":"refused"},"#
        + #"{"check":"type is NodePort","learners":1,"attempts":4,"example":"spec.type is Nodeport; it should be NodePort"},"#
        + #"{"check":"node port is 30080","learners":1,"attempts":1,"example":"nodePort is 40000; it should be 30080"}],"checker_messages":["#
        + #"{"pattern":"spec.type: Unsupported value: …: supported values: \"ClusterIP\", \"ExternalName\", \"LoadBalancer\", \"NodePort\"","#
        + #""learners":1,"attempts":4,"example":"spec.type: Unsupported value: \"Nodeport\": supported values: \"ClusterIP\", \"ExternalName\", \"LoadBalancer\", \"NodePort\""},"#
        + #"{"pattern":"spec.ports[0].nodePort: Invalid value: …: provided port is not in the valid range. The range of valid ports is 30000-32767","#
        + #""learners":1,"attempts":1,"example":"spec.ports[0].nodePort: Invalid value: 40000: provided port is not in the valid range. The range of valid ports is 30000-32767"}]},"#
        + #"{"lesson":"ingress","exercise":"host-rule","learners":2,"tried":0,"passed":0,"pass_rate":null,"median_attempts_to_pass":null,"#
        + #""median_seconds_to_pass":null,"failing_checks":[],"checker_messages":[]}],"#
        + #""stuck":[{"handle":"cy","name":"Cy\nSmith","class":"k8s-b","reasons":[{"kind":"idle","last_activity_at":"2026-03-01T09:08:20.250Z","idle_seconds":258699.75}]},"#
        + #"{"handle":"dee","name":"Dee","class":"k8s-b","reasons":[{"kind":"many-attempts","lesson":"services","exercise":"nodeport","attempts":5}]}]}"#

    @Test(arguments: StoreKind.allCases)
    func theJSONHasTheRowsTheStatisticsAndTheStuckLearners(kind: StoreKind) async throws {
        let json = ReportJSON.render(try await Self.report(kind, classCode: "k8s-b"))
        #expect(json == Self.expectedClassBJSON)
        // It is JSON, and the full report's pass rate has four decimals.
        let full = ReportJSON.render(try await Self.report(kind))
        let object = try JSONSerialization.jsonObject(with: Data(full.utf8)) as? [String: Any]
        let exercises = object?["exercises"] as? [[String: Any]]
        #expect((exercises?[2]["pass_rate"] as? Double) == 0.6667)
        #expect((object?["rows"] as? [Any])?.count == 20)
        #expect(((object?["learners"] as? [[String: Any]])?[1]["name"] as? String) == #"=HYPERLINK("http://evil")"#, "JSON names are not altered")
    }

    @Test(arguments: StoreKind.allCases)
    func theTableFitsEightyColumns(kind: StoreKind) async throws {
        let table = ReportTable.render(try await Self.report(kind), className: nil)
        let lines = table.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.allSatisfy { $0.count <= 80 }, "\(lines.filter { $0.count > 80 })")
        #expect(table.contains("Ana, \"the quick\"     ana          done   ~4    ."))
        #expect(table.contains("Cy Smith             cy             ~1    .    ."))
        #expect(table.contains("2 services/nodeport"))
    }

    @Test func messagesThatDifferOnlyInTheValueShareAPattern() {
        #expect(MessagePattern.of(Self.nodePort40000) == Self.nodePortPattern)
        #expect(MessagePattern.of(Self.nodePort8080) == Self.nodePortPattern)
        #expect(MessagePattern.of(Self.badType) == Self.badTypePattern)
        #expect(MessagePattern.of(#"metadata.name: Invalid value: "a: b": a lowercase RFC 1123 subdomain"#) == "metadata.name: Invalid value: …: a lowercase RFC 1123 subdomain")
        #expect(MessagePattern.of("Service selects no Pods") == "Service selects no Pods")
    }

    @Test func timesAreISO8601InUTC() {
        #expect(ReportTime.iso8601(Self.t0) == "2026-03-01T09:00:00Z")
        #expect(ReportTime.iso8601(Self.t0.plus(0.25)) == "2026-03-01T09:00:00.250Z")
        #expect(ReportTime.iso8601(Date(timeIntervalSince1970: 951_782_400)) == "2000-02-29T00:00:00Z")
        #expect(ReportTime.iso8601(Date(timeIntervalSince1970: -1)) == "1969-12-31T23:59:59Z")
        #expect(ReportTime.seconds(129_300) == "129300")
        #expect(ReportTime.seconds(258_699.75) == "258699.75")
    }

    /// A database written before the report statistics existed gets them from its attempts when it is opened.
    /// (The older file is made by taking version 2 out of a current one with the sqlite3 tool.)
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/sqlite3")))
    func openingAnOlderDatabaseFillsInTheStatistics() async throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("kubetutor.db")
        let clock = ManualClock()
        let current = try SQLiteProgressStore(path: path, clock: clock.reading)
        try await Self.seed(current, clock: clock)
        try current.close()
        let sqlite3 = Process()
        sqlite3.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        sqlite3.arguments = [
            path,
            """
            DROP TRIGGER exercise_summaries_passed; DROP TRIGGER exercise_summaries_repassed; DROP TABLE exercise_failures;
            DROP TABLE exercise_failure_counts; DROP TABLE learner_activity; DROP TRIGGER attempts_active;
            DROP TRIGGER quiz_answers_active; DROP TRIGGER exercise_opens_active; DROP TRIGGER completions_active;
            DROP TRIGGER exercise_opens_reactive; DROP TRIGGER completions_reactive;
            ALTER TABLE exercise_summaries DROP COLUMN attempts_to_pass;
            DELETE FROM grdb_migrations WHERE identifier = 'v2-report-statistics'; PRAGMA user_version = 1;
            """,
        ]
        try sqlite3.run()
        sqlite3.waitUntilExit()
        #expect(sqlite3.terminationStatus == 0)
        let older = try SQLiteProgressStore(path: path, clock: clock.reading, schema: Schema(migrations: [Schema.current.migrations[0]]))
        #expect(try await older.diagnostics().schemaVersion == 1, "a version-1 file")
        try older.close()

        let store = try SQLiteProgressStore(path: path, clock: clock.reading)
        let upgraded = try await ClassReport.load(from: store, classCode: nil, outline: Self.outline, now: Self.now)
        #expect(upgraded == (try await Self.report(.inMemory)))
    }
}
