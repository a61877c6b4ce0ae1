import ClusterSim
@testable import LessonKit
import Mustache
import Testing

@testable import WebApp

/// The templates read each view through `child(named:)`; it must answer every stored property with its own value, as
/// reflection did. (A view once answered `name` with the word "name": the parameter shadowed the property.)
@Suite struct ViewChildrenTests {
    static func expectChildrenMatchTheStoredProperties(_ view: some MustacheParent, _ sourceLocation: SourceLocation = #_sourceLocation) {
        let mirror = Mirror(reflecting: view)
        #expect(!mirror.children.isEmpty, sourceLocation: sourceLocation)
        for property in mirror.children {
            guard let label = property.label else { continue }
            let stored: Any? = Mirror(reflecting: property.value).displayStyle == .optional
                ? Mirror(reflecting: property.value).children.first?.value : property.value
            let answered = view.child(named: label)
            #expect(Self.text(answered) == Self.text(stored), "\(type(of: view)).\(label)", sourceLocation: sourceLocation)
            #expect((answered == nil) == (stored == nil), "\(type(of: view)).\(label) present", sourceLocation: sourceLocation)
        }
        #expect(view.child(named: "noSuchValue") == nil, sourceLocation: sourceLocation)
    }

    static func text(_ value: Any?) -> String {
        guard let value else { return "nil" }
        return String(describing: value)
    }

    @Test func everyViewAnswersEachStoredPropertyWithItsValue() throws {
        let diagnostic = try #require(ManifestChecker().check(files: [("a.yaml", Array("kind: [".utf8))]).diagnostics.first)
        let (_, cluster) = ManifestChecker().checkAndSimulate(files: [
            ("c.yaml", Array("apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: c\n    image: nginx:1.25\n".utf8))
        ])
        let source = try #require(TraceSource.parse("external"))
        let target = try #require(TraceTarget.parse("pod/web:80"))
        let trace = TraceView(
            source: "external", target: "pod/web:80", result: cluster.trace(from: source, to: target), cluster: cluster, id: "t", first: true)
        let step = TraceStepView(kind: "dns", at: "client", detail: "asked <CoreDNS>", state: "")
        let line = EditorLineView(number: 3, state: "has-error", note: "error: x")
        let check = CheckView(LessonKit.CheckResult(name: "valid", passed: false, message: "Line `8`"))
        let entry = ConsoleEntryView(ConsoleEntry(command: "get pods", output: KubectlOutput(stdout: "NAME\n", stderr: "oops", exitCode: 1)))

        Self.expectChildrenMatchTheStoredProperties(line)
        Self.expectChildrenMatchTheStoredProperties(check)
        Self.expectChildrenMatchTheStoredProperties(DiagnosticView(diagnostic))
        Self.expectChildrenMatchTheStoredProperties(step)
        Self.expectChildrenMatchTheStoredProperties(trace)
        Self.expectChildrenMatchTheStoredProperties(entry)
        Self.expectChildrenMatchTheStoredProperties(
            ResultView(
                graded: true, summaryClass: "is-fail", mark: "✗", headline: "0 of 1", saved: nil, checks: [check],
                diagnostics: [DiagnosticView(diagnostic)], hasDiagnostics: true, traces: [trace], hasTraces: true, solution: "kind: Pod",
                clusterTitle: "The cluster", clusterOpen: false, clusterWide: "<svg/>", clusterNarrow: "<svg/>"))
        Self.expectChildrenMatchTheStoredProperties(
            ExerciseView(
                id: "e", number: 1, count: 2, title: "T", status: nil, passed: false, promptHTML: "<p>", givenHTML: "", hintsHTML: "",
                formAction: "/a", checkAPI: "/b", lines: [line], rows: 6, yaml: "kind: Pod", joined: true, joinURL: "/join",
                resultHTML: "", consoleHTML: ""))
        Self.expectChildrenMatchTheStoredProperties(
            ConsoleView(
                id: "e", open: true, note: "n", entries: [entry], error: nil, formAction: "/c", consoleAPI: "/d", history: ["get pods"],
                examples: ["get svc"]))
        let choice = ChoiceView(index: 0, letter: "A", text: "One", checked: true, state: "is-correct")
        Self.expectChildrenMatchTheStoredProperties(choice)
        Self.expectChildrenMatchTheStoredProperties(
            QuizView(
                id: "q", number: 1, count: 3, question: "?", choices: [choice], correct: true, formAction: "/q", quizAPI: "/api/q",
                joined: true, joinURL: "/join", feedbackHTML: ""))
        Self.expectChildrenMatchTheStoredProperties(
            QuizFeedbackView(answered: true, verdictClass: "is-right", mark: "✓", verdict: "Right", why: "because", explanation: nil))
    }
}
