// The only file that touches libcmark. It parses text into libcmark's tree, copies that tree into
// plain Swift values (`MarkdownDocument`) and frees it before returning: no pointer leaves this file.
internal import CCmark

extension MarkdownDocument {
    /// How deep blocks and inlines may nest before parsing gives up; real lessons use fewer than ten levels.
    public static let nestingLimit = 64

    /// Parses CommonMark text with libcmark and copies the result into Swift values.
    ///
    /// Raw HTML is kept as ``MarkdownBlock/Content/htmlBlock(_:)`` / ``MarkdownInline/html(_:)`` so that a
    /// renderer can decide to escape or drop it; nothing here produces HTML.
    /// - Parameter text: CommonMark text; line numbers in the result count from its first line.
    /// - Throws: ``MarkdownError`` when libcmark fails or the document nests deeper than ``nestingLimit``.
    public init(parsing text: String) throws(MarkdownError) {
        let length = text.utf8.count
        // CMARK_OPT_DEFAULT: safe mode is libcmark's default and we never ask it to render anyway.
        let parsed: OpaquePointer? = text.withCString { bytes in
            cmark_parse_document(bytes, length, CMARK_OPT_DEFAULT)
        }
        guard let root = parsed else {
            throw MarkdownError.parserFailed
        }
        defer { cmark_node_free(root) }
        let reader = CmarkTreeReader(limit: Self.nestingLimit)
        self.init(blocks: try reader.blocks(childrenOf: root, depth: 0))
    }
}

/// Walks one libcmark tree, turning each node into a Swift value. Borrows the tree; never frees or keeps it.
private struct CmarkTreeReader {
    let limit: Int

    func blocks(childrenOf parent: OpaquePointer, depth: Int) throws(MarkdownError) -> [MarkdownBlock] {
        var result: [MarkdownBlock] = []
        for node in children(of: parent) {
            if let block = try block(node, depth: depth + 1) {
                result.append(block)
            }
        }
        return result
    }

    private func block(_ node: OpaquePointer, depth: Int) throws(MarkdownError) -> MarkdownBlock? {
        let line = max(1, Int(cmark_node_get_start_line(node)))
        guard depth <= limit else {
            throw MarkdownError.nestingTooDeep(limit: limit, line: line)
        }
        let content: MarkdownBlock.Content
        switch cmark_node_get_type(node) {
        case CMARK_NODE_PARAGRAPH:
            content = .paragraph(try inlines(childrenOf: node, depth: depth))
        case CMARK_NODE_HEADING:
            let level = min(6, max(1, Int(cmark_node_get_heading_level(node))))
            content = .heading(level: level, try inlines(childrenOf: node, depth: depth))
        case CMARK_NODE_CODE_BLOCK:
            content = .codeBlock(info: string(cmark_node_get_fence_info(node)), code: literal(of: node))
        case CMARK_NODE_HTML_BLOCK:
            content = .htmlBlock(literal(of: node))
        case CMARK_NODE_BLOCK_QUOTE:
            content = .blockQuote(try blocks(childrenOf: node, depth: depth))
        case CMARK_NODE_LIST:
            content = .list(try list(node, depth: depth))
        case CMARK_NODE_THEMATIC_BREAK:
            content = .thematicBreak
        case CMARK_NODE_CUSTOM_BLOCK:
            // Only made by programs that build trees by hand; the parser never produces one.
            return nil
        default:
            throw MarkdownError.unexpectedNode(type: typeName(of: node), line: line)
        }
        return MarkdownBlock(content, line: line)
    }

    private func list(_ node: OpaquePointer, depth: Int) throws(MarkdownError) -> MarkdownList {
        var items: [[MarkdownBlock]] = []
        for item in children(of: node) {
            guard cmark_node_get_type(item) == CMARK_NODE_ITEM else {
                throw MarkdownError.unexpectedNode(type: typeName(of: item), line: max(1, Int(cmark_node_get_start_line(item))))
            }
            items.append(try blocks(childrenOf: item, depth: depth + 1))
        }
        let isOrdered = cmark_node_get_list_type(node) == CMARK_ORDERED_LIST
        return MarkdownList(
            isOrdered: isOrdered,
            start: isOrdered ? Int(cmark_node_get_list_start(node)) : 1,
            isTight: cmark_node_get_list_tight(node) != 0,
            items: items
        )
    }

    private func inlines(childrenOf parent: OpaquePointer, depth: Int) throws(MarkdownError) -> [MarkdownInline] {
        var result: [MarkdownInline] = []
        for node in children(of: parent) {
            if let inline = try inline(node, depth: depth + 1) {
                result.append(inline)
            }
        }
        return result
    }

    private func inline(_ node: OpaquePointer, depth: Int) throws(MarkdownError) -> MarkdownInline? {
        guard depth <= limit else {
            throw MarkdownError.nestingTooDeep(limit: limit, line: max(1, Int(cmark_node_get_start_line(node))))
        }
        switch cmark_node_get_type(node) {
        case CMARK_NODE_TEXT:
            return .text(literal(of: node))
        case CMARK_NODE_SOFTBREAK:
            return .softBreak
        case CMARK_NODE_LINEBREAK:
            return .lineBreak
        case CMARK_NODE_CODE:
            return .code(literal(of: node))
        case CMARK_NODE_HTML_INLINE:
            return .html(literal(of: node))
        case CMARK_NODE_EMPH:
            return .emphasis(try inlines(childrenOf: node, depth: depth))
        case CMARK_NODE_STRONG:
            return .strong(try inlines(childrenOf: node, depth: depth))
        case CMARK_NODE_LINK:
            return .link(
                destination: string(cmark_node_get_url(node)),
                title: string(cmark_node_get_title(node)),
                try inlines(childrenOf: node, depth: depth)
            )
        case CMARK_NODE_IMAGE:
            return .image(
                source: string(cmark_node_get_url(node)),
                title: string(cmark_node_get_title(node)),
                alt: try inlines(childrenOf: node, depth: depth)
            )
        case CMARK_NODE_CUSTOM_INLINE:
            return nil
        default:
            throw MarkdownError.unexpectedNode(type: typeName(of: node), line: max(1, Int(cmark_node_get_start_line(node))))
        }
    }

    /// The children of a node, collected first so that no pointer outlives the walk that uses it.
    private func children(of parent: OpaquePointer) -> [OpaquePointer] {
        var result: [OpaquePointer] = []
        var next = cmark_node_first_child(parent)
        while let child = next {
            result.append(child)
            next = cmark_node_next(child)
        }
        return result
    }

    /// A node's literal text (libcmark owns the buffer; `String(cString:)` copies it).
    private func literal(of node: OpaquePointer) -> String {
        string(cmark_node_get_literal(node))
    }

    private func typeName(of node: OpaquePointer) -> String {
        string(cmark_node_get_type_string(node))
    }

    /// Copies a C string owned by libcmark; libcmark returns NULL for "no value", which becomes "".
    private func string(_ pointer: UnsafePointer<CChar>?) -> String {
        guard let pointer else { return "" }
        return String(cString: pointer)
    }
}
