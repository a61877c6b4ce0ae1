import LessonKit

/// HTML written as UTF-8 bytes, for markup built in Swift (the SVG pictures, `code` in checker messages): text is
/// escaped by ``LessonKit/HTMLEscaping``, as ``LessonKit/Swift/String/htmlEscaped`` escapes it, straight into the
/// output instead of into a string of its own first.
enum HTMLBytes {
    /// Appends `text` with `& < > " '` as entities; the runs between them are copied whole.
    static func appendEscaped(_ text: String, to bytes: inout [UInt8]) {
        var text = text
        text.withUTF8 { appendEscaped($0, to: &bytes) }
    }

    /// Appends the UTF-8 `source` with `& < > " '` as entities.
    static func appendEscaped(_ source: UnsafeBufferPointer<UInt8>, to bytes: inout [UInt8]) {
        HTMLEscaping.append(source, to: &bytes)
    }

    /// Appends markup as it is.
    static func append(_ markup: StaticString, to bytes: inout [UInt8]) {
        markup.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }
}
