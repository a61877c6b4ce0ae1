import Testing

@testable import ClusterSim

/// How manifests are read: positions in the file, kubectl's YAML 1.1 scalars, and its errors.
@Suite struct YAMLReaderTests {
    let reader = YAMLReader()

    @Test func positionsAreFileLinesAcrossDocuments() throws {
        let text = """
            apiVersion: v1
            kind: Service
            metadata:
              name: one
            ---
            apiVersion: v1
            kind: Service
            metadata:
              name: two
            """
        let result = reader.read(text: text, fileName: "svc.yaml")
        #expect(result.problems.isEmpty)
        #expect(result.documents.count == 2)
        let second = try #require(result.documents.last)
        #expect(second.index == 1)
        #expect(second.firstLine == 6)
        let name = try #require(second.root["metadata"]?.pair("name"))
        #expect(name.keyPosition == SourcePosition(line: 9, column: 3))
        #expect(name.value.position == SourcePosition(line: 9, column: 9))
    }

    @Test func plainScalarsResolveAsKubectlsYAML11Reader() throws {
        let text = """
            yes: yes
            on: off
            hex: 0x1F
            octal: 0777
            notOctal: 08
            float: 80.0
            fraction: 80.5
            big: 99999999999999999999
            overflow: 1e309
            quoted: "80"
            nothing: ~
            empty:
            word: nginx
            """
        let root = try #require(reader.read(text: text, fileName: "x.yaml").documents.first?.root)
        #expect(root["yes"]?.bool == true)
        #expect(root["on"]?.bool == false)
        #expect(root["hex"]?.int == 31)
        #expect(root["octal"]?.int == 511)
        #expect(root["notOctal"]?.int == 8)
        #expect(root["float"]?.int == 80)
        if case .number(let n)? = root["fraction"]?.content { #expect(n.jsonText == "80.5") } else { Issue.record("80.5 is not a number") }
        if case .number(let n)? = root["big"]?.content {
            #expect(n.jsonText == "100000000000000000000")
        } else {
            Issue.record("a 20-digit number is not a number")
        }
        #expect(root["overflow"]?.string == "1e309")
        #expect(root["quoted"]?.string == "80")
        #expect(root["nothing"]?.isNull == true)
        #expect(root["empty"]?.isNull == true)
        #expect(root["word"]?.string == "nginx")
    }

    @Test func goJSONNumberTextMatchesEncodingJSON() {
        #expect(ScalarResolver.goJSONText(1e20) == "100000000000000000000")
        #expect(ScalarResolver.goJSONText(1e21) == "1e+21")
        #expect(ScalarResolver.goJSONText(0.0000001) == "1e-7")
        #expect(ScalarResolver.goJSONText(0.5) == "0.5")
        #expect(ScalarResolver.goJSONText(-12.25) == "-12.25")
        #expect(ScalarResolver.goJSONText(80) == "80")
    }

    @Test func syntaxErrorCarriesKubectlsMessageAndTheFilePosition() throws {
        let text = """
            apiVersion: v1
            kind: Service
            metadata:
              name: web
            spec:
              ports:
              - port: 80
                targetPort 8080
                protocol: TCP
            """
        let result = reader.read(text: text, fileName: "svc.yaml")
        let problem = try #require(result.problems.first)
        #expect(problem.reason == .syntax)
        #expect(problem.message.hasPrefix("error parsing svc.yaml: error converting YAML to JSON: yaml: line "))
        #expect(problem.message.contains("mapping values are not allowed in this context") || problem.message.contains("could not find expected ':'"))
        #expect(problem.position.line >= 8)
    }

    @Test func kubectlCountsLinesFromTheDocumentNotTheFile() throws {
        let text = "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: a\n---\napiVersion: v1\nkind: Service\nmetadata:\n  name: web\n  labels: {app: web\n"
        let problem = try #require(reader.read(text: text, fileName: "two.yaml").problems.first)
        #expect(problem.position.line >= 10)
        // kubectl hands the second document to the parser alone, so its line numbers restart after `---`.
        #expect(problem.message.contains("yaml: line 5:") || problem.message.contains("yaml: line 4:"))
        #expect(problem.explanation.contains("in the file it is line"))
    }

    @Test func tabIndentationIsExplained() throws {
        let text = "apiVersion: v1\nkind: Service\nmetadata:\n\tname: web\n"
        let problem = try #require(reader.read(text: text, fileName: "tab.yaml").problems.first)
        #expect(problem.reason == .syntax)
        #expect(problem.message.contains("found character that cannot start any token"))
        #expect(problem.position.line == 4)
        #expect(problem.explanation.contains("tab"))
    }

    @Test func duplicateKeysNameBothLines() throws {
        let text = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
            spec:
              replicas: 2
              replicas: 3
            """
        let problem = try #require(reader.read(text: text, fileName: "dup.yaml").problems.first)
        #expect(problem.reason == .duplicateKey)
        #expect(problem.message.hasSuffix("line 7: mapping key \"replicas\" already defined at line 6"))
        #expect(problem.position == SourcePosition(line: 7, column: 3))
        #expect(problem.explanation.contains("lines 6 and 7"))
    }

    @Test func aBadDocumentDoesNotHideTheOthers() {
        let text = "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: a\n---\nkey: [unclosed\n---\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: b\n"
        let result = reader.read(text: text, fileName: "mixed.yaml")
        #expect(result.problems.count == 1)
        #expect(result.documents.count == 2)
        #expect(result.documents.map(\.index) == [0, 2])
    }

    @Test func mergeKeysBringInTheAnchoredMapping() throws {
        let text = """
            base: &base
              app: web
              tier: front
            labels:
              <<: *base
              tier: back
            """
        let root = try #require(reader.read(text: text, fileName: "m.yaml").documents.first?.root)
        #expect(root["labels"]?["app"]?.string == "web")
        #expect(root["labels"]?["tier"]?.string == "back")
    }

    @Test func crlfLineEndingsAndAByteOrderMarkReadNormally() throws {
        let text = "\u{FEFF}apiVersion: v1\r\nkind: Namespace\r\nmetadata:\r\n  name: crlf\r\n"
        let result = reader.read(text: text, fileName: "crlf.yaml")
        #expect(result.problems.isEmpty)
        let name = try #require(result.documents.first?.root["metadata"]?.pair("name"))
        #expect(name.value.string == "crlf")
        #expect(name.keyPosition.line == 4)
    }

    @Test func foreignYAMLTagsAreIgnoredWithAWarning() throws {
        let text = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  run: !!python/object:os.system echo\n"
        let result = reader.read(text: text, fileName: "tag.yaml")
        #expect(result.problems.isEmpty)
        let warning = try #require(result.warnings.first)
        #expect(warning.reason == .unsupportedTag)
        #expect(warning.message.contains("!!python/object:os.system"))
        #expect(result.documents.first?.root["data"]?["run"]?.string == "echo")
    }

    @Test func invalidUTF8IsNamedWithLibyamlsWords() throws {
        var bytes = Array("apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ".utf8)
        bytes += [0xC3, 0x28, 0x0A]
        let problem = try #require(reader.read(bytes: bytes, fileName: "bad.yaml").problems.first)
        #expect(problem.reason == .encoding)
        #expect(problem.message == "error parsing bad.yaml: error converting YAML to JSON: yaml: invalid trailing UTF-8 octet")
        #expect(problem.position.line == 4)
    }

    @Test func nulBytesAreRefusedAsControlCharacters() throws {
        let bytes = Array("apiVersion: v1\nkind: Namespace\nmetadata:\n  name: a\u{0}b\n".utf8)
        let problem = try #require(reader.read(bytes: bytes, fileName: "nul.yaml").problems.first)
        #expect(problem.reason == .encoding)
        #expect(problem.message.contains("control characters are not allowed"))
        #expect(problem.position == SourcePosition(line: 4, column: 10))
    }

    @Test func documentsSplitAtSeparatorLinesAsSwiftCharactersSeeTheLines() {
        // The line-by-line split the byte scan replaced, kept as the specification it must match.
        func splitByLines(_ text: String) -> [DocumentChunk] {
            var chunks: [DocumentChunk] = []
            var current: [Substring] = []
            var firstLine = 1
            var hasSeparator = false
            var lineNumber = 0
            for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
                lineNumber += 1
                if DocumentSplitter.isSeparator(line) {
                    if !current.isEmpty {
                        chunks.append(DocumentChunk(text: current.joined(separator: "\n"), firstLine: firstLine, startsWithSeparator: hasSeparator))
                    }
                    current = [line]
                    firstLine = lineNumber
                    hasSeparator = true
                } else {
                    current.append(line)
                }
            }
            if !current.isEmpty {
                chunks.append(DocumentChunk(text: current.joined(separator: "\n"), firstLine: firstLine, startsWithSeparator: hasSeparator))
            }
            return chunks
        }
        let texts = [
            "", "\n", "a: 1", "a: 1\n", "---", "---\n", "\n---\n", "---\n---\n---",
            "a: 1\n---\nb: 2\n", "---\na: 1\n--- # two\nb: 2\n...\n", "a: 1\n---\t\r\nb: 2",
            "a: 1\n----\nb: 2", "a: 1\n---x\nb: 2", "a: 1\n --- \nb: 2", "a: 1\n--\u{301}-\nb: 2", "a: 1\n---\u{301}\nb: 2",
            "a: 1\r\n---\r\nb: 2\r\n", "a: 1\r\r\n---\nb: 2", "a: 1\n\r\n---\nb: 2", "a: é\n---\n\u{301}b: 2\n",
            "# only a comment\n---\n---\n", "a: \"x\n---\ny\"\n", "\u{FEFF}---\na: 1",
        ]
        for text in texts {
            let expected = splitByLines(text)
            let actual = DocumentSplitter.split(text)
            #expect(actual.map(\.text) == expected.map(\.text), "\(text.debugDescription)")
            #expect(actual.map(\.firstLine) == expected.map(\.firstLine), "\(text.debugDescription)")
            #expect(actual.map(\.startsWithSeparator) == expected.map(\.startsWithSeparator), "\(text.debugDescription)")
        }
    }
}
