import ClusterSim
import Foundation
import Hummingbird
import LessonKit
import ProgressStore

/// Fills the slots of the pre-rendered pages with one learner's state.
struct PageRenderer: Sendable {
    let pages: SitePages

    private var templates: SlotTemplates { pages.templates }

    // MARK: Whole pages

    /// `/`: the course with the learner's progress.
    func index(learner: Learner?, progress: LearnerProgress?) -> Response {
        pages.index.response { slot in
            switch slot {
            case .learner: return learnerCorner(learner, next: "/")
            case .courseProgress: return courseProgress(learner: learner, progress: progress)
            case .lessonProgress(let id):
                guard let lesson = pages.catalog.lesson(withID: id) else { return "" }
                return lessonProgress(lesson, progress: progress?.lesson(id), joined: learner != nil)
            default: return ""
            }
        }
    }

    /// `/lessons/<id>` with the learner's answers, results and console.
    func lesson(_ page: LessonPage, state: LessonState, learner: Learner?) -> Response {
        HTMLPage.response(html: lessonHTML(page, state: state, learner: learner), status: .ok, cacheable: false)
    }

    /// The lesson as a visitor who has not joined sees it: the same for every such visitor.
    func anonymousLesson(_ page: LessonPage) -> HTMLPage {
        HTMLPage(html: lessonHTML(page, state: LessonState(lesson: page.lesson, progress: nil, exercises: [:]), learner: nil))
    }

    private func lessonHTML(_ page: LessonPage, state: LessonState, learner: Learner?) -> String {
        let url = "/lessons/\(page.lesson.id)"
        return page.frame.render { slot in
            switch slot {
            case .learner: return learnerCorner(learner, next: url)
            case .lessonProgress(let id) where id == page.lesson.id:
                return lessonProgress(page.lesson, progress: state.progress, joined: learner != nil)
            case .exercise(let id):
                guard let frame = page.exercises[id] else { return "" }
                return exercise(frame, count: page.lesson.exercises.count, state: state.exercise(id), joined: learner != nil)
            case .quiz(let id):
                guard let index = page.lesson.quizzes.firstIndex(where: { $0.id == id }) else { return "" }
                return quiz(
                    page.lesson.quizzes[index], in: page.lesson, number: index + 1, progress: state.progress?.quiz(id), joined: learner != nil)
            default: return ""
            }
        }
    }

    /// `/join`, with what was typed and what went wrong.
    func join(learner: Learner?, form: JoinFormView, status: HTTPResponse.Status = .ok) -> Response {
        pages.join.response(status: status) { slot in
            switch slot {
            case .learner: return learnerCorner(learner, next: form.next)
            case .joinForm: return templates.joinForm.render(form)
            default: return ""
            }
        }
    }

    /// The friendly 404 page.
    func notFound(learner: Learner?) -> Response {
        pages.notFound.response(status: .notFound) { slot in
            slot == .learner ? learnerCorner(learner, next: "/") : ""
        }
    }

    /// Any other error as a page: a title and a sentence, both escaped.
    func error(status: HTTPResponse.Status, title: String, message: String, learner: Learner?) -> Response {
        let content = templates.error.render(ErrorView(code: status.code, reason: status.reasonPhrase, title: title, message: message))
        let html = pages.layout.render(
            LayoutView(pageTitle: "\(title) · KubeTutor", description: message, bodyClass: "page-error", content: content))
        return PageFrame(html: html).response(status: status) { slot in
            slot == .learner ? learnerCorner(learner, next: "/") : ""
        }
    }

    // MARK: Slots

    func learnerCorner(_ learner: Learner?, next: String) -> String {
        templates.learnerCorner.render(
            LearnerCornerView(
                joined: learner != nil, handle: learner?.handle ?? "", displayName: learner?.displayName ?? "",
                joinURL: JoinLink.url(next: next)))
    }

    func courseProgress(learner: Learner?, progress: LearnerProgress?) -> String {
        let completed = pages.catalog.lessons.filter { progress?.lesson($0.id)?.isCompleted == true }.count
        return templates.courseProgress.render(
            CourseProgressView(
                joined: learner != nil, displayName: learner?.displayName ?? "", completed: completed, total: pages.catalog.lessons.count))
    }

    func lessonProgress(_ lesson: Lesson, progress: LessonProgress?, joined: Bool) -> String {
        templates.lessonProgress.render(LessonProgressView(lesson: lesson, progress: progress, joined: joined))
    }

    func exercise(_ frame: ExerciseFrame, count: Int, state: ExerciseState, joined: Bool) -> String {
        let exercise = frame.exercise
        let yaml = state.yaml ?? exercise.starter
        let diagnostics = state.grade?.diagnostics ?? []
        let lines = EditorLineView.lines(of: yaml, diagnostics: diagnostics)
        var status: String?
        if joined {
            if state.everPassed {
                status = "Passed · " + Plural.count(state.attempts, "attempt")
            } else if state.attempts > 0 {
                status = Plural.count(state.attempts, "attempt") + ", not passed yet"
            } else {
                status = "Not tried yet"
            }
        }
        let base = "/lessons/\(frame.lessonID)/exercises/\(exercise.id)"
        let view = ExerciseView(
            id: exercise.id, number: frame.number, count: count, title: frame.title, status: status, passed: joined && state.everPassed,
            promptHTML: frame.promptHTML, givenHTML: frame.givenHTML, hintsHTML: frame.hintsHTML,
            formAction: base + "#exercise-\(exercise.id)", checkAPI: "/api" + base + "/attempts?html=1",
            lines: lines, rows: max(lines.count + 1, 6), yaml: yaml, joined: joined,
            joinURL: JoinLink.url(next: "/lessons/\(frame.lessonID)#exercise-\(exercise.id)"),
            resultHTML: result(frame, state: state), consoleHTML: console(frame, state: state, joined: joined))
        return templates.exercise.render(view)
    }

    /// The result panel; also sent by the JSON API as `html`.
    func result(_ frame: ExerciseFrame, state: ExerciseState) -> String {
        let exercise = frame.exercise
        guard let grade = state.grade else {
            return templates.result.render(
                ResultView(
                    graded: false, summaryClass: "", mark: "", headline: "", saved: nil, checks: [], diagnostics: [], hasDiagnostics: false,
                    traces: [], hasTraces: false, solution: nil, clusterTitle: "The cluster before your YAML", clusterOpen: true,
                    clusterWide: frame.givenClusterWide, clusterNarrow: frame.givenClusterNarrow))
        }
        let passedCount = grade.checks.filter(\.passed).count
        let headline =
            grade.passed
            ? "Passed: every check holds."
            : (grade.checks.count == 1 ? "The check fails." : "\(passedCount) of \(grade.checks.count) checks pass.")
        var saved: String?
        if state.justRecorded != nil {
            saved = "Saved as attempt \(state.attempts)."
        } else if state.attempts > 0 {
            saved = "Your last answer (attempt \(state.attempts)), checked again."
        }
        var traces: [TraceView] = []
        for (index, check) in exercise.checks.enumerated() {
            // The grader keeps the request it traced for each reach check whose source and target it could read: the
            // picture shows that trace rather than tracing again (GradeTracesTests holds the two equal).
            guard case .reach(let from, let to, _, _, _, _) = check.kind, let trace = grade.traces[index] else { continue }
            traces.append(
                TraceView(source: from, target: to, result: trace, cluster: grade.cluster, id: "trace-\(exercise.id)-\(index)", first: traces.isEmpty)
            )
        }
        let diagram = ClusterDiagram(cluster: grade.cluster)
        let view = ResultView(
            graded: true, summaryClass: grade.passed ? "is-pass" : "is-fail", mark: grade.passed ? "✓" : "✗", headline: headline,
            saved: saved, checks: grade.checks.map(CheckView.init), diagnostics: grade.diagnostics.map(DiagnosticView.init),
            hasDiagnostics: !grade.diagnostics.isEmpty, traces: traces, hasTraces: !traces.isEmpty,
            solution: state.everPassed || grade.passed ? exercise.solution : nil,
            clusterTitle: "The cluster with your YAML", clusterOpen: true,
            clusterWide: diagram.svg(id: "cluster-\(exercise.id)-wide", columns: 3),
            clusterNarrow: diagram.svg(id: "cluster-\(exercise.id)-narrow", columns: 1))
        return templates.result.render(view)
    }

    func console(_ frame: ExerciseFrame, state: ExerciseState, joined: Bool) -> String {
        let exercise = frame.exercise
        let base = "/lessons/\(frame.lessonID)/exercises/\(exercise.id)/console"
        var entries: [ConsoleEntryView] = []
        if let run = state.console {
            entries = run.earlier.map(ConsoleEntryView.init) + [ConsoleEntryView(ConsoleEntry(command: run.command, output: run.output))]
        }
        let view = ConsoleView(
            id: exercise.id, open: state.console != nil || state.notice != nil,
            note: Self.consoleNote(joined: joined, hasAnswer: state.yaml != nil), entries: entries, error: state.notice,
            formAction: base + "#console-\(exercise.id)", consoleAPI: "/api" + base, history: state.console?.history ?? [],
            examples: frame.consoleExamples)
        return templates.console.render(view)
    }

    static func consoleNote(joined: Bool, hasAnswer: Bool) -> String {
        if hasAnswer {
            return "Commands run against this exercise's cluster: what is already there plus the YAML you last checked."
        }
        return joined
            ? "Commands run against this exercise's cluster as it is given. Press Check to add your YAML to it."
            : "Commands run against this exercise's cluster as it is given. Join and check your YAML to add it."
    }

    func quiz(_ quiz: Quiz, in lesson: Lesson, number: Int, progress: QuizProgress?, joined: Bool) -> String {
        let chosen = progress?.chosenIndex
        let choices = quiz.choices.enumerated().map { index, choice in
            ChoiceView(
                index: index, letter: Self.letter(index), text: choice.text, checked: index == chosen,
                state: index == chosen ? (index == quiz.answer ? "is-correct" : "is-wrong") : nil)
        }
        let base = "/lessons/\(lesson.id)/quiz/\(quiz.id)"
        let view = QuizView(
            id: quiz.id, number: number, count: lesson.quizzes.count, question: quiz.question, choices: choices,
            correct: progress?.correct == true, formAction: base + "#quiz-\(quiz.id)", quizAPI: "/api" + base, joined: joined,
            joinURL: JoinLink.url(next: "/lessons/\(lesson.id)#quiz-\(quiz.id)"),
            feedbackHTML: quizFeedback(quiz, chosen: chosen))
        return templates.quiz.render(view)
    }

    /// What an answer earned; also sent by the JSON API as `html`.
    func quizFeedback(_ quiz: Quiz, chosen: Int?) -> String {
        guard let chosen, quiz.choices.indices.contains(chosen) else {
            return templates.quizFeedback.render(
                QuizFeedbackView(answered: false, verdictClass: "", mark: "", verdict: "", why: nil, explanation: nil))
        }
        let correct = chosen == quiz.answer
        let letter = Self.letter(chosen)
        return templates.quizFeedback.render(
            QuizFeedbackView(
                answered: true, verdictClass: correct ? "is-correct" : "is-wrong", mark: correct ? "✓" : "✗",
                verdict: correct ? "\(letter) is right." : "\(letter) is not right. Try another answer.",
                why: quiz.choices[chosen].why, explanation: correct ? quiz.explanation : nil))
    }

    /// A, B, C ... for choices 0, 1, 2 ...
    static func letter(_ index: Int) -> String {
        String(UnicodeScalar(UInt8(65 + min(max(index, 0), 25))))
    }
}

/// Links to `/join` that come back to where the learner was.
enum JoinLink {
    /// `/join?next=...` (just `/join` for the index page).
    static func url(next: String) -> String {
        guard next != "/" else { return "/join" }
        var allowed = CharacterSet.urlQueryAllowed
        allowed.remove(charactersIn: "&=+#?")
        return "/join?next=" + (next.addingPercentEncoding(withAllowedCharacters: allowed) ?? "/")
    }

    /// `next` when it is a path on this site (so a link cannot send a learner elsewhere after joining), else `/`.
    static func safeNext(_ next: String?) -> String {
        guard let next, next.hasPrefix("/"), !next.hasPrefix("//"), !next.contains("\\"),
            !next.contains(where: { $0.isNewline || $0 == "\0" }), next.utf8.count <= 512
        else { return "/" }
        return next
    }
}

struct LearnerCornerView {
    let joined: Bool
    let handle: String
    let displayName: String
    let joinURL: String
}

struct CourseProgressView {
    let joined: Bool
    let displayName: String
    let completed: Int
    let total: Int
}

/// A lesson's progress badge: completed, how much is done, or not started.
struct LessonProgressView {
    let shown: Bool
    let badgeClass: String
    let text: String

    init(lesson: Lesson, progress: LessonProgress?, joined: Bool) {
        shown = joined
        let passed = lesson.exercises.filter { progress?.exercise($0.id)?.passed == true }.count
        let answered = lesson.quizzes.filter { progress?.quiz($0.id)?.everCorrect == true }.count
        let touched = !(progress?.quizzes.isEmpty ?? true) || (progress?.exercises.contains { $0.attempts > 0 } ?? false)
        if progress?.isCompleted == true {
            badgeClass = "is-complete"
            text = "✓ Completed"
        } else if touched {
            badgeClass = "is-started"
            var parts: [String] = []
            if !lesson.exercises.isEmpty { parts.append("\(passed)/\(lesson.exercises.count) exercises passed") }
            if !lesson.quizzes.isEmpty { parts.append("\(answered)/\(lesson.quizzes.count) questions right") }
            text = parts.joined(separator: " · ")
        } else {
            badgeClass = "is-new"
            text = "Not started"
        }
    }
}

/// The join form's contents.
struct JoinFormView {
    var handle: String = ""
    var classCode: String = ""
    var next: String = "/"
    var error: String?
    var signedInAs: String?
}

struct ErrorView {
    let code: Int
    let reason: String
    let title: String
    let message: String
}
