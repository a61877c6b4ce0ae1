import Foundation
import ClusterSim

/// The outcome of one check for a learner.
public struct CheckResult: Sendable, Equatable {
    /// The check's name.
    public var name: String
    /// Whether it passed.
    public var passed: Bool
    /// What the learner should read: what was found and, when it failed, why.
    public var message: String
}

/// A graded answer.
public struct GradeResult: Sendable {
    /// True when every check passed.
    public var passed: Bool
    /// Every check, in the exercise's order.
    public var checks: [CheckResult]
    /// The checker's findings about the learner's YAML (file `answer.yaml`).
    public var diagnostics: [Diagnostic]
    /// The cluster after `given` and the answer were applied (for the console and the trace picture).
    public var cluster: Cluster
    /// The requests that the exercise's `reach` checks traced to grade the answer, by the check's index in
    /// ``Exercise/checks``: a result panel draws them without tracing them again.
    public var traces: [Int: TraceResult] = [:]
}

/// Grades an answer: applies the exercise's `given` manifests and the learner's YAML to a fresh
/// simulated cluster, then evaluates each check against it.
public struct ExerciseGrader: Sendable {
    /// The file name the learner's YAML gets in diagnostics.
    public static let answerFile = "answer.yaml"
    /// The file name of the exercise's given manifests.
    public static let givenFile = "given.yaml"

    /// Each exercise's given manifests, checked and applied once and shared by the copies of this grader: every answer
    /// is checked on top of them, as if they had been checked with it.
    private let givens = PreparedGivens()

    /// Creates a grader.
    public init() {}

    /// Grades `answer` for `exercise`.
    public func grade(_ exercise: Exercise, answer: String) -> GradeResult {
        let given = givens.prepared(exercise.given)
        let (report, cluster) = ManifestChecker().checkAndSimulate(files: [(Self.answerFile, Array(answer.utf8))], after: given)
        let answerDiagnostics = report.diagnostics.filter { $0.file == Self.answerFile }
        var results: [CheckResult] = []
        var traces: [Int: TraceResult] = [:]
        for (index, check) in exercise.checks.enumerated() {
            var trace: TraceResult?
            results.append(evaluate(check, report: report, diagnostics: answerDiagnostics, cluster: cluster, trace: &trace))
            traces[index] = trace
        }
        return GradeResult(
            passed: results.allSatisfy(\.passed), checks: results, diagnostics: answerDiagnostics, cluster: cluster, traces: traces)
    }

    /// The outcome of `check`; a `reach` check also hands back the request it traced in `trace`.
    private func evaluate(
        _ check: ExerciseCheck, report: CheckReport, diagnostics: [Diagnostic], cluster: Cluster, trace tracedRequest: inout TraceResult?
    ) -> CheckResult {
        func result(_ passed: Bool, _ message: String) -> CheckResult { CheckResult(name: check.name, passed: passed, message: message) }
        switch check.kind {
        case .valid:
            let errors = diagnostics.filter { $0.severity == .error }
            guard let first = errors.first else { return result(true, "The API server accepts your YAML.") }
            return result(false, "The API server refuses your YAML (\(errors.count) error\(errors.count == 1 ? "" : "s")). Line \(first.line): \(first.kubectlText)")
        case .noWarnings:
            let warnings = diagnostics.filter { $0.severity == .warning }
            guard let first = warnings.first else { return result(true, "No warnings.") }
            return result(false, "Line \(first.line): \(first.message). \(first.explanation)")
        case .exists(let kind, let name, let namespace):
            if present(kind, name, namespace, report: report) {
                return result(true, "\(kind) `\(name)` exists.")
            }
            let same = report.objects.filter { $0.kind == kind && $0.root != nil }.map { "`\($0.name)`" }
            let found = same.isEmpty ? "" : " (found \(kind) \(same.joined(separator: ", ")))"
            return result(false, "There is no valid \(kind) named `\(name)` in namespace \(namespace)\(found).")
        case .field(let kind, let name, let namespace, let path, let equals):
            guard present(kind, name, namespace, report: report) else {
                return result(false, "There is no valid \(kind) named `\(name)` to look at.")
            }
            let object = report.objects.last { $0.kind == kind && $0.name == name && $0.namespace == namespace && $0.root != nil }
            let actual = cluster.observedValue(kind: kind, name: name, namespace: namespace, path: path)
                ?? object?.root?.value(atPath: path)?.scalarText
            guard let actual else { return result(false, "\(kind) `\(name)` has no `\(path)`; it should be `\(equals)`.") }
            return actual == equals
                ? result(true, "\(kind) `\(name)` has \(path) `\(actual)`.")
                : result(false, "\(kind) `\(name)` has \(path) `\(actual)`; it should be `\(equals)`.")
        case .endpoints(let serviceName, let namespace, let atLeast):
            guard let service = cluster.service(named: serviceName, in: namespace) else {
                return result(false, "There is no Service `\(serviceName)` in namespace \(namespace).")
            }
            let count = service.ports.first.map { cluster.endpoints(of: service, port: $0).count } ?? 0
            if count >= atLeast {
                return result(true, "Service `\(serviceName)` has \(count) endpoint\(count == 1 ? "" : "s").")
            }
            let why = count == 0 ? " " + cluster.whyNoEndpoints(service) : ""
            return result(false, "Service `\(serviceName)` has \(count) endpoint\(count == 1 ? "" : "s"); it needs at least \(atLeast).\(why)")
        case .reach(let from, let to, let expect, let reason, let hops, let resolve):
            let avoid = check.avoid
            guard let source = TraceSource.parse(from), let target = TraceTarget.parse(to) else {
                return result(false, "The check's source or target cannot be read (\(from) → \(to)).")
            }
            let pinned = resolve.compactMapValues { IPv4($0) }
            let trace = cluster.trace(from: source, to: target, resolve: pinned)
            tracedRequest = trace
            let path = trace.hops.map(\.kind.rawValue).joined(separator: " → ")
            switch expect {
            case .delivered:
                guard trace.delivered else {
                    return result(false, "A request from \(from) to \(to) is dropped (\(trace.reason?.rawValue ?? "?")): \(trace.explanation)")
                }
                let missing = hops.filter { hop in !trace.hops.contains { $0.kind.rawValue == hop } }
                guard missing.isEmpty else {
                    return result(false, "A request from \(from) to \(to) arrives, but not the way the exercise asks: it never passes \(missing.joined(separator: ", ")) (path: \(path)).")
                }
                let crossed = avoid.filter { hop in trace.hops.contains { $0.kind.rawValue == hop } }
                guard crossed.isEmpty else {
                    return result(false, "A request from \(from) to \(to) arrives, but it passes \(crossed.joined(separator: ", ")), which the exercise asks it to avoid (path: \(path)).")
                }
                return result(true, "A request from \(from) to \(to) reaches \(trace.endpoint ?? "its target") (\(path)).")
            case .dropped:
                guard !trace.delivered else {
                    return result(false, "A request from \(from) to \(to) reaches \(trace.endpoint ?? "its target"), but it should not.")
                }
                if let reason, trace.reason?.rawValue != reason {
                    return result(false, "A request from \(from) to \(to) is dropped, but for another reason (\(trace.reason?.rawValue ?? "?"), expected \(reason)): \(trace.explanation)")
                }
                return result(true, "A request from \(from) to \(to) is dropped (\(trace.reason?.rawValue ?? "?")), as it should be.")
            }
        }
    }

    private func present(_ kind: String, _ name: String, _ namespace: String, report: CheckReport) -> Bool {
        report.objects.contains { $0.kind == kind && $0.name == name && $0.root != nil && ($0.namespace == namespace || $0.namespace.isEmpty) }
    }
}

/// Given manifests checked and applied, by their text. A course has a few dozen; past 256 texts (a generated course,
/// a test) new ones are prepared each time instead of kept.
final class PreparedGivens: @unchecked Sendable {
    private let lock = NSLock()
    private var prepared: [String: PreparedFiles] = [:]

    func prepared(_ given: String) -> PreparedFiles {
        if given.isEmpty { return .empty }
        if let known = lock.withLock({ prepared[given] }) { return known }
        let state = ManifestChecker().prepare(files: [(ExerciseGrader.givenFile, Array(given.utf8))])
        lock.withLock {
            if prepared.count < 256 { prepared[given] = state }
        }
        return state
    }
}
