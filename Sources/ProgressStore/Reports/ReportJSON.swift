import Foundation

/// A ``ClassReport`` as one JSON document (compact, keys in a fixed order, times as ``ReportTime/iso8601(_:)``,
/// absent values as `null`):
///
/// ```json
/// {"generated_at": "...", "class": "k8s-a" | null,
///  "stuck_rule": {"attempts_without_pass": 5, "idle_seconds": 172800},
///  "lessons": [{"id": "...", "title": "...", "exercises": ["..."]}],
///  "learners": [{"handle", "name", "class", "last_activity_at",
///                "lessons": [{"lesson", "status", "attempts", "exercises_passed", "exercises"}]}],
///  "rows": [{"learner", "handle", "class", "lesson", "exercise", "status", "attempts", "first_attempt_at",
///            "passed_at", "seconds_to_pass", "last_error"}],
///  "exercises": [{"lesson", "exercise", "learners", "tried", "passed", "pass_rate", "median_attempts_to_pass",
///                 "median_seconds_to_pass", "failing_checks": [{"check", "learners", "attempts", "example"}],
///                 "checker_messages": [{"pattern", "learners", "attempts", "example"}]}],
///  "stuck": [{"handle", "name", "class", "reasons": [{"kind": "many-attempts", "lesson", "exercise", "attempts"}
///                                                   | {"kind": "idle", "last_activity_at", "idle_seconds"}]}]}
/// ```
///
/// `rows` are the CSV's rows (with the handle added and nothing neutralised: JSON is not a spreadsheet);
/// `pass_rate` has 4 decimals, seconds 3.
public enum ReportJSON {
    /// The whole JSON document, without a trailing newline.
    public static func render(_ report: ClassReport) -> String {
        var out = JSONOutput()
        out.object {
            $0.field("generated_at") { $0.string(ReportTime.iso8601(report.generatedAt)) }
            $0.field("class") { $0.string(report.classCode) }
            $0.field("stuck_rule") {
                $0.object {
                    $0.field("attempts_without_pass") { $0.int(report.stuckRule.attemptsWithoutPass) }
                    $0.field("idle_seconds") { $0.number(report.stuckRule.idleInterval, places: 3) }
                }
            }
            $0.field("lessons") {
                $0.array(report.outline.lessons) { out, lesson in
                    out.object {
                        $0.field("id") { $0.string(lesson.id) }
                        $0.field("title") { $0.string(lesson.title) }
                        $0.field("exercises") { $0.array(lesson.exercises) { $0.string($1) } }
                    }
                }
            }
            $0.field("learners") {
                $0.array(report.learners) { out, line in
                    out.object {
                        learnerFields(line.learner, into: &$0)
                        $0.field("last_activity_at") { $0.date(line.lastActivityAt) }
                        $0.field("lessons") {
                            $0.array(line.lessons) { out, cell in
                                out.object {
                                    $0.field("lesson") { $0.string(cell.lesson) }
                                    $0.field("status") { $0.string(cell.status.rawValue) }
                                    $0.field("attempts") { $0.int(cell.attempts) }
                                    $0.field("exercises_passed") { $0.int(cell.exercisesPassed) }
                                    $0.field("exercises") { $0.int(cell.exercises) }
                                }
                            }
                        }
                    }
                }
            }
            $0.field("rows") {
                $0.array(report.rows) { out, row in
                    out.object {
                        $0.field("learner") { $0.string(row.learner.displayName) }
                        $0.field("handle") { $0.string(row.learner.handle) }
                        $0.field("class") { $0.string(row.learner.classCode) }
                        $0.field("lesson") { $0.string(row.lesson) }
                        $0.field("exercise") { $0.string(row.exercise) }
                        $0.field("status") { $0.string(row.status.rawValue) }
                        $0.field("attempts") { $0.int(row.attempts) }
                        $0.field("first_attempt_at") { $0.date(row.firstAttemptAt) }
                        $0.field("passed_at") { $0.date(row.passedAt) }
                        $0.field("seconds_to_pass") { $0.number(row.secondsToPass, places: 3) }
                        $0.field("last_error") { $0.string(row.lastError) }
                    }
                }
            }
            $0.field("exercises") {
                $0.array(report.exercises) { out, statistics in
                    out.object {
                        $0.field("lesson") { $0.string(statistics.lesson) }
                        $0.field("exercise") { $0.string(statistics.exercise) }
                        $0.field("learners") { $0.int(statistics.learners) }
                        $0.field("tried") { $0.int(statistics.tried) }
                        $0.field("passed") { $0.int(statistics.passed) }
                        $0.field("pass_rate") { $0.number(statistics.passRate, places: 4) }
                        $0.field("median_attempts_to_pass") { $0.number(statistics.medianAttemptsToPass, places: 3) }
                        $0.field("median_seconds_to_pass") { $0.number(statistics.medianSecondsToPass, places: 3) }
                        $0.field("failing_checks") { $0.array(statistics.failingChecks) { failure(&$0, $1, label: "check") } }
                        $0.field("checker_messages") { $0.array(statistics.checkerMessages) { failure(&$0, $1, label: "pattern") } }
                    }
                }
            }
            $0.field("stuck") {
                $0.array(report.stuck) { out, stuck in
                    out.object {
                        learnerFields(stuck.learner, into: &$0)
                        $0.field("reasons") {
                            $0.array(stuck.reasons) { out, reason in
                                out.object {
                                    switch reason {
                                    case .manyAttempts(let lesson, let exercise, let attempts):
                                        $0.field("kind") { $0.string("many-attempts") }
                                        $0.field("lesson") { $0.string(lesson) }
                                        $0.field("exercise") { $0.string(exercise) }
                                        $0.field("attempts") { $0.int(attempts) }
                                    case .idle(let lastActivityAt, let seconds):
                                        $0.field("kind") { $0.string("idle") }
                                        $0.field("last_activity_at") { $0.date(lastActivityAt) }
                                        $0.field("idle_seconds") { $0.number(seconds, places: 3) }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        return out.text
    }

    private static func learnerFields(_ learner: Learner, into out: inout JSONOutput.Members) {
        out.field("handle") { $0.string(learner.handle) }
        out.field("name") { $0.string(learner.displayName) }
        out.field("class") { $0.string(learner.classCode) }
    }

    private static func failure(_ out: inout JSONOutput, _ pattern: FailurePattern, label: String) {
        out.object {
            $0.field(label) { $0.string(pattern.pattern) }
            $0.field("learners") { $0.int(pattern.learners) }
            $0.field("attempts") { $0.int(pattern.attempts) }
            $0.field("example") { $0.string(pattern.example) }
        }
    }
}

/// Writes JSON text straight into a string: keys stay in the order written, and a large report costs no tree of values.
struct JSONOutput {
    private(set) var text = ""

    /// The members of an object being written.
    struct Members {
        fileprivate var out: JSONOutput
        fileprivate var first = true

        mutating func field(_ name: String, _ value: (inout JSONOutput) -> Void) {
            if !first { out.text += "," }
            first = false
            out.appendString(name)
            out.text += ":"
            value(&out)
        }
    }

    mutating func object(_ members: (inout Members) -> Void) {
        text += "{"
        var writer = Members(out: JSONOutput())
        swap(&writer.out.text, &text)
        members(&writer)
        swap(&writer.out.text, &text)
        text += "}"
    }

    mutating func array<Element>(_ elements: [Element], _ element: (inout JSONOutput, Element) -> Void) {
        text += "["
        for (index, value) in elements.enumerated() {
            if index > 0 { text += "," }
            element(&self, value)
        }
        text += "]"
    }

    mutating func string(_ value: String?) {
        guard let value else { return text += "null" }
        appendString(value)
    }

    mutating func int(_ value: Int) {
        text += String(value)
    }

    mutating func number(_ value: Double?, places: Int) {
        guard let value, value.isFinite else { return text += "null" }
        text += ReportTime.decimal(value, places: places)
    }

    mutating func date(_ value: Date?) {
        string(value.map(ReportTime.iso8601))
    }

    /// A JSON string literal: quotes, backslashes and control characters escaped, everything else as UTF-8.
    mutating func appendString(_ value: String) {
        text += "\""
        var plainStart = value.utf8.startIndex
        var index = plainStart
        let utf8 = value.utf8
        while index != utf8.endIndex {
            let byte = utf8[index]
            if byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
                text += Substring(utf8[plainStart..<index])
                switch byte {
                case UInt8(ascii: "\""): text += "\\\""
                case UInt8(ascii: "\\"): text += "\\\\"
                case 0x0A: text += "\\n"
                case 0x0D: text += "\\r"
                case 0x09: text += "\\t"
                default:
                    let hex = String(byte, radix: 16)
                    text += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                }
                plainStart = utf8.index(after: index)
            }
            index = utf8.index(after: index)
        }
        text += Substring(utf8[plainStart..<utf8.endIndex])
        text += "\""
    }
}
