import ClusterSim
import Foundation
import LessonKit
import ProgressStore

/// One learner working through the course in a terminal: the menu, the lesson pages, the quiz questions and
/// the exercises in watch mode. Every answer and every checked save is recorded in the store before the
/// learner sees the next prompt, so quitting at any moment loses nothing.
final class QuizSession {
    private let catalog: LessonCatalog
    private let store: any ProgressStore
    private let learner: Learner
    private let databasePath: String
    private let console: QuizConsole
    private let text: TerminalRenderer
    private let editor: String?

    private var progress: LearnerProgress
    private var lessonIndex: Int?
    private var steps: [LessonStep] = []
    private var stepIndex = 0
    /// Hints shown so far, per `lesson/exercise`.
    private var hintsShown: [String: Int] = [:]
    /// The watched work file of the exercise on screen.
    private var watch: FileWatch?
    /// The last grade of the exercise on screen.
    private var lastGrade: GradeResult?
    /// The learner gave up on these exercises (`lesson/exercise`), so their solution may be shown.
    private var gaveUp: Set<String> = []

    init(
        catalog: LessonCatalog, store: any ProgressStore, learner: Learner, databasePath: String, console: QuizConsole,
        renderer: TerminalRenderer, editor: String?
    ) async throws {
        self.catalog = catalog
        self.store = store
        self.learner = learner
        self.databasePath = databasePath
        self.console = console
        self.text = renderer
        self.editor = editor
        self.progress = try await store.progress(of: learner.id)
    }

    // MARK: The loop

    /// Runs until the learner quits or input ends; returns the signal that stopped it, if one did.
    func run(startingAt lessonID: String?) async throws -> Int32? {
        if let lessonID, let index = catalog.lessons.firstIndex(where: { $0.id == lessonID }) {
            try await open(lesson: index, at: resumeStep(in: catalog.lessons[index]))
        } else {
            try await showMenu()
        }
        while true {
            switch console.next(timeout: 0.25) {
            case .idle:
                try await checkIfSaved()
            case .end:
                try await checkIfSaved()
                say(goodbye())
                return console.stoppingSignal
            case .command(let command):
                if command == .quit {
                    say(goodbye())
                    return nil
                }
                try await handle(command)
            }
        }
    }

    private func handle(_ command: QuizCommand) async throws {
        if command == .help {
            say(help())
            return
        }
        guard let lessonIndex else {
            try await handleMenu(command)
            return
        }
        if case .menu = command {
            leaveStep()
            try await showMenu()
            return
        }
        switch steps[stepIndex] {
        case .reading:
            switch command {
            case .proceed, .next: try await move(by: 1)
            case .previous: try await move(by: -1)
            default: unknown(command)
            }
        case .quiz(let quiz, _):
            switch command {
            case .number(let number): try await answer(quiz, choice: number, lesson: catalog.lessons[lessonIndex])
            case .proceed, .next: try await move(by: 1)
            case .previous: try await move(by: -1)
            default: unknown(command)
            }
        case .exercise(let exercise, _):
            let lesson = catalog.lessons[lessonIndex]
            switch command {
            case .next, .proceed: try await move(by: 1)
            case .previous: try await move(by: -1)
            case .check: try await check(exercise, lesson: lesson, file: watch?.current ?? .missing, reason: "checked on request")
            case .hint: showHint(exercise, lesson: lesson)
            case .solution: showSolution(exercise, lesson: lesson)
            case .kubectl(let line): runKubectl(exercise, lesson: lesson, line: line)
            case .edit: try await edit(exercise, lesson: lesson)
            default: unknown(command)
            }
        }
    }

    private func unknown(_ command: QuizCommand) {
        if case .unknown(let typed) = command {
            say("“\(typed.terminalSafe)” means nothing here. " + keys())
        } else {
            say(keys())
        }
    }

    // MARK: The menu

    private func showMenu() async throws {
        lessonIndex = nil
        let resume = resumeLesson()
        var out = "\n" + text.paint("KubeTutor: Kubernetes networking, offline", .heading) + "\n"
        out += text.wrap("Learner \(learner.handle). Progress is saved in \(databasePath) as you go.") + "\n\n"
        // "▸ 12. " + title + "  " + "exercises 0/2, quiz 0/4  done" must fit in the terminal's width.
        let titleWidth = min(catalog.lessons.map(\.title.count).max() ?? 0, max(20, text.width - 39))
        for (index, lesson) in catalog.lessons.enumerated() {
            let marker = index == resume ? (text.style == .plain ? ">" : "▸") : " "
            var title = lesson.title
            if title.count > titleWidth { title = String(title.prefix(titleWidth - 1)) + "…" }
            let status = lessonStatus(lesson)
            out += "\(marker) \(String(index + 1).leftPadded(to: 2)). \(title.rightPadded(to: titleWidth))  \(status)\n"
        }
        if let resume {
            let lesson = catalog.lessons[resume]
            out += "\n" + text.wrap("Enter: continue “\(lesson.title)” at \(stepName(resumeStep(in: lesson), of: lesson)).") + "\n"
        }
        out += text.wrap("1-\(min(9, catalog.lessons.count)): open a lesson · ?: help · q: quit" + (console.isInteractive ? "" : " (line protocol: type the number and Enter)"))
        say(out)
    }

    private func handleMenu(_ command: QuizCommand) async throws {
        switch command {
        case .proceed, .next:
            if let resume = resumeLesson() {
                try await open(lesson: resume, at: resumeStep(in: catalog.lessons[resume]))
            } else {
                say("Every lesson is complete. Pick one with its number to go over it again, or q to quit.")
            }
        case .number(let number) where (1...catalog.lessons.count).contains(number):
            let lesson = catalog.lessons[number - 1]
            try await open(lesson: number - 1, at: resumeStep(in: lesson))
        case .number(let number):
            say("There is no lesson \(number); the lessons are numbered 1 to \(catalog.lessons.count).")
        default:
            say("At the menu: Enter continues, a number opens that lesson, q quits.")
        }
    }

    private func lessonStatus(_ lesson: Lesson) -> String {
        let record = progress.lesson(lesson.id)
        let passed = lesson.exercises.filter { record?.exercise($0.id)?.passed == true }.count
        let right = lesson.quizzes.filter { record?.quiz($0.id)?.everCorrect == true }.count
        var status = "exercises \(passed)/\(lesson.exercises.count), quiz \(right)/\(lesson.quizzes.count)"
        if record?.isCompleted == true {
            status += "  " + text.paint("done", .good)
        } else if record == nil {
            status += "  " + text.paint("new", .dim)
        }
        return status
    }

    // MARK: Resuming

    /// The lesson to continue: the one worked on last unless it is complete, then the next one not complete.
    private func resumeLesson() -> Int? {
        let lessons = catalog.lessons
        let incomplete = { (index: Int) in self.progress.lesson(lessons[index].id)?.isCompleted != true }
        if let last = lastLessonTouched(), let index = lessons.firstIndex(where: { $0.id == last }) {
            if incomplete(index) { return index }
            if let after = (index + 1..<lessons.count).first(where: incomplete) { return after }
        }
        return lessons.indices.first(where: incomplete)
    }

    /// The lesson of the latest exercise open, attempt or answer.
    private func lastLessonTouched() -> String? {
        var latest: (lesson: String, at: Date)?
        for lesson in progress.lessons {
            for exercise in lesson.exercises {
                if let opened = exercise.openedAt, opened > (latest?.at ?? .distantPast) { latest = (lesson.lesson, opened) }
            }
            if let completed = lesson.completedAt, completed > (latest?.at ?? .distantPast) { latest = (lesson.lesson, completed) }
        }
        if let last = lastActivity, last.at >= (latest?.at ?? .distantPast) { return last.lesson }
        return latest?.lesson
    }

    /// The lesson and time of the latest attempt or answer, read from the timeline when the session starts.
    var lastActivity: (lesson: String, at: Date)?

    /// Reads the learner's latest attempt or answer, to resume there.
    func loadLastActivity() async throws {
        if let entry = try await store.timeline(of: learner.id).last {
            switch entry {
            case .attempt(let attempt): lastActivity = (attempt.lesson, attempt.createdAt)
            case .quizAnswer(let answer): lastActivity = (answer.lesson, answer.createdAt)
            }
        }
    }

    /// Where to open a lesson: at the beginning when it is new or complete, else at the first exercise
    /// not passed or question not answered right.
    private func resumeStep(in lesson: Lesson) -> Int {
        guard let record = progress.lesson(lesson.id), !record.isCompleted else { return 0 }
        let steps = LessonStep.steps(of: lesson)
        for (index, step) in steps.enumerated() {
            switch step {
            case .exercise(let exercise, _) where record.exercise(exercise.id)?.passed != true: return index
            case .quiz(let quiz, _) where record.quiz(quiz.id)?.everCorrect != true: return index
            default: continue
            }
        }
        return 0
    }

    private func stepName(_ index: Int, of lesson: Lesson) -> String {
        let steps = LessonStep.steps(of: lesson)
        guard steps.indices.contains(index) else { return "the beginning" }
        switch steps[index] {
        case .reading: return index == 0 ? "the beginning" : "page \(index + 1) of \(steps.count)"
        case .exercise(let exercise, _): return "exercise \(exercise.id)"
        case .quiz(let quiz, _): return "question \(quiz.id)"
        }
    }

    // MARK: Moving

    private func open(lesson index: Int, at step: Int) async throws {
        lessonIndex = index
        steps = LessonStep.steps(of: catalog.lessons[index])
        stepIndex = min(max(0, step), max(0, steps.count - 1))
        let lesson = catalog.lessons[index]
        say("\n" + text.rule + "\n" + text.paint("Lesson \(index + 1): \(lesson.title)", .heading) + "\n"
            + text.wrap(lesson.summary) + "\n" + text.paint("About \(lesson.minutes) minutes, \(steps.count) steps.", .dim))
        try await showStep()
    }

    private func move(by offset: Int) async throws {
        guard let lessonIndex else { return }
        leaveStep()
        let target = stepIndex + offset
        if target < 0 {
            say("This is the first step of the lesson. m: the menu.")
            try await showStep()
        } else if target >= steps.count {
            if lessonIndex + 1 < catalog.lessons.count {
                say(text.wrap("That was the last step of “\(catalog.lessons[lessonIndex].title)”. On to the next lesson."))
                try await open(lesson: lessonIndex + 1, at: 0)
            } else {
                say("That was the last step of the last lesson. Well done.")
                try await showMenu()
            }
        } else {
            stepIndex = target
            try await showStep()
        }
    }

    private func leaveStep() {
        watch = nil
        lastGrade = nil
    }

    private func showStep() async throws {
        guard let lessonIndex, steps.indices.contains(stepIndex) else { return }
        let lesson = catalog.lessons[lessonIndex]
        let position = text.paint("[\(lesson.id) · step \(stepIndex + 1) of \(steps.count)]", .dim)
        switch steps[stepIndex] {
        case .reading(let blocks):
            say("\n" + position + "\n\n" + text.render(blocks) + "\n" + keys())
        case .quiz(let quiz, let intro):
            say("\n" + position + "\n" + introText(intro) + showQuiz(quiz, lesson: lesson) + "\n" + keys())
        case .exercise(let exercise, let intro):
            say("\n" + position + "\n" + introText(intro))
            try await showExercise(exercise, lesson: lesson)
        }
    }

    private func introText(_ intro: [MarkdownBlock]) -> String {
        intro.isEmpty ? "\n" : "\n" + text.render(intro) + "\n"
    }

    // MARK: Quiz questions

    private func showQuiz(_ quiz: Quiz, lesson: Lesson) -> String {
        let number = (lesson.quizzes.firstIndex(of: quiz) ?? 0) + 1
        var out = text.paint("Question \(number) of \(lesson.quizzes.count)", .bold) + "\n"
        out += text.wrap(quiz.question) + "\n\n"
        for (index, choice) in quiz.choices.enumerated() {
            out += text.wrap(choice.text, indent: 2, hangingIndent: 6).replacingFirstIndent(with: "  \(index + 1). ") + "\n"
        }
        if let record = progress.lesson(lesson.id)?.quiz(quiz.id) {
            let earlier = record.everCorrect ? "you answered it right before" : "you tried it before"
            out += "\n" + text.paint("(\(earlier); answer again if you like)", .dim) + "\n"
        }
        return out
    }

    private func answer(_ quiz: Quiz, choice number: Int, lesson: Lesson) async throws {
        guard (1...quiz.choices.count).contains(number) else {
            say("Choose 1 to \(quiz.choices.count).")
            return
        }
        let index = number - 1
        let correct = index == quiz.answer
        _ = try await store.recordQuizAnswer(
            QuizSubmission(learnerID: learner.id, lesson: lesson.id, quiz: quiz.id, chosenIndex: index, correct: correct))
        try await refreshProgress(lesson)
        let choice = quiz.choices[index]
        // The PASS/FAIL words of plain output read badly after an answer; the words alone say it.
        var out = "\n" + (text.style == .plain ? "" : text.mark(passed: correct) + " ")
        out += correct ? text.paint("Right.", .good) : text.paint("Not quite.", .bad)
        out += " You chose \(number): \(choice.text)\n"
        if let why = choice.why { out += text.wrap(why, indent: 2) + "\n" }
        if correct {
            out += "\n" + text.wrap(quiz.explanation) + "\n\n" + "Enter or n: next step."
        } else {
            out += "\n" + "Try another number, or n to move on and come back later."
        }
        say(out)
        try await completeIfDone(lesson)
    }

    // MARK: Exercises

    private func showExercise(_ exercise: Exercise, lesson: Lesson) async throws {
        let path = ExerciseWorkspace.path(lesson: lesson.id, exercise: exercise.id)
        let created: Bool
        do {
            created = try ExerciseWorkspace.prepare(exercise, lesson: lesson.id)
        } catch {
            // Something in the way (a file where the lesson's folder should be): say so, and stay on the step.
            created = false
            say("Cannot write the starter to \(path): \(error.localizedDescription)")
        }
        _ = try await store.recordExerciseOpen(learnerID: learner.id, lesson: lesson.id, exercise: exercise.id)
        try await refreshProgress(lesson)
        let number = (lesson.exercises.firstIndex(of: exercise) ?? 0) + 1
        var out = text.paint("Exercise \(number) of \(lesson.exercises.count): \(exercise.id)", .bold) + "\n\n"
        out += text.wrap(exercise.prompt.trimmingCharacters(in: .whitespacesAndNewlines)) + "\n\n"
        out += (created ? "Your file, with the starter YAML: " : "Your file, as you left it: ") + text.paint(path, .accent) + "\n"
        out += text.wrap("Edit it and save: it is checked every time it is saved.") + "\n"
        if progress.lesson(lesson.id)?.exercise(exercise.id)?.passed == true {
            out += text.paint("You passed this exercise before.", .good) + "\n"
        }
        say(out)
        watch = FileWatch(path: path)
        // The file as it is now, so the learner sees what is left to do; only saves count as attempts.
        switch watch?.current ?? .missing {
        case .contents(let bytes):
            let grade = ExerciseGrader().grade(exercise, answerBytes: bytes)
            lastGrade = grade
            say(report(grade, exercise: exercise, path: path, heading: "The file as it is now (not counted as an attempt):"))
        case .unreadable(let reason):
            say(unreadable(path, reason: reason))
        case .missing:
            break
        }
        say(keys())
        if console.isInteractive, editor != nil, created {
            try await edit(exercise, lesson: lesson)
        }
    }

    private func checkIfSaved() async throws {
        guard let lessonIndex, steps.indices.contains(stepIndex), case .exercise(let exercise, _) = steps[stepIndex] else { return }
        guard let file = watch?.saved() else { return }
        try await check(exercise, lesson: catalog.lessons[lessonIndex], file: file, reason: "saved")
    }

    /// Grades the file, records the attempt, then shows each check, the diagnostics and what to do next.
    private func check(_ exercise: Exercise, lesson: Lesson, file: WorkFile, reason: String) async throws {
        let path = ExerciseWorkspace.path(lesson: lesson.id, exercise: exercise.id)
        let bytes: [UInt8]
        switch file {
        case .contents(let contents):
            bytes = contents
        case .missing:
            say("\(path) is gone. Press p then n to write the starter again.")
            return
        case .unreadable(let reason):
            say(unreadable(path, reason: reason))
            return
        }
        let grade = ExerciseGrader().grade(exercise, answerBytes: bytes)
        lastGrade = grade
        let errors = grade.diagnostics.filter { $0.severity == .error }
        _ = try await store.recordAttempt(
            AttemptSubmission(
                learnerID: learner.id, lesson: lesson.id, exercise: exercise.id, yaml: ExerciseWorkspace.attemptText(bytes), passed: grade.passed,
                checks: grade.checks.map { RecordedCheck(name: $0.name, passed: $0.passed, message: $0.message) },
                errorCount: errors.count, warningCount: grade.diagnostics.count - errors.count,
                firstErrorMessage: errors.first?.message))
        try await refreshProgress(lesson)
        let attempts = progress.lesson(lesson.id)?.exercise(exercise.id)?.attempts ?? 0
        let time = Self.clock.string(from: Date())
        say(report(grade, exercise: exercise, path: path, heading: "\(time) \(path) \(reason), attempt \(attempts):") + "\n" + keys())
        try await completeIfDone(lesson)
    }

    /// What is said when the work file cannot be read; not an attempt, since nothing was checked.
    private func unreadable(_ path: String, reason: String) -> String {
        text.wrap(
            "\(path) cannot be checked: \(reason.terminalSafe). Put your YAML in a file at that path, "
                + "or remove what is there and press p then n to write the starter again.")
    }

    /// At most this many diagnostics are listed after a check: the first ones usually cause the rest.
    static let diagnosticsShown = 20

    private static let clock: DateFormatter = {
        let formatter = DateFormatter()
        formatter.dateFormat = "HH:mm:ss"
        return formatter
    }()

    private func report(_ grade: GradeResult, exercise: Exercise, path: String, heading: String) -> String {
        var out = "\n" + text.paint(heading, .bold) + "\n"
        for check in grade.checks {
            let line = text.wrap("\(check.name): \(check.message.terminalSafe)", indent: 0, hangingIndent: 2)
            out += text.mark(passed: check.passed) + " " + line.replacingFirstIndent(with: "") + "\n"
        }
        if !grade.diagnostics.isEmpty {
            out += "\n"
            // The messages echo what the file holds: printed through terminalSafe, so that no byte of it acts on the terminal.
            for diagnostic in grade.diagnostics.prefix(Self.diagnosticsShown) {
                let severity = diagnostic.severity == .error ? text.paint("error", .bad) : text.paint("warning", .accent)
                // The API server's own words, without kubectl's "Warning: " or "Error from server" prefix: the label says it.
                out += "\(path):\(diagnostic.line):\(diagnostic.column): \(severity): \(diagnostic.message.terminalSafe)\n"
                if !diagnostic.explanation.isEmpty { out += text.wrap(diagnostic.explanation.terminalSafe, indent: 4) + "\n" }
            }
            if grade.diagnostics.count > Self.diagnosticsShown {
                let more = grade.diagnostics.count - Self.diagnosticsShown
                out += text.wrap("… and \(more) more; fix the first ones and save again, they often cause the rest.") + "\n"
            }
        }
        let passing = grade.checks.filter(\.passed).count
        out += "\n"
        if grade.passed {
            out += text.paint("All \(grade.checks.count) checks pass.", .good) + " " + "Next: n for the next step, or s to compare with the model solution."
        } else if let failed = grade.checks.first(where: { !$0.passed }) {
            let line = grade.diagnostics.first.map { " (line \($0.line))" } ?? ""
            out += text.wrap("\(passing) of \(grade.checks.count) checks pass. Next: fix “\(failed.name)”\(line) and save again; h shows a hint, k opens kubectl on this cluster.")
        }
        return out
    }

    private func showHint(_ exercise: Exercise, lesson: Lesson) {
        let key = lesson.id + "/" + exercise.id
        let shown = hintsShown[key, default: 0]
        guard shown < exercise.hints.count else {
            say("No more hints (\(exercise.hints.count) shown). s shows the solution.")
            return
        }
        hintsShown[key] = shown + 1
        say(text.paint("Hint \(shown + 1) of \(exercise.hints.count):", .accent) + " " + text.wrap(exercise.hints[shown]).replacingFirstIndent(with: ""))
    }

    private func showSolution(_ exercise: Exercise, lesson: Lesson) {
        let key = lesson.id + "/" + exercise.id
        let passed = progress.lesson(lesson.id)?.exercise(exercise.id)?.passed == true
        if !passed && !gaveUp.contains(key) {
            guard console.confirm("You have not passed this exercise yet. Give up and see the solution?") else {
                say("Good: keep going. h shows a hint.")
                return
            }
            gaveUp.insert(key)
        }
        var out = text.paint("A solution:", .bold) + "\n"
        for line in exercise.solution.split(separator: "\n", omittingEmptySubsequences: false) {
            out += "    " + text.paint(String(line), .code) + "\n"
        }
        say(out + keys())
    }

    private func runKubectl(_ exercise: Exercise, lesson: Lesson, line: String?) {
        let path = ExerciseWorkspace.path(lesson: lesson.id, exercise: exercise.id)
        var contents: [UInt8] = []
        if case .contents(let bytes) = watch?.current { contents = bytes }
        let grade = lastGrade ?? ExerciseGrader().grade(exercise, answerBytes: contents)
        var kubectl = ClusterSim.Kubectl(cluster: grade.cluster, files: [path: contents])
        func run(_ command: String) {
            var command = command.trimmingCharacters(in: .whitespaces)
            if command.hasPrefix("kubectl ") { command = String(command.dropFirst("kubectl ".count)) }
            let output = kubectl.run(command)
            // The cluster holds what the learner's file said (an image name with an escape in it): made safe to print.
            say((output.stdout + output.stderr).terminalSafe, newline: false)
        }
        if let line {
            run(line)
            return
        }
        say(text.wrap("kubectl on the exercise's cluster (given objects and your file applied). Try get pods -o wide, get svc, exec POD -- curl URL. An empty line returns."))
        while let command = console.readLine(prompt: "kubectl> ") {
            let trimmed = command.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed == "exit" || trimmed == "q" { break }
            run(trimmed)
        }
        say("Back to exercise \(exercise.id). " + keys())
    }

    private func edit(_ exercise: Exercise, lesson: Lesson) async throws {
        let path = ExerciseWorkspace.path(lesson: lesson.id, exercise: exercise.id)
        guard let editor else {
            say("Set EDITOR to open the file from here (export EDITOR=nano), or edit \(path) in another window.")
            return
        }
        guard console.isInteractive else {
            say("The editor needs a terminal; edit \(path) yourself and send c to check it.")
            return
        }
        say("Opening \(path) in \(editor)…")
        if !console.runEditor(editor, file: path) { say("Could not start \(editor).") }
        // The watch sees the save on its next look.
        try await checkIfSaved()
    }

    // MARK: Progress

    private func refreshProgress(_ lesson: Lesson) async throws {
        progress = try await store.progress(of: learner.id)
    }

    /// Marks the lesson completed the first time every exercise passes and every question was answered right.
    private func completeIfDone(_ lesson: Lesson) async throws {
        guard let record = progress.lesson(lesson.id), !record.isCompleted else { return }
        let exercisesDone = lesson.exercises.allSatisfy { record.exercise($0.id)?.passed == true }
        let quizzesDone = lesson.quizzes.allSatisfy { record.quiz($0.id)?.everCorrect == true }
        guard exercisesDone && quizzesDone else { return }
        _ = try await store.markLessonCompleted(learnerID: learner.id, lesson: lesson.id)
        try await refreshProgress(lesson)
        say(text.paint("Lesson complete: every exercise passes and every question is answered right.", .good))
    }

    // MARK: Words

    private func keys() -> String {
        guard let lessonIndex, steps.indices.contains(stepIndex) else {
            return "Enter: continue · 1-9: open a lesson · q: quit"
        }
        _ = lessonIndex
        let common = "p previous · m menu · q quit"
        let line: String
        switch steps[stepIndex] {
        case .reading: line = "Enter/n next · " + common
        case .quiz(let quiz, _): line = "1-\(quiz.choices.count) answer · n next · " + common
        case .exercise: line = "save to check · c check now · h hint · s solution · k kubectl · e edit · n next · " + common
        }
        return text.wrap("Keys: " + line, paint: [.dim])
    }

    private func help() -> String {
        """
        Keys (on a terminal they act at once; with piped input, type one per line):
          Enter, n    next page or step          p    previous step
          1-9         answer a question; at the menu, open a lesson
          c           check the exercise file now (it is also checked whenever it is saved)
          h           the next hint               s    the solution (after passing, or after giving up)
          k           a kubectl prompt on the exercise's cluster ("k get pods" runs one command)
          e           open the file in $EDITOR    m    the lesson menu
          q, Ctrl-C   quit; everything is already saved
        """
    }

    private func goodbye() -> String {
        var out = "\nSaved: your answers and attempts are in \(databasePath)."
        if let resume = resumeLesson() {
            let lesson = catalog.lessons[resume]
            out += " Next time, kubetutor quiz continues “\(lesson.title)” at \(stepName(resumeStep(in: lesson), of: lesson))."
        }
        return text.wrap(out.trimmingCharacters(in: .newlines)) + "\n"
    }

    private func say(_ message: String, newline: Bool = true) {
        console.write(message + (newline && !message.hasSuffix("\n") ? "\n" : ""))
    }
}

extension String {
    /// The text with the spaces at the start of its first line replaced by `prefix` (list numbers, marks).
    func replacingFirstIndent(with prefix: String) -> String {
        let trimmed = drop { $0 == " " }
        return prefix + trimmed
    }
}
