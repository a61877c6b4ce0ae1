import LessonKit

/// SVG markup written element by element; every text and attribute value is escaped as ``LessonKit/Swift/String/htmlEscaped``
/// escapes it, so names from a learner's YAML cannot break out of the picture. Colours come from classes in `style.css`
/// (the page's Content-Security-Policy forbids inline styles).
///
/// The markup goes straight into one byte buffer: a result panel draws a few hundred elements, and a string per
/// attribute, joined, was most of what drawing cost.
struct SVGCanvas {
    /// The elements drawn so far, as UTF-8.
    private var bytes: [UInt8] = []
    /// Prefixes the ids of the picture's arrow heads: ids must be unique in the page, and a marker inside a
    /// hidden picture would not draw in another one.
    let id: String

    /// The arrow head for `line(..., arrow:)`: the normal one or the failing hop's.
    enum Arrow {
        case normal, failed
    }

    init(id: String) {
        self.id = id
        bytes.reserveCapacity(4096)
    }

    /// The elements drawn so far.
    var body: String { String(decoding: bytes, as: UTF8.self) }

    /// A number as SVG wants it: no exponent, at most one decimal.
    static func number(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }

    /// Writes ``number(_:)`` of `value` without making a string. A multiple of 0.1 prints as its decimal digits, so
    /// tenths are written as digits; anything out of the ordinary (huge, not finite) goes through `number(_:)`.
    static func appendNumber(_ value: Double, to bytes: inout [UInt8]) {
        let tenths = (value * 10).rounded()
        guard tenths.isFinite, tenths.magnitude < 1e15 else {
            bytes.append(contentsOf: number(value).utf8)
            return
        }
        let rounded = tenths / 10
        let integral = rounded == rounded.rounded()
        var whole = Int(tenths)
        if whole < 0 {
            // A negative that rounds to zero prints as 0, as `Int(-0.0)` does.
            if integral && rounded == 0 {
                bytes.append(UInt8(ascii: "0"))
                return
            }
            bytes.append(UInt8(ascii: "-"))
            whole = -whole
        }
        appendDigits(whole / 10, to: &bytes)
        if !integral {
            bytes.append(UInt8(ascii: "."))
            bytes.append(UInt8(ascii: "0") + UInt8(whole % 10))
        }
    }

    private static func appendDigits(_ value: Int, to bytes: inout [UInt8]) {
        if value < 10 {
            bytes.append(UInt8(ascii: "0") + UInt8(value))
            return
        }
        appendDigits(value / 10, to: &bytes)
        bytes.append(UInt8(ascii: "0") + UInt8(value % 10))
    }

    /// Writes `text` escaped as ``LessonKit/Swift/String/htmlEscaped`` escapes it.
    static func appendEscaped(_ text: String, to bytes: inout [UInt8]) {
        HTMLBytes.appendEscaped(text, to: &bytes)
    }

    private mutating func write(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// ` name="value"` for a number.
    private mutating func attribute(_ name: StaticString, _ value: Double) {
        write(name)
        Self.appendNumber(value, to: &bytes)
        bytes.append(UInt8(ascii: "\""))
    }

    /// ` name="value"` for text, escaped.
    private mutating func attribute(_ name: StaticString, _ value: String) {
        write(name)
        Self.appendEscaped(value, to: &bytes)
        bytes.append(UInt8(ascii: "\""))
    }

    mutating func rect(x: Double, y: Double, width: Double, height: Double, radius: Double = 0, className: String, title: String? = nil) {
        write("<rect")
        attribute(" x=\"", x)
        attribute(" y=\"", y)
        attribute(" width=\"", width)
        attribute(" height=\"", height)
        attribute(" rx=\"", radius)
        attribute(" class=\"", className)
        if let title {
            write("><title>")
            Self.appendEscaped(title, to: &bytes)
            write("</title></rect>\n")
        } else {
            write("/>\n")
        }
    }

    mutating func line(x1: Double, y1: Double, x2: Double, y2: Double, className: String, arrow: Arrow? = nil) {
        write("<line")
        attribute(" x1=\"", x1)
        attribute(" y1=\"", y1)
        attribute(" x2=\"", x2)
        attribute(" y2=\"", y2)
        attribute(" class=\"", className)
        if let arrow {
            write(" marker-end=\"url(#")
            Self.appendEscaped(id, to: &bytes)
            write(arrow == .failed ? "-arrow-failed)\"" : "-arrow)\"")
        }
        write("/>\n")
    }

    mutating func circle(cx: Double, cy: Double, r: Double, className: String) {
        write("<circle")
        attribute(" cx=\"", cx)
        attribute(" cy=\"", cy)
        attribute(" r=\"", r)
        attribute(" class=\"", className)
        write("/>\n")
    }

    /// Text; `anchor` is `start`, `middle` or `end`. Text longer than `maxCharacters` is cut with an ellipsis, the whole in a tooltip.
    mutating func text(_ text: String, x: Double, y: Double, className: String, anchor: String = "start", maxCharacters: Int? = nil) {
        write("<text")
        attribute(" x=\"", x)
        attribute(" y=\"", y)
        attribute(" class=\"", className)
        attribute(" text-anchor=\"", anchor)
        bytes.append(UInt8(ascii: ">"))
        // No more bytes than the limit means no more characters either: most labels are never counted.
        if let maxCharacters, maxCharacters > 1, text.utf8.count > maxCharacters, text.count > maxCharacters {
            write("<title>")
            Self.appendEscaped(text, to: &bytes)
            write("</title>")
            Self.appendEscaped(String(text.prefix(maxCharacters - 1)), to: &bytes)
            write("…")
        } else {
            Self.appendEscaped(text, to: &bytes)
        }
        write("</text>\n")
    }

    /// What both arrow heads' markers say after their id.
    private static let markerAttributes: StaticString =
        " viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\">"

    /// The finished picture. `label` is what a screen reader announces; `hidden` hides it from them (when a text twin follows).
    func svg(width: Double, height: Double, className: String, label: String, hidden: Bool = false) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + label.utf8.count + 1024)
        func write(_ text: StaticString) {
            text.withUTF8Buffer { out.append(contentsOf: $0) }
        }
        write("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"")
        Self.appendEscaped(className, to: &out)
        write("\" viewBox=\"0 0 ")
        Self.appendNumber(width, to: &out)
        write(" ")
        Self.appendNumber(height, to: &out)
        write("\" width=\"")
        Self.appendNumber(width, to: &out)
        write("\" height=\"")
        Self.appendNumber(height, to: &out)
        if hidden {
            write("\" aria-hidden=\"true\" focusable=\"false\">\n")
        } else {
            write("\" role=\"img\" aria-label=\"")
            Self.appendEscaped(label, to: &out)
            write("\">\n")
        }
        write("<defs>\n<marker id=\"")
        Self.appendEscaped(id, to: &out)
        write("-arrow\"")
        write(Self.markerAttributes)
        write("<path d=\"M0,0 L10,5 L0,10 z\" class=\"arrow-head\"/></marker>\n<marker id=\"")
        Self.appendEscaped(id, to: &out)
        write("-arrow-failed\"")
        write(Self.markerAttributes)
        write("<path d=\"M0,0 L10,5 L0,10 z\" class=\"arrow-head-failed\"/></marker>\n</defs>\n")
        out.append(contentsOf: bytes)
        write("</svg>")
        return String(decoding: out, as: UTF8.self)
    }
}
