import Foundation

/// The instructor's report on a class (or on every learner): who is where, how each exercise went, who is stuck.
///
/// Built from ``ProgressStore/report(classCode:)`` and ``ProgressStore/failurePatterns(classCode:)`` over a
/// ``CourseOutline``; every part is a plain value, rendered by ``ReportCSV``, ``ReportJSON`` or a page.
/// Exercises the store knows but the outline does not (a lesson since renamed) are left out.
public struct ClassReport: Sendable, Hashable {
    /// The class's code, or nil for every learner.
    public var classCode: String?
    /// The time the report was made for; idleness is measured to it.
    public var generatedAt: Date
    /// The course the grid and the rows follow.
    public var outline: CourseOutline
    /// What counts as stuck.
    public var stuckRule: StuckRule
    /// The learner × lesson grid: one line per learner, by handle.
    public var learners: [LearnerLine]
    /// One row per learner × exercise of the course, learners by handle, exercises in course order: the CSV's rows.
    /// Made when asked for, from ``learners``, so a page that shows only the grid does not pay for them.
    public var rows: [ExerciseRow] {
        var rows: [ExerciseRow] = []
        let exercises = outline.lessons.flatMap { lesson in lesson.exercises.map { (lesson.id, $0) } }
        rows.reserveCapacity(learners.count * exercises.count)
        for line in learners {
            for ((lesson, exercise), summary) in zip(exercises, line.exercises) {
                rows.append(ExerciseRow(learner: line.learner, lesson: lesson, exercise: exercise, summary: summary))
            }
        }
        return rows
    }
    /// One entry per exercise of the course, in course order.
    public var exercises: [ExerciseStatistics]
    /// The learners who seem stuck, by handle.
    public var stuck: [StuckLearner]

    /// Reads what the report needs from `store` and builds it.
    ///
    /// Throws ``ProgressStoreError/unknownClass`` for an unknown class code.
    public static func load(
        from store: any ProgressStore, classCode: String?, outline: CourseOutline, now: Date, stuckRule: StuckRule = StuckRule(),
        failureLimit: Int = ExerciseStatistics.defaultFailureLimit
    ) async throws -> ClassReport {
        let reports = try await store.report(classCode: classCode)
        let failures = try await store.failurePatterns(classCode: classCode)
        let code = try await classCode.asyncMap { try await store.classroom(code: $0)?.code ?? $0 }
        return ClassReport(
            reports: reports, failures: failures, outline: outline, classCode: code, now: now, stuckRule: stuckRule,
            failureLimit: failureLimit)
    }

    /// Builds the report from what the store returned.
    public init(
        reports: [LearnerReport], failures: [FailurePattern], outline: CourseOutline, classCode: String?, now: Date,
        stuckRule: StuckRule = StuckRule(), failureLimit: Int = ExerciseStatistics.defaultFailureLimit
    ) {
        self.classCode = classCode
        self.generatedAt = now
        self.outline = outline
        self.stuckRule = stuckRule

        // Each exercise of the course gets a position; a learner's summaries are placed by it in one pass, so a
        // 10,000-learner report makes no dictionary per learner.
        struct Key: Hashable {
            var lesson: String
            var exercise: String
        }
        var positions: [Key: Int] = [:]
        var exerciseKeys: [Key] = []
        for lesson in outline.lessons {
            for exercise in lesson.exercises where positions[Key(lesson: lesson.id, exercise: exercise)] == nil {
                positions[Key(lesson: lesson.id, exercise: exercise)] = exerciseKeys.count
                exerciseKeys.append(Key(lesson: lesson.id, exercise: exercise))
            }
        }
        let lessonRanges = outline.lessons.map { lesson in lesson.exercises.map { positions[Key(lesson: lesson.id, exercise: $0)]! } }

        var learners: [LearnerLine] = []
        var stuck: [StuckLearner] = []
        var tallies = [ExerciseTally](repeating: ExerciseTally(), count: exerciseKeys.count)
        learners.reserveCapacity(reports.count)
        // Where each exercise of the course is in the current learner's summaries (-1: not there). Summaries come in
        // the same order for every learner, so the previous learner's positions are tried before the dictionary.
        var placed = [Int](repeating: -1, count: exerciseKeys.count)
        var previous: [(lesson: String, exercise: String, position: Int?)] = []

        for report in reports {
            for index in placed.indices { placed[index] = -1 }
            for (index, summary) in report.exercises.enumerated() {
                let position: Int?
                if index < previous.count, previous[index].lesson == summary.lesson, previous[index].exercise == summary.exercise {
                    position = previous[index].position
                } else {
                    position = positions[Key(lesson: summary.lesson, exercise: summary.exercise)]
                    if index < previous.count {
                        previous[index] = (summary.lesson, summary.exercise, position)
                    } else {
                        previous.append((summary.lesson, summary.exercise, position))
                    }
                }
                if let position { placed[position] = index }
            }
            var cells: [LessonCell] = []
            cells.reserveCapacity(outline.lessons.count)
            var reasons: [StuckReason] = []
            var exercises: [ExerciseSummary?] = []
            exercises.reserveCapacity(exerciseKeys.count)
            for (lessonIndex, lesson) in outline.lessons.enumerated() {
                var cell = LessonCell(lesson: lesson.id, status: .notStarted, attempts: 0, exercisesPassed: 0, exercises: lesson.exercises.count)
                var touched = false
                for (exercise, position) in zip(lesson.exercises, lessonRanges[lessonIndex]) {
                    let index = placed[position]
                    exercises.append(index < 0 ? nil : report.exercises[index])
                    if index >= 0 {
                        let summary = report.exercises[index]
                        touched = true
                        cell.attempts += summary.attempts
                        if summary.passedAt != nil { cell.exercisesPassed += 1 }
                        tallies[position].add(summary)
                        if summary.passedAt == nil, summary.attempts >= stuckRule.attemptsWithoutPass {
                            reasons.append(.manyAttempts(lesson: lesson.id, exercise: exercise, attempts: summary.attempts))
                        }
                    }
                }
                if report.completedLessons.contains(lesson.id) {
                    cell.status = .done
                } else if touched {
                    cell.status = .inProgress
                }
                cells.append(cell)
            }
            let finished = !cells.isEmpty && cells.allSatisfy { $0.status == .done }
            let lastSeen = report.lastActivityAt ?? report.learner.createdAt
            let idle = now.timeIntervalSince(lastSeen)
            if !finished, idle >= stuckRule.idleInterval {
                reasons.append(.idle(lastActivityAt: report.lastActivityAt, seconds: idle))
            }
            learners.append(LearnerLine(learner: report.learner, lessons: cells, exercises: exercises, lastActivityAt: report.lastActivityAt))
            if !reasons.isEmpty {
                stuck.append(StuckLearner(learner: report.learner, reasons: reasons))
            }
        }

        let failuresByExercise = Dictionary(grouping: failures) { Key(lesson: $0.lesson, exercise: $0.exercise) }
        self.learners = learners
        self.stuck = stuck
        self.exercises = outline.lessons.flatMap { lesson in
            lesson.exercises.map { exercise in
                let key = Key(lesson: lesson.id, exercise: exercise)
                return ExerciseStatistics(
                    lesson: lesson.id, exercise: exercise, learners: reports.count, tally: tallies[positions[key]!],
                    failures: failuresByExercise[key] ?? [], failureLimit: failureLimit)
            }
        }
    }
}

/// When a learner counts as stuck.
public struct StuckRule: Sendable, Hashable {
    /// An exercise with at least this many attempts and no pass makes its learner stuck.
    public var attemptsWithoutPass: Int
    /// A learner who has not finished the course and did nothing for this many seconds is stuck.
    public var idleInterval: TimeInterval

    /// Creates a rule; by default 5 attempts without a pass, or 2 days without activity.
    public init(attemptsWithoutPass: Int = 5, idleInterval: TimeInterval = 2 * 24 * 60 * 60) {
        self.attemptsWithoutPass = attemptsWithoutPass
        self.idleInterval = idleInterval
    }
}

/// Where one learner stands in each lesson: a line of the grid.
public struct LearnerLine: Sendable, Hashable {
    /// The learner.
    public var learner: Learner
    /// One cell per lesson of the course, in course order.
    public var lessons: [LessonCell]
    /// One summary per exercise of the course, in course order; nil where the learner neither opened nor attempted it.
    public var exercises: [ExerciseSummary?]
    /// When the learner last did anything, if ever.
    public var lastActivityAt: Date?
}

/// One learner in one lesson.
public struct LessonCell: Sendable, Hashable {
    /// The lesson's id.
    public var lesson: String
    /// Done, in progress or not started.
    public var status: LessonStatus
    /// The attempts at the lesson's exercises so far.
    public var attempts: Int
    /// How many of the lesson's exercises the learner passed.
    public var exercisesPassed: Int
    /// How many exercises the lesson has.
    public var exercises: Int
}

/// A learner's state in a lesson.
public enum LessonStatus: String, Sendable, Hashable {
    /// The lesson is marked completed (the tutor marks it once its exercises and questions are done).
    case done
    /// Not completed, but an exercise was opened or attempted.
    case inProgress = "in-progress"
    /// Nothing opened or attempted yet.
    case notStarted = "not-started"
}

/// One learner × exercise: a row of the CSV.
public struct ExerciseRow: Sendable, Hashable {
    /// The learner.
    public var learner: Learner
    /// The lesson's id.
    public var lesson: String
    /// The exercise's id.
    public var exercise: String
    /// Passed, attempted, opened or not started.
    public var status: ExerciseStatus
    /// How many attempts were recorded.
    public var attempts: Int
    /// When the first attempt was recorded.
    public var firstAttemptAt: Date?
    /// When the first pass was recorded.
    public var passedAt: Date?
    /// Seconds from opening the exercise to the first pass (see ``ExerciseSummary/secondsToPass``).
    public var secondsToPass: Double?
    /// The checker's first error in the latest attempt that had one.
    public var lastError: String?

    init(learner: Learner, lesson: String, exercise: String, summary: ExerciseSummary?) {
        self.learner = learner
        self.lesson = lesson
        self.exercise = exercise
        attempts = summary?.attempts ?? 0
        firstAttemptAt = summary?.firstAttemptAt
        passedAt = summary?.passedAt
        secondsToPass = summary?.secondsToPass
        lastError = summary?.lastErrorMessage
        status =
            if passedAt != nil { .passed } else if attempts > 0 { .attempted } else if summary != nil { .opened } else { .notStarted }
    }
}

/// A learner's state in an exercise.
public enum ExerciseStatus: String, Sendable, Hashable {
    /// At least one attempt passed.
    case passed
    /// Attempted, no pass yet.
    case attempted
    /// Opened, never submitted.
    case opened
    /// Neither opened nor attempted.
    case notStarted = "not-started"
}

/// A learner who seems stuck, and why.
public struct StuckLearner: Sendable, Hashable {
    /// The learner.
    public var learner: Learner
    /// Every reason, exercises in course order first, idleness last.
    public var reasons: [StuckReason]
}

/// Why a learner seems stuck.
public enum StuckReason: Sendable, Hashable {
    /// Many attempts at an exercise and no pass.
    case manyAttempts(lesson: String, exercise: String, attempts: Int)
    /// Nothing done for `seconds`; `lastActivityAt` is nil when the learner never did anything since joining.
    case idle(lastActivityAt: Date?, seconds: Double)
}

extension Optional {
    fileprivate func asyncMap<T>(_ transform: (Wrapped) async throws -> T) async rethrows -> T? {
        guard let self else { return nil }
        return try await transform(self)
    }
}
