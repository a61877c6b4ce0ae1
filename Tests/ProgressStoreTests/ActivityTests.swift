import Foundation
import Testing

import ProgressStore

/// Exercise opens, attempts, quiz answers, completions, and what a learner sees of them, against both stores.
@Suite struct ActivityTests {
    @Test(arguments: StoreKind.allCases)
    func anAttemptComesBackWithItsIdTimeAndSecondsSinceTheExerciseWasOpened(kind: StoreKind) async throws {
        let fixture = try StoreFixture(kind)
        let ana = try await fixture.store.createLearner(handle: "ana", displayName: "Ana")
        let openedAt = try await fixture.store.recordExerciseOpen(learnerID: ana.id, lesson: "pods", exercise: "sidecar")
        #expect(openedAt == ManualClock.start)

        fixture.clock.advance(by: 42.25)
        let again = try await fixture.store.recordExerciseOpen(learnerID: ana.id, lesson: "pods", exercise: "sidecar")
        #expect(again == ManualClock.start, "the first open stands")

        let sent = submission(ana, "pods", "sidecar", passed: false, error: "spec.containers[1].ports[0].containerPort: Duplicate value: 80")
        let attempt = try await fixture.store.recordAttempt(sent).attempt
        #expect(attempt.id == 1)
        #expect(attempt.createdAt == ManualClock.start.plus(42.25))
        #expect(attempt.secondsSinceOpened == 42.25)
        #expect(attempt.yaml == sent.yaml)
        #expect(attempt.checks == sent.checks)
        #expect(attempt.firstErrorMessage == sent.firstErrorMessage)
        #expect((attempt.errorCount, attempt.warningCount) == (1, 1))

        let unopened = try await fixture.store.recordAttempt(submission(ana, "services", "nodeport", passed: true)).attempt
        #expect(unopened.id == 2)
        #expect(unopened.secondsSinceOpened == nil)
        #expect(unopened.firstErrorMessage == nil)
    }

    @Test(arguments: StoreKind.allCases)
    func aRecordedAttemptSaysHowManyAttemptsTheExerciseHasAndWhetherOneHadPassed(kind: StoreKind) async throws {
        // The page answers a submission from these instead of reading the learner's progress again: they must agree with it.
        let fixture = try StoreFixture(kind)
        let store = fixture.store
        let ana = try await store.createLearner(handle: "ana", displayName: "Ana")
        let ben = try await store.createLearner(handle: "ben", displayName: "Ben")
        let first = try await store.recordAttempt(submission(ana, "pods", "sidecar", passed: false, error: "e1"))
        #expect((first.attemptsSoFar, first.passedBefore, first.everPassed, first.isFirstPass) == (1, false, false, false))
        _ = try await store.recordAttempt(submission(ben, "pods", "sidecar", passed: true))  // another learner's pass counts for nothing here
        _ = try await store.recordAttempt(submission(ana, "pods", "shared-port", passed: true))  // nor another exercise's
        let pass = try await store.recordAttempt(submission(ana, "pods", "sidecar", passed: true))
        #expect((pass.attemptsSoFar, pass.passedBefore, pass.everPassed, pass.isFirstPass) == (2, false, true, true))
        let after = try await store.recordAttempt(submission(ana, "pods", "sidecar", passed: false, error: "e2"))
        #expect((after.attemptsSoFar, after.passedBefore, after.everPassed, after.isFirstPass) == (3, true, true, false))
        let again = try await store.recordAttempt(submission(ana, "pods", "sidecar", passed: true))
        #expect((again.attemptsSoFar, again.isFirstPass) == (4, false))
        let progress = try await store.progress(of: ana.id).lesson("pods")?.exercise("sidecar")
        #expect(progress?.attempts == again.attemptsSoFar)
        #expect(progress?.passed == again.everPassed)

        // Concurrent attempts (committed together by the SQLite store) are numbered 5...24, each once.
        let numbers = try await withThrowingTaskGroup(of: Int.self) { group in
            for index in 0..<20 {
                group.addTask { try await store.recordAttempt(submission(ana, "pods", "sidecar", passed: false, yaml: "# \(index)\n")).attemptsSoFar }
            }
            return try await group.reduce(into: [Int]()) { $0.append($1) }
        }
        #expect(numbers.sorted() == Array(5...24))
    }

    @Test(arguments: StoreKind.allCases)
    func anAttemptKeepsEveryByteOfItsYAMLIncludingANULAndWhatFollowsIt(kind: StoreKind) async throws {
        // Bound as text, SQLite kept YAML only up to a NUL byte: the learner's file came back cut short.
        let fixture = try StoreFixture(kind)
        let ana = try await fixture.store.createLearner(handle: "ana", displayName: "Ana")
        let yaml = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\u{0}b\n# after the NUL: é, 🙂\r\n"
        let sent = submission(ana, "pods", "sidecar", passed: false, error: "yaml: control characters are not allowed", yaml: yaml)
        #expect(try await fixture.store.recordAttempt(sent).attempt.yaml == yaml)
        #expect(try await Self.attemptYAML(fixture.store, ana.id) == [yaml], "read back")
        let exported = try await fixture.store.exportProgress(handle: "ana")
        #expect(exported.learners.first?.attempts.map(\.yaml) == [yaml], "exported")
        let copy = try StoreFixture(kind)
        _ = try await copy.store.importProgress(exported)
        let imported = try #require(try await copy.store.learner(handle: "ana"))
        #expect(try await Self.attemptYAML(copy.store, imported.id) == [yaml], "imported into another store")
    }

    static func attemptYAML(_ store: any ProgressStore, _ learnerID: Int64) async throws -> [String] {
        try await store.timeline(of: learnerID).compactMap { entry in
            if case .attempt(let attempt) = entry { attempt.yaml } else { nil }
        }
    }

    @Test(arguments: StoreKind.allCases)
    func concurrentAttemptsAreEachRecordedOnceAndABadOneFailsAlone(kind: StoreKind) async throws {
        // The SQLite store commits attempts that arrive together in one transaction: each must still get its own
        // id and answer, and one for an unknown learner must not take the others down with it.
        let fixture = try StoreFixture(kind)
        let ana = try await fixture.store.createLearner(handle: "ana", displayName: "Ana")
        let ben = try await fixture.store.createLearner(handle: "ben", displayName: "Ben")
        let ghost = Learner(id: 99, handle: "ghost", displayName: "Ghost", classCode: nil, createdAt: ManualClock.start)
        let store = fixture.store
        let outcomes = await withTaskGroup(of: (Int, Result<Attempt, ProgressStoreError>).self) { group in
            for n in 0..<300 {
                let learner = n % 30 == 29 ? ghost : (n.isMultiple(of: 2) ? ana : ben)
                group.addTask {
                    do {
                        return (n, .success(try await store.recordAttempt(submission(learner, "pods", "sidecar", passed: false, yaml: "# \(n)\n")).attempt))
                    } catch {
                        return (n, .failure(error as! ProgressStoreError))
                    }
                }
            }
            var outcomes: [Int: Result<Attempt, ProgressStoreError>] = [:]
            for await (n, outcome) in group { outcomes[n] = outcome }
            return outcomes
        }
        var ids = Set<Int64>()
        for (n, outcome) in outcomes {
            switch outcome {
            case .success(let attempt):
                #expect(n % 30 != 29)
                #expect(attempt.yaml == "# \(n)\n")
                #expect(attempt.learnerID == (n.isMultiple(of: 2) ? ana.id : ben.id))
                ids.insert(attempt.id)
            case .failure(let error):
                #expect(n % 30 == 29, "attempt \(n) failed: \(error)")
                #expect(error == .unknownLearner)
            }
        }
        #expect(ids.count == 290, "every good attempt has its own id")
        let stored = try await Self.attemptYAML(store, ana.id) + Self.attemptYAML(store, ben.id)
        #expect(Set(stored) == Set((0..<300).filter { $0 % 30 != 29 }.map { "# \($0)\n" }), "and is stored once")
        #expect(stored.count == 290)
    }

    @Test(arguments: StoreKind.allCases)
    func timesAreKeptToTheMillisecond(kind: StoreKind) async throws {
        let fixture = try StoreFixture(kind, clock: ManualClock(ManualClock.start.plus(0.123_456)))
        let ana = try await fixture.store.createLearner(handle: "ana", displayName: "Ana")
        #expect(ana.createdAt.timeIntervalSince1970 * 1000 == (ManualClock.start.timeIntervalSince1970 * 1000 + 123).rounded())
        #expect(try await fixture.store.learner(id: ana.id)?.createdAt == ana.createdAt, "the time read back equals the time returned")
    }

    @Test(arguments: StoreKind.allCases)
    func recordingForAnUnknownLearnerIsRefused(kind: StoreKind) async throws {
        let fixture = try StoreFixture(kind)
        let ghost = Learner(id: 7, handle: "ghost", displayName: "Ghost", classCode: nil, createdAt: ManualClock.start)
        await #expect(throws: ProgressStoreError.unknownLearner) {
            try await fixture.store.recordAttempt(submission(ghost, "pods", "sidecar", passed: true))
        }
        await #expect(throws: ProgressStoreError.unknownLearner) {
            try await fixture.store.recordQuizAnswer(QuizSubmission(learnerID: 7, lesson: "pods", quiz: "q1", chosenIndex: 0, correct: true))
        }
        await #expect(throws: ProgressStoreError.unknownLearner) {
            try await fixture.store.recordExerciseOpen(learnerID: 7, lesson: "pods", exercise: "x")
        }
        await #expect(throws: ProgressStoreError.unknownLearner) { try await fixture.store.markLessonCompleted(learnerID: 7, lesson: "pods") }
        await #expect(throws: ProgressStoreError.unknownLearner) { try await fixture.store.progress(of: 7) }
        await #expect(throws: ProgressStoreError.unknownLearner) { try await fixture.store.timeline(of: 7) }
    }

    @Test(arguments: StoreKind.allCases)
    func progressShowsEachLessonsExercisesQuizzesAndCompletion(kind: StoreKind) async throws {
        let fixture = try StoreFixture(kind)
        let store = fixture.store
        let ana = try await store.createLearner(handle: "ana", displayName: "Ana")
        let ben = try await store.createLearner(handle: "ben", displayName: "Ben")

        _ = try await store.recordExerciseOpen(learnerID: ana.id, lesson: "pods", exercise: "sidecar")
        _ = try await store.recordExerciseOpen(learnerID: ana.id, lesson: "pods", exercise: "busybox")
        fixture.clock.advance(by: 30)
        _ = try await store.recordAttempt(submission(ana, "pods", "sidecar", passed: false, error: "boom"))
        fixture.clock.advance(by: 30)
        _ = try await store.recordAttempt(submission(ana, "pods", "sidecar", passed: true))
        _ = try await store.recordQuizAnswer(QuizSubmission(learnerID: ana.id, lesson: "pods", quiz: "shared-ip", chosenIndex: 2, correct: false))
        fixture.clock.advance(by: 5)
        _ = try await store.recordQuizAnswer(QuizSubmission(learnerID: ana.id, lesson: "pods", quiz: "shared-ip", chosenIndex: 1, correct: true))
        _ = try await store.recordQuizAnswer(QuizSubmission(learnerID: ana.id, lesson: "dns", quiz: "search-path", chosenIndex: 0, correct: false))
        fixture.clock.advance(by: 5)
        let completedAt = try await store.markLessonCompleted(learnerID: ana.id, lesson: "pods")
        fixture.clock.advance(by: 5)
        #expect(try await store.markLessonCompleted(learnerID: ana.id, lesson: "pods") == completedAt, "completing again changes nothing")
        _ = try await store.recordAttempt(submission(ben, "pods", "sidecar", passed: true))

        let progress = try await store.progress(of: ana.id)
        #expect(progress.learner == ana)
        #expect(progress.lessons.map(\.lesson) == ["dns", "pods"])
        let pods = try #require(progress.lesson("pods"))
        #expect(pods.completedAt == ManualClock.start.plus(70))
        #expect(pods.isCompleted)
        #expect(
            pods.exercises == [
                ExerciseProgress(exercise: "busybox", openedAt: ManualClock.start, attempts: 0, passed: false),
                ExerciseProgress(exercise: "sidecar", openedAt: ManualClock.start, attempts: 2, passed: true),
            ])
        #expect(pods.quizzes == [QuizProgress(quiz: "shared-ip", answers: 2, chosenIndex: 1, correct: true, everCorrect: true)])
        let dns = try #require(progress.lesson("dns"))
        #expect(!dns.isCompleted)
        #expect(dns.exercises.isEmpty)
        #expect(dns.quiz("search-path") == QuizProgress(quiz: "search-path", answers: 1, chosenIndex: 0, correct: false, everCorrect: false))

        let benProgress = try await store.progress(of: ben.id)
        #expect(benProgress.lessons.map(\.lesson) == ["pods"])
        #expect(benProgress.lesson("pods")?.exercise("sidecar")?.attempts == 1)
        let newcomer = try await store.createLearner(handle: "cy", displayName: "Cy")
        #expect(try await store.progress(of: newcomer.id).lessons.isEmpty)
    }

    @Test(arguments: StoreKind.allCases)
    func theTimelineListsAttemptsWithTheirYAMLAndQuizAnswersInTimeOrder(kind: StoreKind) async throws {
        let fixture = try StoreFixture(kind)
        let store = fixture.store
        let ana = try await store.createLearner(handle: "ana", displayName: "Ana")
        let ben = try await store.createLearner(handle: "ben", displayName: "Ben")

        let quiz = try await store.recordQuizAnswer(QuizSubmission(learnerID: ana.id, lesson: "pods", quiz: "q1", chosenIndex: 3, correct: false))
        // Same millisecond: an attempt is listed before a quiz answer.
        let first = try await store.recordAttempt(submission(ana, "pods", "sidecar", passed: false, error: "e1", yaml: "apiVersion: v1\nkind: Pod\n")).attempt
        _ = try await store.recordAttempt(submission(ben, "pods", "sidecar", passed: true))
        fixture.clock.advance(by: 1)
        let second = try await store.recordAttempt(submission(ana, "pods", "sidecar", passed: true, yaml: "apiVersion: v1\nkind: Pod # fixed\n")).attempt
        fixture.clock.advance(by: 1)
        let later = try await store.recordQuizAnswer(QuizSubmission(learnerID: ana.id, lesson: "pods", quiz: "q1", chosenIndex: 1, correct: true))

        let timeline = try await store.timeline(of: ana.id)
        #expect(timeline == [.attempt(first), .quizAnswer(quiz), .attempt(second), .quizAnswer(later)])
        #expect(timeline.map(\.createdAt) == [ManualClock.start, ManualClock.start, ManualClock.start.plus(1), ManualClock.start.plus(2)])
        guard case .attempt(let stored) = timeline[2] else {
            Issue.record("expected an attempt")
            return
        }
        #expect(stored.yaml == "apiVersion: v1\nkind: Pod # fixed\n")
        #expect(try await store.timeline(of: ben.id).count == 1)
    }

    @Test(arguments: StoreKind.allCases)
    func concurrentAttemptsFromManyTasksAreAllRecorded(kind: StoreKind) async throws {
        let fixture = try StoreFixture(kind)
        let store = fixture.store
        var learners: [Learner] = []
        for index in 0..<8 {
            learners.append(try await store.createLearner(handle: "learner\(index)", displayName: ""))
        }
        let perLearner = 25
        let ids = try await withThrowingTaskGroup(of: Int64.self) { group in
            for learner in learners {
                for index in 0..<perLearner {
                    group.addTask {
                        try await store.recordAttempt(submission(learner, "pods", "sidecar", passed: index % 5 == 4, yaml: "# try \(index)\n")).attempt.id
                    }
                }
            }
            return try await group.reduce(into: [Int64]()) { $0.append($1) }
        }
        #expect(Set(ids) == Set(1...Int64(learners.count * perLearner)))
        for learner in learners {
            let timeline = try await store.timeline(of: learner.id)
            #expect(timeline.count == perLearner)
            let yamls = Set(
                timeline.compactMap { entry -> String? in
                    guard case .attempt(let attempt) = entry else { return nil }
                    return attempt.yaml
                })
            #expect(yamls == Set((0..<perLearner).map { "# try \($0)\n" }))
        }
        let report = try await store.report()
        #expect(report.map { $0.exercises.first?.attempts } == Array(repeating: perLearner, count: learners.count))
    }
}
