import ClusterSim
import Foundation
import Hummingbird
import LessonKit
import ProgressStore

/// The course as learners work through it: grades and records attempts, records quiz answers, runs the
/// console, and gathers what a learner has done in a lesson. Shared by the HTML pages and the JSON API,
/// so both answer the same way.
struct Tutor: Sendable {
    /// The lessons, in course order.
    let catalog: LessonCatalog
    /// Where progress is kept.
    let store: any ProgressStore
    let grader = ExerciseGrader()

    // MARK: Looking things up

    /// The lesson with this id.
    /// - Throws: `HTTPError(.notFound)` naming the id.
    func lesson(_ id: String) throws -> Lesson {
        guard let lesson = catalog.lesson(withID: id) else {
            throw HTTPError(.notFound, message: "There is no lesson \"\(id)\".")
        }
        return lesson
    }

    /// The exercise `exerciseID` of lesson `lessonID`.
    /// - Throws: `HTTPError(.notFound)` when either does not exist.
    func exercise(_ exerciseID: String, in lessonID: String) throws -> (Lesson, Exercise) {
        let lesson = try lesson(lessonID)
        guard let exercise = lesson.exercise(withID: exerciseID) else {
            throw HTTPError(.notFound, message: "Lesson \"\(lessonID)\" has no exercise \"\(exerciseID)\".")
        }
        return (lesson, exercise)
    }

    /// The quiz question `quizID` of lesson `lessonID`.
    /// - Throws: `HTTPError(.notFound)` when either does not exist.
    func quiz(_ quizID: String, in lessonID: String) throws -> (Lesson, Quiz) {
        let lesson = try lesson(lessonID)
        guard let quiz = lesson.quiz(withID: quizID) else {
            throw HTTPError(.notFound, message: "Lesson \"\(lessonID)\" has no question \"\(quizID)\".")
        }
        return (lesson, quiz)
    }

    // MARK: Recording

    /// Grades `yaml` and records the attempt; returns once the store has committed it.
    func submit(_ yaml: String, to exercise: Exercise, in lesson: Lesson, by learner: Learner) async throws -> SubmittedAttempt {
        let answer = Self.normalisedText(yaml)
        let grade = grader.grade(exercise, answer: answer)
        let errors = grade.diagnostics.filter { $0.severity == .error }
        let submission = AttemptSubmission(
            learnerID: learner.id, lesson: lesson.id, exercise: exercise.id, yaml: answer, passed: grade.passed,
            checks: grade.checks.map { StoredCheckResult(name: $0.name, passed: $0.passed, message: $0.message) },
            errorCount: errors.count, warningCount: grade.diagnostics.count - errors.count,
            firstErrorMessage: errors.first?.message)
        let recorded = try await store.recordAttempt(submission)
        // A lesson can only become complete when one of its exercises passes for the first time (or a question is
        // first answered right); a later pass changes nothing, so it costs no read of the learner's progress.
        if recorded.isFirstPass {
            try await markCompletedIfDone(lesson, learner: learner)
        }
        return SubmittedAttempt(yaml: answer, grade: grade, recorded: recorded)
    }

    /// Records an answer to a quiz question; returns once the store has committed it.
    /// - Throws: `HTTPError(.badRequest)` when `choice` is not one of the question's choices.
    func answer(_ quiz: Quiz, in lesson: Lesson, choice: Int, by learner: Learner) async throws -> QuizAnswer {
        guard quiz.choices.indices.contains(choice) else {
            throw HTTPError(.badRequest, message: "Choose one of the \(quiz.choices.count) answers.")
        }
        let answer = try await store.recordQuizAnswer(
            QuizSubmission(learnerID: learner.id, lesson: lesson.id, quiz: quiz.id, chosenIndex: choice, correct: choice == quiz.answer))
        if answer.correct {
            try await markCompletedIfDone(lesson, learner: learner)
        }
        return answer
    }

    /// Marks the lesson completed once every exercise has passed and every question was answered right.
    private func markCompletedIfDone(_ lesson: Lesson, learner: Learner) async throws {
        let progress = try await store.progress(of: learner.id).lesson(lesson.id)
        guard let progress, !progress.isCompleted, Self.isDone(lesson, progress: progress) else { return }
        _ = try await store.markLessonCompleted(learnerID: learner.id, lesson: lesson.id)
    }

    /// Whether `progress` covers everything the lesson asks for.
    static func isDone(_ lesson: Lesson, progress: LessonProgress) -> Bool {
        lesson.exercises.allSatisfy { progress.exercise($0.id)?.passed == true }
            && lesson.quizzes.allSatisfy { progress.quiz($0.id)?.everCorrect == true }
    }

    // MARK: Reading

    /// What a learner has done in a lesson: their progress and, per exercise, the last YAML they sent, graded again.
    /// Records that the learner opened the lesson's exercises (the first open is what counts).
    func state(of lesson: Lesson, for learner: Learner?) async throws -> LessonState {
        guard let learner else { return LessonState(lesson: lesson, progress: nil, exercises: [:]) }
        var progress = try await store.progress(of: learner.id).lesson(lesson.id)
        let unopened = lesson.exercises.filter { progress?.exercise($0.id)?.openedAt == nil }
        for exercise in unopened {
            _ = try await store.recordExerciseOpen(learnerID: learner.id, lesson: lesson.id, exercise: exercise.id)
        }
        if !unopened.isEmpty {
            progress = try await store.progress(of: learner.id).lesson(lesson.id)
        }
        // Completion is written after the attempt or answer that finishes a lesson, in its own commit: a server killed in
        // between leaves a finished lesson unmarked, and the next look at the lesson marks it.
        if let current = progress, !current.isCompleted, Self.isDone(lesson, progress: current) {
            _ = try await store.markLessonCompleted(learnerID: learner.id, lesson: lesson.id)
            progress = try await store.progress(of: learner.id).lesson(lesson.id)
        }
        var exercises: [String: ExerciseState] = [:]
        let lastYAML = try await lastAnswers(in: lesson, for: learner)
        for exercise in lesson.exercises {
            let exerciseProgress = progress?.exercise(exercise.id)
            var state = ExerciseState(attempts: exerciseProgress?.attempts ?? 0, everPassed: exerciseProgress?.passed ?? false)
            if let yaml = lastYAML[exercise.id] {
                state.yaml = yaml
                state.grade = grader.grade(exercise, answer: yaml)
            }
            exercises[exercise.id] = state
        }
        return LessonState(lesson: lesson, progress: progress, exercises: exercises)
    }

    /// The last YAML the learner sent to each exercise of the lesson, by exercise id.
    // The store has no "last attempt" query; its timeline holds every attempt with its YAML, oldest first.
    func lastAnswers(in lesson: Lesson, for learner: Learner) async throws -> [String: String] {
        var answers: [String: String] = [:]
        for entry in try await store.timeline(of: learner.id) {
            if case .attempt(let attempt) = entry, attempt.lesson == lesson.id {
                answers[attempt.exercise] = attempt.yaml
            }
        }
        return answers
    }

    // MARK: Console

    /// The most commands a console replays before the new one.
    static let maxConsoleHistory = 25
    /// The longest console command accepted, in bytes.
    static let maxConsoleCommandBytes = 4096

    /// Runs `command` with kubectl against the exercise's cluster: its `given` manifests plus the learner's last
    /// YAML (none for a visitor who has not joined). `history`, the commands run before in this console, is
    /// replayed first, so that `label`, `delete` and `scale` carry over; only the new command's output is returned.
    func console(
        _ command: String, history: [String], exercise: Exercise, in lesson: Lesson, for learner: Learner?
    ) async throws -> ConsoleRun {
        let command = command.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !command.isEmpty else {
            throw HTTPError(.badRequest, message: "Type a kubectl command, for example: get pods -o wide")
        }
        guard command.utf8.count <= Self.maxConsoleCommandBytes, history.allSatisfy({ $0.utf8.count <= Self.maxConsoleCommandBytes }) else {
            throw HTTPError(.badRequest, message: "A console command has at most \(Self.maxConsoleCommandBytes) bytes.")
        }
        var answer: String?
        if let learner {
            answer = try await lastAnswers(in: lesson, for: learner)[exercise.id]
        }
        var kubectl = Kubectl(cluster: grader.grade(exercise, answer: answer ?? "").cluster, files: Self.consoleFiles(exercise, answer: answer))
        let replayed = Array(history.suffix(Self.maxConsoleHistory))
        var transcript: [ConsoleEntry] = []
        for earlier in replayed {
            transcript.append(ConsoleEntry(command: earlier, output: kubectl.run(earlier)))
        }
        let output = kubectl.run(command)
        return ConsoleRun(
            command: command, output: output, earlier: transcript, history: Array((replayed + [command]).suffix(Self.maxConsoleHistory)),
            usesAnswer: answer != nil)
    }

    /// The files `kubectl apply -f` may name in the console: the exercise's given manifests and the learner's answer.
    static func consoleFiles(_ exercise: Exercise, answer: String?) -> [String: [UInt8]] {
        var files: [String: [UInt8]] = [:]
        if !exercise.given.isEmpty { files[ExerciseGrader.givenFile] = Array(exercise.given.utf8) }
        if let answer { files[ExerciseGrader.answerFile] = Array(answer.utf8) }
        return files
    }

    // MARK: Text

    /// Text from a browser form with `\r\n` (and lone `\r`) turned into `\n`, as the YAML reader and line numbers expect.
    static func normalisedText(_ text: String) -> String {
        guard text.contains("\r") else { return text }
        return text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
    }
}

/// An attempt graded and committed.
struct SubmittedAttempt: Sendable {
    /// The YAML as graded (line endings normalised).
    let yaml: String
    /// What the grader said.
    let grade: GradeResult
    /// The stored attempt, the exercise's attempts so far and whether one passed before.
    let recorded: RecordedAttempt

    /// The stored attempt.
    var attempt: Attempt { recorded.attempt }
}

/// One console command and what it printed.
struct ConsoleEntry: Sendable {
    let command: String
    let output: KubectlOutput
}

/// The answer of the console to one command.
struct ConsoleRun: Sendable {
    /// The command as run (trimmed).
    let command: String
    /// What it printed.
    let output: KubectlOutput
    /// The replayed earlier commands with their output (the page without JavaScript shows them all).
    let earlier: [ConsoleEntry]
    /// The history to send with the next command.
    let history: [String]
    /// Whether the cluster holds the learner's last YAML (false: only the exercise's given manifests).
    let usesAnswer: Bool
}

/// What a learner has done in one lesson.
struct LessonState: Sendable {
    let lesson: Lesson
    /// The store's view of the lesson; nil when the learner has not touched it or has not joined.
    let progress: LessonProgress?
    /// Per exercise id.
    var exercises: [String: ExerciseState]

    /// The state of an exercise; an untouched exercise has no attempts.
    func exercise(_ id: String) -> ExerciseState {
        exercises[id] ?? ExerciseState(attempts: 0, everPassed: false)
    }
}

/// What a learner has done in one exercise.
struct ExerciseState: Sendable {
    /// How many attempts are recorded.
    var attempts: Int
    /// Whether any attempt passed (the solution is shown from then on).
    var everPassed: Bool
    /// The YAML in the editor: the last one sent, or nil for the starter.
    var yaml: String?
    /// The grade of ``yaml``.
    var grade: GradeResult?
    /// The attempt just recorded, when the page answers a submission.
    var justRecorded: Attempt?
    /// The console's answer, when the page answers a console command.
    var console: ConsoleRun?
    /// A problem with the learner's last request to show beside the exercise (an empty command).
    var notice: String?
}
