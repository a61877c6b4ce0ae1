import Foundation

/// A ``ClassReport`` as plain text for a terminal: every line fits `width` columns (80 by default).
///
/// Three parts: the learner × lesson grid (lessons numbered, listed underneath), each exercise's numbers with its most
/// common failures, and the stuck learners. Names are shown on one line (control characters become spaces) and cut
/// with `…` where they do not fit; a course with more lessons than fit across is shown in several grids.
public enum ReportTable {
    /// How many failures of each kind the table shows per exercise.
    public static let failuresShown = 3

    /// The whole table, each line ending in a newline.
    public static func render(_ report: ClassReport, className: String? = nil, width: Int = 80) -> String {
        var lines: [String] = []
        let scope = report.classCode.map { code in "class \(code)" + (className.map { " (\($0))" } ?? "") } ?? "all learners"
        lines.append("KubeTutor report: \(scope), \(plural(report.learners.count, "learner")), \(ReportTime.iso8601(report.generatedAt))")
        lines.append("")
        grid(report, width: width, into: &lines)
        lines.append("")
        exercises(report, width: width, into: &lines)
        lines.append("")
        stuck(report, into: &lines)
        return lines.map { line in
            var line = fit(line, width)
            while line.last == " " { line.removeLast() }
            return line + "\n"
        }.joined()
    }

    // MARK: Parts

    private static let nameWidth = 20
    private static let handleWidth = 12
    private static let cellWidth = 5

    private static func grid(_ report: ClassReport, width: Int, into lines: inout [String]) {
        lines.append("Progress: done = completed, ~N = in progress with N attempts, . = not started")
        let lessons = report.outline.lessons
        let perBlock = max(1, (width - nameWidth - handleWidth - 1) / cellWidth)
        var start = 0
        repeat {
            let end = min(lessons.count, start + perBlock)
            var header = pad("Learner", nameWidth) + " " + pad("Handle", handleWidth)
            for number in start..<end { header += leftPad(String(number + 1), cellWidth) }
            lines.append(header)
            for line in report.learners {
                var text = pad(line.learner.displayName, nameWidth) + " " + pad(line.learner.handle, handleWidth)
                for cell in line.lessons[start..<end] {
                    let mark =
                        switch cell.status {
                        case .done: "done"
                        case .inProgress: "~\(cell.attempts)"
                        case .notStarted: "."
                        }
                    text += leftPad(mark, cellWidth)
                }
                lines.append(text)
            }
            if report.learners.isEmpty { lines.append("(no learners)") }
            start = end
        } while start < lessons.count
        for (index, lesson) in lessons.enumerated() {
            let title = lesson.title == lesson.id ? "" : ": \(lesson.title)"
            lines.append(leftPad(String(index + 1), 3) + " " + lesson.id + title)
        }
    }

    private static func exercises(_ report: ClassReport, width: Int, into lines: inout [String]) {
        let labelWidth = width - 46
        lines.append(
            pad("Exercise", labelWidth) + leftPad("tried", 7) + leftPad("passed", 7) + leftPad("rate", 6) + leftPad("tries", 7)
                + leftPad("time", 10))
        let numbers = Dictionary(report.outline.lessons.enumerated().map { ($1.id, $0 + 1) }, uniquingKeysWith: { first, _ in first })
        for statistics in report.exercises {
            let label = "\(numbers[statistics.lesson] ?? 0) \(statistics.lesson)/\(statistics.exercise)"
            let rate = statistics.passRate.map { "\(Int(($0 * 100).rounded()))%" } ?? "-"
            let tries = statistics.medianAttemptsToPass.map { ReportTime.decimal($0, places: 1) } ?? "-"
            let time = statistics.medianSecondsToPass.map(ReportTime.humanDuration) ?? "-"
            lines.append(
                pad(label, labelWidth) + leftPad(String(statistics.tried), 7) + leftPad(String(statistics.passed), 7) + leftPad(rate, 6)
                    + leftPad(tries, 7) + leftPad(time, 10))
            for failure in statistics.failingChecks.prefix(failuresShown) {
                lines.append("    check \(quoted(failure.pattern)): \(counts(failure))")
                lines.append("      e.g. " + oneLine(failure.example))
            }
            for failure in statistics.checkerMessages.prefix(failuresShown) {
                // The counts go first: a long message is cut at the end of the line, and the numbers matter most.
                lines.append("    error, \(counts(failure)): " + oneLine(failure.pattern))
            }
        }
        lines.append("(tries, time: medians over the learners who passed; time from first opening)")
    }

    private static func stuck(_ report: ClassReport, into lines: inout [String]) {
        let rule = report.stuckRule
        lines.append(
            "Stuck: \(rule.attemptsWithoutPass)+ attempts without a pass, or idle \(ReportTime.humanDuration(rule.idleInterval))"
                + (report.stuck.isEmpty ? ": nobody" : ""))
        for learner in report.stuck {
            let reasons = learner.reasons.map { reason in
                switch reason {
                case .manyAttempts(let lesson, let exercise, let attempts):
                    "\(lesson)/\(exercise) \(attempts) attempts, no pass"
                case .idle(let lastActivityAt, let seconds):
                    "idle \(ReportTime.humanDuration(seconds))" + (lastActivityAt == nil ? " (never started)" : "")
                }
            }
            lines.append("  " + fit(oneLine(learner.learner.displayName), 24) + " " + learner.learner.handle + ": " + reasons.joined(separator: "; "))
        }
    }

    // MARK: Text

    private static func counts(_ failure: FailurePattern) -> String {
        "\(plural(failure.learners, "learner")) (\(plural(failure.attempts, "attempt")))"
    }

    private static func plural(_ count: Int, _ noun: String) -> String {
        "\(count) \(noun)\(count == 1 ? "" : "s")"
    }

    private static func quoted(_ text: String) -> String {
        "\"" + oneLine(text) + "\""
    }

    /// `text` with line breaks, tabs and other control characters shown as spaces.
    static func oneLine(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { $0.properties.generalCategory == .control ? " " : $0 }))
    }

    /// `text` on one line, cut to `width` characters with `…` at the end when longer.
    static func fit(_ text: String, _ width: Int) -> String {
        let line = oneLine(text)
        guard line.count > width else { return line }
        return String(line.prefix(max(0, width - 1))) + "…"
    }

    /// `text` on one line, cut or padded with spaces to exactly `width` characters.
    static func pad(_ text: String, _ width: Int) -> String {
        let line = fit(text, width)
        return line + String(repeating: " ", count: max(0, width - line.count))
    }

    static func leftPad(_ text: String, _ width: Int) -> String {
        let line = fit(text, width)
        return String(repeating: " ", count: max(0, width - line.count)) + line
    }
}
