import ClusterSim
import Foundation
import Testing

@testable import WebApp

/// The API's JSON quoting copies the runs between escapes whole: every string must still come back as it went in.
@Suite struct JSONTextTests {
    static let strings = [
        "",
        "plain",
        #"say "hi" \ bye"#,
        "line\nbreak\r\ntab\there",
        "\u{0}\u{1}\u{1f}\u{7f} control bytes",
        "é, 🙂, ünïcödé at the end: ∑",
        "\"",
        "\\",
        "\n",
        String(repeating: "<div class=\"result\">\n", count: 2000),
        "ends with an escape\n",
        "\u{1b}[31mred\u{1b}[0m",
    ]

    @Test(arguments: strings)
    func aQuotedStringReadsBackAsItself(_ value: String) throws {
        let quoted = JSONText.quote(value)
        let decoded = try JSONDecoder().decode(String.self, from: Data(quoted.utf8))
        #expect(decoded == value)
        #expect(quoted.utf8.allSatisfy { $0 >= 0x20 }, "no raw control byte is left")
    }

    @Test func controlBytesAreWrittenAsGoWritesThem() {
        #expect(JSONText.quote("a\u{0}b\u{1f}\n\t\r\"\\") == #""a\u0000b\u001f\n\t\r\"\\""#)
    }

    @Test func aDocumentWithTheResultPanelParses() throws {
        let html = "<p class=\"x\">\"quoted\" & \\ back\n</p>"
        let text = JSONValue.object([("html", .string(html)), ("attempt", .int(3)), ("raw", .raw(#"{"a":1}"#))]).text
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(object["html"] as? String == html)
        #expect(object["attempt"] as? Int == 3)
    }
}
