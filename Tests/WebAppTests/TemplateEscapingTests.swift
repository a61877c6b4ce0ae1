import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import WebApp

/// Every template escapes `{{values}}` over UTF-8 bytes, so that a quote stays an entity even when a combining mark
/// follows it (Swift counts `"` + U+0301 as one `Character`, which a per-`Character` escaper does not recognise as `"`).
@Suite struct TemplateEscapingTests {
    @Test func everyTemplateNamesTheByteEscaper() {
        let templates = [
            PageTemplates.layout, PageTemplates.index, PageTemplates.lesson, PageTemplates.join, PageTemplates.notFound,
            PageTemplates.error, PageTemplates.learnerCorner, PageTemplates.courseProgress, PageTemplates.lessonProgress,
            PageTemplates.exercise, PageTemplates.result, PageTemplates.console, PageTemplates.quiz, PageTemplates.quizFeedback,
            PageTemplates.joinForm,
        ]
        for template in templates {
            #expect(template.hasPrefix(PageTemplates.escapesBytes))
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
