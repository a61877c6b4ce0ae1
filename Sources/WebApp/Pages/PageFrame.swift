import Hummingbird
import LessonKit

/// A place in a pre-rendered page where the learner's state goes.
enum PageSlot: Hashable, Sendable {
    /// The header's "who am I" corner.
    case learner
    /// The course summary on the index page.
    case courseProgress
    /// One lesson's progress badge on the index page.
    case lessonProgress(String)
    /// An exercise, with its editor, result, and console.
    case exercise(String)
    /// A quiz question, with the learner's answer.
    case quiz(String)
    /// The join form, with what the learner typed and what went wrong.
    case joinForm

    /// The HTML comment that stands for the slot in a rendered page.
    var marker: String {
        switch self {
        case .learner: "<!--kubetutor:learner-->"
        case .courseProgress: "<!--kubetutor:course-progress-->"
        case .lessonProgress(let id): "<!--kubetutor:progress:\(id)-->"
        case .exercise(let id): Lesson.marker(forExercise: id)
        case .quiz(let id): Lesson.marker(forQuiz: id)
        case .joinForm: "<!--kubetutor:join-form-->"
        }
    }

    /// The slot an HTML comment's text (between `<!--kubetutor:` and `-->`) names.
    init?(markerText: Substring) {
        let parts = markerText.split(separator: ":", maxSplits: 1).map(String.init)
        switch (parts.first, parts.count) {
        case ("learner", 1): self = .learner
        case ("course-progress", 1): self = .courseProgress
        case ("join-form", 1): self = .joinForm
        case ("progress", 2): self = .lessonProgress(parts[1])
        case ("exercise", 2): self = .exercise(parts[1])
        case ("quiz", 2): self = .quiz(parts[1])
        default: return nil
        }
    }
}

/// A page rendered once at start-up, cut at its slots; a request only fills the slots in.
///
/// Markers can only come from the built-in templates and from LessonKit: the Markdown renderer escapes
/// every `<` a lesson writes, and so do the templates for every learner string.
struct PageFrame: Sendable {
    enum Part: Sendable {
        case html(String)
        case slot(PageSlot)
    }

    let parts: [Part]

    /// Cuts rendered HTML at every `<!--kubetutor:...-->` marker it knows.
    init(html: String) {
        var parts: [Part] = []
        var rest = html[...]
        let opening = "<!--kubetutor:"
        while let start = rest.range(of: opening), let end = rest[start.upperBound...].range(of: "-->") {
            guard let slot = PageSlot(markerText: rest[start.upperBound..<end.lowerBound]) else {
                parts.append(.html(String(rest[..<end.upperBound])))
                rest = rest[end.upperBound...]
                continue
            }
            parts.append(.html(String(rest[..<start.lowerBound])))
            parts.append(.slot(slot))
            rest = rest[end.upperBound...]
        }
        parts.append(.html(String(rest)))
        self.parts = parts.filter {
            if case .html(let text) = $0 { return !text.isEmpty }
            return true
        }
    }

    /// The slots, in page order.
    var slots: [PageSlot] {
        parts.compactMap {
            if case .slot(let slot) = $0 { return slot }
            return nil
        }
    }

    /// The page with each slot replaced by what `fill` gives for it.
    func render(_ fill: (PageSlot) -> String) -> String {
        var html = ""
        for part in parts {
            switch part {
            case .html(let text): html += text
            case .slot(let slot): html += fill(slot)
            }
        }
        return html
    }

    /// The filled page as an HTML response.
    func response(status: HTTPResponse.Status = .ok, _ fill: (PageSlot) -> String) -> Response {
        HTMLPage.response(html: render(fill), status: status, cacheable: false)
    }
}
