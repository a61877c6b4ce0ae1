import Foundation
import Testing

import ProgressStore

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
                    secondsToPass: 150, lastErrorMessage: "error B"),
                ExerciseSummary(
                    lesson: "services", exercise: "nodeport", openedAt: nil, attempts: 1, firstAttemptAt: t0.plus(300),
                    passedAt: t0.plus(300), secondsToPass: 0, lastErrorMessage: nil),
            ])
        #expect(report[0].completedLessons == ["pods"])

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
