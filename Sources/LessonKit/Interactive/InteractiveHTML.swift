import Foundation

/// The static HTML of exercises and quizzes: what a page shows without any learner state.
/// Every text is escaped. The web app builds its forms around the same markers.
public enum InteractiveHTML {
    /// A, B, C ... for choice numbers 0, 1, 2 ...
    static func letter(_ index: Int) -> String {
        String(UnicodeScalar(UInt8(65 + min(max(index, 0), 25))))
    }

    /// The prompt as paragraphs (blank lines separate them).
    public static func paragraphs(_ text: String) -> String {
        text.split(separator: "\n\n", omittingEmptySubsequences: true)
            .map { "<p>" + String($0).trimmingWhitespace().htmlEscaped + "</p>" }
            .joined(separator: "\n")
    }

    /// An exercise: prompt, starter YAML, hints one by one, and what the checks look for.
    public static func exercise(_ exercise: Exercise) -> String {
        var html = "<section class=\"exercise\" id=\"exercise-\(exercise.id.htmlEscaped)\" aria-labelledby=\"exercise-\(exercise.id.htmlEscaped)-title\">\n"
        html += "<h3 id=\"exercise-\(exercise.id.htmlEscaped)-title\">Exercise: \(exercise.id.htmlEscaped)</h3>\n"
        html += paragraphs(exercise.prompt) + "\n"
        if !exercise.given.isEmpty {
            html += "<details class=\"given\"><summary>Already in the cluster</summary><pre><code class=\"language-yaml\">\(exercise.given.htmlEscaped)</code></pre></details>\n"
        }
        html += "<p class=\"starter-label\">Start from:</p>\n<pre><code class=\"language-yaml\">\(exercise.starter.htmlEscaped)</code></pre>\n"
        html += "<p class=\"try-it\">Check it with <code>kubetutor check</code> and <code>kubetutor trace</code>, or in the browser console.</p>\n"
        for (index, hint) in exercise.hints.enumerated() {
            html += "<details class=\"hint\"><summary>Hint \(index + 1)</summary>\(paragraphs(hint))</details>\n"
        }
        return html + "</section>\n"
    }

    /// A quiz question with its choices; the answer and the reasons sit behind a disclosure.
    public static func quiz(_ quiz: Quiz) -> String {
        var html = "<section class=\"quiz\" id=\"quiz-\(quiz.id.htmlEscaped)\">\n<p class=\"question\">\(quiz.question.htmlEscaped)</p>\n<ol class=\"choices\" type=\"A\">\n"
        for choice in quiz.choices {
            html += "<li>\(choice.text.htmlEscaped)</li>\n"
        }
        html += "</ol>\n<details class=\"answer\"><summary>Show the answer</summary>\n"
        html += "<p><strong>\(letter(quiz.answer))</strong>. \(quiz.explanation.htmlEscaped)</p>\n"
        let reasons = quiz.choices.enumerated().compactMap { index, choice in
            choice.why.map { "<li><strong>\(letter(index))</strong>: \($0.htmlEscaped)</li>" }
        }
        if !reasons.isEmpty { html += "<ul class=\"reasons\">\n" + reasons.joined(separator: "\n") + "\n</ul>\n" }
        return html + "</details>\n</section>\n"
    }
}

extension Lesson {
    /// The lesson's HTML with every exercise and quiz marker replaced by its static HTML.
    public var staticHTML: String {
        var html = rendered.html
        for exercise in exercises {
            html = html.replacingFirst(Lesson.marker(forExercise: exercise.id), with: InteractiveHTML.exercise(exercise))
        }
        for quiz in quizzes {
            html = html.replacingFirst(Lesson.marker(forQuiz: quiz.id), with: InteractiveHTML.quiz(quiz))
        }
        return html
    }
}

extension String {
    func replacingFirst(_ target: String, with replacement: String) -> String {
        guard let range = range(of: target) else { return self }
        return replacingCharacters(in: range, with: replacement)
    }
}
