import Foundation
import LessonKit
import ProgressStore

/// The report's two charts as inline SVG, readable without colour: done is solid, in progress hatched, not
/// started an empty outline; every bar carries its number as text, and each chart has a title, a description
/// and the same numbers as a table underneath.
enum ReportCharts {
    /// Completion per lesson: one stacked bar per lesson (done / in progress / not started).
    static func completion(_ report: ClassReport) -> String {
        let lessons = report.outline.lessons
        let total = report.learners.count
        let counts = lessons.indices.map { index in
            LessonStatus.allStatuses.map { status in
                report.learners.count { $0.lessons[index].status == status }
            }
        }
        let width = 360.0
        let barX = 0.0
        let barWidth = 360.0
        let rowHeight = 44.0
        let top = 8.0
        let height = top + Double(lessons.count) * rowHeight + 4
        var description: [String] = []
        var canvas = SVGCanvas(id: "chart-completion")
        for (index, lesson) in lessons.enumerated() {
            let y = top + Double(index) * rowHeight
            canvas.text(
                "\(index + 1). \(lesson.title)",
                x: barX,
                y: y + 10,
                className: "chart-label",
                maxCharacters: 50
            )
            var x = barX
            for (statusIndex, status) in LessonStatus.allStatuses.enumerated() {
                let count = counts[index][statusIndex]
                guard count > 0, total > 0 else { continue }
                let segment = barWidth * Double(count) / Double(total)
                canvas.rect(
                    x: x,
                    y: y + 16,
                    width: segment,
                    height: 20,
                    className: "chart-bar \(InstructorReportView.cellClass(status))",
                    title: "\(lesson.title): \(count) \(status.label)"
                )
                if segment >= 22 {
                    canvas.text(
                        "\(count)",
                        x: x + segment / 2,
                        y: y + 30,
                        className: "chart-value \(status == .done ? "on-dark" : "")",
                        anchor: "middle"
                    )
                }
                x += segment
            }
            if total == 0 {
                canvas.rect(
                    x: barX,
                    y: y + 16,
                    width: barWidth,
                    height: 20,
                    className: "chart-bar cell-none",
                    title: "no learners"
                )
            }
            description.append(
                "\(lesson.title): \(counts[index][0]) done, \(counts[index][1]) in progress, \(counts[index][2]) not started"
            )
        }
        let table = numbersTable(
            caption: "Completion per lesson",
            header: ["Lesson", "Done", "In progress", "Not started"],
            rows: lessons.enumerated().map { index, lesson in
                [lesson.title] + counts[index].map(String.init)
            }
        )
        return figure(
            id: "chart-completion",
            title: "Completion per lesson",
            description: description.joined(separator: "; ") + ".",
            svg: canvas.body,
            width: width,
            height: height,
            legend: legend([.done, .inProgress, .notStarted]),
            table: table
        )
    }

    /// The attempts histogram: learner × exercise pairs by the number of attempts, passed solid, not yet passed hatched.
    static func attempts(_ report: ClassReport) -> String {
        let buckets: [(label: String, range: ClosedRange<Int>)] = [
            ("1", 1...1), ("2", 2...2), ("3", 3...3), ("4", 4...4), ("5", 5...5), ("6–9", 6...9),
            ("10+", 10...Int.max),
        ]
        var passed = [Int](repeating: 0, count: buckets.count)
        var notPassed = [Int](repeating: 0, count: buckets.count)
        for row in report.rows where row.attempts > 0 {
            guard let index = buckets.firstIndex(where: { $0.range.contains(row.attempts) }) else {
                continue
            }
            if row.status == .passed { passed[index] += 1 } else { notPassed[index] += 1 }
        }
        let largest = max(1, zip(passed, notPassed).map { $0 + $1 }.max() ?? 1)
        let width = 360.0
        let plotTop = 20.0
        let plotHeight = 150.0
        let left = 8.0
        let slot = (width - left) / Double(buckets.count)
        let barWidth = slot * 0.62
        var canvas = SVGCanvas(id: "chart-attempts")
        canvas.line(
            x1: left,
            y1: plotTop + plotHeight,
            x2: width,
            y2: plotTop + plotHeight,
            className: "chart-axis"
        )
        for (index, bucket) in buckets.enumerated() {
            let x = left + Double(index) * slot + (slot - barWidth) / 2
            let passHeight = plotHeight * Double(passed[index]) / Double(largest)
            let failHeight = plotHeight * Double(notPassed[index]) / Double(largest)
            let base = plotTop + plotHeight
            if passed[index] > 0 {
                canvas.rect(
                    x: x,
                    y: base - passHeight,
                    width: barWidth,
                    height: passHeight,
                    className: "chart-bar cell-done",
                    title: "\(bucket.label) attempts: \(passed[index]) passed"
                )
            }
            if notPassed[index] > 0 {
                canvas.rect(
                    x: x,
                    y: base - passHeight - failHeight,
                    width: barWidth,
                    height: failHeight,
                    className: "chart-bar cell-progress",
                    title: "\(bucket.label) attempts: \(notPassed[index]) not passed"
                )
            }
            let sum = passed[index] + notPassed[index]
            canvas.text(
                "\(sum)",
                x: x + barWidth / 2,
                y: base - passHeight - failHeight - 5,
                className: "chart-value",
                anchor: "middle"
            )
            canvas.text(
                bucket.label,
                x: x + barWidth / 2,
                y: base + 16,
                className: "chart-label",
                anchor: "middle"
            )
        }
        canvas.text(
            "attempts per learner and exercise",
            x: width / 2,
            y: plotTop + plotHeight + 34,
            className: "chart-label chart-axis-title",
            anchor: "middle"
        )
        let description = buckets.indices.map {
            "\(buckets[$0].label) attempt\(buckets[$0].label == "1" ? "" : "s"): \(passed[$0]) passed, \(notPassed[$0]) not passed"
        }
        let table = numbersTable(
            caption: "Attempts histogram",
            header: ["Attempts", "Passed", "Not passed"],
            rows: buckets.indices.map { [buckets[$0].label, String(passed[$0]), String(notPassed[$0])] }
        )
        return figure(
            id: "chart-attempts",
            title: "Attempts per learner and exercise",
            description: description.joined(separator: "; ") + ".",
            svg: canvas.body,
            width: width,
            height: plotTop + plotHeight + 42,
            legend: legend([.done, .inProgress], labels: ["passed", "not passed yet"]),
            table: table
        )
    }

    // MARK: Parts

    private static func figure(
        id: String,
        title: String,
        description: String,
        svg: String,
        width: Double,
        height: Double,
        legend: String,
        table: String
    ) -> String {
        var html =
            "<figure class=\"chart\" id=\"\(id)\">\n<figcaption>\(title.htmlEscaped)</figcaption>\n"
        html +=
            "<svg class=\"chart-svg\" viewBox=\"0 0 \(SVGCanvas.number(width)) \(SVGCanvas.number(height))\" role=\"img\" "
        html += "aria-labelledby=\"\(id)-title \(id)-desc\" xmlns=\"http://www.w3.org/2000/svg\">\n"
        html +=
            "<title id=\"\(id)-title\">\(title.htmlEscaped)</title>\n<desc id=\"\(id)-desc\">\(description.htmlEscaped)</desc>\n"
        html += hatchPattern(id: id)
        html += svg.replacingOccurrences(
            of: "class=\"chart-bar cell-progress\"",
            with: "class=\"chart-bar cell-progress\" fill=\"url(#\(id)-hatch)\""
        )
        html += "</svg>\n" + legend + table + "</figure>\n"
        return html
    }

    /// Diagonal stripes: in progress / not passed, told apart from solid without colour.
    private static func hatchPattern(id: String) -> String {
        "<defs><pattern id=\"\(id)-hatch\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">"
            + "<rect width=\"6\" height=\"6\" class=\"chart-hatch-ground\"/><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" class=\"chart-hatch-line\"/></pattern></defs>\n"
    }

    private static func legend(_ statuses: [LessonStatus], labels: [String]? = nil) -> String {
        var html = "<ul class=\"chart-legend\">\n"
        for (index, status) in statuses.enumerated() {
            html +=
                "<li><span class=\"swatch swatch-\(status.rawValue)\" aria-hidden=\"true\"></span> \((labels?[index] ?? status.label).htmlEscaped)</li>\n"
        }
        return html + "</ul>\n"
    }

    private static func numbersTable(caption: String, header: [String], rows: [[String]]) -> String {
        var html =
            "<details class=\"chart-numbers\"><summary>The numbers</summary>\n<table>\n<caption class=\"visually-hidden\">\(caption.htmlEscaped)</caption>\n<tr>"
        html +=
            header.enumerated().map {
                "<th scope=\"col\"\($0.offset > 0 ? " class=\"grid-number\"" : "")>\($0.element.htmlEscaped)</th>"
            }.joined() + "</tr>\n"
        for row in rows {
            html +=
                "<tr>"
                + row.enumerated().map { index, cell in
                    index == 0
                        ? "<th scope=\"row\">\(cell.htmlEscaped)</th>"
                        : "<td class=\"grid-number\">\(cell.htmlEscaped)</td>"
                }.joined() + "</tr>\n"
        }
        return html + "</table>\n</details>\n"
    }
}

extension LessonStatus {
    static let allStatuses: [LessonStatus] = [.done, .inProgress, .notStarted]

    var label: String {
        switch self {
        case .done: "done"
        case .inProgress: "in progress"
        case .notStarted: "not started"
        }
    }
}
