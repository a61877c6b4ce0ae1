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

    @Test func backticksBecomeCodeAfterEscaping() {
        #expect(InlineCode.html("Service `web` has <2> endpoints") == "Service <code>web</code> has &lt;2&gt; endpoints")
        #expect(InlineCode.html("an odd ` backtick") == "an odd ` backtick")
        #expect(InlineCode.html("`<script>`") == "<code>&lt;script&gt;</code>")
    }

    @Test func pageFramesFindTheirSlots() {
        let frame = PageFrame(html: "<a><!--kubetutor:learner--><b><!--kubetutor:exercise:one--><!--other--><!--kubetutor:quiz:q-->")
        #expect(frame.slots == [.learner, .exercise("one"), .quiz("q")])
        #expect(
            frame.render { slot in slot == .learner ? "ana" : "[\(slot.marker)]" }
                == "<a>ana<b>[<!--kubetutor:exercise:one-->]<!--other-->[<!--kubetutor:quiz:q-->]")
    }
}
