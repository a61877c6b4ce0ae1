import LessonKit

/// The checker writes names and fields between backticks, as Markdown would (`` `web` ``). On a page they
/// become `<code>`: the text is escaped first, so only the backticks' own markup is added.
enum InlineCode {
    static func html(_ text: String) -> String {
        var text = text
        return text.withUTF8 { source in
            // A backtick is one only when no combining mark joins it into a larger character: where a non-ASCII byte
            // touches one, the characters are compared instead.
            var backticks = 0
            for index in source.indices where source[index] == UInt8(ascii: "`") {
                if index > 0 && source[index - 1] >= 0x80 || index + 1 < source.count && source[index + 1] >= 0x80 {
                    return byCharacters(String(decoding: source, as: UTF8.self))
                }
                backticks += 1
            }
            // Backticks pair up only when there are two or more and an even count; otherwise they are left as they are.
            var html: [UInt8] = []
            html.reserveCapacity(source.count + backticks * 7)
            guard backticks >= 2, backticks % 2 == 0 else {
                HTMLBytes.appendEscaped(source, to: &html)
                return String(decoding: html, as: UTF8.self)
            }
            var runStart = 0
            var inCode = false
            for index in source.indices where source[index] == UInt8(ascii: "`") {
                HTMLBytes.appendEscaped(UnsafeBufferPointer(rebasing: source[runStart..<index]), to: &html)
                HTMLBytes.append(inCode ? "</code>" : "<code>", to: &html)
                inCode.toggle()
                runStart = index + 1
            }
            HTMLBytes.appendEscaped(UnsafeBufferPointer(rebasing: source[runStart...]), to: &html)
            return String(decoding: html, as: UTF8.self)
        }
    }

    /// The same, character by character: escaped, split at backticks, every other part wrapped.
    private static func byCharacters(_ text: String) -> String {
        let parts = text.htmlEscaped.split(separator: "`", omittingEmptySubsequences: false)
        // An odd count of parts means the backticks pair up; otherwise leave them as they are.
        guard parts.count >= 3, parts.count % 2 == 1 else { return text.htmlEscaped }
        return parts.enumerated().map { index, part in index % 2 == 1 ? "<code>\(part)</code>" : String(part) }.joined()
    }
}
