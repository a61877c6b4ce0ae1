import Foundation
import LessonKit
import ProgressStore

/// The parts of `/instructor/learners/{handle}`: where the learner stands per lesson, and their timeline.
enum InstructorLearnerView {
    static func lessons(_ line: LearnerLine?, outline: CourseOutline) -> String {
        var html =
            "<section class=\"instructor-section\" aria-labelledby=\"lessons-title\">\n<h2 id=\"lessons-title\">Lessons</h2>\n"
        guard let line else { return html + "<p class=\"empty\">No progress yet.</p>\n</section>\n" }
        html += "<ul class=\"learner-lessons\">\n"
        for (index, cell) in line.lessons.enumerated() {
            let title = index < outline.lessons.count ? outline.lessons[index].title : cell.lesson
            var state = cell.status.label
            if cell.exercises > 0 {
                state += " · \(cell.exercisesPassed) of \(Plural.count(cell.exercises, "exercise")) passed"
            }
            if cell.attempts > 0 { state += " · " + Plural.count(cell.attempts, "attempt") }
            html +=
                "<li class=\"\(InstructorReportView.cellClass(cell.status))\" data-lesson=\"\(cell.lesson.htmlEscaped)\">"
            html +=
                "<span class=\"cell-mark \(InstructorReportView.cellClass(cell.status))\" aria-hidden=\"true\">\(mark(cell.status))</span> "
            html +=
                "<strong>\(title.htmlEscaped)</strong> <span class=\"lesson-state\">\(state.htmlEscaped)</span></li>\n"
        }
        return html + "</ul>\n</section>\n"
    }

    static func mark(_ status: LessonStatus) -> String {
        switch status {
        case .done: "✓"
        case .inProgress: "…"
        case .notStarted: "–"
        }
    }

    static func timeline(_ entries: [TimelineEntry]) -> String {
        var html =
            "<section class=\"instructor-section\" aria-labelledby=\"timeline-title\">\n<h2 id=\"timeline-title\">Timeline</h2>\n"
        guard !entries.isEmpty else {
            return html + "<p class=\"empty\">Nothing submitted yet.</p>\n</section>\n"
        }
        html +=
            "<p class=\"section-note\">\(Plural.count(entries.count, "entry").replacingOccurrences(of: "entrys", with: "entries")), oldest first.</p>\n"
        html += "<ol class=\"timeline\">\n"
        var attemptNumbers: [String: Int] = [:]
        for entry in entries {
            switch entry {
            case .attempt(let attempt):
                let key = attempt.lesson + "/" + attempt.exercise
                attemptNumbers[key, default: 0] += 1
                html +=
                    "<li class=\"timeline-attempt \(attempt.passed ? "is-pass" : "is-fail")\">\n<div class=\"timeline-head\">"
                html += InstructorReportView.timeElement(attempt.createdAt)
                html +=
                    " <span class=\"timeline-what\">\(attempt.lesson.htmlEscaped) / <strong>\(attempt.exercise.htmlEscaped)</strong>, attempt \(attemptNumbers[key]!)</span> "
                html +=
                    "<span class=\"verdict \(attempt.passed ? "is-pass" : "is-fail")\"><span aria-hidden=\"true\">\(attempt.passed ? "✓" : "✗")</span> "
                html += "\(attempt.passed ? "passed" : "failed")</span></div>\n"
                if !attempt.checks.isEmpty {
                    html += "<ul class=\"timeline-checks\">\n"
                    for check in attempt.checks {
                        html +=
                            "<li class=\"\(check.passed ? "is-pass" : "is-fail")\"><span aria-hidden=\"true\">\(check.passed ? "✓" : "✗")</span>"
                        html += "<span class=\"visually-hidden\">\(check.passed ? "passed" : "failed"):</span> "
                        html +=
                            "\(check.name.htmlEscaped)<span class=\"check-message\">: \(check.message.htmlEscaped)</span></li>\n"
                    }
                    html += "</ul>\n"
                }
                if let error = attempt.firstErrorMessage {
                    html +=
                        "<p class=\"timeline-error\"><span class=\"example-label\">Checker:</span> \(error.htmlEscaped)"
                    let more = attempt.errorCount - 1
                    html +=
                        more > 0 ? " <span class=\"more\">(and \(Plural.count(more, "more error")))</span>" : ""
                    html += "</p>\n"
                }
                html +=
                    "<details class=\"timeline-yaml\"\(attempt.passed ? "" : " open")><summary>YAML submitted</summary>"
                html +=
                    "<pre><code class=\"language-yaml\">\(attempt.yaml.htmlEscaped)</code></pre></details>\n</li>\n"
            case .quizAnswer(let answer):
                html +=
                    "<li class=\"timeline-quiz \(answer.correct ? "is-pass" : "is-fail")\"><div class=\"timeline-head\">"
                html += InstructorReportView.timeElement(answer.createdAt)
                html +=
                    " <span class=\"timeline-what\">\(answer.lesson.htmlEscaped) / question <strong>\(answer.quiz.htmlEscaped)</strong>: "
                html +=
                    "chose \(Character(UnicodeScalar(UInt8(65 + min(max(answer.chosenIndex, 0), 25)))))</span> "
                html +=
                    "<span class=\"verdict \(answer.correct ? "is-pass" : "is-fail")\"><span aria-hidden=\"true\">\(answer.correct ? "✓" : "✗")</span> "
                html += "\(answer.correct ? "right" : "wrong")</span></div></li>\n"
            }
        }
        return html + "</ol>\n</section>\n"
    }
}
