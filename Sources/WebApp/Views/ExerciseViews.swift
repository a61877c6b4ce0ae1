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
    let column: Int
    let severity: String
    let message: String
    /// Escaped, with `code` marked up.
    let explanationHTML: String

    init(_ diagnostic: Diagnostic) {
        line = diagnostic.line
        column = diagnostic.column
        severity = diagnostic.severity.rawValue
        message = diagnostic.kubectlText
        explanationHTML = InlineCode.html(diagnostic.explanation)
    }
}

/// One hop in a trace's text list.
struct TraceStepView {
    let kind: String
    let at: String
    let detail: String
    /// `is-failed` for the hop where the request was dropped, else nil.
    let state: String?
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
            TraceStepView(kind: hop.kind.rawValue, at: hop.at, detail: hop.detail, state: index == failing ? "is-failed" : nil)
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
    func child(named name: String) -> Any? {
        switch name {
        case "number": number
        case "state": state
        case "note": note
        default: nil
        }
    }
}

extension ExerciseView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "id": id
        case "number": number
        case "count": count
        case "title": title
        case "status": status
        case "passed": passed
        case "promptHTML": promptHTML
        case "givenHTML": givenHTML
        case "hintsHTML": hintsHTML
        case "formAction": formAction
        case "checkAPI": checkAPI
        case "lines": lines
        case "rows": rows
        case "yaml": yaml
        case "joined": joined
        case "joinURL": joinURL
        case "resultHTML": resultHTML
        case "consoleHTML": consoleHTML
        default: nil
        }
    }
}

extension CheckView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "name": name
        case "messageHTML": messageHTML
        case "state": state
        case "stateText": stateText
        case "mark": mark
        default: nil
        }
    }
}

extension DiagnosticView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "line": line
        case "column": column
        case "severity": severity
        case "message": message
        case "explanationHTML": explanationHTML
        default: nil
        }
    }
}

extension TraceStepView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "kind": kind
        case "at": at
        case "detail": detail
        case "state": state
        default: nil
        }
    }
}

extension TraceView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "source": source
        case "target": target
        case "outcome": outcome
        case "explanationHTML": explanationHTML
        case "failed": failed
        case "open": open
        case "mark": mark
        case "svg": svg
        case "steps": steps
        default: nil
        }
    }
}

extension ResultView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "graded": graded
        case "summaryClass": summaryClass
        case "mark": mark
        case "headline": headline
        case "saved": saved
        case "checks": checks
        case "diagnostics": diagnostics
        case "hasDiagnostics": hasDiagnostics
        case "traces": traces
        case "hasTraces": hasTraces
        case "solution": solution
        case "clusterTitle": clusterTitle
        case "clusterOpen": clusterOpen
        case "clusterWide": clusterWide
        case "clusterNarrow": clusterNarrow
        default: nil
        }
    }
}

extension ConsoleEntryView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "command": command
        case "stdout": stdout
        case "stderr": stderr
        default: nil
        }
    }
}

extension ConsoleView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "id": id
        case "open": open
        case "note": note
        case "entries": entries
        case "error": error
        case "formAction": formAction
        case "consoleAPI": consoleAPI
        case "history": history
        case "examples": examples
        default: nil
        }
    }
}

extension ChoiceView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "index": index
        case "letter": letter
        case "text": text
        case "checked": checked
        case "state": state
        default: nil
        }
    }
}

extension QuizView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "id": id
        case "number": number
        case "count": count
        case "question": question
        case "choices": choices
        case "correct": correct
        case "formAction": formAction
        case "quizAPI": quizAPI
        case "joined": joined
        case "joinURL": joinURL
        case "feedbackHTML": feedbackHTML
        default: nil
        }
    }
}

extension QuizFeedbackView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "answered": answered
        case "verdictClass": verdictClass
        case "mark": mark
        case "verdict": verdict
        case "why": why
        case "explanation": explanation
        default: nil
        }
    }
}
