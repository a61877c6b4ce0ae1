import ClusterSim
import LessonKit
import Mustache

// What the exercise, result and console templates show. Every value a template uses is a stored property,
// named by `child(named:)` below; an absent text is nil (an empty string would still open a section).

/// One line of the editor's gutter.
struct EditorLineView {
    let number: Int
    /// `has-error`, `has-warning`, or nil.
    let state: String?
    /// What the checker said about the line (a tooltip; the accessible list is under the editor).
    let note: String?

    /// The gutter for `yaml`, marking the lines the diagnostics point at (an error outranks a warning).
    static func lines(of yaml: String, diagnostics: [Diagnostic]) -> [EditorLineView] {
        let count = yaml.split(separator: "\n", omittingEmptySubsequences: false).count
        var notes: [Int: [Diagnostic]] = [:]
        for diagnostic in diagnostics where diagnostic.line >= 1 {
            notes[diagnostic.line, default: []].append(diagnostic)
        }
        let last = max(count, notes.keys.max() ?? 0)
        return (1...max(last, 1)).map { number in
            guard let found = notes[number] else { return EditorLineView(number: number, state: nil, note: nil) }
            let state = found.contains { $0.severity == .error } ? "has-error" : "has-warning"
            return EditorLineView(number: number, state: state, note: found.map { "\($0.severity.rawValue): \($0.message)" }.joined(separator: "\n"))
        }
    }
}

/// An exercise section.
struct ExerciseView {
    let id: String
    let number: Int
    let count: Int
    let title: String
    let status: String?
    let passed: Bool
    let promptHTML: String
    let givenHTML: String
    let hintsHTML: String
    let formAction: String
    let checkAPI: String
    let lines: [EditorLineView]
    let rows: Int
    let yaml: String
    let joined: Bool
    let joinURL: String
    let resultHTML: String
    let consoleHTML: String
}

/// One check's outcome.
struct CheckView {
    let name: String
    /// Escaped, with `code` marked up.
    let messageHTML: String
    /// `is-pass` or `is-fail`.
    let state: String
    let stateText: String
    let mark: String

    init(_ check: LessonKit.CheckResult) {
        name = check.name
        messageHTML = InlineCode.html(check.message)
        state = check.passed ? "is-pass" : "is-fail"
        stateText = check.passed ? "Passes" : "Fails"
        mark = check.passed ? "✓" : "✗"
    }
}

/// One of the checker's findings.
struct DiagnosticView {
    let line: Int
    let severity: String
    /// `Line 3, column 5 · error`: one value for the template to look up instead of three.
    let location: String
    let message: String
    /// Escaped, with `code` marked up.
    let explanationHTML: String

    init(_ diagnostic: Diagnostic) {
        line = diagnostic.line
        severity = diagnostic.severity.rawValue
        location = "Line \(diagnostic.line), column \(diagnostic.column) · \(diagnostic.severity.rawValue)"
        message = diagnostic.kubectlText
        explanationHTML = InlineCode.html(diagnostic.explanation)
    }
}

/// One hop in a trace's text list.
struct TraceStepView {
    let kind: String
    let at: String
    let detail: String
    /// `is-failed` for the hop where the request was dropped, else empty (a value found on the step itself is found
    /// sooner than a nil, which the template looks for up the whole context stack).
    let state: String
}

/// A traced request: the picture and its text twin.
struct TraceView {
    let source: String
    let target: String
    let outcome: String
    /// Escaped, with `code` marked up.
    let explanationHTML: String
    let failed: Bool
    /// Failing traces and the first one start open.
    let open: Bool
    let mark: String
    let svg: String
    let steps: [TraceStepView]

    init(source: String, target: String, result: TraceResult, cluster: Cluster, id: String, first: Bool) {
        self.source = source
        self.target = target
        failed = !result.delivered
        open = failed || first
        mark = result.delivered ? "✓" : "✗"
        outcome =
            result.delivered
            ? "delivered to \(result.endpoint ?? "its target")"
            : "dropped (\(result.reason?.rawValue ?? "unknown reason"))"
        explanationHTML = InlineCode.html(result.explanation)
        svg = TraceDiagram(source: source, target: target, result: result, cluster: cluster).svg(id: id)
        let failing = result.delivered ? nil : result.hops.indices.last
        steps = result.hops.enumerated().map { index, hop in
            TraceStepView(kind: hop.kind.rawValue, at: hop.at, detail: hop.detail, state: index == failing ? "is-failed" : "")
        }
    }
}

/// The result panel of an exercise.
struct ResultView {
    let graded: Bool
    let summaryClass: String
    let mark: String
    let headline: String
    let saved: String?
    let checks: [CheckView]
    let diagnostics: [DiagnosticView]
    let hasDiagnostics: Bool
    let traces: [TraceView]
    let hasTraces: Bool
    let solution: String?
    let clusterTitle: String
    let clusterOpen: Bool
    let clusterWide: String
    let clusterNarrow: String
}

/// One console command and its output.
struct ConsoleEntryView {
    let command: String
    let stdout: String
    let stderr: String?

    init(_ entry: ConsoleEntry) {
        command = entry.command
        stdout = entry.output.stdout
        stderr = entry.output.stderr.isEmpty ? nil : entry.output.stderr
    }
}

/// The console under an exercise.
struct ConsoleView {
    let id: String
    let open: Bool
    let note: String
    let entries: [ConsoleEntryView]
    let error: String?
    let formAction: String
    let consoleAPI: String
    let history: [String]
    let examples: [String]
}

/// A quiz choice.
struct ChoiceView {
    let index: Int
    let letter: String
    let text: String
    let checked: Bool
    /// `is-correct` or `is-wrong` for the chosen answer, else nil.
    let state: String?
}

/// A quiz question.
struct QuizView {
    let id: String
    let number: Int
    let count: Int
    let question: String
    let choices: [ChoiceView]
    let correct: Bool
    let formAction: String
    let quizAPI: String
    let joined: Bool
    let joinURL: String
    let feedbackHTML: String
}

/// What a quiz answer earned.
struct QuizFeedbackView {
    let answered: Bool
    let verdictClass: String
    let mark: String
    let verdict: String
    let why: String?
    let explanation: String?
}

// Templates read these through `MustacheParent` rather than reflection: a `Mirror` per value looked up made the
// result panel most of an attempt's cost. Each lists every stored property of its view (the route tests render them all).
extension EditorLineView: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "number": self.number
        case "state": self.state
        case "note": self.note
        default: nil
        }
    }
}

extension ExerciseView: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "id": self.id
        case "number": self.number
        case "count": self.count
        case "title": self.title
        case "status": self.status
        case "passed": self.passed
        case "promptHTML": self.promptHTML
        case "givenHTML": self.givenHTML
        case "hintsHTML": self.hintsHTML
        case "formAction": self.formAction
        case "checkAPI": self.checkAPI
        case "lines": self.lines
        case "rows": self.rows
        case "yaml": self.yaml
        case "joined": self.joined
        case "joinURL": self.joinURL
        case "resultHTML": self.resultHTML
        case "consoleHTML": self.consoleHTML
        default: nil
        }
    }
}

extension CheckView: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "name": self.name
        case "messageHTML": self.messageHTML
        case "state": self.state
        case "stateText": self.stateText
        case "mark": self.mark
        default: nil
        }
    }
}

extension DiagnosticView: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "line": self.line
        case "severity": self.severity
        case "location": self.location
        case "message": self.message
        case "explanationHTML": self.explanationHTML
        default: nil
        }
    }
}

extension TraceStepView: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "kind": self.kind
        case "at": self.at
        case "detail": self.detail
        case "state": self.state
        default: nil
        }
    }
}

extension TraceView: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "source": self.source
        case "target": self.target
        case "outcome": self.outcome
        case "explanationHTML": self.explanationHTML
        case "failed": self.failed
        case "open": self.open
        case "mark": self.mark
        case "svg": self.svg
        case "steps": self.steps
        default: nil
        }
    }
}

extension ResultView: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "graded": self.graded
        case "summaryClass": self.summaryClass
        case "mark": self.mark
        case "headline": self.headline
        case "saved": self.saved
        case "checks": self.checks
        case "diagnostics": self.diagnostics
        case "hasDiagnostics": self.hasDiagnostics
        case "traces": self.traces
        case "hasTraces": self.hasTraces
        case "solution": self.solution
        case "clusterTitle": self.clusterTitle
        case "clusterOpen": self.clusterOpen
        case "clusterWide": self.clusterWide
        case "clusterNarrow": self.clusterNarrow
        default: nil
        }
    }
}

extension ConsoleEntryView: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "command": self.command
        case "stdout": self.stdout
        case "stderr": self.stderr
        default: nil
        }
    }
}

extension ConsoleView: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "id": self.id
        case "open": self.open
        case "note": self.note
        case "entries": self.entries
        case "error": self.error
        case "formAction": self.formAction
        case "consoleAPI": self.consoleAPI
        case "history": self.history
        case "examples": self.examples
        default: nil
        }
    }
}

extension ChoiceView: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "index": self.index
        case "letter": self.letter
        case "text": self.text
        case "checked": self.checked
        case "state": self.state
        default: nil
        }
    }
}

extension QuizView: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "id": self.id
        case "number": self.number
        case "count": self.count
        case "question": self.question
        case "choices": self.choices
        case "correct": self.correct
        case "formAction": self.formAction
        case "quizAPI": self.quizAPI
        case "joined": self.joined
        case "joinURL": self.joinURL
        case "feedbackHTML": self.feedbackHTML
        default: nil
        }
    }
}

extension QuizFeedbackView: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "answered": self.answered
        case "verdictClass": self.verdictClass
        case "mark": self.mark
        case "verdict": self.verdict
        case "why": self.why
        case "explanation": self.explanation
        default: nil
        }
    }
}
