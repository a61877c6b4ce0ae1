import Foundation
import LessonKit
import ProgressStore

/// The parts of a report page: the grid, the charts, the exercise statistics and the stuck learners.
enum InstructorReportView {
    // MARK: Grid

    static func grid(_ report: ClassReport, sort: GridSort, base: String) -> String {
        let lessons = report.outline.lessons
        var html =
            "<section class=\"instructor-section\" aria-labelledby=\"grid-title\">\n<h2 id=\"grid-title\">Progress</h2>\n"
        html +=
            "<p class=\"grid-legend\"><span class=\"cell-mark cell-done\" aria-hidden=\"true\">✓</span> done · "
        html +=
            "<span class=\"cell-mark cell-progress\" aria-hidden=\"true\">…</span> in progress (attempts so far) · "
        html += "<span class=\"cell-mark cell-none\" aria-hidden=\"true\">–</span> not started</p>\n"
        guard !report.learners.isEmpty else {
            return html + "<p class=\"empty\">No learners yet.</p>\n</section>\n"
        }
        html +=
            "<div class=\"table-scroll\" tabindex=\"0\" role=\"region\" aria-labelledby=\"grid-title\">\n<table class=\"progress-grid\">\n"
        html +=
            "<caption class=\"visually-hidden\">Learners by lesson, sorted by \(sort.rawValue)</caption>\n<thead>\n<tr>\n"
        func sortHeader(_ key: GridSort, _ label: String, _ className: String = "") -> String {
            let current = key == sort
            let aria =
                current
                ? " aria-sort=\"\(key == .name || key == .handle ? "ascending" : "descending")\"" : ""
            let link =
                "<a href=\"\(base.htmlEscaped)?sort=\(key.rawValue)\"\(current ? " aria-current=\"true\"" : "")>\(label.htmlEscaped)"
                + (current
                    ? " <span aria-hidden=\"true\">\(key == .name || key == .handle ? "▲" : "▼")</span>" : "")
                + "</a>"
            return "<th scope=\"col\" class=\"\(className)\"\(aria)>\(link)</th>\n"
        }
        html += sortHeader(.name, "Learner", "grid-learner")
        for (index, lesson) in lessons.enumerated() {
            html +=
                "<th scope=\"col\" class=\"grid-lesson\"><abbr title=\"\(lesson.title.htmlEscaped)\">\(index + 1)</abbr>"
            html += "<span class=\"visually-hidden\"> \(lesson.title.htmlEscaped)</span></th>\n"
        }
        html += sortHeader(.progress, "Done", "grid-number")
        html += sortHeader(.attempts, "Attempts", "grid-number")
        html += sortHeader(.activity, "Last active", "grid-activity")
        html += "</tr>\n</thead>\n<tbody>\n"
        for line in sort.sorted(report.learners) {
            let learner = line.learner
            html +=
                "<tr>\n<th scope=\"row\" class=\"grid-learner\"><a href=\"/instructor/learners/\(learner.handle.urlPathEscaped.htmlEscaped)\">"
            html +=
                "\(learner.displayName.htmlEscaped)</a> <span class=\"grid-handle\">@\(learner.handle.htmlEscaped)</span></th>\n"
            for cell in line.lessons {
                html +=
                    "<td class=\"grid-cell \(cellClass(cell.status))\" data-status=\"\(cell.status.rawValue)\">\(cellText(cell))</td>\n"
            }
            let done = line.lessons.count { $0.status == .done }
            let attempts = line.lessons.reduce(0) { $0 + $1.attempts }
            html += "<td class=\"grid-number\" data-done=\"\(done)\">\(done)/\(lessons.count)</td>\n"
            html += "<td class=\"grid-number\" data-attempts=\"\(attempts)\">\(attempts)</td>\n"
            html +=
                "<td class=\"grid-activity\">\(line.lastActivityAt.map { timeElement($0) } ?? "never")</td>\n</tr>\n"
        }
        html += "</tbody>\n</table>\n</div>\n"
        html +=
            "<p class=\"sort-links\">Sort by: "
            + GridSort.allCases.map { key in
                key == sort
                    ? "<strong>\(key.rawValue)</strong>"
                    : "<a href=\"\(base.htmlEscaped)?sort=\(key.rawValue)\">\(key.rawValue)</a>"
            }.joined(separator: " · ") + "</p>\n"
        html +=
            "<ol class=\"lesson-key\">\n" + lessons.map { "<li>\($0.title.htmlEscaped)</li>\n" }.joined()
            + "</ol>\n"
        return html + "</section>\n"
    }

    static func cellClass(_ status: LessonStatus) -> String {
        switch status {
        case .done: "cell-done"
        case .inProgress: "cell-progress"
        case .notStarted: "cell-none"
        }
    }

    /// A cell's words: a mark for the eye and the full sentence for a screen reader.
    static func cellText(_ cell: LessonCell) -> String {
        switch cell.status {
        case .done:
            return "<span aria-hidden=\"true\">✓</span><span class=\"visually-hidden\">done</span>"
        case .inProgress:
            return
                "<span aria-hidden=\"true\">…\(cell.attempts)</span><span class=\"visually-hidden\">in progress, "
                + Plural.count(cell.attempts, "attempt") + "</span>"
        case .notStarted:
            return "<span aria-hidden=\"true\">–</span><span class=\"visually-hidden\">not started</span>"
        }
    }

    static func timeElement(_ date: Date) -> String {
        let text = ReportTime.iso8601(date)
        let shown = text.replacingOccurrences(of: "T", with: " ").replacingOccurrences(
            of: "Z",
            with: " UTC"
        )
        return "<time datetime=\"\(text)\">\(shown.htmlEscaped)</time>"
    }

    // MARK: Charts

    static func charts(_ report: ClassReport) -> String {
        var html =
            "<section class=\"instructor-section\" aria-labelledby=\"charts-title\">\n<h2 id=\"charts-title\">At a glance</h2>\n"
        html += "<div class=\"chart-row\">\n"
        html += ReportCharts.completion(report)
        html += ReportCharts.attempts(report)
        html += "</div>\n</section>\n"
        return html
    }

    // MARK: Exercises

    /// One row per exercise with its numbers, then the common mistakes of the exercises that had any.
    static func exercises(_ report: ClassReport) -> String {
        var html =
            "<section class=\"instructor-section\" aria-labelledby=\"exercises-title\">\n<h2 id=\"exercises-title\">Exercises</h2>\n"
        html +=
            "<p class=\"section-note\">Medians are over the learners who passed; time counts from first opening the exercise.</p>\n"
        guard !report.exercises.isEmpty else {
            return html + "<p class=\"empty\">The course has no exercises.</p>\n</section>\n"
        }
        let titles = Dictionary(
            report.outline.lessons.map { ($0.id, $0.title) },
            uniquingKeysWith: { first, _ in first }
        )
        let numbers = Dictionary(
            report.outline.lessons.enumerated().map { ($1.id, $0 + 1) },
            uniquingKeysWith: { first, _ in first }
        )
        html +=
            "<div class=\"table-scroll\" tabindex=\"0\" role=\"region\" aria-labelledby=\"exercises-title\">\n<table class=\"stats-table\">\n"
        html +=
            "<thead><tr><th scope=\"col\">Exercise</th><th scope=\"col\" class=\"grid-number\">Tried</th>"
        html +=
            "<th scope=\"col\" class=\"grid-number\">Passed</th><th scope=\"col\" class=\"grid-number\">Pass rate</th>"
        html +=
            "<th scope=\"col\" class=\"grid-number\">Median attempts to pass</th><th scope=\"col\" class=\"grid-number\">Median time to pass</th></tr></thead>\n<tbody>\n"
        for statistics in report.exercises {
            let lesson = titles[statistics.lesson] ?? statistics.lesson
            html +=
                "<tr><th scope=\"row\"><span class=\"exercise-lesson\">\(numbers[statistics.lesson].map { "\($0). " } ?? "")\(lesson.htmlEscaped)</span> "
            html += "<span class=\"exercise-id\">\(statistics.exercise.htmlEscaped)</span></th>\n"
            html += stat(
                "\(statistics.tried) of \(statistics.learners)",
                key: "tried",
                raw: String(statistics.tried)
            )
            html += stat("\(statistics.passed)", key: "passed", raw: String(statistics.passed))
            html += stat(
                statistics.passRate.map(percent) ?? "–",
                key: "pass-rate",
                raw: statistics.passRate.map(percent) ?? ""
            )
            html += stat(
                statistics.medianAttemptsToPass.map(decimal) ?? "–",
                key: "median-attempts",
                raw: statistics.medianAttemptsToPass.map(decimal) ?? ""
            )
            html += stat(
                statistics.medianSecondsToPass.map(ReportTime.humanDuration) ?? "–",
                key: "median-time",
                raw: statistics.medianSecondsToPass.map(ReportTime.seconds) ?? ""
            )
            html += "</tr>\n"
        }
        html += "</tbody>\n</table>\n</div>\n"
        let failing = report.exercises.filter {
            !$0.failingChecks.isEmpty || !$0.checkerMessages.isEmpty
        }
        html += "<h3 class=\"mistakes-title\">Common mistakes</h3>\n"
        guard !failing.isEmpty else {
            return html + "<p class=\"empty\">No failed attempts yet.</p>\n</section>\n"
        }
        for statistics in failing {
            let id = "mistakes-\(statistics.lesson)-\(statistics.exercise)"
            html += "<article class=\"exercise-stats\" aria-labelledby=\"\(id.htmlEscaped)\">\n"
            html +=
                "<h4 id=\"\(id.htmlEscaped)\"><span class=\"exercise-lesson\">\((titles[statistics.lesson] ?? statistics.lesson).htmlEscaped)</span> "
            html += "<span class=\"exercise-id\">\(statistics.exercise.htmlEscaped)</span></h4>\n"
            html += failures("Failing checks", statistics.failingChecks, kind: "check")
            html += failures("Checker messages", statistics.checkerMessages, kind: "message")
            html += "</article>\n"
        }
        return html + "</section>\n"
    }

    private static func stat(_ shown: String, key: String, raw: String) -> String {
        "<td class=\"grid-number\" data-stat=\"\(key)\" data-value=\"\(raw.htmlEscaped)\">\(shown.htmlEscaped)</td>\n"
    }

    private static func failures(
        _ title: String,
        _ patterns: [FailurePattern],
        kind: String
    )
        -> String
    {
        guard !patterns.isEmpty else { return "" }
        var html = "<h5>\(title.htmlEscaped)</h5>\n<ul class=\"failure-list\">\n"
        for pattern in patterns {
            html += "<li class=\"failure\" data-kind=\"\(kind)\" data-learners=\"\(pattern.learners)\">"
            html += "<span class=\"failure-pattern\">\(pattern.pattern.htmlEscaped)</span>: "
            html +=
                "<strong class=\"failure-count\">\(Plural.count(pattern.learners, "learner"))</strong> "
            html +=
                "<span class=\"failure-attempts\">(\(Plural.count(pattern.attempts, "attempt")))</span>"
            if pattern.example != pattern.pattern {
                html +=
                    "<div class=\"failure-example\"><span class=\"example-label\">e.g.</span> <q>\(pattern.example.htmlEscaped)</q></div>"
            }
            html += "</li>\n"
        }
        return html + "</ul>\n"
    }

    static func percent(_ rate: Double) -> String {
        "\(Int((rate * 100).rounded()))%"
    }

    /// `2`, `2.5`: one decimal at most.
    static func decimal(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }

    // MARK: Stuck

    static func stuck(_ report: ClassReport) -> String {
        let rule = report.stuckRule
        var html =
            "<section class=\"instructor-section\" aria-labelledby=\"stuck-title\">\n<h2 id=\"stuck-title\">Stuck learners</h2>\n"
        html +=
            "<p class=\"section-note\">\(rule.attemptsWithoutPass) or more attempts at an exercise without a pass, or nothing done for "
        html += "\(ReportTime.humanDuration(rule.idleInterval).htmlEscaped) before finishing.</p>\n"
        guard !report.stuck.isEmpty else {
            return html + "<p class=\"empty\">Nobody seems stuck.</p>\n</section>\n"
        }
        let titles = Dictionary(
            report.outline.lessons.map { ($0.id, $0.title) },
            uniquingKeysWith: { first, _ in first }
        )
        html += "<ul class=\"stuck-list\">\n"
        for learner in report.stuck {
            html +=
                "<li data-handle=\"\(learner.learner.handle.htmlEscaped)\"><a href=\"/instructor/learners/\(learner.learner.handle.urlPathEscaped.htmlEscaped)\">"
            html +=
                "\(learner.learner.displayName.htmlEscaped)</a> <span class=\"grid-handle\">@\(learner.learner.handle.htmlEscaped)</span>\n<ul>\n"
            for reason in learner.reasons {
                switch reason {
                case .manyAttempts(let lesson, let exercise, let attempts):
                    html +=
                        "<li>\(Plural.count(attempts, "attempt")) at <strong>\((titles[lesson] ?? lesson).htmlEscaped) / \(exercise.htmlEscaped)</strong>, no pass</li>\n"
                case .idle(let lastActivityAt, let seconds):
                    html +=
                        "<li>Idle for \(ReportTime.humanDuration(seconds).htmlEscaped)"
                        + (lastActivityAt == nil ? " (never started)" : "") + "</li>\n"
                }
            }
            html += "</ul>\n</li>\n"
        }
        return html + "</ul>\n</section>\n"
    }
}
