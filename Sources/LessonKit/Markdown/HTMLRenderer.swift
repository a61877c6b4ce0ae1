/// A heading of a rendered page: its level, its anchor and its text, for a table of contents.
public struct RenderedHeading: Sendable, Hashable {
    /// 1 to 6.
    public let level: Int
    /// The `id` of the heading element, unique within the page.
    public let anchor: String
    /// The heading's text without markup.
    public let text: String

    /// Creates a heading entry.
    public init(level: Int, anchor: String, text: String) {
        self.level = level
        self.anchor = anchor
        self.text = text
    }
}

/// The HTML of a Markdown document and the headings found in it.
public struct RenderedMarkdown: Sendable, Hashable {
    /// HTML with every piece of text escaped; safe to insert into a page as it is.
    public let html: String
    /// The document's headings, in order, with the anchors used in ``html``.
    public let headings: [RenderedHeading]
}

/// Turns a ``MarkdownDocument`` into HTML by walking its tree.
///
/// - Every text, attribute and code literal is escaped.
/// - Raw HTML in the Markdown is never passed through: comments are dropped, anything else is shown as text.
/// - Headings get an `id` (a slug of their text, unique within the page) and a self-link.
/// - Fenced code keeps its language as `class="language-yaml"`.
/// - Links and images keep only `http`, `https`, `mailto` (links) and relative destinations.
public struct HTMLRenderer: Sendable {
    /// Anchors the surrounding page already uses (e.g. `main`), so headings never take them.
    public var reservedAnchors: Set<String>

    /// Creates a renderer that avoids the given anchors.
    public init(reservedAnchors: Set<String> = []) {
        self.reservedAnchors = reservedAnchors
    }

    /// Renders a document to HTML.
    public func render(_ document: MarkdownDocument) -> RenderedMarkdown {
        var state = RenderState(anchors: AnchorAllocator(reserved: reservedAnchors))
        for block in document.blocks {
            state.write(block)
        }
        return RenderedMarkdown(html: state.output, headings: state.headings)
    }
}

/// Hands out heading anchors: the slug of the heading text, with `-1`, `-2`, ... added when taken.
struct AnchorAllocator {
    private var taken: Set<String>

    init(reserved: Set<String>) {
        taken = reserved
    }

    mutating func anchor(for text: String) -> String {
        let base = Self.slug(of: text)
        var candidate = base
        var counter = 1
        while taken.contains(candidate) {
            candidate = "\(base)-\(counter)"
            counter += 1
        }
        taken.insert(candidate)
        return candidate
    }

    /// Lowercased letters and digits; spaces and hyphens become single hyphens; everything else is dropped.
    static func slug(of text: String) -> String {
        var slug = ""
        var pendingHyphen = false
        for character in text.lowercased() {
            if character.isLetter || character.isNumber {
                if pendingHyphen, !slug.isEmpty {
                    slug.append("-")
                }
                pendingHyphen = false
                slug.append(character)
            } else if character.isWhitespace || character == "-" || character == "_" {
                pendingHyphen = true
            }
        }
        return slug.isEmpty ? "section" : slug
    }
}

/// The output being built and the headings met so far.
private struct RenderState {
    var anchors: AnchorAllocator
    var output = ""
    var headings: [RenderedHeading] = []

    init(anchors: AnchorAllocator) {
        self.anchors = anchors
    }

    mutating func write(_ block: MarkdownBlock, tight: Bool = false) {
        switch block.content {
        case .paragraph(let inlines):
            if let figure = Self.figure(inlines) {
                output += figure
            } else if tight {
                output += Self.html(inlines)
            } else {
                output += "<p>" + Self.html(inlines) + "</p>\n"
            }
        case .heading(let level, let inlines):
            let text = inlines.plainText.trimmingWhitespace()
            let anchor = anchors.anchor(for: text)
            headings.append(RenderedHeading(level: level, anchor: anchor, text: text))
            output += "<h\(level) id=\"\(anchor.htmlEscaped)\">" + Self.html(inlines)
            output += "<a class=\"anchor\" href=\"#\(anchor.htmlEscaped)\" aria-label=\"Link to this section: \(text.htmlEscaped)\">#</a>"
            output += "</h\(level)>\n"
        case .codeBlock(let info, let code) where ["exercise", "quiz"].contains(info.trimmingWhitespace()):
            // The page puts the interactive part here; the id is read again by the lesson loader.
            let id = Self.blockID(code)
            output += info.trimmingWhitespace() == "exercise" ? Lesson.marker(forExercise: id) : Lesson.marker(forQuiz: id)
            output += "\n"
        case .codeBlock(let info, let code):
            if let language = Self.language(fromInfo: info) {
                output += "<pre><code class=\"language-\(language)\">"
            } else {
                output += "<pre><code>"
            }
            output += code.htmlEscaped + "</code></pre>\n"
        case .htmlBlock(let html):
            // Raw HTML is not trusted: a comment is an author's note and disappears, the rest shows as text.
            if !Self.isComment(html) {
                output += "<pre class=\"raw-html\"><code>" + html.htmlEscaped + "</code></pre>\n"
            }
        case .blockQuote(let blocks):
            output += "<blockquote>\n"
            for child in blocks {
                write(child)
            }
            output += "</blockquote>\n"
        case .list(let list):
            if list.isOrdered {
                output += list.start == 1 ? "<ol>\n" : "<ol start=\"\(list.start)\">\n"
            } else {
                output += "<ul>\n"
            }
            for item in list.items {
                output += "<li>"
                for child in item {
                    write(child, tight: list.isTight)
                }
                output += "</li>\n"
            }
            output += list.isOrdered ? "</ol>\n" : "</ul>\n"
        case .thematicBreak:
            output += "<hr>\n"
        }
    }

    /// An image alone in its paragraph, with a title, becomes a figure whose caption is the title.
    /// The `id:` line of an exercise or quiz block (only lowercase letters, digits and hyphens survive).
    static func blockID(_ code: String) -> String {
        for line in code.split(separator: "\n") where line.hasPrefix("id:") {
            let value = line.dropFirst(3).filter { ($0.isASCII && ($0.isLowercase || $0.isNumber)) || $0 == "-" }
            return String(value)
        }
        return ""
    }

    static func figure(_ inlines: [MarkdownInline]) -> String? {
        guard inlines.count == 1, case .image(let source, let title, let alt) = inlines[0], !title.isEmpty else {
            return nil
        }
        return "<figure>" + image(source: source, title: "", alt: alt) + "<figcaption>" + title.htmlEscaped + "</figcaption></figure>\n"
    }

    static func html(_ inlines: [MarkdownInline]) -> String {
        inlines.map(html).joined()
    }

    static func html(_ inline: MarkdownInline) -> String {
        switch inline {
        case .text(let text):
            return text.htmlEscaped
        case .softBreak:
            return "\n"
        case .lineBreak:
            return "<br>\n"
        case .code(let code):
            return "<code>" + code.htmlEscaped + "</code>"
        case .html(let html):
            return isComment(html) ? "" : html.htmlEscaped
        case .emphasis(let children):
            return "<em>" + Self.html(children) + "</em>"
        case .strong(let children):
            return "<strong>" + Self.html(children) + "</strong>"
        case .link(let destination, let title, let children):
            guard let href = URLPolicy.linkDestination(destination) else {
                // An unsafe destination (javascript:, data:, ...) loses its link, not its text.
                return Self.html(children)
            }
            let titleAttribute = title.isEmpty ? "" : " title=\"\(title.htmlEscaped)\""
            return "<a href=\"\(href.htmlEscaped)\"\(titleAttribute)>" + Self.html(children) + "</a>"
        case .image(let source, let title, let alt):
            return image(source: source, title: title, alt: alt)
        }
    }

    static func image(source: String, title: String, alt: [MarkdownInline]) -> String {
        let altText = alt.plainText
        guard let src = URLPolicy.imageSource(source) else {
            return altText.htmlEscaped
        }
        let titleAttribute = title.isEmpty ? "" : " title=\"\(title.htmlEscaped)\""
        return "<img src=\"\(src.htmlEscaped)\" alt=\"\(altText.htmlEscaped)\"\(titleAttribute)>"
    }

    /// The first word of a fence's info string, if it is a plausible language name (`yaml`, `console`, `c++`).
    static func language(fromInfo info: String) -> String? {
        let word = info.split(whereSeparator: { $0 == " " || $0 == "\t" }).first.map(String.init) ?? ""
        let allowed = word.unicodeScalars.allSatisfy { scalar in
            ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar) || "-_+.".unicodeScalars.contains(scalar)
        }
        return word.isEmpty || !allowed ? nil : word
    }

    static func isComment(_ html: String) -> Bool {
        let trimmed = html.trimmingWhitespace()
        return trimmed.hasPrefix("<!--") && trimmed.hasSuffix("-->")
    }
}

/// Which link and image destinations a page may carry.
enum URLPolicy {
    /// Relative destinations, fragments and `http`, `https`, `mailto` URLs.
    static func linkDestination(_ destination: String) -> String? {
        allowed(destination, schemes: ["http", "https", "mailto"])
    }

    /// Relative sources and `http`, `https` URLs (a lesson's pictures live under `/public/img/`).
    static func imageSource(_ source: String) -> String? {
        allowed(source, schemes: ["http", "https"])
    }

    private static func allowed(_ destination: String, schemes: Set<String>) -> String? {
        let trimmed = destination.trimmingWhitespace()
        guard !trimmed.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
            return nil
        }
        guard let scheme = scheme(of: trimmed) else {
            return trimmed
        }
        return schemes.contains(scheme.lowercased()) ? trimmed : nil
    }

    /// The scheme of a URL (`https` in `https://...`), or `nil` for a relative reference.
    private static func scheme(of url: String) -> String? {
        guard let colon = url.firstIndex(of: ":") else {
            return nil
        }
        let candidate = url[..<colon]
        // A ':' after '/', '?' or '#' belongs to a relative path or query, not to a scheme. Anything else
        // before the ':' is treated as a scheme, so odd ones are refused rather than guessed at.
        if candidate.contains(where: { $0 == "/" || $0 == "?" || $0 == "#" }) {
            return nil
        }
        return String(candidate)
    }
}

/// HTML escaping over UTF-8 bytes: the five characters escaped are ASCII, and no byte of a multi-byte character is.
public enum HTMLEscaping {
    /// Appends the UTF-8 `source` with `&`, `<`, `>`, `"` and `'` as character references; the runs between them are
    /// copied whole.
    public static func append(_ source: UnsafeBufferPointer<UInt8>, to bytes: inout [UInt8]) {
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
            entity.withUTF8Buffer { bytes.append(contentsOf: $0) }
            runStart = index + 1
        }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: source[runStart...]))
    }

    static func needsEscape(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "\"")
            || byte == UInt8(ascii: "'")
    }
}

extension String {
    /// The string with `&`, `<`, `>`, `"` and `'` replaced by character references.
    public var htmlEscaped: String {
        var text = self
        return text.withUTF8 { bytes in
            guard bytes.contains(where: HTMLEscaping.needsEscape) else { return self }
            var escaped: [UInt8] = []
            escaped.reserveCapacity(bytes.count + bytes.count / 8)
            HTMLEscaping.append(bytes, to: &escaped)
            return String(decoding: escaped, as: UTF8.self)
        }
    }
}
