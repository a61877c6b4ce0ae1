import ClusterSim
import Foundation
import LessonKit
import Testing

@testable import WebApp

/// The SVG pictures: what they draw, and that names from YAML cannot break out of them.
@Suite struct DiagramTests {
    static func cluster(_ yaml: String) -> Cluster {
        ManifestChecker().checkAndSimulate(files: [("answer.yaml", Array(yaml.utf8))]).cluster
    }

    static let webAndClient = """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web}
        spec:
          replicas: 2
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec: {containers: [{name: nginx, image: "nginx:1.25"}]}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: client}
        spec: {containers: [{name: curl, image: "curlimages/curl:8.5.0"}]}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: web}
        spec:
          selector: {app: nope}
          ports: [{port: 80}]
        """

    @Test func aTraceDrawsEachHopAndTheFailingOneInRed() throws {
        let cluster = Self.cluster(Self.webAndClient)
        let result = cluster.trace(from: .pod(name: "client", namespace: "default"), to: try #require(TraceTarget.parse("http://web/")))
        #expect(!result.delivered)
        #expect(result.reason == .noEndpoints)
        let diagram = TraceDiagram(source: "pod/client", target: "http://web/", result: result, cluster: cluster)
        let svg = diagram.svg(id: "t")
        #expect(svg.hasPrefix(#"<svg xmlns="http://www.w3.org/2000/svg" class="trace-svg""#))
        #expect(svg.contains(#"aria-hidden="true""#), "the steps are listed as text beside the picture")
        #expect(svg.contains(">1  DNS lookup</text>"))
        let failing = try #require(result.hops.last)
        #expect(failing.kind == .kubeProxy)
        #expect(svg.contains(">\(result.hops.count)  kube-proxy DNAT  ✕</text>"), "the failing hop is numbered and crossed")
        #expect(
            svg.contains(#"class="trace-arrow trace-failed" marker-end="url(#t-arrow-failed)""#)
                || svg.contains(#"class="trace-step trace-failed""#), "and drawn in red")
        #expect(svg.components(separatedBy: "trace-failed").count - 1 == 3, "only that hop, its label and the outcome are red")
        #expect(svg.contains("✕ dropped: no-endpoints"))
        #expect(svg.contains(">node w1 · 192.168.50.15</text>"), "the client's node is a box")
        #expect(svg.contains(">client</text>"), "the Pod is a lane inside it")
    }

    @Test func aDeliveredTraceCrossesNodesOverVXLAN() throws {
        let cluster = Self.cluster(Self.webAndClient.replacingOccurrences(of: "{app: nope}", with: "{app: web}"))
        let result = cluster.trace(from: .pod(name: "client", namespace: "default"), to: try #require(TraceTarget.parse("http://web/")))
        #expect(result.delivered)
        let svg = TraceDiagram(source: "pod/client", target: "http://web/", result: result, cluster: cluster).svg(id: "t")
        #expect(svg.contains("✓ delivered"))
        #expect(!svg.contains("trace-failed\""))
        if result.hops.contains(where: { $0.kind == .vxlan }) {
            #expect(svg.contains("VXLAN flannel.1</text>"))
        }
    }

    @Test func theClusterPictureHasNodesPodsAndServices() {
        let diagram = ClusterDiagram(cluster: Self.cluster(Self.webAndClient))
        let wide = diagram.svg(id: "c", columns: 3)
        #expect(wide.contains(#"role="img""#))
        #expect(wide.contains(">node master · control plane</text>"))
        #expect(wide.contains(">node w1</text>") && wide.contains(">node w2</text>"))
        #expect(wide.contains(">client</text>"))
        #expect(wide.contains(">Service web · ClusterIP</text>"))
        #expect(wide.contains(#"class="cluster-object-line cluster-warning-text" text-anchor="start">0 endpoints</text>"#))
        #expect(diagram.summary.contains("Service web (ClusterIP) has 0 endpoints"))
        let narrow = diagram.svg(id: "n", columns: 1)
        #expect(narrow.contains(#"viewBox="0 0 256 "#), "one column for phones")
    }

    @Test func namesFromYAMLAreEscapedInsideThePicture() {
        var canvas = SVGCanvas(id: "x\"><script>")
        canvas.text("</text><script>alert(1)</script>", x: 0, y: 0, className: "a\" onload=\"alert(1)")
        let svg = canvas.svg(width: 10, height: 10, className: "c", label: "<b>")
        #expect(!svg.contains("<script>"))
        #expect(!svg.contains("\" onload=\""))
        #expect(svg.contains("&lt;/text&gt;&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(svg.contains(#"aria-label="&lt;b&gt;""#))
    }

    @Test func numbersAreWrittenAsTheyWerePrinted() {
        var values: [Double] = [0, -0.0, 0.04, -0.04, 0.05, -0.05, 0.1, -0.1, 0.25, 0.95, 9.95, 7.2, 12.5, -12.5, 99.99, 100, 256, 1_000_000.3]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<20_000 {
            values.append(Double.random(in: -5_000...5_000, using: &generator))
            values.append(Double(Int.random(in: -50_000...50_000, using: &generator)) / 10)
            values.append(Double(Int.random(in: 0...400, using: &generator)) * 7.2)
        }
        // Not past Int.max: number(_:) itself traps there.
        values += [1e15, -3e15, .infinity - .infinity]
        for value in values {
            var bytes: [UInt8] = []
            SVGCanvas.appendNumber(value, to: &bytes)
            #expect(String(decoding: bytes, as: UTF8.self) == SVGCanvas.number(value), "\(value)")
        }
    }

    @Test func textIsEscapedAsHTMLEscapedDoes() {
        let texts = [
            "", "plain", "<b>", "a&b", "\"'", "&&&", "ünïcödé <é>", "\"\u{301} x", "tail<", ">head",
            "👩‍👩‍👧 & \u{1F1E9}\u{1F1EA}", "10.244.1.2 · Running",
        ]
        for text in texts {
            var bytes: [UInt8] = []
            SVGCanvas.appendEscaped(text, to: &bytes)
            #expect(String(decoding: bytes, as: UTF8.self) == text.htmlEscaped, "\(text)")
        }
    }

    @Test func longTextIsCutWithAnEllipsisAndWholeInItsTooltip() {
        var canvas = SVGCanvas(id: "x")
        canvas.text("ééééé<", x: 1, y: 2, className: "c", maxCharacters: 6)
        canvas.text("éééééé<", x: 1, y: 2, className: "c", maxCharacters: 6)
        #expect(
            canvas.body
                == "<text x=\"1\" y=\"2\" class=\"c\" text-anchor=\"start\">ééééé&lt;</text>\n"
                + "<text x=\"1\" y=\"2\" class=\"c\" text-anchor=\"start\"><title>éééééé&lt;</title>ééééé…</text>\n")
    }

    @Test func backticksBecomeCodeAfterEscaping() {
        #expect(InlineCode.html("Service `web` has <2> endpoints") == "Service <code>web</code> has &lt;2&gt; endpoints")
        #expect(InlineCode.html("an odd ` backtick") == "an odd ` backtick")
        #expect(InlineCode.html("`<script>`") == "<code>&lt;script&gt;</code>")
    }

    /// How `InlineCode` first did it (escape, split at backticks, wrap every other part), to hold the one-pass version to.
    static func splitAndJoined(_ text: String) -> String {
        let parts = text.htmlEscaped.split(separator: "`", omittingEmptySubsequences: false)
        guard parts.count >= 3, parts.count % 2 == 1 else { return text.htmlEscaped }
        return parts.enumerated().map { index, part in index % 2 == 1 ? "<code>\(part)</code>" : String(part) }.joined()
    }

    @Test func inlineCodeMarksUpWhatSplittingAtBackticksDid() {
        let texts = [
            "", "`", "``", "```", "````", "no backticks <here> & 'there'", "`a`", "`a` and `b`", "`a` and `b", "Service `web` has \"2\" endpoints",
            "x``y", "`<script>` & `'`", "`é\u{301}` · `👩‍👩‍👧`", "trailing `", "`\"\u{301}`", "a `b` c `d` e `f` g",
            "`\u{301}x` and `y`", "\u{600}`x` `y`", "`x`\u{200D}", "é`x`é",
        ]
        for text in texts {
            #expect(InlineCode.html(text) == Self.splitAndJoined(text), "\(text)")
        }
    }

    @Test func pageFramesFindTheirSlots() {
        let frame = PageFrame(html: "<a><!--kubetutor:learner--><b><!--kubetutor:exercise:one--><!--other--><!--kubetutor:quiz:q-->")
        #expect(frame.slots == [.learner, .exercise("one"), .quiz("q")])
        #expect(
            frame.render { slot in slot == .learner ? "ana" : "[\(slot.marker)]" }
                == "<a>ana<b>[<!--kubetutor:exercise:one-->]<!--other-->[<!--kubetutor:quiz:q-->]")
    }
}
