import ClusterSim

/// A traced request drawn as a sequence diagram: nodes as boxes with their Pods (and the node's own
/// network stack) inside, one lane each; every hop an arrow labelled with what carried it (bridge, VXLAN,
/// kube-proxy, ingress ...), numbered as in the text list beside it; the failing hop in red with its reason.
struct TraceDiagram {
    /// Where the request starts (`pod/client`, `external`), as the check names it.
    let source: String
    /// What it is sent to, as the check names it.
    let target: String
    let result: TraceResult
    /// The cluster it crossed, to put each Pod on its node.
    let cluster: Cluster

    /// One column of the diagram: a Pod, a node's own stack, the load balancer, or the outside machine.
    struct Lane: Equatable {
        let place: String
        let title: String
        let subtitle: String
        let group: String
    }

    /// The short words on a hop's arrow.
    static func label(for kind: TraceHop.Kind) -> String {
        switch kind {
        case .loopback: "loopback lo"
        case .veth: "veth pair"
        case .bridge: "bridge cni0"
        case .vxlan: "VXLAN flannel.1"
        case .node: "to the node"
        case .dns: "DNS lookup"
        case .kubeProxy: "kube-proxy DNAT"
        case .nodeport: "NodePort"
        case .loadBalancer: "load balancer"
        case .ingress: "ingress"
        case .pod: "container"
        }
    }

    /// The places the request visits, the source first, each once.
    var places: [String] {
        var seen: [String] = []
        for place in [source] + result.hops.map(\.at) where !seen.contains(place) {
            seen.append(place)
        }
        return seen
    }

    /// The group (node name, or `outside`) a place belongs to.
    func group(of place: String) -> String {
        if place.hasPrefix("node/") { return String(place.dropFirst(5)) }
        if place.hasPrefix("pod/") {
            let name = Self.podName(place)
            return cluster.pods.first { $0.name == name }?.nodeName ?? "unscheduled"
        }
        return "outside"
    }

    private static func podName(_ place: String) -> String {
        // `pod/NAME` or `pod/NAMESPACE/NAME`.
        String(place.split(separator: "/").last ?? "")
    }

    func lane(for place: String) -> Lane {
        let group = group(of: place)
        if place.hasPrefix("node/") {
            return Lane(place: place, title: "\(group) host", subtitle: "cni0 · iptables · flannel.1", group: group)
        }
        if place.hasPrefix("pod/") {
            let name = Self.podName(place)
            let ip = cluster.pods.first { $0.name == name }?.ip.map { "\($0)" } ?? "no IP"
            return Lane(place: place, title: name, subtitle: "Pod · \(ip)", group: group)
        }
        if place.hasPrefix("lb/") {
            return Lane(place: place, title: "load balancer", subtitle: String(place.dropFirst(3)), group: group)
        }
        if place == "external" {
            return Lane(place: place, title: "your machine", subtitle: "192.168.50.1", group: group)
        }
        return Lane(place: place, title: place, subtitle: "", group: group)
    }

    /// The lanes grouped: groups in the order the request first reaches them, lanes likewise.
    var groupedLanes: [(group: String, lanes: [Lane])] {
        var groups: [(group: String, lanes: [Lane])] = []
        for place in places {
            let lane = lane(for: place)
            if let index = groups.firstIndex(where: { $0.group == lane.group }) {
                groups[index].lanes.append(lane)
            } else {
                groups.append((lane.group, [lane]))
            }
        }
        return groups
    }

    func groupTitle(_ group: String) -> String {
        switch group {
        case "outside": return "outside the cluster"
        case "unscheduled": return "not on a node"
        default:
            guard let node = cluster.node(named: group) else { return "node \(group)" }
            return "node \(node.name) · \(node.ip)"
        }
    }

    /// What a screen reader announces for the picture (the steps follow as a list).
    var summary: String {
        let outcome =
            result.delivered
            ? "delivered to \(result.endpoint ?? "its target")"
            : "dropped (\(result.reason?.rawValue ?? "unknown reason"))"
        return "A request from \(source) to \(target), \(result.hops.count) steps, \(outcome)."
    }

    // MARK: Drawing

    private static let margin = 10.0
    private static let laneWidth = 156.0
    private static let laneGap = 10.0
    private static let groupPadding = 10.0
    private static let groupGap = 14.0
    private static let groupHeader = 24.0
    private static let laneHeader = 42.0
    private static let rowHeight = 38.0

    /// The words on hop `index`'s arrow: its number, what carried it, and a cross when it is where the request stopped.
    static func hopLabel(index: Int, hop: TraceHop, failed: Bool) -> String {
        "\(index + 1)  \(label(for: hop.kind))" + (failed ? "  ✕" : "")
    }

    /// About how wide `text` is drawn at the labels' size (12 px, semibold).
    static func textWidth(_ text: String) -> Double {
        Double(text.count) * 7.2
    }

    /// The picture; `id` makes its arrow heads' ids unique in the page.
    func svg(id: String) -> String {
        var canvas = SVGCanvas(id: id)
        let groups = groupedLanes
        var centres: [String: Double] = [:]
        var laneBoxes: [(Lane, Double)] = []
        var groupBoxes: [(String, Double, Double)] = []
        var x = Self.margin
        for (group, lanes) in groups {
            let start = x
            x += Self.groupPadding
            for (index, lane) in lanes.enumerated() {
                if index > 0 { x += Self.laneGap }
                laneBoxes.append((lane, x))
                centres[lane.place] = x + Self.laneWidth / 2
                x += Self.laneWidth
            }
            x += Self.groupPadding
            groupBoxes.append((group, start, x - start))
            x += Self.groupGap
        }
        let lanesWidth = x - Self.groupGap + Self.margin
        let laneTop = Self.margin + Self.groupHeader
        let rowsTop = laneTop + Self.laneHeader + 26
        let rows = result.hops.count + 1
        let bottom = rowsTop + Double(rows - 1) * Self.rowHeight + 22
        let height = bottom + Self.margin

        // Labels beside a lane may run past the last lane: the picture, and the last group's box, widen to keep them whole.
        let failing = result.delivered ? nil : result.hops.indices.last
        var rightmost = lanesWidth
        var previous = source
        for (index, hop) in result.hops.enumerated() {
            let to = centres[hop.at] ?? centres[previous] ?? Self.margin
            if hop.at == previous || centres[previous] == to {
                rightmost = max(rightmost, to + 10 + Self.textWidth(Self.hopLabel(index: index, hop: hop, failed: index == failing)) + Self.margin)
            }
            previous = hop.at
        }
        let outcome = result.delivered ? "✓ delivered" : "✕ dropped: \(result.reason?.rawValue ?? "?")"
        let outcomeX = centres[result.delivered ? (result.endpoint ?? previous) : previous] ?? centres[previous] ?? Self.margin
        let outcomeWidth = Self.textWidth(outcome)
        // Centred under its lane, unless that would run off the left edge.
        let outcomeStart = max(Self.margin + Self.groupPadding, outcomeX - outcomeWidth / 2)
        rightmost = max(rightmost, outcomeStart + outcomeWidth + Self.margin)
        let width = rightmost
        let widening = width - lanesWidth

        for (index, (group, start, groupWidth)) in groupBoxes.enumerated() {
            let groupWidth = index == groupBoxes.count - 1 ? groupWidth + widening : groupWidth
            let className = group == "outside" || group == "unscheduled" ? "trace-group trace-group-outside" : "trace-group"
            canvas.rect(x: start, y: Self.margin, width: groupWidth, height: bottom - Self.margin, radius: 10, className: className)
            canvas.text(
                groupTitle(group), x: start + Self.groupPadding, y: Self.margin + 16, className: "trace-group-title",
                maxCharacters: Int(groupWidth / 6.8))
        }
        for (lane, laneX) in laneBoxes {
            let isPod = lane.place.hasPrefix("pod/")
            canvas.rect(
                x: laneX, y: laneTop, width: Self.laneWidth, height: Self.laneHeader, radius: isPod ? 8 : 4,
                className: isPod ? "trace-lane trace-lane-pod" : "trace-lane", title: lane.place)
            let middle = laneX + Self.laneWidth / 2
            canvas.text(lane.title, x: middle, y: laneTop + 17, className: "trace-lane-title", anchor: "middle", maxCharacters: 21)
            canvas.text(lane.subtitle, x: middle, y: laneTop + 33, className: "trace-lane-subtitle", anchor: "middle", maxCharacters: 26)
            canvas.line(x1: middle, y1: laneTop + Self.laneHeader, x2: middle, y2: bottom - 6, className: "trace-lifeline")
        }

        previous = source
        for (index, hop) in result.hops.enumerated() {
            let y = rowsTop + Double(index) * Self.rowHeight
            let failed = index == failing
            let label = Self.hopLabel(index: index, hop: hop, failed: failed)
            let labelClass = failed ? "trace-label trace-failed-text" : "trace-label"
            let from = centres[previous] ?? Self.margin
            let to = centres[hop.at] ?? from
            if hop.at == previous || from == to {
                canvas.circle(cx: to, cy: y, r: 5, className: failed ? "trace-step trace-failed" : "trace-step")
                canvas.text(label, x: to + 10, y: y + 4, className: labelClass)
            } else {
                let direction = to > from ? 1.0 : -1.0
                canvas.line(
                    x1: from, y1: y, x2: to - direction * 3, y2: y, className: failed ? "trace-arrow trace-failed" : "trace-arrow",
                    arrow: failed ? .failed : .normal)
                canvas.text(label, x: (from + to) / 2, y: y - 6, className: labelClass, anchor: "middle")
            }
            previous = hop.at
        }
        let outcomeY = rowsTop + Double(rows - 1) * Self.rowHeight
        canvas.text(
            outcome, x: outcomeStart, y: outcomeY + 5,
            className: result.delivered ? "trace-outcome trace-delivered-text" : "trace-outcome trace-failed-text")
        return canvas.svg(width: width, height: height, className: "trace-svg", label: summary, hidden: true)
    }
}
