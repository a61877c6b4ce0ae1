import LessonKit

/// The checker writes names and fields between backticks, as Markdown would (`` `web` ``). On a page they
/// become `<code>`: the text is escaped first, so only the backticks' own markup is added.
enum InlineCode {
    static func html(_ text: String) -> String {
        let parts = text.htmlEscaped.split(separator: "`", omittingEmptySubsequences: false)
        // An odd count of parts means the backticks pair up; otherwise leave them as they are.
        guard parts.count >= 3, parts.count % 2 == 1 else { return text.htmlEscaped }
        return parts.enumerated().map { index, part in index % 2 == 1 ? "<code>\(part)</code>" : String(part) }.joined()
    }
}
