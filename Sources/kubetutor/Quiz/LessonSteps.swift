import Foundation
import LessonKit

/// One stop on the way through a lesson in the terminal: a page of text, an exercise or a quiz question.
enum LessonStep {
    /// A page of the lesson's text (one `##` section, or what comes before the first).
    case reading([MarkdownBlock])
    /// An exercise, with the headings just before it (`## Exercises`).
    case exercise(Exercise, intro: [MarkdownBlock])
    /// A quiz question, with the headings just before it (`## Quiz`).
    case quiz(Quiz, intro: [MarkdownBlock])

    /// True for exercises and quiz questions, the steps progress is recorded for.
    var isInteractive: Bool {
        if case .reading = self { return false }
        return true
    }

    /// The lesson's steps in page order: text cut into pages at `##` headings, and each exercise and quiz
    /// question where its block stands. Headings alone before an exercise or question are shown with it.
    static func steps(of lesson: Lesson) -> [LessonStep] {
        var steps: [LessonStep] = []
        var pending: [MarkdownBlock] = []
        var unusedExercises = lesson.exercises
        var unusedQuizzes = lesson.quizzes
        func hasText(_ blocks: [MarkdownBlock]) -> Bool {
            blocks.contains { if case .heading = $0.content { false } else { true } }
        }
        func flush() {
            if hasText(pending) { steps.append(.reading(pending)) }
            pending = []
        }
        for block in lesson.body.blocks {
            switch block.content {
            case .heading(let level, _) where level <= 2 && hasText(pending):
                flush()
                pending = [block]
            case .codeBlock(let info, _) where info.trimmingCharacters(in: .whitespaces) == "exercise":
                // The loader keeps the fence line; fall back to page order if a block was moved.
                let index = unusedExercises.firstIndex { $0.line == block.line } ?? unusedExercises.indices.first
                let intro = hasText(pending) ? [] : pending
                flush()
                pending = []
                if let index { steps.append(.exercise(unusedExercises.remove(at: index), intro: intro)) }
            case .codeBlock(let info, _) where info.trimmingCharacters(in: .whitespaces) == "quiz":
                let index = unusedQuizzes.firstIndex { $0.line == block.line } ?? unusedQuizzes.indices.first
                let intro = hasText(pending) ? [] : pending
                flush()
                pending = []
                if let index { steps.append(.quiz(unusedQuizzes.remove(at: index), intro: intro)) }
            default:
                pending.append(block)
            }
        }
        flush()
        return steps
    }
}
