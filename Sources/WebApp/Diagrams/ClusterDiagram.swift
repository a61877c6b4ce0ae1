import ClusterSim

/// An exercise's cluster drawn as SVG: each node a box with its Pods inside, then the Services (with their
/// addresses, ports and how many endpoints they have) and the Ingresses. Drawn in three columns for wide
/// screens and one for phones.
struct ClusterDiagram {
    let cluster: Cluster
    /// The Pods drawn: all but those of ``hiddenNamespaces``.
    let pods: [PodRecord]
    /// The Services drawn: the learner's and the exercise's, not the cluster's own.
    let services: [ServiceRecord]
    /// What a screen reader announces.
    let summary: String
    /// The boxes of the picture, worked out once: a panel draws them twice (wide and narrow), in two layouts.
    private let nodeBoxes: [Box]
    private let objectBoxes: [Box]

    /// Namespaces whose Pods are the cluster's own machinery (CoreDNS), left out of the picture.
    static let hiddenNamespaces: Set<String> = ["kube-system"]

    init(cluster: Cluster) {
        self.cluster = cluster
        let pods = cluster.pods.filter { !Self.hiddenNamespaces.contains($0.namespace) }
        let services = cluster.services.filter { !$0.builtIn }
        // Endpoints are worked out from selectors and Pods: once per Service, for the summary and the box alike.
        let endpointCounts = services.map { service in service.ports.first.map { cluster.endpoints(of: service, port: $0).count } ?? 0 }
        self.pods = pods
        self.services = services

        var parts: [String] = []
        var nodeBoxes: [Box] = []
        for node in cluster.nodes {
            let podsOnNode = pods.filter { $0.nodeName == node.name }
            parts.append(
                "node \(node.name) (\(node.ip)) runs " + (podsOnNode.isEmpty ? "no Pods" : podsOnNode.map(\.name).joined(separator: ", ")))
            nodeBoxes.append(
                Self.nodeBox(
                    title: "node \(node.name)" + (node.controlPlane ? " · control plane" : ""), subtitle: "\(node.ip) · Pods \(node.podCIDR)",
                    pods: podsOnNode))
        }
        let pending = pods.filter { $0.nodeName == nil }
        if !pending.isEmpty {
            parts.append("not scheduled: " + pending.map(\.name).joined(separator: ", "))
            nodeBoxes.append(Self.nodeBox(title: "not scheduled", subtitle: "Pending: no node fits", pods: pending, outside: true))
        }
        for (service, endpoints) in zip(services, endpointCounts) {
            parts.append("Service \(service.name) (\(service.type)) has \(endpoints) endpoints")
        }
        for ingress in cluster.ingresses {
            parts.append("Ingress \(ingress.name)")
        }
        summary = "The cluster: " + parts.joined(separator: "; ") + "."
        self.nodeBoxes = nodeBoxes
        objectBoxes = zip(services, endpointCounts).map { Self.serviceBox($0, endpoints: $1) } + cluster.ingresses.map(Self.ingressBox)
    }

    // MARK: Drawing

    private static let margin = 8.0
    private static let gap = 12.0
    private static let boxWidth = 240.0
    private static let nodeHeader = 50.0
    private static let podHeight = 40.0
    private static let podGap = 6.0
    private static let lineHeight = 16.0

    /// A box to place in the grid: its height and how to draw it at a position.
    private struct Box {
        let height: Double
        let draw: (inout SVGCanvas, Double, Double, Double) -> Void
    }

    /// The picture with `columns` boxes a row; `id` makes its ids unique in the page.
    func svg(id: String, columns: Int) -> String {
        var canvas = SVGCanvas(id: id)
        let width = Self.margin * 2 + Double(columns) * Self.boxWidth + Double(columns - 1) * Self.gap
        var y = place(nodeBoxes, columns: columns, top: Self.margin, canvas: &canvas)
        if !objectBoxes.isEmpty {
            y = place(objectBoxes, columns: columns, top: y + Self.gap, canvas: &canvas)
        }
        return canvas.svg(width: width, height: y + Self.margin, className: "cluster-svg", label: summary)
    }

    /// Lays boxes out in rows of `columns`; every box of a row gets the row's height. Returns the bottom.
    private func place(_ boxes: [Box], columns: Int, top: Double, canvas: inout SVGCanvas) -> Double {
        var y = top
        for start in stride(from: 0, to: boxes.count, by: columns) {
            let row = boxes[start..<min(start + columns, boxes.count)]
            let height = row.map(\.height).max() ?? 0
            for (offset, box) in row.enumerated() {
                box.draw(&canvas, Self.margin + Double(offset) * (Self.boxWidth + Self.gap), y, height)
            }
            y += height + Self.gap
        }
        return y - Self.gap
    }

    private static func nodeBox(title: String, subtitle: String, pods: [PodRecord], outside: Bool = false) -> Box {
        let rows = max(pods.count, 1)
        // The Pods' words, worked out once for both layouts.
        let podTexts = pods.map { pod in
            (
                ready: pod.isReady, name: pod.name, title: "pod/\(pod.name) (namespace \(pod.namespace))",
                details: [pod.ip.map { "\($0)" } ?? "no IP", pod.readyText, pod.status].joined(separator: " · ")
            )
        }
        let height = Self.nodeHeader + Double(rows) * (Self.podHeight + Self.podGap) + 4
        return Box(height: height) { canvas, x, y, rowHeight in
            canvas.rect(
                x: x, y: y, width: Self.boxWidth, height: rowHeight, radius: 10,
                className: outside ? "cluster-node cluster-node-pending" : "cluster-node")
            canvas.text(title, x: x + 12, y: y + 20, className: "cluster-node-title", maxCharacters: 30)
            canvas.text(subtitle, x: x + 12, y: y + 37, className: "cluster-node-subtitle", maxCharacters: 38)
            if pods.isEmpty {
                canvas.text("no Pods", x: x + 12, y: y + Self.nodeHeader + 22, className: "cluster-empty")
            }
            for (index, pod) in podTexts.enumerated() {
                let podY = y + Self.nodeHeader + Double(index) * (Self.podHeight + Self.podGap)
                canvas.rect(
                    x: x + 10, y: podY, width: Self.boxWidth - 20, height: Self.podHeight, radius: 7,
                    className: pod.ready ? "cluster-pod" : "cluster-pod cluster-pod-unready", title: pod.title)
                canvas.text(pod.name, x: x + 20, y: podY + 17, className: "cluster-pod-name", maxCharacters: 30)
                canvas.text(pod.details, x: x + 20, y: podY + 32, className: "cluster-pod-detail", maxCharacters: 36)
            }
        }
    }

    private static func serviceBox(_ service: ServiceRecord, endpoints: Int) -> Box {
        var lines: [String] = []
        if let ip = service.clusterIP { lines.append("ClusterIP \(ip)") } else if service.headless { lines.append("headless (no ClusterIP)") }
        for port in service.ports.prefix(3) {
            var text = "port \(port.port) → \(port.targetPort)/\(port.proto)"
            if let nodePort = port.nodePort { text += " · NodePort \(nodePort)" }
            lines.append(text)
        }
        if let lb = service.loadBalancerIP { lines.append("load balancer \(lb)") }
        let title = "Service \(service.name) · \(service.type)"
        let endpointText = "\(endpoints) endpoint\(endpoints == 1 ? "" : "s")"
        let height = 30 + Double(lines.count + 1) * Self.lineHeight + 8
        return Box(height: height) { canvas, x, y, rowHeight in
            canvas.rect(x: x, y: y, width: Self.boxWidth, height: rowHeight, radius: 10, className: "cluster-service")
            canvas.text(title, x: x + 12, y: y + 20, className: "cluster-object-title", maxCharacters: 32)
            for (index, line) in lines.enumerated() {
                canvas.text(line, x: x + 12, y: y + 38 + Double(index) * Self.lineHeight, className: "cluster-object-line", maxCharacters: 36)
            }
            canvas.text(
                endpointText, x: x + 12, y: y + 38 + Double(lines.count) * Self.lineHeight,
                className: endpoints == 0 ? "cluster-object-line cluster-warning-text" : "cluster-object-line cluster-ok-text")
        }
    }

    private static func ingressBox(_ ingress: IngressRecord) -> Box {
        var lines: [String] = []
        for rule in ingress.rules {
            for path in rule.paths {
                lines.append("\(rule.host ?? "*")\(path.path) → \(path.backend.serviceName):\(path.backend.port)")
            }
        }
        if let backend = ingress.defaultBackend { lines.append("default → \(backend.serviceName):\(backend.port)") }
        let shown = Array(lines.prefix(4))
        let extra = lines.count - shown.count
        let allLines = shown + (extra > 0 ? ["and \(extra) more"] : []) + [ingress.className.map { "class \($0)" } ?? "no ingressClassName"]
        let height = 30 + Double(allLines.count) * Self.lineHeight + 8
        let title = "Ingress \(ingress.name)"
        return Box(height: height) { canvas, x, y, rowHeight in
            canvas.rect(x: x, y: y, width: Self.boxWidth, height: rowHeight, radius: 10, className: "cluster-ingress")
            canvas.text(title, x: x + 12, y: y + 20, className: "cluster-object-title", maxCharacters: 32)
            for (index, line) in allLines.enumerated() {
                canvas.text(line, x: x + 12, y: y + 38 + Double(index) * Self.lineHeight, className: "cluster-object-line", maxCharacters: 36)
            }
        }
    }
}
