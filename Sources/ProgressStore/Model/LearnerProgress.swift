import Foundation

/// Where one learner stands: per lesson, the exercises tried, the quizzes answered and whether it is completed.
public struct LearnerProgress: Sendable, Hashable {
    /// The learner.
    public var learner: Learner
    /// Every lesson the learner has touched (opened an exercise, attempted, answered, completed), by lesson id.
    public var lessons: [LessonProgress]

    /// Creates a progress value.
    public init(learner: Learner, lessons: [LessonProgress]) {
        self.learner = learner
        self.lessons = lessons
    }

    /// The progress in lesson `id`, or nil when the learner has not touched it.
    public func lesson(_ id: String) -> LessonProgress? {
        lessons.first { $0.lesson == id }
    }
}

/// One learner's progress in one lesson.
public struct LessonProgress: Sendable, Hashable {
    /// The lesson's id.
    public var lesson: String
    /// The exercises opened or attempted, by exercise id.
    public var exercises: [ExerciseProgress]
    /// The quizzes answered, by quiz id.
    public var quizzes: [QuizProgress]
    /// When the learner marked the lesson completed, if they did.
    public var completedAt: Date?

    /// Whether the lesson is marked completed.
    public var isCompleted: Bool { completedAt != nil }

    /// Creates a lesson-progress value.
    public init(lesson: String, exercises: [ExerciseProgress], quizzes: [QuizProgress], completedAt: Date?) {
        self.lesson = lesson
        self.exercises = exercises
        self.quizzes = quizzes
        self.completedAt = completedAt
    }

    /// The progress in exercise `id`, or nil when the learner has neither opened nor attempted it.
    public func exercise(_ id: String) -> ExerciseProgress? {
        exercises.first { $0.exercise == id }
    }

    /// The progress in quiz `id`, or nil when the learner has not answered it.
    public func quiz(_ id: String) -> QuizProgress? {
        quizzes.first { $0.quiz == id }
    }
}

/// One learner's progress in one exercise.
public struct ExerciseProgress: Sendable, Hashable {
    /// The exercise's id.
    public var exercise: String
    /// When the learner first opened it, if that was recorded.
    public var openedAt: Date?
    /// How many attempts were recorded.
    public var attempts: Int
    /// Whether any attempt passed.
    public var passed: Bool

    /// Creates an exercise-progress value.
    public init(exercise: String, openedAt: Date?, attempts: Int, passed: Bool) {
        self.exercise = exercise
        self.openedAt = openedAt
        self.attempts = attempts
        self.passed = passed
    }
}

/// One learner's answers to one quiz.
public struct QuizProgress: Sendable, Hashable {
    /// The quiz's id.
    public var quiz: String
    /// How many answers were recorded.
    public var answers: Int
    /// The option chosen in the latest answer.
    public var chosenIndex: Int
    /// Whether the latest answer is correct.
    public var correct: Bool
    /// Whether any answer was correct.
    public var everCorrect: Bool

    /// Creates a quiz-progress value.
    public init(quiz: String, answers: Int, chosenIndex: Int, correct: Bool, everCorrect: Bool) {
        self.quiz = quiz
        self.answers = answers
        self.chosenIndex = chosenIndex
        self.correct = correct
        self.everCorrect = everCorrect
    }
}

/// One entry of a learner's timeline: an attempt (with its YAML) or a quiz answer.
public enum TimelineEntry: Sendable, Hashable {
    /// An exercise attempt.
    case attempt(Attempt)
    /// A quiz answer.
    case quizAnswer(QuizAnswer)

    /// When the entry was recorded.
    public var createdAt: Date {
        switch self {
        case .attempt(let attempt): attempt.createdAt
        case .quizAnswer(let answer): answer.createdAt
        }
    }

    /// Attempts and answers merged in time order; at the same millisecond attempts come first, then by id.
    static func chronological(attempts: [Attempt], quizAnswers: [QuizAnswer]) -> [TimelineEntry] {
        let entries = attempts.map(TimelineEntry.attempt) + quizAnswers.map(TimelineEntry.quizAnswer)
        return entries.sorted { $0.orderKey < $1.orderKey }
    }

    private var orderKey: OrderKey {
        switch self {
        case .attempt(let attempt): OrderKey(time: attempt.createdAt, rank: 0, id: attempt.id)
        case .quizAnswer(let answer): OrderKey(time: answer.createdAt, rank: 1, id: answer.id)
        }
    }

    private struct OrderKey: Comparable {
        var time: Date
        var rank: Int
        var id: Int64

        static func < (lhs: OrderKey, rhs: OrderKey) -> Bool {
            (lhs.time, lhs.rank, lhs.id) < (rhs.time, rhs.rank, rhs.id)
        }
    }
}

/// What a store reads about one learner to build a ``LearnerProgress``: the same facts whatever the store.
struct ActivityLog {
    /// A recorded first open of an exercise.
    struct Open {
        var lesson: String
        var exercise: String
        var openedAt: Int64
    }

    /// The part of a learner's attempts at one exercise progress needs: how many, and whether one passed.
    struct AttemptMark {
        var lesson: String
        var exercise: String
        var passed: Bool
        var count = 1
    }

    /// A lesson marked completed.
    struct Completion {
        var lesson: String
        var completedAt: Int64
    }

    var opens: [Open] = []
    var attempts: [AttemptMark] = []
    /// The learner's quiz answers, oldest first (by time, then id).
    var quizAnswers: [QuizAnswer] = []
    var completions: [Completion] = []
}

extension LearnerProgress {
    /// Builds the progress of `learner` from everything recorded about them.
    init(learner: Learner, log: ActivityLog) {
        struct ExerciseKey: Hashable {
            var lesson: String
            var exercise: String
        }
        var exercises: [ExerciseKey: ExerciseProgress] = [:]
        for open in log.opens {
            exercises[ExerciseKey(lesson: open.lesson, exercise: open.exercise)] = ExerciseProgress(
                exercise: open.exercise, openedAt: Timestamp.date(open.openedAt), attempts: 0, passed: false)
        }
        for attempt in log.attempts {
            let key = ExerciseKey(lesson: attempt.lesson, exercise: attempt.exercise)
            var progress = exercises[key] ?? ExerciseProgress(exercise: attempt.exercise, openedAt: nil, attempts: 0, passed: false)
            progress.attempts += attempt.count
            progress.passed = progress.passed || attempt.passed
            exercises[key] = progress
        }

        struct QuizKey: Hashable {
            var lesson: String
            var quiz: String
        }
        var quizzes: [QuizKey: QuizProgress] = [:]
        for answer in log.quizAnswers {
            let key = QuizKey(lesson: answer.lesson, quiz: answer.quiz)
            let earlier = quizzes[key]
            // Answers arrive oldest first, so the last one seen is the latest.
            quizzes[key] = QuizProgress(
                quiz: answer.quiz, answers: (earlier?.answers ?? 0) + 1, chosenIndex: answer.chosenIndex,
                correct: answer.correct, everCorrect: (earlier?.everCorrect ?? false) || answer.correct)
        }

        let completions = Dictionary(log.completions.map { ($0.lesson, $0.completedAt) }, uniquingKeysWith: min)
        let lessonIDs = Set(exercises.keys.map(\.lesson)).union(quizzes.keys.map(\.lesson)).union(completions.keys)
        self.init(
            learner: learner,
            lessons: lessonIDs.sorted(by: precedesInBinaryOrder).map { lesson in
                LessonProgress(
                    lesson: lesson,
                    exercises: exercises.filter { $0.key.lesson == lesson }.values
                        .sorted { precedesInBinaryOrder($0.exercise, $1.exercise) },
                    quizzes: quizzes.filter { $0.key.lesson == lesson }.values
                        .sorted { precedesInBinaryOrder($0.quiz, $1.quiz) },
                    completedAt: completions[lesson].map(Timestamp.date))
            })
    }
}
