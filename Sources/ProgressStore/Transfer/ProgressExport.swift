import Foundation

/// A learner's (or every learner's) progress as a self-contained document, to move between stores or machines.
///
/// Ids are left out (they are local to a store); learners are matched by handle on import. Times are
/// written in ISO 8601 UTC with milliseconds, the precision the stores keep.
public struct ProgressExport: Sendable, Hashable, Codable {
    /// The value of ``format`` in every KubeTutor export.
    public static let formatName = "kubetutor-progress"
    /// The newest ``version`` this binary writes and reads.
    public static let currentVersion = 1

    /// Always ``formatName``.
    public var format: String
    /// The document's version; this binary reads up to ``currentVersion``.
    public var version: Int
    /// When the export was made.
    public var exportedAt: Date
    /// The classes the exported learners belong to (every class, for a full export), by code.
    public var classes: [Classroom]
    /// The exported learners, by handle.
    public var learners: [ExportedLearner]

    /// Creates an export document of the current version.
    public init(exportedAt: Date, classes: [Classroom], learners: [ExportedLearner]) {
        self.format = Self.formatName
        self.version = Self.currentVersion
        self.exportedAt = exportedAt
        self.classes = classes
        self.learners = learners
    }

    /// The document as pretty-printed JSON with sorted keys.
    public func jsonData() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(ExportDate.string(from: date))
        }
        return try encoder.encode(self)
    }

    /// Reads a document written by ``jsonData()``. Throws ``ProgressStoreError/invalidExport`` when it is not one.
    public init(jsonData: Data) throws {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            let text = try container.decode(String.self)
            guard let date = ExportDate.date(from: text) else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "“\(text)” is not an ISO 8601 time")
            }
            return date
        }
        do {
            self = try decoder.decode(ProgressExport.self, from: jsonData)
        } catch {
            throw ProgressStoreError.invalidExport.with("the file is not a KubeTutor progress export: \(error)")
        }
        try validate()
    }

    /// Throws ``ProgressStoreError/invalidExport`` unless the document is one this binary can import.
    func validate() throws {
        guard format == Self.formatName else {
            throw ProgressStoreError.invalidExport.with("the document's format is “\(format)”, not “\(Self.formatName)”")
        }
        guard version <= Self.currentVersion else {
            throw ProgressStoreError.invalidExport.with(
                "the export was written by a newer KubeTutor (version \(version)); this binary reads up to \(Self.currentVersion)")
        }
        for classroom in classes {
            guard HandleFormat.isValid(classroom.code), NameFormat.normalised(classroom.name) != nil else {
                throw ProgressStoreError.invalidExport.with("the export has a class with an invalid code or name: “\(classroom.code)”")
            }
        }
        for learner in learners {
            guard HandleFormat.isValid(learner.handle) else {
                throw ProgressStoreError.invalidExport.with("the export has an invalid handle: “\(learner.handle)”")
            }
            if let code = learner.classCode, !HandleFormat.isValid(code) {
                throw ProgressStoreError.invalidExport.with("learner “\(learner.handle)” has an invalid class code: “\(code)”")
            }
        }
    }
}

/// One learner's records in a ``ProgressExport``.
public struct ExportedLearner: Sendable, Hashable, Codable {
    /// The learner's handle; the key imports merge on.
    public var handle: String
    /// The learner's display name.
    public var displayName: String
    /// The code of the learner's class, if any.
    public var classCode: String?
    /// When the learner was created.
    public var createdAt: Date
    /// First opens of exercises, oldest first.
    public var exerciseOpens: [ExportedExerciseOpen]
    /// Attempts, oldest first.
    public var attempts: [ExportedAttempt]
    /// Quiz answers, oldest first.
    public var quizAnswers: [ExportedQuizAnswer]
    /// Lessons completed, oldest first.
    public var completions: [ExportedCompletion]

    /// Creates an exported learner.
    public init(
        handle: String, displayName: String, classCode: String?, createdAt: Date, exerciseOpens: [ExportedExerciseOpen],
        attempts: [ExportedAttempt], quizAnswers: [ExportedQuizAnswer], completions: [ExportedCompletion]
    ) {
        self.handle = handle
        self.displayName = displayName
        self.classCode = classCode
        self.createdAt = createdAt
        self.exerciseOpens = exerciseOpens
        self.attempts = attempts
        self.quizAnswers = quizAnswers
        self.completions = completions
    }
}

/// When a learner first opened an exercise, in an export.
public struct ExportedExerciseOpen: Sendable, Hashable, Codable {
    /// The lesson's id.
    public var lesson: String
    /// The exercise's id.
    public var exercise: String
    /// When it was first opened.
    public var openedAt: Date

    /// Creates an exported open.
    public init(lesson: String, exercise: String, openedAt: Date) {
        self.lesson = lesson
        self.exercise = exercise
        self.openedAt = openedAt
    }
}

/// An attempt in an export: everything recorded but the store's ids.
public struct ExportedAttempt: Sendable, Hashable, Codable {
    /// The lesson's id.
    public var lesson: String
    /// The exercise's id.
    public var exercise: String
    /// The YAML as submitted.
    public var yaml: String
    /// Whether every check passed.
    public var passed: Bool
    /// Each check's outcome.
    public var checks: [CheckResult]
    /// Number of error diagnostics.
    public var errorCount: Int
    /// Number of warning diagnostics.
    public var warningCount: Int
    /// The first error's message, if any.
    public var firstErrorMessage: String?
    /// Seconds from first opening the exercise to the attempt, if known.
    public var secondsSinceOpened: Double?
    /// When the attempt was recorded.
    public var createdAt: Date

    /// Creates an exported attempt.
    public init(
        lesson: String, exercise: String, yaml: String, passed: Bool, checks: [CheckResult], errorCount: Int, warningCount: Int,
        firstErrorMessage: String?, secondsSinceOpened: Double?, createdAt: Date
    ) {
        self.lesson = lesson
        self.exercise = exercise
        self.yaml = yaml
        self.passed = passed
        self.checks = checks
        self.errorCount = errorCount
        self.warningCount = warningCount
        self.firstErrorMessage = firstErrorMessage
        self.secondsSinceOpened = secondsSinceOpened
        self.createdAt = createdAt
    }

    /// The exported form of a stored attempt.
    init(_ attempt: Attempt) {
        self.init(
            lesson: attempt.lesson, exercise: attempt.exercise, yaml: attempt.yaml, passed: attempt.passed, checks: attempt.checks,
            errorCount: attempt.errorCount, warningCount: attempt.warningCount, firstErrorMessage: attempt.firstErrorMessage,
            secondsSinceOpened: attempt.secondsSinceOpened, createdAt: attempt.createdAt)
    }
}

/// A quiz answer in an export.
public struct ExportedQuizAnswer: Sendable, Hashable, Codable {
    /// The lesson's id.
    public var lesson: String
    /// The quiz's id.
    public var quiz: String
    /// The option chosen, from 0.
    public var chosenIndex: Int
    /// Whether it was the right one.
    public var correct: Bool
    /// When the answer was recorded.
    public var createdAt: Date

    /// Creates an exported quiz answer.
    public init(lesson: String, quiz: String, chosenIndex: Int, correct: Bool, createdAt: Date) {
        self.lesson = lesson
        self.quiz = quiz
        self.chosenIndex = chosenIndex
        self.correct = correct
        self.createdAt = createdAt
    }

    /// The exported form of a stored answer.
    init(_ answer: QuizAnswer) {
        self.init(lesson: answer.lesson, quiz: answer.quiz, chosenIndex: answer.chosenIndex, correct: answer.correct, createdAt: answer.createdAt)
    }
}

/// A completed lesson in an export.
public struct ExportedCompletion: Sendable, Hashable, Codable {
    /// The lesson's id.
    public var lesson: String
    /// When it was marked completed.
    public var completedAt: Date

    /// Creates an exported completion.
    public init(lesson: String, completedAt: Date) {
        self.lesson = lesson
        self.completedAt = completedAt
    }
}

/// What an import changed. All zero when the export was already merged.
public struct ImportSummary: Sendable, Hashable {
    /// Classes created.
    public var classesAdded = 0
    /// Learners created.
    public var learnersAdded = 0
    /// Exercise opens added, or moved to an earlier time.
    public var exerciseOpensAdded = 0
    /// Attempts added.
    public var attemptsAdded = 0
    /// Quiz answers added.
    public var quizAnswersAdded = 0
    /// Completions added, or moved to an earlier time.
    public var completionsAdded = 0

    /// Creates a summary.
    public init(
        classesAdded: Int = 0, learnersAdded: Int = 0, exerciseOpensAdded: Int = 0, attemptsAdded: Int = 0,
        quizAnswersAdded: Int = 0, completionsAdded: Int = 0
    ) {
        self.classesAdded = classesAdded
        self.learnersAdded = learnersAdded
        self.exerciseOpensAdded = exerciseOpensAdded
        self.attemptsAdded = attemptsAdded
        self.quizAnswersAdded = quizAnswersAdded
        self.completionsAdded = completionsAdded
    }

    /// Whether the import changed nothing.
    public var changedNothing: Bool {
        self == ImportSummary()
    }
}
