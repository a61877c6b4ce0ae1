import LessonKit

/// SVG markup written element by element; every text and attribute value passes through ``LessonKit/Swift/String/htmlEscaped``,
/// so names from a learner's YAML cannot break out of the picture. Colours come from classes in `style.css`
/// (the page's Content-Security-Policy forbids inline styles).
struct SVGCanvas {
    private(set) var body = ""
    /// Prefixes the ids of the picture's arrow heads: ids must be unique in the page, and a marker inside a
    /// hidden picture would not draw in another one.
    let id: String

    /// The arrow head for `line(..., arrow:)`: the normal one or the failing hop's.
    enum Arrow {
        case normal, failed
    }

    init(id: String) {
        self.id = id
    }

    /// A number as SVG wants it: no exponent, at most one decimal.
    static func number(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }

    private static func attributes(_ pairs: [(String, String)]) -> String {
        pairs.map { " \($0.0)=\"\($0.1.htmlEscaped)\"" }.joined()
    }

    mutating func rect(x: Double, y: Double, width: Double, height: Double, radius: Double = 0, className: String, title: String? = nil) {
        let attributes = Self.attributes([
            ("x", Self.number(x)), ("y", Self.number(y)), ("width", Self.number(width)), ("height", Self.number(height)),
            ("rx", Self.number(radius)), ("class", className),
        ])
        if let title {
            body += "<rect\(attributes)><title>\(title.htmlEscaped)</title></rect>\n"
        } else {
            body += "<rect\(attributes)/>\n"
        }
    }

    mutating func line(x1: Double, y1: Double, x2: Double, y2: Double, className: String, arrow: Arrow? = nil) {
        var pairs = [
            ("x1", Self.number(x1)), ("y1", Self.number(y1)), ("x2", Self.number(x2)), ("y2", Self.number(y2)), ("class", className),
        ]
        switch arrow {
        case .normal: pairs.append(("marker-end", "url(#\(id)-arrow)"))
        case .failed: pairs.append(("marker-end", "url(#\(id)-arrow-failed)"))
        case nil: break
        }
        body += "<line\(Self.attributes(pairs))/>\n"
    }

    mutating func circle(cx: Double, cy: Double, r: Double, className: String) {
        body += "<circle\(Self.attributes([("cx", Self.number(cx)), ("cy", Self.number(cy)), ("r", Self.number(r)), ("class", className)]))/>\n"
    }

    /// Text; `anchor` is `start`, `middle` or `end`. Text longer than `maxCharacters` is cut with an ellipsis, the whole in a tooltip.
    mutating func text(_ text: String, x: Double, y: Double, className: String, anchor: String = "start", maxCharacters: Int? = nil) {
        var shown = text
        var tooltip = ""
        if let maxCharacters, text.count > maxCharacters, maxCharacters > 1 {
            shown = String(text.prefix(maxCharacters - 1)) + "…"
            tooltip = "<title>\(text.htmlEscaped)</title>"
        }
        let pairs = [("x", Self.number(x)), ("y", Self.number(y)), ("class", className), ("text-anchor", anchor)]
        body += "<text\(Self.attributes(pairs))>\(tooltip)\(shown.htmlEscaped)</text>\n"
    }

    /// The finished picture. `label` is what a screen reader announces; `hidden` hides it from them (when a text twin follows).
    func svg(width: Double, height: Double, className: String, label: String, hidden: Bool = false) -> String {
        let accessibility = hidden ? " aria-hidden=\"true\" focusable=\"false\"" : " role=\"img\" aria-label=\"\(label.htmlEscaped)\""
        let definitions = """
            <defs>
            <marker id="\(id.htmlEscaped)-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" class="arrow-head"/></marker>
            <marker id="\(id.htmlEscaped)-arrow-failed" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" class="arrow-head-failed"/></marker>
            </defs>
            """
        return
            "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"\(className.htmlEscaped)\" viewBox=\"0 0 \(Self.number(width)) \(Self.number(height))\""
            + " width=\"\(Self.number(width))\" height=\"\(Self.number(height))\"\(accessibility)>\n"
            + definitions + "\n" + body + "</svg>"
    }
}
