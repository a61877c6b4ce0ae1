import Yams

/// One YAML document of a file, as kubectl would split it.
public struct ManifestDocument: Sendable {
    /// 0-based index of the document in its file, counting empty documents as PyYAML and kubectl do.
    public var index: Int
    /// The document's root; `.null` for an empty document.
    public var root: YAMLNode
    /// The first line of the document's text in the file (the line after its `---`).
    public var firstLine: Int
}

/// What reading one file gave: its documents, what stopped parts of it from being read, and what was read with a caveat.
public struct ReadResult: Sendable {
    /// The documents that were read.
    public var documents: [ManifestDocument] = []
    /// Problems that kept a document (or the whole file) from being read.
    public var problems: [ReadProblem] = []
    /// Things that were read, but not as the author probably meant (an ignored YAML tag).
    public var warnings: [ReadProblem] = []
}

/// Reads manifest files the way kubectl does: split into documents at `---` lines, parse
/// YAML 1.1 with libyaml, resolve scalars as go-yaml v2, expand aliases and merge keys,
/// and keep the file position of every key and value.
///
/// All work is bounded by ``ReadLimits``.
public struct YAMLReader: Sendable {
    /// The bounds applied to every file.
    public var limits: ReadLimits

    /// Creates a reader.
    public init(limits: ReadLimits = .standard) {
        self.limits = limits
    }

    /// Reads raw bytes: checks size and encoding first, then parses.
    public func read(bytes: [UInt8], fileName: String) -> ReadResult {
        var result = ReadResult()
        if bytes.count > limits.maxFileBytes {
            result.problems.append(tooLarge(bytes.count, fileName: fileName))
            return result
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            result.problems.append(Self.encodingProblem(bytes: bytes, fileName: fileName))
            return result
        }
        return read(text: text, fileName: fileName)
    }

    /// Reads text that is already known to be valid Unicode.
    public func read(text: String, fileName: String) -> ReadResult {
        var result = ReadResult()
        let utf8Count = text.utf8.count
        if utf8Count > limits.maxFileBytes {
            result.problems.append(tooLarge(utf8Count, fileName: fileName))
            return result
        }
        // libyaml only honours a byte-order mark when it guesses the encoding itself; Yams names UTF-8, so drop it here.
        let text = text.hasPrefix("\u{FEFF}") ? String(text.unicodeScalars.dropFirst()) : text
        let chunks = DocumentSplitter.split(text)
        if chunks.count > limits.maxDocuments {
            result.problems.append(
                ReadProblem(
                    .tooManyDocuments, at: SourcePosition(line: chunks[limits.maxDocuments].firstLine, column: 1),
                    message: "error parsing \(fileName): the file holds \(chunks.count) YAML documents, more than KubeTutor's limit of \(limits.maxDocuments)",
                    explanation: "Split the manifests into several files, or remove the empty documents between `---` lines."
                ))
            return result
        }
        var budget = NodeBudget(remaining: limits.maxNodes)
        var index = 0
        for chunk in chunks {
            var reader = ChunkReader(
                chunk: chunk, fileName: fileName, limits: limits, budget: budget, firstIndex: index)
            reader.read(into: &result)
            budget = reader.budget
            index = reader.nextIndex
            if budget.exhausted { break }
        }
        return result
    }

    /// The refusal of a file over ``ReadLimits/maxFileBytes``.
    private func tooLarge(_ size: Int, fileName: String) -> ReadProblem {
        ReadProblem(
            .fileTooLarge, at: .start,
            message: "error parsing \(fileName): the file is \(size) bytes, more than KubeTutor's limit of \(limits.maxFileBytes) bytes",
            explanation: "The API server refuses requests larger than 3 MiB, so a manifest this big could never be applied. Split it into smaller files."
        )
    }

    /// Names the first bad byte of a file that is not UTF-8, in libyaml's words.
    static func encodingProblem(bytes: [UInt8], fileName: String) -> ReadProblem {
        var line = 1
        var column = 1
        var offset = 0
        var problem = "invalid leading UTF-8 octet"
        while offset < bytes.count {
            let byte = bytes[offset]
            let width: Int
            switch byte {
            case 0..<0x80: width = 1
            case 0xC2..<0xE0: width = 2
            case 0xE0..<0xF0: width = 3
            case 0xF0..<0xF5: width = 4
            default: width = 0
            }
            if width == 0 {
                problem = "invalid leading UTF-8 octet"
                break
            }
            if offset + width > bytes.count {
                problem = "incomplete UTF-8 octet sequence"
                break
            }
            let trailing = bytes[(offset + 1)..<(offset + width)]
            if trailing.contains(where: { $0 & 0xC0 != 0x80 })
                || String(validating: bytes[offset..<(offset + width)], as: UTF8.self) == nil
            {
                problem = "invalid trailing UTF-8 octet"
                break
            }
            if byte == 0x0A {
                line += 1
                column = 1
            } else {
                column += 1
            }
            offset += width
        }
        return ReadProblem(
            .encoding, at: SourcePosition(line: line, column: column),
            message: "error parsing \(fileName): error converting YAML to JSON: yaml: \(problem)",
            explanation: "The file is not UTF-8 text (byte \(offset + 1) is not valid UTF-8). Save it as UTF-8; if it is a binary file, it is not a manifest."
        )
    }
}

/// Shared count of nodes left for one file, so that aliases cannot multiply work without bound.
struct NodeBudget {
    var remaining: Int
    var exhausted: Bool { remaining < 0 }
}

/// A piece of the file that kubectl would hand to its YAML parser on its own.
struct DocumentChunk {
    /// The chunk's text, including its leading `---` line when it has one.
    var text: String
    /// File line of the chunk's first line.
    var firstLine: Int
    /// True when the chunk starts with a `---` line (kubectl's line numbers then count from the line after it).
    var startsWithSeparator: Bool
}

/// Splits a file at `---` lines the way kubectl's YAML reader does.
enum DocumentSplitter {
    /// The file's chunks: each runs from a `---` line (or the start) up to the newline before the next `---` line (or
    /// the end).
    ///
    /// Lines end at a newline as Swift's `Character`s see it: `\r\n` is one `Character`, not a newline, so the lines
    /// of a CRLF file do not split (Yams then finds its `---` lines itself).
    static func split(_ text: String) -> [DocumentChunk] {
        var text = text
        return text.withUTF8 { bytes in
            var chunks: [DocumentChunk] = []
            var chunkStart = 0
            var chunkFirstLine = 1
            var chunkHasSeparator = false
            var lineStart = 0
            var lineNumber = 1
            while true {
                var lineEnd = lineStart
                while lineEnd < bytes.count
                    && !(bytes[lineEnd] == UInt8(ascii: "\n") && (lineEnd == 0 || bytes[lineEnd - 1] != UInt8(ascii: "\r")))
                {
                    lineEnd += 1
                }
                if isSeparator(bytes, lineStart..<lineEnd) {
                    if lineNumber > 1 {
                        chunks.append(
                            DocumentChunk(
                                text: String(decoding: UnsafeBufferPointer(rebasing: bytes[chunkStart..<(lineStart - 1)]), as: UTF8.self),
                                firstLine: chunkFirstLine, startsWithSeparator: chunkHasSeparator))
                    }
                    chunkStart = lineStart
                    chunkFirstLine = lineNumber
                    chunkHasSeparator = true
                }
                if lineEnd == bytes.count { break }
                lineStart = lineEnd + 1
                lineNumber += 1
            }
            chunks.append(
                DocumentChunk(
                    text: String(decoding: UnsafeBufferPointer(rebasing: bytes[chunkStart...]), as: UTF8.self),
                    firstLine: chunkFirstLine, startsWithSeparator: chunkHasSeparator))
            return chunks
        }
    }

    /// Whether the line in `bytes[line]` is a separator; only a line starting with the bytes `---` can be, and the
    /// `Character` test below decides.
    private static func isSeparator(_ bytes: UnsafeBufferPointer<UInt8>, _ line: Range<Int>) -> Bool {
        guard line.count >= 3, bytes[line.lowerBound] == UInt8(ascii: "-"), bytes[line.lowerBound + 1] == UInt8(ascii: "-"),
            bytes[line.lowerBound + 2] == UInt8(ascii: "-")
        else { return false }
        return isSeparator(Substring(String(decoding: UnsafeBufferPointer(rebasing: bytes[line]), as: UTF8.self)))
    }

    /// `---` alone, or followed only by blanks or a comment.
    static func isSeparator(_ line: Substring) -> Bool {
        guard line.hasPrefix("---") else { return false }
        let rest = line.dropFirst(3).drop { $0 == " " || $0 == "\t" || $0 == "\r" }
        return rest.isEmpty || rest.first == "#"
    }
}

/// Reads the documents of one chunk with libyaml (through Yams) and converts them to ``YAMLNode``s.
struct ChunkReader {
    let chunk: DocumentChunk
    let fileName: String
    let limits: ReadLimits
    var budget: NodeBudget
    var nextIndex: Int
    private var warnings: [ReadProblem] = []
    private var limitProblem: ReadProblem?

    init(chunk: DocumentChunk, fileName: String, limits: ReadLimits, budget: NodeBudget, firstIndex: Int) {
        self.chunk = chunk
        self.fileName = fileName
        self.limits = limits
        self.budget = budget
        self.nextIndex = firstIndex
    }

    mutating func read(into result: inout ReadResult) {
        // libyaml is iterative, but Yams composes recursively: refuse absurd nesting before it recurses.
        if let deep = NestingEstimate.firstLineDeeperThan(4 * limits.maxDepth, in: chunk.text) {
            result.problems.append(tooDeep(at: SourcePosition(line: fileLine(deep), column: 1)))
            nextIndex += 1
            return
        }
        let parser: Parser
        do {
            // UTF-8 named here: Yams's default encoding reads the whole environment on every parse. The nodes are read
            // here, never constructed into Swift values, so an empty constructor spares building Yams's default one
            // (three maps of closures) for every document.
            parser = try Parser(yaml: chunk.text, resolver: .basic, constructor: Constructor([:], [:], [:]), encoding: .utf8)
        } catch {
            result.problems.append(problem(from: error))
            nextIndex += 1
            return
        }
        while true {
            let root: Node?
            do {
                root = try parser.nextRoot()
            } catch {
                result.problems.append(problem(from: error))
                nextIndex += 1
                return
            }
            guard let root else { return }
            let firstLine = chunk.startsWithSeparator ? chunk.firstLine + 1 : chunk.firstLine
            if let converted = convert(root, depth: 1) {
                result.documents.append(ManifestDocument(index: nextIndex, root: converted, firstLine: firstLine))
            } else if let limitProblem {
                result.problems.append(limitProblem)
                nextIndex += 1
                result.warnings.append(contentsOf: warnings)
                return
            }
            nextIndex += 1
            result.warnings.append(contentsOf: warnings)
            warnings.removeAll()
        }
    }

    private func fileLine(_ chunkLine: Int) -> Int { chunkLine + chunk.firstLine - 1 }

    private func position(_ mark: Mark?) -> SourcePosition {
        guard let mark else { return SourcePosition(line: chunk.firstLine, column: 1) }
        return SourcePosition(line: fileLine(mark.line), column: mark.column)
    }

    private func tooDeep(at position: SourcePosition) -> ReadProblem {
        ReadProblem(
            .tooDeep, at: position,
            message: "error parsing \(fileName): the YAML nests more than \(limits.maxDepth) levels deep, KubeTutor's limit",
            explanation: "No Kubernetes object nests this deeply. Check the indentation, or look for a runaway list of `[` or `- ` items."
        )
    }

    // MARK: Conversion

    private mutating func convert(_ node: Node, depth: Int) -> YAMLNode? {
        budget.remaining -= 1
        if budget.exhausted {
            limitProblem = ReadProblem(
                .tooManyNodes, at: position(node.mark),
                message: "error parsing \(fileName): the YAML expands to more than \(limits.maxNodes) values (aliases counted each time they are used), KubeTutor's limit",
                explanation: "This is what an alias bomb (\"billion laughs\") looks like: anchors (`&a`) referring to anchors many times over. Real manifests never need this; write the values out."
            )
            return nil
        }
        if depth > limits.maxDepth {
            limitProblem = tooDeep(at: position(node.mark))
            return nil
        }
        switch node {
        case .scalar(let scalar):
            return YAMLNode(resolve(scalar), at: position(scalar.mark))
        case .sequence(let sequence):
            warnIfTagged(sequence.tag.description, standard: ["", "!", "tag:yaml.org,2002:seq"], at: sequence.mark)
            var items: [YAMLNode] = []
            items.reserveCapacity(sequence.count)
            for item in sequence {
                guard let converted = convert(item, depth: depth + 1) else { return nil }
                items.append(converted)
            }
            return YAMLNode(.sequence(items), at: position(sequence.mark))
        case .mapping(let mapping):
            warnIfTagged(mapping.tag.description, standard: ["", "!", "tag:yaml.org,2002:map"], at: mapping.mark)
            var pairs: [YAMLPair] = []
            var merged: [YAMLPair] = []
            for (key, value) in mapping {
                if case .scalar(let keyScalar) = key, keyScalar.string == "<<", keyScalar.style == .plain {
                    // A merge key: bring in the pairs of the referenced mapping(s); explicit keys win.
                    let sources: [Node] = value.sequence.map { Array($0) } ?? [value]
                    for source in sources {
                        guard let converted = convert(source, depth: depth + 1) else { return nil }
                        merged.append(contentsOf: converted.pairs ?? [])
                    }
                    continue
                }
                guard let keyNode = convert(key, depth: depth + 1) else { return nil }
                guard let keyText = jsonKey(keyNode) else {
                    limitProblem = ReadProblem(
                        .syntax, at: keyNode.position,
                        message: "error parsing \(fileName): error converting YAML to JSON: yaml: invalid map key: a mapping or list cannot be a key",
                        explanation: "Keys in a Kubernetes manifest are plain names. Remove the `?` or the braces that turned this key into a collection."
                    )
                    return nil
                }
                if keyText.utf8.count > limits.maxKeyBytes {
                    limitProblem = ReadProblem(
                        .keyTooLong, at: keyNode.position,
                        message: "error parsing \(fileName): a key is \(keyText.utf8.count) bytes long, more than KubeTutor's limit of \(limits.maxKeyBytes)",
                        explanation: "Kubernetes field names and label keys are short (a label key is at most 317 characters). This key is not a field name."
                    )
                    return nil
                }
                guard let valueNode = convert(value, depth: depth + 1) else { return nil }
                pairs.append(YAMLPair(key: keyText, keyPosition: keyNode.position, value: valueNode))
            }
            for pair in merged where !pairs.contains(where: { $0.key == pair.key }) {
                pairs.append(pair)
            }
            return YAMLNode(.mapping(pairs), at: position(mapping.mark))
        case .alias:
            // Yams resolves aliases while composing; an unresolved one cannot reach here.
            return YAMLNode(.null, at: position(nil))
        }
    }

    private mutating func warnIfTagged(_ tag: String, standard: Set<String>, at mark: Mark?) {
        guard !standard.contains(tag) else { return }
        warnings.append(
            ReadProblem(
                .unsupportedTag, at: position(mark),
                message: "the YAML tag \(Self.shortTag(tag)) is ignored: kubectl reads the value as plain YAML",
                explanation: "Kubernetes manifests have no use for YAML tags; kubectl drops them. Remove the tag."
            ))
    }

    private static func shortTag(_ tag: String) -> String {
        tag.hasPrefix("tag:yaml.org,2002:") ? "!!" + tag.dropFirst("tag:yaml.org,2002:".count) : tag
    }

    /// The key as sigs.k8s.io/yaml turns it into a JSON object key.
    private func jsonKey(_ node: YAMLNode) -> String? {
        node.isNull ? "null" : node.scalarText
    }

    private mutating func resolve(_ scalar: Node.Scalar) -> YAMLNode.Content {
        let tag = scalar.tag.description
        switch tag {
        case "":
            return scalar.style == .plain ? ScalarResolver.resolvePlain(scalar.string) : .string(scalar.string)
        case "!", "tag:yaml.org,2002:str", "tag:yaml.org,2002:binary", "tag:yaml.org,2002:timestamp":
            return .string(scalar.string)
        case "tag:yaml.org,2002:int", "tag:yaml.org,2002:float", "tag:yaml.org,2002:bool", "tag:yaml.org,2002:null":
            let resolved = ScalarResolver.resolvePlain(scalar.string)
            return resolved
        default:
            warnIfTagged(tag, standard: [], at: scalar.mark)
            return scalar.style == .plain ? ScalarResolver.resolvePlain(scalar.string) : .string(scalar.string)
        }
    }

    // MARK: Errors

    private func problem(from error: Error) -> ReadProblem {
        let separatorShift = chunk.startsWithSeparator ? 1 : 0
        switch error {
        case YamlError.scanner(let context, let problem, let mark, _),
            YamlError.parser(let context, let problem, let mark, _),
            YamlError.composer(let context, let problem, let mark, _):
            let isScanner: Bool
            if case YamlError.scanner = error { isScanner = true } else { isScanner = false }
            // go-yaml's line arithmetic, relative to the document kubectl handed it.
            let problemLine0 = mark.line - 1 - separatorShift
            let contextLine0 = (context?.mark.line ?? 1) - 1 - separatorShift
            var kubectlLine = 0
            if problemLine0 > 0 {
                kubectlLine = problemLine0 + (isScanner ? 1 : 0)
            } else if contextLine0 > 0 {
                kubectlLine = contextLine0
            }
            let whereText = kubectlLine > 0 ? "line \(kubectlLine): " : ""
            let at = position(mark)
            return ReadProblem(
                .syntax, at: at,
                message: "error parsing \(fileName): error converting YAML to JSON: yaml: \(whereText)\(problem)",
                explanation: syntaxExplanation(problem: problem, at: at, kubectlLine: kubectlLine)
            )
        case YamlError.reader(let problem, _, _, _):
            let at = firstControlCharacter() ?? position(nil)
            return ReadProblem(
                .encoding, at: at,
                message: "error parsing \(fileName): error converting YAML to JSON: yaml: \(problem)",
                explanation: "Line \(at.line) holds a control character (such as a NUL byte) that YAML does not allow. Delete it; it is often left by copying from a terminal or a binary file."
            )
        case YamlError.duplicatedKeysInMapping(let duplicates, let context):
            return duplicateKeyProblem(duplicates: duplicates, firstMark: context.mark, separatorShift: separatorShift)
        default:
            return ReadProblem(
                .syntax, at: position(nil),
                message: "error parsing \(fileName): error converting YAML to JSON: yaml: \(error)",
                explanation: "The YAML could not be read. Check the indentation and quoting around line \(chunk.firstLine)."
            )
        }
    }

    private func syntaxExplanation(problem: String, at: SourcePosition, kubectlLine: Int) -> String {
        let lines = chunk.text.split(separator: "\n", omittingEmptySubsequences: false)
        let chunkLine = at.line - chunk.firstLine
        let lineText = chunkLine >= 0 && chunkLine < lines.count ? lines[chunkLine] : ""
        var text: String
        if lineText.contains("\t") {
            text = "Line \(at.line) contains a tab. YAML indents with spaces only; replace the tab with spaces."
        } else if problem.contains("mapping values are not allowed") {
            text = "A `key: value` appears where YAML did not expect one: usually a missing space after a colon on the line before, a value that needs quotes because it contains `: `, or wrong indentation."
        } else if problem.contains("did not find expected key") || problem.contains("did not find expected '-'") {
            text = "The indentation around line \(at.line) does not line up: keys of one mapping (and items of one list) must start in the same column."
        } else if problem.contains("found character that cannot start any token") {
            text = "Line \(at.line) starts a value with a character YAML reserves (such as `@`, a backtick or `%`). Put the value in quotes."
        } else if problem.contains("found undefined alias") {
            text = "An alias (`*name`) refers to an anchor (`&name`) that is not defined earlier in this document."
        } else {
            text = "The YAML is malformed near line \(at.line), column \(at.column). Check the indentation and quotes there."
        }
        if kubectlLine > 0, kubectlLine != at.line {
            text += " (kubectl counts lines from the start of each document, so it says line \(kubectlLine); in the file it is line \(at.line).)"
        }
        return text
    }

    private func duplicateKeyProblem(duplicates: [String], firstMark: Mark, separatorShift: Int) -> ReadProblem {
        let lines = chunk.text.split(separator: "\n", omittingEmptySubsequences: false).map {
            $0.hasSuffix("\r") ? $0.dropLast() : $0
        }
        // The keys of a block mapping start in one column; find the occurrences of each duplicate there.
        let column = firstMark.column
        var start = firstMark.line - 1
        while start > 0, Self.indentOrBlank(lines[start - 1], atLeast: column) { start -= 1 }
        var end = firstMark.line - 1
        while end + 1 < lines.count, Self.indentOrBlank(lines[end + 1], atLeast: column) { end += 1 }
        var findings: [(key: String, first: Int, again: Int, column: Int)] = []
        for key in duplicates {
            var seen: [Int] = []
            if start <= end {
                for index in start...end where Self.keyAt(lines[index], column: column) == key {
                    seen.append(index + 1)
                }
            }
            if seen.count >= 2 {
                for again in seen.dropFirst() { findings.append((key, seen[0], again, column)) }
            } else {
                findings.append((key, firstMark.line, firstMark.line, column))
            }
        }
        findings.sort { $0.again < $1.again }
        let kubectlLines = findings.map {
            "  line \($0.again - separatorShift): mapping key \"\($0.key)\" already defined at line \($0.first - separatorShift)"
        }
        let first = findings.first
        let at = SourcePosition(line: fileLine(first?.again ?? firstMark.line), column: first?.column ?? column)
        let keys = duplicates.map { "`\($0)`" }.joined(separator: ", ")
        return ReadProblem(
            .duplicateKey, at: at,
            message: "error parsing \(fileName): error converting YAML to JSON: yaml: unmarshal errors:\n" + kubectlLines.joined(separator: "\n"),
            explanation: "The key \(keys) appears twice in the same mapping (lines \(findings.map { "\(fileLine($0.first)) and \(fileLine($0.again))" }.joined(separator: "; "))). A mapping holds each key once: keep one and delete the other."
        )
    }

    /// True when a line can belong to a block mapping whose keys start at `column`: blank, a comment, or indented at least that far.
    private static func indentOrBlank(_ line: Substring, atLeast column: Int) -> Bool {
        let indent = line.prefix { $0 == " " }.count
        let rest = line.dropFirst(indent)
        return rest.isEmpty || rest.hasPrefix("#") || indent + 1 >= column
    }

    /// The mapping key that starts exactly at `column` on this line, if one does.
    private static func keyAt(_ line: Substring, column: Int) -> String? {
        let scalars = Array(line.unicodeScalars)
        guard scalars.count >= column else { return nil }
        // Only spaces and sequence dashes may come before a key (`- name: x`).
        guard scalars[..<(column - 1)].allSatisfy({ $0 == " " || $0 == "-" }) else { return nil }
        var rest = String(String.UnicodeScalarView(scalars[(column - 1)...]))
        guard let colon = rest.range(of: ": ") ?? (rest.hasSuffix(":") ? rest.range(of: ":", options: .backwards) : nil)
        else { return nil }
        rest = String(rest[..<colon.lowerBound])
        if rest.count >= 2, let quote = rest.first, quote == "\"" || quote == "'", rest.last == quote {
            rest = String(rest.dropFirst().dropLast())
        }
        return rest
    }

    private func firstControlCharacter() -> SourcePosition? {
        var line = chunk.firstLine
        var column = 1
        for scalar in chunk.text.unicodeScalars {
            let v = scalar.value
            let allowed =
                v == 0x09 || v == 0x0A || v == 0x0D || (0x20...0x7E).contains(v) || v == 0x85
                || (0xA0...0xD7FF).contains(v) || (0xE000...0xFFFD).contains(v) || (0x10000...0x10FFFF).contains(v)
            if !allowed { return SourcePosition(line: line, column: column) }
            if v == 0x0A {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        return nil
    }
}

/// A cheap upper bound on how deeply each line nests, computed before Yams composes recursively.
enum NestingEstimate {
    /// The first (chunk-relative, 1-based) line whose nesting bound exceeds `limit`, if any.
    static func firstLineDeeperThan(_ limit: Int, in text: String) -> Int? {
        var flowDepth = 0
        var line = 1
        var indent = 0
        var atLineStart = true
        var indicators = 0
        var quote: UInt8? = nil
        var inComment = false
        var previous: UInt8 = 0x0A
        for byte in text.utf8 {
            if byte == 0x0A {
                if 2 * indent + indicators + flowDepth > limit { return line }
                line += 1
                indent = 0
                indicators = 0
                atLineStart = true
                inComment = false
                if quote == UInt8(ascii: "'") { quote = nil }
                previous = byte
                continue
            }
            if atLineStart {
                if byte == UInt8(ascii: " ") {
                    indent += 1
                    previous = byte
                    continue
                }
                atLineStart = false
            }
            if inComment {
                previous = byte
                continue
            }
            if let q = quote {
                if byte == q && !(q == UInt8(ascii: "\"") && previous == UInt8(ascii: "\\")) { quote = nil }
                previous = byte == UInt8(ascii: "\\") && previous == UInt8(ascii: "\\") ? 0 : byte
                continue
            }
            switch byte {
            case UInt8(ascii: "#") where previous == UInt8(ascii: " ") || previous == 0x0A || previous == UInt8(ascii: "\t"):
                inComment = true
            case UInt8(ascii: "\""), UInt8(ascii: "'"):
                if previous == UInt8(ascii: " ") || previous == UInt8(ascii: "[") || previous == UInt8(ascii: "{")
                    || previous == UInt8(ascii: ",") || previous == UInt8(ascii: ":") || previous == 0x0A
                {
                    quote = byte
                }
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                flowDepth += 1
                if flowDepth > limit { return line }
            case UInt8(ascii: "]"), UInt8(ascii: "}"):
                flowDepth = max(0, flowDepth - 1)
            case UInt8(ascii: "-"), UInt8(ascii: "?"), UInt8(ascii: ":"):
                indicators += 1
            default:
                break
            }
            previous = byte
        }
        if 2 * indent + indicators + flowDepth > limit { return line }
        return nil
    }
}
