import Foundation
import Testing

import ProgressStore

/// Export and import: round trips, idempotence, merging by handle, all-or-nothing.
@Suite struct TransferTests {
    /// Every pair of stores: export from the first kind, import into the second.
    static let pairs: [(StoreKind, StoreKind)] = StoreKind.allCases.flatMap { from in StoreKind.allCases.map { (from, $0) } }

    @Test(arguments: pairs)
    func anExportImportedIntoAnEmptyStoreReproducesTheProgress(from: StoreKind, to: StoreKind) async throws {
        let source = try StoreFixture(from)
        try await ReportTests.seed(source)
        let exported = try await source.store.exportProgress()
        let json = try exported.jsonData()
        let decoded = try ProgressExport(jsonData: json)
        #expect(decoded == exported, "the JSON keeps every field, times to the millisecond")

        let target = try StoreFixture(to, clock: ManualClock(ManualClock.start.plus(86_400)))
        let summary = try await target.store.importProgress(decoded)
        #expect(summary == ImportSummary(classesAdded: 1, learnersAdded: 4, exerciseOpensAdded: 2, attemptsAdded: 6, completionsAdded: 3))

        #expect(try await target.store.report() == source.store.report())
        var reexported = try await target.store.exportProgress()
        reexported.exportedAt = exported.exportedAt
        #expect(reexported == exported)
        let ana = try #require(try await target.store.learner(handle: "ana"))
        let sourceAna = try #require(try await source.store.learner(handle: "ana"))
        #expect(try await target.store.progress(of: ana.id).lessons == source.store.progress(of: sourceAna.id).lessons)
    }

    @Test(arguments: StoreKind.allCases)
    func importingTheSameExportTwiceChangesNothingTheSecondTime(kind: StoreKind) async throws {
        let source = try StoreFixture(kind)
        try await ReportTests.seed(source)
        let exported = try await source.store.exportProgress()

        let target = try StoreFixture(kind)
        #expect(try await !target.store.importProgress(exported).changedNothing)
        let before = try await target.store.exportProgress()
        let second = try await target.store.importProgress(exported)
        #expect(second.changedNothing)
        #expect(try await target.store.exportProgress() == before)

        // Importing a store's own export into itself changes nothing either.
        #expect(try await source.store.importProgress(exported).changedNothing)
    }

    @Test(arguments: StoreKind.allCases)
    func oneLearnersExportMergesIntoAStoreThatAlreadyKnowsThemByHandle(kind: StoreKind) async throws {
        let laptop = try StoreFixture(kind)
        try await ReportTests.seed(laptop)
        let anaExport = try await laptop.store.exportProgress(handle: "ANA")
        #expect(anaExport.learners.map(\.handle) == ["ana"])
        #expect(anaExport.classes.map(\.code) == ["k8s-a"])
        #expect(anaExport.learners[0].attempts.count == 5)
        #expect(anaExport.learners[0].attempts.map(\.yaml).allSatisfy { $0 == "kind: Pod\n" })

        // The classroom server already has ana, with one of those attempts (imported earlier, say) and a later
        // open of the sidecar exercise.
        let server = try StoreFixture(kind, clock: ManualClock(ManualClock.start.plus(-3600)))
        _ = try await server.store.createClassroom(code: "K8S-A", name: "Networking A (server)")
        let ana = try await server.store.createLearner(handle: "Ana", displayName: "Ana on the server", classCode: "k8s-a")
        server.clock.set(ManualClock.start.plus(5))
        _ = try await server.store.recordExerciseOpen(learnerID: ana.id, lesson: "pods", exercise: "sidecar")
        server.clock.set(ManualClock.start.plus(300))
        _ = try await server.store.recordAttempt(submission(ana, "services", "nodeport", passed: true))
        server.clock.set(ManualClock.start.plus(500))
        _ = try await server.store.recordQuizAnswer(QuizSubmission(learnerID: ana.id, lesson: "pods", quiz: "q1", chosenIndex: 0, correct: true))

        let summary = try await server.store.importProgress(anaExport)
        #expect(summary == ImportSummary(exerciseOpensAdded: 1, attemptsAdded: 4, completionsAdded: 1))
        #expect(try await server.store.importProgress(anaExport).changedNothing)

        let merged = try #require(try await server.store.learner(handle: "ana"))
        #expect(merged.displayName == "Ana on the server", "an existing learner keeps their own details")
        let sidecar = try #require(try await server.store.report().first?.exercises.first)
        #expect(sidecar.openedAt == ManualClock.start, "the earlier open wins")
        #expect(sidecar.attempts == 4)
        #expect(sidecar.secondsToPass == 150)
        #expect(try await server.store.timeline(of: merged.id).count == 6)
    }

    @Test(arguments: StoreKind.allCases)
    func importedAttemptsOlderThanStoredOnesSummariseAsIfRecordedInOrder(kind: StoreKind) async throws {
        let laptop = try StoreFixture(kind)
        let ana = try await laptop.store.createLearner(handle: "ana", displayName: "Ana")
        laptop.clock.set(ManualClock.start.plus(10))
        _ = try await laptop.store.recordAttempt(submission(ana, "dns", "lookup", passed: false, error: "old error"))
        laptop.clock.set(ManualClock.start.plus(20))
        _ = try await laptop.store.recordAttempt(submission(ana, "dns", "lookup", passed: true))
        let export = try await laptop.store.exportProgress(handle: "ana")

        let server = try StoreFixture(kind, clock: ManualClock(ManualClock.start.plus(100)))
        let serverAna = try await server.store.createLearner(handle: "ana", displayName: "Ana")
        _ = try await server.store.recordAttempt(submission(serverAna, "dns", "lookup", passed: false, error: "new error"))
        server.clock.set(ManualClock.start.plus(200))
        _ = try await server.store.recordExerciseOpen(learnerID: serverAna.id, lesson: "dns", exercise: "lookup")
        #expect(try await server.store.importProgress(export).attemptsAdded == 2)

        // The open recorded on the server came after the pass on the laptop; the time to pass counts from the first attempt.

        let summary = try #require(try await server.store.report().first?.exercises.first)
        #expect(
            summary
                == ExerciseSummary(
                    lesson: "dns", exercise: "lookup", openedAt: ManualClock.start.plus(200), attempts: 3,
                    firstAttemptAt: ManualClock.start.plus(10), passedAt: ManualClock.start.plus(20), secondsToPass: 10,
                    lastErrorMessage: "new error", attemptsToPass: 2),
            "the pass imported after a later failure still took 2 attempts")
        let timeline = try await server.store.timeline(of: serverAna.id)
        #expect(timeline.map(\.createdAt) == [10, 20, 100].map { ManualClock.start.plus($0) })
    }

    @Test(arguments: StoreKind.allCases)
    func identicalAttemptsInAnExportAreBothKept(kind: StoreKind) async throws {
        let source = try StoreFixture(kind)
        let ana = try await source.store.createLearner(handle: "ana", displayName: "Ana")
        // A double click: two identical submissions in the same millisecond.
        _ = try await source.store.recordAttempt(submission(ana, "pods", "sidecar", passed: true))
        _ = try await source.store.recordAttempt(submission(ana, "pods", "sidecar", passed: true))
        let exported = try await source.store.exportProgress()

        let target = try StoreFixture(kind)
        #expect(try await target.store.importProgress(exported).attemptsAdded == 2)
        #expect(try await target.store.importProgress(exported).changedNothing)
    }

    @Test(arguments: StoreKind.allCases)
    func anImportThatCannotBeCompletedChangesNothing(kind: StoreKind) async throws {
        let fixture = try StoreFixture(kind)
        let t0 = ManualClock.start
        let export = ProgressExport(
            exportedAt: t0, classes: [],
            learners: [
                ExportedLearner(
                    handle: "ana", displayName: "Ana", classCode: nil, createdAt: t0, exerciseOpens: [],
                    attempts: [
                        ExportedAttempt(
                            lesson: "pods", exercise: "sidecar", yaml: "x", passed: true, checks: [], errorCount: 0, warningCount: 0,
                            firstErrorMessage: nil, secondsSinceOpened: nil, createdAt: t0)
                    ], quizAnswers: [], completions: []),
                ExportedLearner(
                    handle: "ben", displayName: "Ben", classCode: "missing-class", createdAt: t0, exerciseOpens: [], attempts: [],
                    quizAnswers: [], completions: []),
            ])
        let error = await #expect(throws: ProgressStoreError.invalidExport) { try await fixture.store.importProgress(export) }
        #expect(error?.message.contains("missing-class") == true)
        #expect(try await fixture.store.learner(handle: "ana") == nil, "the learner imported before the failure was rolled back")
        #expect(try await fixture.store.report().isEmpty)
    }

    @Test func documentsThatAreNotExportsAreRefused() throws {
        #expect(throws: ProgressStoreError.invalidExport) { try ProgressExport(jsonData: Data("{}".utf8)) }
        #expect(throws: ProgressStoreError.invalidExport) { try ProgressExport(jsonData: Data("not json".utf8)) }
        var newer = ProgressExport(exportedAt: ManualClock.start, classes: [], learners: [])
        newer.version = ProgressExport.currentVersion + 1
        let error = #expect(throws: ProgressStoreError.invalidExport) { try ProgressExport(jsonData: try newer.jsonData()) }
        #expect(error?.message.contains("newer KubeTutor") == true)
        var badHandle = ProgressExport(exportedAt: ManualClock.start, classes: [], learners: [])
        badHandle.learners = [
            ExportedLearner(
                handle: "not a handle", displayName: "", classCode: nil, createdAt: ManualClock.start, exerciseOpens: [], attempts: [],
                quizAnswers: [], completions: [])
        ]
        #expect(throws: ProgressStoreError.invalidExport) { try ProgressExport(jsonData: try badHandle.jsonData()) }
    }

    @Test func exportJSONNamesEveryFieldAndWritesTimesInUTCWithMilliseconds() throws {
        let t = ManualClock.start.plus(0.25)
        let export = ProgressExport(
            exportedAt: t, classes: [Classroom(code: "k8s-a", name: "A", createdAt: t)],
            learners: [
                ExportedLearner(
                    handle: "ana", displayName: "Ana", classCode: "k8s-a", createdAt: t,
                    exerciseOpens: [ExportedExerciseOpen(lesson: "pods", exercise: "sidecar", openedAt: t)],
                    attempts: [
                        ExportedAttempt(
                            lesson: "pods", exercise: "sidecar", yaml: "kind: Pod\n", passed: false,
                            checks: [CheckResult(name: "c", passed: false, message: "m")], errorCount: 1, warningCount: 0,
                            firstErrorMessage: "e", secondsSinceOpened: 1.5, createdAt: t)
                    ],
                    quizAnswers: [ExportedQuizAnswer(lesson: "pods", quiz: "q1", chosenIndex: 2, correct: false, createdAt: t)],
                    completions: [ExportedCompletion(lesson: "pods", completedAt: t)])
            ])
        let text = String(decoding: try export.jsonData(), as: UTF8.self)
        #expect(text.contains(#""exportedAt" : "2026-03-01T09:00:00.250Z""#))
        #expect(text.contains(#""format" : "kubetutor-progress""#))
        for field in ["secondsSinceOpened", "firstErrorMessage", "chosenIndex", "completedAt", "openedAt", "classCode", "displayName"] {
            #expect(text.contains("\"\(field)\""))
        }
        #expect(try ProgressExport(jsonData: Data(text.utf8)) == export)
    }
}
