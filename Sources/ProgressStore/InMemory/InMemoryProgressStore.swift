import Foundation

/// A ``ProgressStore`` held in memory: for route tests and for trying the server without a database file.
///
/// It behaves exactly as ``SQLiteProgressStore`` does (the same behavioural tests run against both):
/// the same ids, orders, times cut to milliseconds, errors, and all-or-nothing imports. Nothing survives
/// the process.
public actor InMemoryProgressStore: ProgressStore {
    private let clock: @Sendable () -> Date
    private var state = State()

    /// Creates an empty store whose times come from `clock`.
    public init(clock: @escaping @Sendable () -> Date = Date.init) {
        self.clock = clock
    }

    private func now() -> Int64 {
        Timestamp.milliseconds(clock())
    }

    // MARK: Learners

    /// Creates a learner, optionally in a class; see ``ProgressStore/createLearner(handle:displayName:classCode:)``.
    public func createLearner(handle: String, displayName: String, classCode: String?) async throws -> Learner {
        let name = try Admission.learner(handle: handle, displayName: displayName)
        let code = try classCode.map { try state.canonicalClassCode($0) }
        guard state.learner(handle: handle) == nil else { throw Admission.handleTaken(handle) }
        return state.insertLearner(handle: handle, displayName: name, classCode: code, createdAt: now())
    }

    /// The learner with this handle (case-insensitively), or nil.
    public func learner(handle: String) async throws -> Learner? {
        state.learner(handle: handle)
    }

    /// The learner with this id, or nil.
    public func learner(id: Int64) async throws -> Learner? {
        state.learner(id: id)
    }

    // MARK: Sessions

    /// Starts a session; the store keeps only the token's SHA-256.
    public func createSession(for learnerID: Int64, lifetime: TimeInterval) async throws -> IssuedSession {
        try state.requireLearner(learnerID)
        let now = now()
        state.sessions = state.sessions.filter { $0.value.expiresAt > now }
        let token = SessionToken.generate()
        let expiresAt = now + Int64((lifetime * 1000).rounded())
        state.sessions[SessionToken.hash(token)] = StoredSession(learnerID: learnerID, expiresAt: expiresAt)
        return IssuedSession(token: token, learnerID: learnerID, expiresAt: Timestamp.date(expiresAt))
    }

    /// The learner a live session token signs in, or nil.
    public func learner(sessionToken: String) async throws -> Learner? {
        guard let session = state.sessions[SessionToken.hash(sessionToken)], session.expiresAt > now() else { return nil }
        return state.learner(id: session.learnerID)
    }

    /// Ends a session.
    public func deleteSession(token: String) async throws {
        state.sessions[SessionToken.hash(token)] = nil
    }

    // MARK: Classes

    /// Creates a class.
    public func createClassroom(code: String, name: String) async throws -> Classroom {
        let name = try Admission.classroom(code: code, name: name)
        guard state.classroom(code: code) == nil else { throw Admission.classCodeTaken(code) }
        let classroom = Classroom(code: code, name: name, createdAt: Timestamp.date(now()))
        state.classrooms.append(classroom)
        return classroom
    }

    /// Every class, by code.
    public func classrooms() async throws -> [Classroom] {
        state.sortedClassrooms()
    }

    /// The class with this code (case-insensitively), or nil.
    public func classroom(code: String) async throws -> Classroom? {
        state.classroom(code: code)
    }

    // MARK: Recording

    /// Records a first open of an exercise; returns the first open's time.
    public func recordExerciseOpen(learnerID: Int64, lesson: String, exercise: String) async throws -> Date {
        try state.requireLearner(learnerID)
        let key = ExerciseKey(learnerID: learnerID, lesson: lesson, exercise: exercise)
        if let openedAt = state.opens[key] {
            return Timestamp.date(openedAt)
        }
        let openedAt = now()
        state.opens[key] = openedAt
        return Timestamp.date(openedAt)
    }

    /// Records an attempt.
    public func recordAttempt(_ submission: AttemptSubmission) async throws -> RecordedAttempt {
        try state.requireLearner(submission.learnerID)
        let openedAt = state.opens[ExerciseKey(learnerID: submission.learnerID, lesson: submission.lesson, exercise: submission.exercise)]
        let earlier = state.attempts.filter {
            $0.learnerID == submission.learnerID && $0.lesson == submission.lesson && $0.exercise == submission.exercise
        }
        let attempt = Attempt(submission, id: state.nextAttemptID, createdAt: now(), openedAt: openedAt)
        state.attempts.append(attempt)
        return RecordedAttempt(attempt: attempt, attemptsSoFar: earlier.count + 1, passedBefore: earlier.contains(where: \.passed))
    }

    /// Records a quiz answer.
    public func recordQuizAnswer(_ submission: QuizSubmission) async throws -> QuizAnswer {
        try state.requireLearner(submission.learnerID)
        let answer = QuizAnswer(submission, id: state.nextQuizAnswerID, createdAt: now())
        state.quizAnswers.append(answer)
        return answer
    }

    /// Marks a lesson completed; returns when it first was.
    public func markLessonCompleted(learnerID: Int64, lesson: String) async throws -> Date {
        try state.requireLearner(learnerID)
        let key = LessonKey(learnerID: learnerID, lesson: lesson)
        if let completedAt = state.completions[key] {
            return Timestamp.date(completedAt)
        }
        let completedAt = now()
        state.completions[key] = completedAt
        return Timestamp.date(completedAt)
    }

    // MARK: Reading

    /// Where a learner stands in every lesson they touched.
    public func progress(of learnerID: Int64) async throws -> LearnerProgress {
        let learner = try state.requireLearner(learnerID)
        var log = ActivityLog()
        log.opens = state.opens.filter { $0.key.learnerID == learnerID }.map {
            ActivityLog.Open(lesson: $0.key.lesson, exercise: $0.key.exercise, openedAt: $0.value)
        }
        log.attempts = state.attempts(of: learnerID).map { ActivityLog.AttemptMark(lesson: $0.lesson, exercise: $0.exercise, passed: $0.passed) }
        log.quizAnswers = state.quizAnswers(of: learnerID)
        log.completions = state.completions.filter { $0.key.learnerID == learnerID }.map {
            ActivityLog.Completion(lesson: $0.key.lesson, completedAt: $0.value)
        }
        return LearnerProgress(learner: learner, log: log)
    }

    /// A learner's attempts and quiz answers in time order.
    public func timeline(of learnerID: Int64) async throws -> [TimelineEntry] {
        try state.requireLearner(learnerID)
        return TimelineEntry.chronological(attempts: state.attempts(of: learnerID), quizAnswers: state.quizAnswers(of: learnerID))
    }

    /// The instructor's report.
    public func report(classCode: String?) async throws -> [LearnerReport] {
        let learners = try state.learners(inClass: classCode)
        let attemptsByLearner = Dictionary(grouping: state.attempts, by: \.learnerID)
        let opensByLearner = Dictionary(grouping: state.opens, by: \.key.learnerID)
        let completionsByLearner = Dictionary(grouping: state.completions, by: \.key.learnerID)
        let answersByLearner = Dictionary(grouping: state.quizAnswers, by: \.learnerID)
        return learners.map { learner in
            let attempts = attemptsByLearner[learner.id] ?? []
            let opens = opensByLearner[learner.id] ?? []
            let completions = completionsByLearner[learner.id] ?? []
            let times =
                attempts.map { Timestamp.milliseconds($0.createdAt) } + opens.map(\.value) + completions.map(\.value)
                + (answersByLearner[learner.id] ?? []).map { Timestamp.milliseconds($0.createdAt) }
            return LearnerReport(
                learner: learner,
                exercises: Self.summaries(attempts: attempts, opens: opens),
                completedLessons: completions.map(\.key.lesson).sorted(by: precedesInBinaryOrder),
                lastActivityAt: times.max().map(Timestamp.date))
        }
    }

    /// How the learners failed each exercise.
    public func failurePatterns(classCode: String?) async throws -> [FailurePattern] {
        struct Key: Hashable {
            var lesson: String
            var exercise: String
            var kind: FailurePattern.Kind
            var pattern: String
        }
        let members = Set(try state.learners(inClass: classCode).map(\.id))
        var learners: [Key: Set<Int64>] = [:]
        var patterns: [Key: FailurePattern] = [:]
        for attempt in state.attempts where members.contains(attempt.learnerID) {
            for mark in FailureMark.marks(checks: attempt.checks, firstErrorMessage: attempt.firstErrorMessage) {
                let key = Key(lesson: attempt.lesson, exercise: attempt.exercise, kind: mark.kind, pattern: mark.pattern)
                learners[key, default: []].insert(attempt.learnerID)
                if var pattern = patterns[key] {
                    pattern.attempts += 1
                    if precedesInBinaryOrder(mark.message, pattern.example) { pattern.example = mark.message }
                    patterns[key] = pattern
                } else {
                    patterns[key] = FailurePattern(
                        lesson: key.lesson, exercise: key.exercise, kind: key.kind, pattern: key.pattern, learners: 0, attempts: 1,
                        example: mark.message)
                }
            }
        }
        return patterns.map { key, pattern in
            var pattern = pattern
            pattern.learners = learners[key]?.count ?? 0
            return pattern
        }.sorted(by: FailurePattern.precedes)
    }

    private static func summaries(attempts: [Attempt], opens: [(key: ExerciseKey, value: Int64)]) -> [ExerciseSummary] {
        struct Key: Hashable {
            var lesson: String
            var exercise: String
        }
        let attemptsByExercise = Dictionary(grouping: attempts) { Key(lesson: $0.lesson, exercise: $0.exercise) }
        let openedAt = Dictionary(opens.map { (Key(lesson: $0.key.lesson, exercise: $0.key.exercise), $0.value) }, uniquingKeysWith: min)
        let keys = Set(attemptsByExercise.keys).union(openedAt.keys)
        return keys.map { key in
            let tries = (attemptsByExercise[key] ?? []).sorted(by: State.isEarlier)
            let firstPass = tries.first(where: \.passed)
            return ExerciseSummary(
                lesson: key.lesson, exercise: key.exercise, openedAt: openedAt[key], attempts: tries.count,
                firstAttemptAt: tries.first.map { Timestamp.milliseconds($0.createdAt) },
                passedAt: tries.first(where: \.passed).map { Timestamp.milliseconds($0.createdAt) },
                lastErrorMessage: tries.last(where: { $0.firstErrorMessage != nil })?.firstErrorMessage,
                attemptsToPass: firstPass.map { pass in 1 + tries.count { $0.createdAt < pass.createdAt } })
        }.sorted(by: ExerciseSummary.precedes)
    }

    // MARK: Moving progress between stores

    /// Everything recorded about one learner, or all of them.
    public func exportProgress(handle: String?) async throws -> ProgressExport {
        let learners: [Learner]
        let classrooms: [Classroom]
        if let handle {
            guard let learner = state.learner(handle: handle) else { throw Admission.unknownLearner(handle: handle) }
            learners = [learner]
            classrooms = learner.classCode.flatMap { state.classroom(code: $0) }.map { [$0] } ?? []
        } else {
            learners = state.sortedLearners()
            classrooms = state.sortedClassrooms()
        }
        return ProgressExport(exportedAt: Timestamp.date(now()), classes: classrooms, learners: learners.map(state.exported))
    }

    /// Merges an export, all or nothing.
    public func importProgress(_ export: ProgressExport) async throws -> ImportSummary {
        try export.validate()
        var draft = state
        let summary = try draft.merge(export)
        state = draft
        return summary
    }
}

private struct ExerciseKey: Hashable {
    var learnerID: Int64
    var lesson: String
    var exercise: String
}

private struct LessonKey: Hashable {
    var learnerID: Int64
    var lesson: String
}

private struct StoredSession {
    var learnerID: Int64
    var expiresAt: Int64
}

/// Everything the in-memory store holds, as one value so an import can work on a copy and commit by assignment.
private struct State {
    var learners: [Learner] = []
    var classrooms: [Classroom] = []
    var sessions: [[UInt8]: StoredSession] = [:]
    var opens: [ExerciseKey: Int64] = [:]
    var attempts: [Attempt] = []
    var quizAnswers: [QuizAnswer] = []
    var completions: [LessonKey: Int64] = [:]

    var nextAttemptID: Int64 { (attempts.last?.id ?? 0) + 1 }
    var nextQuizAnswerID: Int64 { (quizAnswers.last?.id ?? 0) + 1 }

    func learner(handle: String) -> Learner? {
        let folded = HandleFormat.folded(handle)
        return learners.first { HandleFormat.folded($0.handle) == folded }
    }

    func learner(id: Int64) -> Learner? {
        learners.first { $0.id == id }
    }

    @discardableResult
    func requireLearner(_ id: Int64) throws -> Learner {
        guard let learner = learner(id: id) else { throw Admission.unknownLearner(id: id) }
        return learner
    }

    mutating func insertLearner(handle: String, displayName: String, classCode: String?, createdAt: Int64) -> Learner {
        let learner = Learner(
            id: (learners.last?.id ?? 0) + 1, handle: handle, displayName: displayName, classCode: classCode,
            createdAt: Timestamp.date(createdAt))
        learners.append(learner)
        return learner
    }

    func classroom(code: String) -> Classroom? {
        let folded = HandleFormat.folded(code)
        return classrooms.first { HandleFormat.folded($0.code) == folded }
    }

    /// The code as the class was created with it; throws when no class has it.
    func canonicalClassCode(_ code: String) throws -> String {
        guard let classroom = classroom(code: code) else { throw Admission.unknownClass(code) }
        return classroom.code
    }

    func sortedClassrooms() -> [Classroom] {
        classrooms.sorted { HandleFormat.folded($0.code) < HandleFormat.folded($1.code) }
    }

    func sortedLearners() -> [Learner] {
        learners.sorted { (HandleFormat.folded($0.handle), $0.id) < (HandleFormat.folded($1.handle), $1.id) }
    }

    func learners(inClass classCode: String?) throws -> [Learner] {
        guard let classCode else { return sortedLearners() }
        let code = try canonicalClassCode(classCode)
        return sortedLearners().filter { $0.classCode == code }
    }

    static func isEarlier(_ lhs: Attempt, _ rhs: Attempt) -> Bool {
        (lhs.createdAt, lhs.id) < (rhs.createdAt, rhs.id)
    }

    func attempts(of learnerID: Int64) -> [Attempt] {
        attempts.filter { $0.learnerID == learnerID }.sorted(by: Self.isEarlier)
    }

    func quizAnswers(of learnerID: Int64) -> [QuizAnswer] {
        quizAnswers.filter { $0.learnerID == learnerID }.sorted { ($0.createdAt, $0.id) < ($1.createdAt, $1.id) }
    }

    func exported(_ learner: Learner) -> ExportedLearner {
        ExportedLearner(
            handle: learner.handle, displayName: learner.displayName, classCode: learner.classCode, createdAt: learner.createdAt,
            exerciseOpens: opens.filter { $0.key.learnerID == learner.id }
                .sorted { lhs, rhs in
                    if lhs.value != rhs.value { return lhs.value < rhs.value }
                    if lhs.key.lesson != rhs.key.lesson { return precedesInBinaryOrder(lhs.key.lesson, rhs.key.lesson) }
                    return precedesInBinaryOrder(lhs.key.exercise, rhs.key.exercise)
                }
                .map { ExportedExerciseOpen(lesson: $0.key.lesson, exercise: $0.key.exercise, openedAt: Timestamp.date($0.value)) },
            attempts: attempts(of: learner.id).map(ExportedAttempt.init),
            quizAnswers: quizAnswers(of: learner.id).map(ExportedQuizAnswer.init),
            completions: completions.filter { $0.key.learnerID == learner.id }
                .sorted { $0.value != $1.value ? $0.value < $1.value : precedesInBinaryOrder($0.key.lesson, $1.key.lesson) }
                .map { ExportedCompletion(lesson: $0.key.lesson, completedAt: Timestamp.date($0.value)) })
    }

    mutating func merge(_ export: ProgressExport) throws -> ImportSummary {
        var summary = ImportSummary()
        for classroom in export.classes where self.classroom(code: classroom.code) == nil {
            let name = NameFormat.normalised(classroom.name) ?? classroom.code
            classrooms.append(Classroom(code: classroom.code, name: name, createdAt: Timestamp.normalised(classroom.createdAt)))
            summary.classesAdded += 1
        }
        for incoming in export.learners {
            let learner: Learner
            if let existing = self.learner(handle: incoming.handle) {
                learner = existing
            } else {
                let code = try incoming.classCode.map { code in
                    do { return try canonicalClassCode(code) } catch { throw ImportRule.unknownClass(code, handle: incoming.handle) }
                }
                learner = insertLearner(
                    handle: incoming.handle, displayName: ImportRule.displayName(incoming), classCode: code,
                    createdAt: Timestamp.milliseconds(incoming.createdAt))
                summary.learnersAdded += 1
            }
            let merge = LearnerMerge(incoming: incoming, existing: exported(learner))
            for open in merge.opens {
                opens[ExerciseKey(learnerID: learner.id, lesson: open.lesson, exercise: open.exercise)] = Timestamp.milliseconds(open.openedAt)
            }
            for attempt in merge.attempts {
                attempts.append(
                    Attempt(
                        id: nextAttemptID, learnerID: learner.id, lesson: attempt.lesson, exercise: attempt.exercise, yaml: attempt.yaml,
                        passed: attempt.passed, checks: attempt.checks, errorCount: attempt.errorCount, warningCount: attempt.warningCount,
                        firstErrorMessage: attempt.firstErrorMessage, secondsSinceOpened: attempt.secondsSinceOpened,
                        createdAt: attempt.createdAt))
            }
            for answer in merge.quizAnswers {
                quizAnswers.append(
                    QuizAnswer(
                        id: nextQuizAnswerID, learnerID: learner.id, lesson: answer.lesson, quiz: answer.quiz,
                        chosenIndex: answer.chosenIndex, correct: answer.correct, createdAt: answer.createdAt))
            }
            for completion in merge.completions {
                completions[LessonKey(learnerID: learner.id, lesson: completion.lesson)] = Timestamp.milliseconds(completion.completedAt)
            }
            summary.exerciseOpensAdded += merge.opens.count
            summary.attemptsAdded += merge.attempts.count
            summary.quizAnswersAdded += merge.quizAnswers.count
            summary.completionsAdded += merge.completions.count
        }
        return summary
    }
}
