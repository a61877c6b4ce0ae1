#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How text is styled for a terminal.
public enum TerminalStyle: Sendable, Hashable {
    /// ANSI escapes: bold headings, italic emphasis, coloured code and marks.
    case color
    /// No escapes, but the layout of a terminal (Unicode bullets and rules); used when `NO_COLOR` is set.
    case monochrome
    /// Nothing but ASCII layout, for output that is not a terminal (a pipe, a file, a test).
    case plain
}

/// Renders a ``MarkdownDocument`` (the tree built from libcmark's AST) as text for a terminal,
/// wrapped to a width: headings, emphasis, lists, block quotes and code blocks.
///
/// Exercise and quiz blocks are left out: whoever shows the lesson presents them on their own.
/// Code blocks are never wrapped, so YAML keeps its indentation.
public struct TerminalRenderer: Sendable {
    /// The number of columns text is wrapped to (at least 20).
    public var width: Int
    /// Escapes or not, Unicode or ASCII.
    public var style: TerminalStyle

    /// Creates a renderer for `width` columns in `style`.
    public init(width: Int = 80, style: TerminalStyle = .plain) {
        self.width = max(20, width)
        self.style = style
    }

    /// The renderer for standard output: colour only on a terminal and without `NO_COLOR`; plain otherwise.
    /// The width is the terminal's (or `COLUMNS`), at most `maximumWidth` so that lines stay readable.
    public static func forStandardOutput(environment: [String: String], maximumWidth: Int = 100) -> TerminalRenderer {
        let isTerminal = isatty(STDOUT_FILENO) == 1
        let style: TerminalStyle
        if !isTerminal || environment["TERM"] == "dumb" {
            style = .plain
        } else if let noColor = environment["NO_COLOR"], !noColor.isEmpty {
            // https://no-color.org: any non-empty value turns colour off.
            style = .monochrome
        } else {
            style = .color
        }
        var columns = 80
        if isTerminal {
            var size = winsize()
            if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 {
                columns = Int(size.ws_col)
            }
        } else if let text = environment["COLUMNS"], let value = Int(text), value > 0 {
            columns = value
        }
        return TerminalRenderer(width: min(columns, maximumWidth), style: style)
    }

    // MARK: Documents

    /// The document as text, blocks separated by blank lines, ending with a newline.
    public func render(_ document: MarkdownDocument) -> String {
        render(document.blocks)
    }

    /// Some blocks of a document as text, separated by blank lines, ending with a newline.
    public func render(_ blocks: [MarkdownBlock]) -> String {
        let lines = renderBlocks(blocks, width: width)
        return lines.isEmpty ? "" : lines.joined(separator: "\n") + "\n"
    }

    private func renderBlocks(_ blocks: [MarkdownBlock], width: Int, tight: Bool = false) -> [String] {
        var lines: [String] = []
        for block in blocks {
            let rendered = renderBlock(block, width: width)
            if rendered.isEmpty { continue }
            if !lines.isEmpty && !tight { lines.append("") }
            lines += rendered
        }
        return lines
    }

    private func renderBlock(_ block: MarkdownBlock, width: Int) -> [String] {
        switch block.content {
        case .paragraph(let inlines):
            return wrap(words(inlines), width: width)
        case .heading(let level, let inlines):
            return heading(level: level, inlines, width: width)
        case .codeBlock(let info, _) where ["exercise", "quiz"].contains(info.trimmingWhitespace()):
            return []
        case .codeBlock(_, let code):
            var codeLines = code.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            if codeLines.last == "" { codeLines.removeLast() }
            return codeLines.map { "    " + paint($0, .code) }
        case .htmlBlock(let html):
            // A comment is an author's note; anything else is shown as the text it is.
            let trimmed = html.trimmingWhitespace()
            if trimmed.hasPrefix("<!--") && trimmed.hasSuffix("-->") { return [] }
            return trimmed.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        case .blockQuote(let children):
            let bar = style == .plain ? "> " : paint("│ ", .dim)
            return renderBlocks(children, width: width - 2).map { bar + $0 }
        case .list(let list):
            var lines: [String] = []
            let numberWidth = list.isOrdered ? String(list.start + list.items.count - 1).count + 2 : 2
            for (index, item) in list.items.enumerated() {
                let marker: String
                if list.isOrdered {
                    marker = "\(list.start + index).".padding(toWidth: numberWidth)
                } else {
                    marker = style == .plain ? "- " : "• "
                }
                let body = renderBlocks(item, width: width - numberWidth, tight: list.isTight)
                if !list.isTight && !lines.isEmpty { lines.append("") }
                for (lineIndex, line) in body.enumerated() {
                    let prefix = lineIndex == 0 ? marker : String(repeating: " ", count: numberWidth)
                    lines.append(line.isEmpty ? "" : prefix + line)
                }
            }
            return lines
        case .thematicBreak:
            return [paint(String(repeating: style == .plain ? "-" : "─", count: min(width, 40)), .dim)]
        }
    }

    private func heading(level: Int, _ inlines: [MarkdownInline], width: Int) -> [String] {
        let text = inlines.plainText.trimmingWhitespace()
        switch style {
        case .plain, .monochrome:
            // Underlined the way Setext headings are, so the structure survives without escapes.
            let lines = wrap(text.split(separator: " ").map { Word(String($0)) }, width: width)
            guard level <= 3 else { return lines }
            let longest = lines.map(\.count).max() ?? 0
            let rule = level == 1 ? "=" : (level == 2 ? "-" : "~")
            return lines + [String(repeating: style == .plain ? rule : (level == 1 ? "═" : "─"), count: longest)]
        case .color:
            let mark: Paint = level <= 2 ? .heading : .bold
            return wrap(text.split(separator: " ").map { Word(String($0), paint: [mark]) }, width: width)
        }
    }

    // MARK: Inline content

    /// A word to be laid out: pieces of text, each with its styles (`**bold**,` is one word of two pieces).
    struct Word {
        var pieces: [(text: String, paint: [Paint])]
        /// A hard line break comes after this word.
        var breakAfter = false

        init(_ text: String, paint: [Paint] = []) {
            pieces = [(text, paint)]
        }

        init(pieces: [(text: String, paint: [Paint])]) {
            self.pieces = pieces
        }

        /// The columns the word takes.
        var width: Int { pieces.reduce(0) { $0 + $1.text.count } }
    }

    /// The styles the renderer knows; each becomes an ANSI escape in ``TerminalStyle/color``.
    public enum Paint: Sendable, Hashable {
        case bold, italic, code, heading, dim, link, good, bad, accent

        var escape: String {
            switch self {
            case .bold: "\u{1B}[1m"
            case .italic: "\u{1B}[3m"
            case .code: "\u{1B}[36m"
            case .heading: "\u{1B}[1;4;34m"
            case .dim: "\u{1B}[2m"
            case .link: "\u{1B}[4m"
            case .good: "\u{1B}[1;32m"
            case .bad: "\u{1B}[1;31m"
            case .accent: "\u{1B}[1;33m"
            }
        }
    }

    /// A stretch of inline text in one style, or a hard line break.
    private enum Run {
        case text(String, [Paint])
        case hardBreak
    }

    private func runs(_ inlines: [MarkdownInline], paint: [Paint] = []) -> [Run] {
        var result: [Run] = []
        // Without escapes, emphasis and code keep a visible mark.
        let marked = style != .color
        for inline in inlines {
            switch inline {
            case .text(let text):
                result.append(.text(text, paint))
            case .softBreak:
                result.append(.text(" ", paint))
            case .lineBreak:
                result.append(.hardBreak)
            case .code(let code):
                result.append(.text(marked ? "`" + code + "`" : code, paint + [.code]))
            case .html(let html):
                if !html.hasPrefix("<!--") { result.append(.text(html, paint)) }
            case .emphasis(let children):
                if marked { result.append(.text("_", paint)) }
                result += runs(children, paint: paint + [.italic])
                if marked { result.append(.text("_", paint)) }
            case .strong(let children):
                if marked { result.append(.text("*", paint)) }
                result += runs(children, paint: paint + [.bold])
                if marked { result.append(.text("*", paint)) }
            case .link(let destination, _, let children):
                result += runs(children, paint: paint + [.link])
                // Pages of this course are named in the text; outside addresses are shown so that they can be typed.
                if destination.hasPrefix("http://") || destination.hasPrefix("https://") {
                    result.append(.text(" <" + destination + ">", paint + [.dim]))
                }
            case .image(_, let title, let alt):
                let description = title.isEmpty ? alt.plainText : title
                result.append(.text("[picture: " + description + "]", paint + [.dim]))
            }
        }
        return result
    }

    /// Inline content cut into words at spaces; styles may change inside a word.
    private func words(_ inlines: [MarkdownInline]) -> [Word] {
        var words: [Word] = []
        var current: [(text: String, paint: [Paint])] = []
        func finish(hardBreak: Bool = false) {
            if !current.isEmpty {
                words.append(Word(pieces: current))
                current = []
            }
            if hardBreak, !words.isEmpty { words[words.count - 1].breakAfter = true }
        }
        for run in runs(inlines) {
            switch run {
            case .hardBreak:
                finish(hardBreak: true)
            case .text(let text, let paint):
                var piece = ""
                for character in text {
                    if character == " " || character == "\n" || character == "\t" {
                        if !piece.isEmpty { current.append((piece, paint)) }
                        piece = ""
                        finish()
                    } else {
                        piece.append(character)
                    }
                }
                if !piece.isEmpty { current.append((piece, paint)) }
            }
        }
        finish()
        return words
    }

    // MARK: Layout

    /// Lays words out in lines no wider than `width` (a word longer than the width gets a line of its own).
    func wrap(_ words: [Word], width: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        var lineWidth = 0
        for word in words {
            let visible = word.width
            if lineWidth > 0 && lineWidth + 1 + visible > width {
                lines.append(line)
                line = ""
                lineWidth = 0
            }
            if lineWidth > 0 {
                line += " "
                lineWidth += 1
            }
            for piece in word.pieces { line += paint(piece.text, piece.paint) }
            lineWidth += visible
            if word.breakAfter {
                lines.append(line)
                line = ""
                lineWidth = 0
            }
        }
        if lineWidth > 0 { lines.append(line) }
        return lines
    }

    /// `text` wrapped to ``width`` columns, each line after the first indented by `hangingIndent` spaces.
    /// Paragraphs (separated by blank lines) stay separate; line breaks inside one are spaces.
    public func wrap(_ text: String, indent: Int = 0, hangingIndent: Int? = nil, paint: [Paint] = []) -> String {
        let hanging = hangingIndent ?? indent
        var output: [String] = []
        let paragraphs = text.components(separatedBy: "\n\n")
        for (index, paragraph) in paragraphs.enumerated() {
            if index > 0 { output.append("") }
            let words = paragraph.split(whereSeparator: { $0 == " " || $0 == "\n" }).map { Word(String($0), paint: paint) }
            let lines = wrap(words, width: width - max(indent, hanging))
            for (lineIndex, line) in lines.enumerated() {
                let pad = index == 0 && lineIndex == 0 ? indent : hanging
                output.append(String(repeating: " ", count: pad) + line)
            }
        }
        return output.joined(separator: "\n")
    }

    /// `text` with the given styles, or unchanged when the style has no colour.
    public func paint(_ text: String, _ paints: Paint...) -> String {
        paint(text, paints)
    }

    func paint(_ text: String, _ paints: [Paint]) -> String {
        guard style == .color, !paints.isEmpty, !text.isEmpty else { return text }
        return paints.map(\.escape).joined() + text + "\u{1B}[0m"
    }

    /// A mark for a passed or failed check: `✓`/`✗` on a terminal, `PASS`/`FAIL` in plain text.
    public func mark(passed: Bool) -> String {
        switch style {
        case .plain: passed ? "PASS" : "FAIL"
        case .monochrome: passed ? "✓" : "✗"
        case .color: passed ? paint("✓", .good) : paint("✗", .bad)
        }
    }

    /// A horizontal rule as wide as the text.
    public var rule: String {
        paint(String(repeating: style == .plain ? "-" : "─", count: width), .dim)
    }
}

extension String {
    fileprivate func padding(toWidth width: Int) -> String {
        count >= width ? self + " " : self + String(repeating: " ", count: width - count)
    }
}
