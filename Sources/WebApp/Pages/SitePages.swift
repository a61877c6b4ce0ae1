import LessonKit
import Mustache

/// Every page of the site, rendered once from the lesson catalog when the server starts.
public struct SitePages: Sendable {
    /// Element ids the layout and lesson template use, so that no heading anchor takes them.
    public static let layoutAnchors: Set<String> = ["main", "toc-title", "lessons-title"]

    /// `/`: the list of lessons.
    public let index: HTMLPage
    /// `/lessons/<id>`, keyed by lesson id.
    public let lessons: [String: HTMLPage]
    /// The 404 page.
    public let notFound: HTMLPage

    /// Renders every page.
    /// - Throws: ``WebAppError`` if a built-in template does not parse.
    public init(catalog: LessonCatalog) throws(WebAppError) {
        let layout = try Self.template("layout", PageTemplates.layout)
        let indexTemplate = try Self.template("index", PageTemplates.index)
        let lessonTemplate = try Self.template("lesson", PageTemplates.lesson)
        let notFoundTemplate = try Self.template("notFound", PageTemplates.notFound)

        let summaries = catalog.lessons.enumerated().map { offset, lesson in
            LessonSummaryView(lesson: lesson, number: offset + 1)
        }
        let listView = LessonListView(lessons: summaries)

        func page(_ view: LayoutView) -> HTMLPage {
            HTMLPage(html: layout.render(view))
        }

        index = page(
            LayoutView(
                pageTitle: "KubeTutor: Kubernetes networking, one idea at a time",
                description: "An offline, interactive tutorial for Kubernetes networking.",
                bodyClass: "page-index",
                content: indexTemplate.render(listView)
            )
        )
        notFound = page(
            LayoutView(
                pageTitle: "Not found · KubeTutor",
                description: "There is nothing at this address.",
                bodyClass: "page-not-found",
                content: notFoundTemplate.render(listView)
            )
        )
        var lessons: [String: HTMLPage] = [:]
        for (offset, lesson) in catalog.lessons.enumerated() {
            let view = LessonPageView(
                lesson: lesson,
                number: offset + 1,
                total: catalog.lessons.count,
                previous: catalog.lesson(before: lesson).map(LessonLinkView.init),
                next: catalog.lesson(after: lesson).map(LessonLinkView.init)
            )
            lessons[lesson.id] = page(
                LayoutView(
                    pageTitle: "\(lesson.title) · KubeTutor",
                    description: lesson.summary,
                    bodyClass: "page-lesson",
                    content: lessonTemplate.render(view)
                )
            )
        }
        self.lessons = lessons
    }

    private static func template(_ name: String, _ text: String) throws(WebAppError) -> MustacheTemplate {
        do {
            return try MustacheTemplate(string: text)
        } catch {
            throw WebAppError.brokenTemplate(name: name, detail: "\(error)")
        }
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
    let number: Int
    let url: String
    let title: String
    let summary: String
    let minutes: Int

    init(lesson: Lesson, number: Int) {
        self.number = number
        url = LessonLinkView.url(of: lesson)
        title = lesson.title
        summary = lesson.summary
        minutes = lesson.minutes
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
    let number: Int
    let total: Int
    let title: String
    let summary: String
    let minutes: Int
    /// HTML from ``LessonKit/HTMLRenderer``: every text in it is already escaped.
    let body: String
    let contents: [ContentsEntryView]
    let previous: LessonLinkView?
    let next: LessonLinkView?
    /// A table of contents helps from two sections on.
    let hasContents: Bool

    init(lesson: Lesson, number: Int, total: Int, previous: LessonLinkView?, next: LessonLinkView?) {
        self.number = number
        self.total = total
        title = lesson.title
        summary = lesson.summary
        minutes = lesson.minutes
        body = lesson.staticHTML
        contents = lesson.rendered.headings.filter { $0.level == 2 }.map { ContentsEntryView(anchor: $0.anchor, text: $0.text) }
        hasContents = contents.count > 1
        self.previous = previous
        self.next = next
    }
}
