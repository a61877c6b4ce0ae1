import ClusterSim
import LessonKit
import Mustache

/// Every page of the site, rendered once from the lesson catalog when the server starts, with slots for
/// the learner's state; and the small templates that fill the slots per request.
public struct SitePages: Sendable {
    /// Element ids the layout and lesson template use, so that no heading anchor takes them.
    public static let layoutAnchors: Set<String> = ["main", "toc-title", "lessons-title"]

    /// `/`: the list of lessons.
    let index: PageFrame
    /// `/lessons/<id>`, keyed by lesson id.
    let lessons: [String: LessonPage]
    /// `/join`.
    let join: PageFrame
    /// The 404 page.
    let notFound: PageFrame
    /// The frame of an error page (the slot-free layout; rendered per error, which is rare).
    let layout: MustacheTemplate
    /// The slot templates.
    let templates: SlotTemplates
    /// The catalog the pages come from.
    let catalog: LessonCatalog

    /// Renders every page.
    /// - Throws: ``WebAppError`` if a built-in template does not parse.
    public init(catalog: LessonCatalog) throws(WebAppError) {
        self.catalog = catalog
        let layout = try Self.template("layout", PageTemplates.layout)
        let indexTemplate = try Self.template("index", PageTemplates.index)
        let lessonTemplate = try Self.template("lesson", PageTemplates.lesson)
        let notFoundTemplate = try Self.template("notFound", PageTemplates.notFound)
        let joinTemplate = try Self.template("join", PageTemplates.join)
        self.layout = layout
        templates = try SlotTemplates()

        let summaries = catalog.lessons.enumerated().map { offset, lesson in
            LessonSummaryView(lesson: lesson, number: offset + 1)
        }
        let listView = LessonListView(lessons: summaries)

        func frame(_ view: LayoutView) -> PageFrame {
            PageFrame(html: layout.render(view))
        }

        index = frame(
            LayoutView(
                pageTitle: "KubeTutor: Kubernetes networking, one idea at a time",
                description: "An offline, interactive tutorial for Kubernetes networking.",
                bodyClass: "page-index",
                content: indexTemplate.render(listView)
            )
        )
        notFound = frame(
            LayoutView(
                pageTitle: "Not found · KubeTutor",
                description: "There is nothing at this address.",
                bodyClass: "page-not-found",
                content: notFoundTemplate.render(listView)
            )
        )
        join = frame(
            LayoutView(
                pageTitle: "Join · KubeTutor",
                description: "Pick a handle to keep your progress.",
                bodyClass: "page-join",
                content: joinTemplate.render(listView)
            )
        )
        var lessons: [String: LessonPage] = [:]
        for (offset, lesson) in catalog.lessons.enumerated() {
            let view = LessonPageView(
                lesson: lesson,
                number: offset + 1,
                total: catalog.lessons.count,
                previous: catalog.lesson(before: lesson).map(LessonLinkView.init),
                next: catalog.lesson(after: lesson).map(LessonLinkView.init)
            )
            let frame = frame(
                LayoutView(
                    pageTitle: "\(lesson.title) · KubeTutor",
                    description: lesson.summary,
                    bodyClass: "page-lesson",
                    content: lessonTemplate.render(view)
                )
            )
            lessons[lesson.id] = LessonPage(lesson: lesson, frame: frame)
        }
        self.lessons = lessons
    }

    /// Parses one of the site's templates; every one escapes its `{{values}}` with ``ByteEscapedHTML``.
    static func template(_ name: String, _ text: String) throws(WebAppError) -> MustacheTemplate {
        do {
            return try MustacheTemplate(string: ByteEscapedHTML.pragma + text)
        } catch {
            throw WebAppError.brokenTemplate(name: name, detail: "\(error)")
        }
    }
}

/// The parsed slot templates.
struct SlotTemplates: Sendable {
    let learnerCorner: MustacheTemplate
    let courseProgress: MustacheTemplate
    let lessonProgress: MustacheTemplate
    let exercise: MustacheTemplate
    let result: MustacheTemplate
    let console: MustacheTemplate
    let quiz: MustacheTemplate
    let quizFeedback: MustacheTemplate
    let joinForm: MustacheTemplate
    let error: MustacheTemplate

    init() throws(WebAppError) {
        learnerCorner = try SitePages.template("learnerCorner", PageTemplates.learnerCorner)
        courseProgress = try SitePages.template("courseProgress", PageTemplates.courseProgress)
        lessonProgress = try SitePages.template("lessonProgress", PageTemplates.lessonProgress)
        exercise = try SitePages.template("exercise", PageTemplates.exercise)
        result = try SitePages.template("result", PageTemplates.result)
        console = try SitePages.template("console", PageTemplates.console)
        quiz = try SitePages.template("quiz", PageTemplates.quiz)
        quizFeedback = try SitePages.template("quizFeedback", PageTemplates.quizFeedback)
        joinForm = try SitePages.template("joinForm", PageTemplates.joinForm)
        error = try SitePages.template("error", PageTemplates.error)
    }
}

/// A lesson's page frame and what was prepared once for each of its exercises.
struct LessonPage: Sendable {
    let lesson: Lesson
    let frame: PageFrame
    /// Per exercise id.
    let exercises: [String: ExerciseFrame]

    init(lesson: Lesson, frame: PageFrame) {
        self.lesson = lesson
        self.frame = frame
        var exercises: [String: ExerciseFrame] = [:]
        for (index, exercise) in lesson.exercises.enumerated() {
            exercises[exercise.id] = ExerciseFrame(lesson: lesson, exercise: exercise, number: index + 1)
        }
        self.exercises = exercises
    }
}

/// The parts of an exercise that are the same for every learner, rendered once.
struct ExerciseFrame: Sendable {
    let lessonID: String
    let exercise: Exercise
    let number: Int
    let title: String
    let promptHTML: String
    let givenHTML: String
    let hintsHTML: String
    /// The cluster of the given manifests alone, drawn wide and narrow.
    let givenClusterWide: String
    let givenClusterNarrow: String
    /// Commands worth trying in the console.
    let consoleExamples: [String]

    init(lesson: Lesson, exercise: Exercise, number: Int) {
        lessonID = lesson.id
        self.exercise = exercise
        self.number = number
        title = Self.title(of: exercise.id)
        promptHTML = InteractiveHTML.paragraphs(exercise.prompt)
        givenHTML =
            exercise.given.isEmpty
            ? ""
            : "<details class=\"given\"><summary>Already in the cluster</summary><pre><code class=\"language-yaml\">"
                + exercise.given.htmlEscaped + "</code></pre></details>"
        hintsHTML = Self.hints(exercise.hints)
        let cluster = ExerciseGrader().grade(exercise, answer: "").cluster
        let diagram = ClusterDiagram(cluster: cluster)
        givenClusterWide = diagram.svg(id: "cluster-\(exercise.id)-given-wide", columns: 3)
        givenClusterNarrow = diagram.svg(id: "cluster-\(exercise.id)-given-narrow", columns: 1)
        consoleExamples = Self.examples(for: exercise, cluster: ExerciseGrader().grade(exercise, answer: exercise.solution).cluster)
    }

    /// `fix-selector` → `Fix selector`.
    static func title(of id: String) -> String {
        let words = id.split(separator: "-").joined(separator: " ")
        return words.prefix(1).uppercased() + words.dropFirst()
    }

    /// Hints one at a time without JavaScript: each hint's disclosure holds the next one.
    static func hints(_ hints: [String]) -> String {
        guard !hints.isEmpty else { return "" }
        var html = ""
        for (index, hint) in hints.enumerated() {
            html +=
                "<details class=\"hint\" data-hint><summary>Hint \(index + 1) of \(hints.count)</summary>\n<div class=\"hint-body\">"
                + InteractiveHTML.paragraphs(hint) + "</div>\n"
        }
        html += String(repeating: "</details>", count: hints.count)
        return "<div class=\"hints\" data-hints>\n" + html + "\n</div>"
    }

    /// `get pods -o wide`, `get svc`, and, from the exercise's checks and solution, a `describe` and an `exec ... curl`.
    static func examples(for exercise: Exercise, cluster: Cluster) -> [String] {
        var examples = ["get pods -o wide", "get svc"]
        if let service = cluster.services.first(where: { !$0.builtIn }) {
            examples.append("describe svc \(service.name)")
        }
        if !cluster.ingresses.isEmpty {
            examples.append("get ingress")
        }
        for check in exercise.checks {
            if case .reach(let from, let to, _, _, _, _) = check.kind, from.hasPrefix("pod/") {
                let target = to.hasPrefix("pod/") ? nil : to
                if let target {
                    examples.append("exec \(from.dropFirst(4)) -- curl \(target)")
                    break
                }
            }
        }
        return examples
    }
}

/// What the layout template shows.
struct LayoutView {
    let pageTitle: String
    let description: String
    let bodyClass: String
    /// Already-escaped HTML from another template.
    let content: String
}

/// What the index and 404 templates show.
struct LessonListView {
    let lessons: [LessonSummaryView]
    // Stored, not computed: Mustache looks values up through reflection, which sees stored properties only.
    let hasLessons: Bool

    init(lessons: [LessonSummaryView]) {
        self.lessons = lessons
        hasLessons = !lessons.isEmpty
    }
}

/// One lesson in a list.
struct LessonSummaryView {
    let id: String
    let number: Int
    let url: String
    let title: String
    let summary: String
    let minutes: Int
    /// `3 exercises · 5 questions`, or nil.
    let work: String?

    init(lesson: Lesson, number: Int) {
        id = lesson.id
        self.number = number
        url = LessonLinkView.url(of: lesson)
        title = lesson.title
        summary = lesson.summary
        minutes = lesson.minutes
        var parts: [String] = []
        if !lesson.exercises.isEmpty { parts.append(Plural.count(lesson.exercises.count, "exercise")) }
        if !lesson.quizzes.isEmpty { parts.append(Plural.count(lesson.quizzes.count, "question")) }
        work = parts.isEmpty ? nil : parts.joined(separator: " · ")
    }
}

/// A link to a lesson (previous / next).
struct LessonLinkView {
    let url: String
    let title: String

    init(lesson: Lesson) {
        url = Self.url(of: lesson)
        title = lesson.title
    }

    static func url(of lesson: Lesson) -> String {
        "/lessons/\(lesson.id)"
    }
}

/// One entry of a lesson's table of contents.
struct ContentsEntryView {
    let anchor: String
    let text: String
}

/// What the lesson template shows.
struct LessonPageView {
    let id: String
    let number: Int
    let total: Int
    let title: String
    let summary: String
    let minutes: Int
    /// HTML from ``LessonKit/HTMLRenderer`` with the exercise and quiz markers: every text in it is already escaped.
    let body: String
    let contents: [ContentsEntryView]
    let previous: LessonLinkView?
    let next: LessonLinkView?
    /// A table of contents helps from two sections on.
    let hasContents: Bool

    init(lesson: Lesson, number: Int, total: Int, previous: LessonLinkView?, next: LessonLinkView?) {
        id = lesson.id
        self.number = number
        self.total = total
        title = lesson.title
        summary = lesson.summary
        minutes = lesson.minutes
        body = lesson.rendered.html
        contents = lesson.rendered.headings.filter { $0.level == 2 }.map { ContentsEntryView(anchor: $0.anchor, text: $0.text) }
        hasContents = contents.count > 1
        self.previous = previous
        self.next = next
    }
}

/// English counts.
enum Plural {
    /// `1 exercise`, `3 exercises`.
    static func count(_ number: Int, _ noun: String) -> String {
        "\(number) \(noun)\(number == 1 ? "" : "s")"
    }
}
