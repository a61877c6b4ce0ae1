import LessonKit

/// HTML written as UTF-8 bytes, for markup built in Swift (the SVG pictures, `code` in checker messages): text is
/// escaped as ``LessonKit/Swift/String/htmlEscaped`` escapes it (the tests hold the two equal), straight into the
/// output instead of into a string of its own first.
enum HTMLBytes {
    /// Appends `text` with `& < > " '` as entities; the runs between them are copied whole.
    static func appendEscaped(_ text: String, to bytes: inout [UInt8]) {
        var text = text
        text.withUTF8 { appendEscaped($0, to: &bytes) }
    }

    /// Appends the UTF-8 `source` with `& < > " '` as entities.
    static func appendEscaped(_ source: UnsafeBufferPointer<UInt8>, to bytes: inout [UInt8]) {
        var runStart = 0
        for index in source.indices {
            let entity: StaticString
            switch source[index] {
            case UInt8(ascii: "&"): entity = "&amp;"
            case UInt8(ascii: "<"): entity = "&lt;"
            case UInt8(ascii: ">"): entity = "&gt;"
            case UInt8(ascii: "\""): entity = "&quot;"
            case UInt8(ascii: "'"): entity = "&#39;"
            default: continue
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: source[runStart..<index]))
            append(entity, to: &bytes)
            runStart = index + 1
        }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: source[runStart...]))
    }

    /// Appends markup as it is.
    static func append(_ markup: StaticString, to bytes: inout [UInt8]) {
        markup.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }
}
