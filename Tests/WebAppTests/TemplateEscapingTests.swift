import Foundation
import Hummingbird
import HummingbirdTesting
import Mustache
import Testing

@testable import WebApp

/// Every template escapes `{{values}}` over UTF-8 bytes, so that a quote stays an entity even when a combining mark
/// follows it (Swift counts `"` + U+0301 as one `Character`, which a per-`Character` escaper does not recognise as `"`).
@Suite struct TemplateEscapingTests {
    @Test func everyTemplateIsParsedToEscapeWithTheByteEscaper() throws {
        // Every template of the site goes through SitePages.template, which names the byte escaper: a value with a quote
        // and a combining mark comes out as an entity, as in each page (the join test below).
        struct Probe: MustacheParent {
            func child(named key: String) -> Any? { key == "value" ? "\"\u{301} <b>" : nil }
        }
        let probe = try SitePages.template("probe", "<p title=\"{{value}}\">{{value}}</p>")
        #expect(probe.render(Probe()) == "<p title=\"&quot;\u{301} &lt;b&gt;\">&quot;\u{301} &lt;b&gt;</p>")
        let templates = [
            PageTemplates.layout, PageTemplates.index, PageTemplates.lesson, PageTemplates.join, PageTemplates.notFound,
            PageTemplates.error, PageTemplates.learnerCorner, PageTemplates.courseProgress, PageTemplates.lessonProgress,
            PageTemplates.exercise, PageTemplates.result, PageTemplates.console, PageTemplates.quiz, PageTemplates.quizFeedback,
            PageTemplates.joinForm,
        ]
        for (index, template) in templates.enumerated() {
            #expect(throws: Never.self) { try SitePages.template("template \(index)", template) }
            #expect(!template.contains("CONTENT_TYPE"), "the content type is named in one place, SitePages.template")
        }
    }

    @Test func theByteEscaperEscapesWhatMustachesDoesAndAQuoteWithACombiningMark() {
        let escaper = ByteEscapedHTML()
        let markup = "<a href=\"x\">Tom & Jerry's</a>"
        #expect(escaper.escapeText(markup) == "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;")
        let quoteWithMark = "\"\u{301} autofocus"
        #expect(escaper.escapeText(quoteWithMark) == "&quot;\u{301} autofocus")
        #expect(escaper.escapeText("ünïcödé · ✓") == "ünïcödé · ✓")
    }

    @Test func aQuoteWithACombiningMarkCannotEndTheJoinFormsNextAttribute() async throws {
        try await TestApp.make().test(.router) { client in
            try await client.get("/join?next=/%22%CC%81%20autofocus%20data-x=%22") { response in
                #expect(response.status == .ok)
                #expect(response.text.contains("<input type=\"hidden\" name=\"next\" value=\"/&quot;\u{301} autofocus data-x=&quot;\">"))
                let rawQuoteWithMark = "\"\u{301}"  // (a variable: #expect cannot quote this literal in its message)
                #expect(!response.text.contains(rawQuoteWithMark))
            }
        }
    }
}
