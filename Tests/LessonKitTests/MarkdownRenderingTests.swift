import LessonKit
import Testing

/// Markdown to HTML through libcmark's tree: anchors, code languages, and no raw HTML ever passed through.
@Suite struct MarkdownRenderingTests {
    func render(_ markdown: String, reserved: Set<String> = []) throws -> RenderedMarkdown {
        HTMLRenderer(reservedAnchors: reserved).render(try MarkdownDocument(parsing: markdown))
    }

    @Test func headingsGetASlugAnchorAndASelfLink() throws {
        let rendered = try render("## Run it: `kubectl apply`!\n")
        #expect(
            rendered.html == """
                <h2 id="run-it-kubectl-apply">Run it: <code>kubectl apply</code>!\
                <a class="anchor" href="#run-it-kubectl-apply" aria-label="Link to this section: Run it: kubectl apply!">#</a></h2>

                """)
        #expect(rendered.headings == [RenderedHeading(level: 2, anchor: "run-it-kubectl-apply", text: "Run it: kubectl apply!")])
    }

    @Test func repeatedHeadingsGetUniqueAnchors() throws {
        let rendered = try render("## Run it\n\n### Run it\n\n## Run it\n\n## Main\n", reserved: ["main"])
        #expect(rendered.headings.map(\.anchor) == ["run-it", "run-it-1", "run-it-2", "main-1"])
    }

    @Test func aHeadingWithoutLettersStillGetsAnAnchor() throws {
        let rendered = try render("## ???\n")
        #expect(rendered.headings.map(\.anchor) == ["section"])
    }

    @Test func fencedCodeKeepsItsLanguageAndIsEscaped() throws {
        let rendered = try render("```yaml title=\"pod.yaml\"\nname: <web> & \"x\"\n```\n")
        #expect(rendered.html == "<pre><code class=\"language-yaml\">name: &lt;web&gt; &amp; &quot;x&quot;\n</code></pre>\n")
    }

    @Test func codeWithoutLanguageOrWithAStrangeOneHasNoClass() throws {
        #expect(try render("```\nplain\n```\n").html == "<pre><code>plain\n</code></pre>\n")
        #expect(try render("```\"><script>\nx\n```\n").html == "<pre><code>x\n</code></pre>\n")
    }

    @Test func rawHTMLBlocksAreShownAsTextNotRun() throws {
        let html = try render("<script>alert('x')</script>\n\nAfter.\n").html
        #expect(!html.contains("<script"))
        #expect(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"))
        #expect(html.contains("<p>After.</p>"))
    }

    @Test func rawInlineHTMLIsEscaped() throws {
        let html = try render("Click <img src=x onerror=alert(1)> here.\n").html
        #expect(html == "<p>Click &lt;img src=x onerror=alert(1)&gt; here.</p>\n")
    }

    @Test func htmlCommentsAreDropped() throws {
        #expect(try render("<!-- a note for authors -->\n\nText <!-- inline --> here.\n").html == "<p>Text  here.</p>\n")
    }

    @Test func unsafeLinkDestinationsLoseTheirLinkButKeepTheirText() throws {
        #expect(try render("[run](javascript:alert(1))\n").html == "<p>run</p>\n")
        #expect(try render("[run](JaVaScRiPt:alert(1))\n").html == "<p>run</p>\n")
        #expect(try render("![x](data:image/svg+xml,<svg>)\n").html.contains("<img") == false)
        #expect(
            try render("[docs](https://kubernetes.io/docs/ \"K8s\")\n").html
                == "<p><a href=\"https://kubernetes.io/docs/\" title=\"K8s\">docs</a></p>\n")
        #expect(try render("[next](/lessons/pod-to-pod#the-idea)\n").html == "<p><a href=\"/lessons/pod-to-pod#the-idea\">next</a></p>\n")
    }

    @Test func anImageAloneWithATitleBecomesAFigure() throws {
        let html = try render("![Pod web on node w1](/public/img/pod.svg \"One Pod, one namespace\")\n").html
        #expect(
            html == """
                <figure><img src="/public/img/pod.svg" alt="Pod web on node w1"><figcaption>One Pod, one namespace</figcaption></figure>

                """)
    }

    @Test func listsEmphasisAndBreaksRender() throws {
        let html = try render("- **one** IP\n- *one* `lo`\n\n3. third\n4. fourth\n\n---\n\n> quoted\n").html
        #expect(
            html == """
                <ul>
                <li><strong>one</strong> IP</li>
                <li><em>one</em> <code>lo</code></li>
                </ul>
                <ol start="3">
                <li>third</li>
                <li>fourth</li>
                </ol>
                <hr>
                <blockquote>
                <p>quoted</p>
                </blockquote>

                """)
    }

    @Test func blockLinesComeFromLibcmark() throws {
        let document = try MarkdownDocument(parsing: "Intro\n\n## Title\n\n```yaml\na: 1\n```\n")
        #expect(document.blocks.map(\.line) == [1, 3, 5])
        #expect(document.blocks[2].content == .codeBlock(info: "yaml", code: "a: 1\n"))
    }

    @Test func absurdNestingIsRefusedNotRecursedForever() {
        let deep = String(repeating: ">", count: MarkdownDocument.nestingLimit + 5) + " deep\n"
        #expect(throws: MarkdownError.self) {
            try MarkdownDocument(parsing: deep)
        }
    }
}
