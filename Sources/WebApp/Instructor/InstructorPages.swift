import Foundation
import Hummingbird
import LessonKit
import ProgressStore

/// The instructor's pages, written as HTML in Swift: every learner-given text (handle, name, YAML, checker
/// messages) passes through ``LessonKit/Swift/String/htmlEscaped`` before it reaches the page.
struct InstructorPages: Sendable {
    let pages: SitePages
    let renderer: PageRenderer

    /// `/instructor` and `/instructor/classes/{code}`.
    func report(
        _ report: ClassReport,
        classroom: Classroom?,
        classes: [Classroom],
        sort: GridSort,
        formError: String? = nil,
        form: (code: String, name: String) = ("", ""),
        learner: Learner?,
        status: HTTPResponse.Status = .ok
    ) -> Response {
        let base = classroom.map { "/instructor/classes/\($0.code.urlPathEscaped)" } ?? "/instructor"
        let title = classroom.map { "Class \($0.code)" } ?? "All learners"
        var html = "<div class=\"instructor\">\n"
        html += header(
            eyebrow: "Instructor",
            title: title,
            lede: (classroom.map { $0.name + " · " } ?? "")
                + Plural.count(report.learners.count, "learner") + " · "
                + Plural.count(report.outline.lessons.count, "lesson"),
            classes: classes,
            current: classroom?.code,
            exportQuery: classroom.map { "?class=\($0.code.urlQueryEscaped)" } ?? ""
        )
        if let classroom {
            html +=
                "<p class=\"instructor-join\">Learners join this class at <a href=\"/join?class=\(classroom.code.urlQueryEscaped.htmlEscaped)\"><code>/join?class=\(classroom.code.htmlEscaped)</code></a>.</p>\n"
        } else {
            html += classesSection(classes, error: formError, form: form)
        }
        html += InstructorReportView.grid(report, sort: sort, base: base)
        html += InstructorReportView.charts(report)
        html += InstructorReportView.exercises(report)
        html += InstructorReportView.stuck(report)
        html += "</div>\n"
        return page(
            title: "\(title) · Instructor · KubeTutor",
            content: html,
            learner: learner,
            status: status
        )
    }

    /// `/instructor/learners/{handle}`: the learner's lessons and every attempt with its YAML.
    func learner(
        _ subject: Learner,
        line: LearnerLine?,
        outline: CourseOutline,
        timeline: [TimelineEntry],
        classes: [Classroom],
        learner: Learner?
    ) -> Response {
        var html = "<div class=\"instructor\">\n"
        let lede =
            "@\(subject.handle)" + (subject.classCode.map { " · class \($0)" } ?? "") + " · joined "
            + ReportTime.iso8601(subject.createdAt)
        html += header(
            eyebrow: "Learner",
            title: subject.displayName,
            lede: lede,
            classes: classes,
            current: nil,
            exportQuery: nil
        )
        html += InstructorLearnerView.lessons(line, outline: outline)
        html += InstructorLearnerView.timeline(timeline)
        html += "</div>\n"
        return page(
            title: "\(subject.displayName) · Instructor · KubeTutor",
            content: html,
            learner: learner,
            status: .ok
        )
    }

    /// `/instructor/login`, also the answer to any instructor page without the token (401).
    func signIn(learner: Learner?, error: String?, status: HTTPResponse.Status) -> Response {
        var html =
            "<div class=\"instructor instructor-signin\">\n<p class=\"eyebrow\">Instructor</p>\n<h1>Instructor sign-in</h1>\n"
        html +=
            "<p class=\"lead\">The reports need the instructor token: the one given to <code>kubetutor serve --instructor-token</code> "
        html +=
            "or <code>KUBETUTOR_INSTRUCTOR_TOKEN</code>, or the sign-in link the server printed when it started.</p>\n"
        if let error {
            html += "<p class=\"form-error\" role=\"alert\" id=\"token-error\">\(error.htmlEscaped)</p>\n"
        }
        html += """
            <form class="join-form" method="post" action="/instructor/login">
            <div class="field">
            <label for="token">Instructor token</label>
            <input id="token" name="token" type="password" required autocomplete="current-password" autocapitalize="off" spellcheck="false"\(error == nil ? "" : " aria-describedby=\"token-error\"")>
            </div>
            <button class="button" type="submit">Sign in</button>
            </form>
            </div>

            """
        return page(
            title: "Instructor sign-in · KubeTutor",
            content: html,
            learner: learner,
            status: status
        )
    }

    // MARK: Parts

    private func header(
        eyebrow: String,
        title: String,
        lede: String,
        classes: [Classroom],
        current: String?,
        exportQuery: String?
    ) -> String {
        var html =
            "<header class=\"instructor-head\">\n<p class=\"eyebrow\">\(eyebrow.htmlEscaped)</p>\n<h1>\(title.htmlEscaped)</h1>\n"
        html += "<p class=\"lead\">\(lede.htmlEscaped)</p>\n"
        html += "<nav class=\"instructor-nav\" aria-label=\"Instructor\">\n<ul>\n"
        html +=
            "<li><a href=\"/instructor\"\(current == nil && exportQuery != nil ? " aria-current=\"page\"" : "")>All learners</a></li>\n"
        for classroom in classes {
            let isCurrent = current.map { $0.lowercased() == classroom.code.lowercased() } ?? false
            html +=
                "<li><a href=\"/instructor/classes/\(classroom.code.urlPathEscaped.htmlEscaped)\"\(isCurrent ? " aria-current=\"page\"" : "")>"
            html += "Class \(classroom.code.htmlEscaped)</a></li>\n"
        }
        html += "</ul>\n<div class=\"instructor-actions\">\n"
        if let exportQuery {
            html +=
                "<a class=\"button button-quiet\" href=\"/instructor/report.csv\(exportQuery.htmlEscaped)\" download>Download CSV</a>\n"
            html +=
                "<a class=\"button button-quiet\" href=\"/instructor/report.json\(exportQuery.htmlEscaped)\">JSON</a>\n"
        }
        html +=
            "<form method=\"post\" action=\"/instructor/logout\" class=\"instructor-signout\"><button class=\"button button-quiet\" type=\"submit\">Sign out</button></form>\n"
        html += "</div>\n</nav>\n</header>\n"
        return html
    }

    private func classesSection(
        _ classes: [Classroom],
        error: String?,
        form: (code: String, name: String)
    ) -> String {
        var html =
            "<section class=\"instructor-section\" aria-labelledby=\"classes-title\">\n<h2 id=\"classes-title\">Classes</h2>\n"
        if classes.isEmpty {
            html += "<p>No classes yet. Create one and give its join link to your learners.</p>\n"
        } else {
            html += "<ul class=\"class-list\">\n"
            for classroom in classes {
                let code = classroom.code
                html +=
                    "<li><a href=\"/instructor/classes/\(code.urlPathEscaped.htmlEscaped)\"><strong>\(code.htmlEscaped)</strong></a> "
                html += "<span class=\"class-name\">\(classroom.name.htmlEscaped)</span> "
                html +=
                    "<span class=\"class-join\">join: <code>/join?class=\(code.htmlEscaped)</code></span></li>\n"
            }
            html += "</ul>\n"
        }
        html += "<form class=\"class-form\" method=\"post\" action=\"/instructor/classes\">\n"
        if let error {
            html += "<p class=\"form-error\" role=\"alert\" id=\"class-error\">\(error.htmlEscaped)</p>\n"
        }
        html += """
            <div class="field">
            <label for="class-code">Join code</label>
            <input id="class-code" name="code" value="\(form.code.htmlEscaped)" required maxlength="32" autocapitalize="off" spellcheck="false" aria-describedby="class-code-help">
            <p class="field-help" id="class-code-help">1 to 32 letters, digits, “-”, “_” or “.”, like <code>k8s-monday</code>.</p>
            </div>
            <div class="field">
            <label for="class-name">Name</label>
            <input id="class-name" name="name" value="\(form.name.htmlEscaped)" required maxlength="80">
            </div>
            <button class="button" type="submit">Create class</button>
            </form>
            </section>

            """
        return html
    }

    private func page(
        title: String,
        content: String,
        learner: Learner?,
        status: HTTPResponse.Status
    )
        -> Response
    {
        let html = pages.layout.render(
            LayoutView(
                pageTitle: title,
                description: "Instructor reports",
                bodyClass: "page-instructor",
                content: content
            )
        )
        var response = PageFrame(html: html).response(status: status) { slot in
            slot == .learner ? renderer.learnerCorner(learner, next: "/") : ""
        }
        response.headers[HTTPFields.xRobotsTag] = "noindex"
        return response
    }
}

/// How the grid is ordered: `?sort=` on the report pages.
enum GridSort: String, CaseIterable, Sendable {
    case name, handle, progress, attempts, activity

    /// The sort the query names; by name when absent or unknown.
    init(query: Substring?) {
        self = query.flatMap { GridSort(rawValue: String($0)) } ?? .name
    }

    /// Orders the grid's lines: progress, attempts and activity put the most first; ties go by handle.
    func sorted(_ lines: [LearnerLine]) -> [LearnerLine] {
        func handle(_ line: LearnerLine) -> String { line.learner.handle.lowercased() }
        func done(_ line: LearnerLine) -> (Int, Int) {
            (
                line.lessons.count { $0.status == .done },
                line.lessons.reduce(0) { $0 + $1.exercisesPassed }
            )
        }
        func attempts(_ line: LearnerLine) -> Int { line.lessons.reduce(0) { $0 + $1.attempts } }
        return lines.sorted { lhs, rhs in
            switch self {
            case .name:
                let (left, right) = (
                    lhs.learner.displayName.lowercased(), rhs.learner.displayName.lowercased()
                )
                return left != right ? left < right : handle(lhs) < handle(rhs)
            case .handle:
                return handle(lhs) < handle(rhs)
            case .progress:
                let (left, right) = (done(lhs), done(rhs))
                return left != right ? left > right : handle(lhs) < handle(rhs)
            case .attempts:
                let (left, right) = (attempts(lhs), attempts(rhs))
                return left != right ? left > right : handle(lhs) < handle(rhs)
            case .activity:
                let (left, right) = (lhs.lastActivityAt ?? .distantPast, rhs.lastActivityAt ?? .distantPast)
                return left != right ? left > right : handle(lhs) < handle(rhs)
            }
        }
    }
}

extension HTTPFields {
    static let xRobotsTag = HTTPFields.Element.Name("X-Robots-Tag")!
}

extension String {
    /// For a path segment: handles and class codes are ASCII letters, digits, `-`, `_`, `.` already; anything else is percent-encoded.
    var urlPathEscaped: String {
        addingPercentEncoding(
            withAllowedCharacters: .urlPathAllowed.subtracting(CharacterSet(charactersIn: "/?#"))
        ) ?? self
    }

    /// For a query value.
    var urlQueryEscaped: String {
        addingPercentEncoding(
            withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-._~"))
        ) ?? self
    }
}
