/// A Markdown document as a tree of plain Swift values.
///
/// It is built from libcmark's AST by ``MarkdownDocument/init(parsing:)`` and holds no C pointers,
/// so it can be kept, compared and shared across tasks freely.
public struct MarkdownDocument: Sendable, Hashable {
    /// The top-level blocks, in document order.
    public var blocks: [MarkdownBlock]

    /// Creates a document from blocks already built (tests and later transformations use this).
    public init(blocks: [MarkdownBlock]) {
        self.blocks = blocks
    }
}

/// One block of a Markdown document (paragraph, heading, code block, ...) and the line it starts on.
public struct MarkdownBlock: Sendable, Hashable {
    /// What a block holds.
    public enum Content: Sendable, Hashable {
        /// A paragraph of inline content.
        case paragraph([MarkdownInline])
        /// A heading, level 1 to 6.
        case heading(level: Int, [MarkdownInline])
        /// A fenced or indented code block; `info` is the text after the opening fence (`yaml`, `console`, ...).
        case codeBlock(info: String, code: String)
        /// Raw HTML written in the Markdown. It is never passed through to a page.
        case htmlBlock(String)
        /// A block quote.
        case blockQuote([MarkdownBlock])
        /// A bullet or numbered list.
        case list(MarkdownList)
        /// A horizontal rule.
        case thematicBreak
    }

    /// What this block holds.
    public var content: Content
    /// The 1-based line of the parsed text on which this block starts.
    public var line: Int

    /// Creates a block.
    public init(_ content: Content, line: Int) {
        self.content = content
        self.line = line
    }
}

/// A bullet or numbered list.
public struct MarkdownList: Sendable, Hashable {
    /// `true` for a numbered list.
    public var isOrdered: Bool
    /// The first number of a numbered list (1 for bullet lists).
    public var start: Int
    /// A tight list has no blank lines between items; its paragraphs render without `<p>`.
    public var isTight: Bool
    /// The items, each a sequence of blocks.
    public var items: [[MarkdownBlock]]

    /// Creates a list.
    public init(isOrdered: Bool, start: Int, isTight: Bool, items: [[MarkdownBlock]]) {
        self.isOrdered = isOrdered
        self.start = start
        self.isTight = isTight
        self.items = items
    }
}

/// Inline content inside a paragraph, heading, link or emphasis.
public enum MarkdownInline: Sendable, Hashable {
    /// Plain text.
    case text(String)
    /// A line break in the source that is not a hard break (renders as a space or newline).
    case softBreak
    /// A hard line break (two trailing spaces or a backslash).
    case lineBreak
    /// A code span: `kubectl get pods`.
    case code(String)
    /// Raw inline HTML written in the Markdown. It is never passed through to a page.
    case html(String)
    /// Emphasis (`*text*`).
    case emphasis([MarkdownInline])
    /// Strong emphasis (`**text**`).
    case strong([MarkdownInline])
    /// A link with its destination, optional title and the linked content.
    case link(destination: String, title: String, [MarkdownInline])
    /// An image with its source, optional title and its alternative text as inline content.
    case image(source: String, title: String, alt: [MarkdownInline])
}

extension MarkdownInline {
    /// The text a reader sees, without markup: used for heading anchors and image alt text.
    public var plainText: String {
        switch self {
        case .text(let text), .code(let text):
            return text
        case .softBreak, .lineBreak:
            return " "
        case .html:
            return ""
        case .emphasis(let children), .strong(let children), .link(_, _, let children), .image(_, _, let children):
            return children.plainText
        }
    }
}

extension Array where Element == MarkdownInline {
    /// The text a reader sees in this inline content, without markup.
    public var plainText: String {
        map(\.plainText).joined()
    }
}
