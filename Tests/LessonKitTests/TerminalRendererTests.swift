import LessonKit
import Testing

/// Lessons in a terminal: wrapped to the width, styled with escapes only when colour is wanted.
@Suite struct TerminalRendererTests {
    func render(_ markdown: String, width: Int = 40, style: TerminalStyle = .plain) throws -> String {
        TerminalRenderer(width: width, style: style).render(try MarkdownDocument(parsing: markdown))
    }

    /// The visible text: escapes removed.
    func visible(_ text: String) -> String {
        var out = ""
        var inEscape = false
        for character in text {
            if character == "\u{1B}" {
                inEscape = true
            } else if inEscape {
                if character.isLetter { inEscape = false }
            } else {
                out.append(character)
            }
        }
        return out
    }

    @Test func paragraphsWrapAtTheWidthBetweenWords() throws {
        let text = try render("A network namespace gives a group of processes their own copy of the network stack.\n", width: 30)
        #expect(
            text == """
                A network namespace gives a
                group of processes their own
                copy of the network stack.

                """)
        for line in text.split(separator: "\n") { #expect(line.count <= 30) }
    }

    @Test func aWordLongerThanTheWidthGetsALineOfItsOwn() throws {
        let text = try render("See http://very-long-host.example.com/a/very/long/path now.\n", width: 20)
        #expect(text == "See\nhttp://very-long-host.example.com/a/very/long/path\nnow.\n")
    }

    @Test func plainTextMarksEmphasisCodeAndHeadingsWithoutEscapes() throws {
        let text = try render("# The idea\n\nA **Pod** has *one* IP: `10.244.1.2`.\n\n### Details\n\nMore.\n")
        #expect(
            text == """
                The idea
                ========

                A *Pod* has _one_ IP: `10.244.1.2`.

                Details
                ~~~~~~~

                More.

                """)
        #expect(!text.contains("\u{1B}"))
    }

    @Test func colourUsesEscapesAndWrapsOnTheVisibleWidth() throws {
        let markdown = "A **Pod** has *one* IP address, `10.244.1.2`, shared by every container of the Pod.\n"
        let text = try render(markdown, width: 30, style: .color)
        #expect(text.contains("\u{1B}[1mPod\u{1B}[0m"))
        #expect(text.contains("\u{1B}[3mone\u{1B}[0m"))
        #expect(text.contains("\u{1B}[36m10.244.1.2\u{1B}[0m"))
        // Escapes take no columns: the visible text wraps exactly as plain text of the same words would.
        #expect(visible(text) == "A Pod has one IP address,\n10.244.1.2, shared by every\ncontainer of the Pod.\n")
    }

    @Test func noColorKeepsTheTerminalLayoutWithoutEscapes() throws {
        let text = try render("## Run it\n\n- **one** IP\n- one `lo`\n\n---\n", style: .monochrome)
        #expect(!text.contains("\u{1B}"))
        #expect(text.contains("Run it\n──────"))
        #expect(text.contains("• *one* IP\n• one `lo`"))
        #expect(text.contains("────"))
    }

    @Test func theStandardOutputRendererIsPlainWhenNotATerminal() {
        // Tests run with standard output on a pipe or a file, as kubetutor does when its output is redirected.
        let renderer = TerminalRenderer.forStandardOutput(environment: ["COLUMNS": "60"])
        #expect(renderer.style == .plain)
        #expect(renderer.width == 60)
        #expect(TerminalRenderer.forStandardOutput(environment: ["COLUMNS": "300"]).width == 100)
    }

    @Test func listsIndentTheirContinuationLines() throws {
        let text = try render("1. The first item is long enough to wrap onto a second line.\n2. Short.\n", width: 30)
        #expect(
            text == """
                1. The first item is long
                   enough to wrap onto a
                   second line.
                2. Short.

                """)
    }

    @Test func codeBlocksKeepTheirLinesAndAreNeverWrapped() throws {
        let yaml = "```yaml\nspec:\n  containers:\n  - name: a-container-with-a-very-long-name-indeed\n```\n"
        let text = try render(yaml, width: 20)
        #expect(text == "    spec:\n      containers:\n      - name: a-container-with-a-very-long-name-indeed\n")
    }

    @Test func exerciseAndQuizBlocksAreLeftToTheCaller() throws {
        let text = try render("Before.\n\n```quiz\nid: q\n```\n\nAfter.\n")
        #expect(text == "Before.\n\nAfter.\n")
    }

    @Test func linksShowOutsideAddressesAndImagesTheirCaption() throws {
        let text = try render("Read [the docs](https://kubernetes.io/docs/) and [the next lesson](/lessons/x).\n\n![alt text](/public/img/a.svg \"A caption\")\n", width: 80)
        #expect(text == "Read the docs <https://kubernetes.io/docs/> and the next lesson.\n\n[picture: A caption]\n")
    }

    @Test func blockQuotesAndHardBreaks() throws {
        let text = try render("> quoted  \n> next line\n")
        #expect(text == "> quoted\n> next line\n")
    }
}
