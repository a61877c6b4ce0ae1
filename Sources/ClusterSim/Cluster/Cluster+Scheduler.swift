extension Cluster {
    /// The scheduler and IPAM: places every Pending Pod on a node that fits (nodeName, nodeSelector,
    /// the control-plane taint, free host ports), preferring the least busy, and gives it an IP from
    /// that node's Pod CIDR (or the node's own IP for hostNetwork Pods).
    mutating func schedulePending() {
        guard pods.contains(where: { $0.nodeName == nil }) else { return }
        // What each node holds is counted once per pass and kept up to date as Pods are placed: every apply runs
        // this pass, and rescanning all Pods for each Pending Pod made a thousand Pending Pods take minutes.
        var podCount: [String: Int] = [:]
        var usedHostPorts: [String: Set<Int>] = [:]
        for pod in pods {
            guard let nodeName = pod.nodeName else { continue }
            podCount[nodeName, default: 0] += 1
            usedHostPorts[nodeName, default: []].formUnion(hostPorts(of: pod))
        }
        // Pending Pods with the same needs get the same answer until a Pod is placed, as the real scheduler keeps
        // unschedulable Pods aside until the cluster changes; a thousand Pending replicas are judged once per pass.
        var unschedulable: [SchedulingNeeds: String] = [:]
        for index in pods.indices where pods[index].nodeName == nil {
            let pod = pods[index]
            let wantedPorts = hostPorts(of: pod)
            let needs = SchedulingNeeds(
                nodeName: pod.requestedNodeName, toleratesControlPlane: pod.toleratesControlPlane, nodeSelector: pod.nodeSelector,
                hostPorts: wantedPorts)
            if let reason = unschedulable[needs] {
                pods[index].pendingReason = reason
                continue
            }
            var reasons: [String: Int] = [:]
            var feasible: [NodeRecord] = []
            for node in nodes {
                if let reason = unfitReason(
                    pod, on: node, wantedPorts: wantedPorts, usedPorts: usedHostPorts[node.name] ?? [], podCount: podCount[node.name] ?? 0)
                {
                    reasons[reason, default: 0] += 1
                } else {
                    feasible.append(node)
                }
            }
            // A Pod with nodeName skips the scheduler; if that node does not exist it simply waits.
            if let wanted = pod.requestedNodeName, node(named: wanted) == nil {
                pods[index].pendingReason = "node \(goQuote(wanted)) does not exist: a Pod with spec.nodeName is never scheduled elsewhere"
                unschedulable[needs] = pods[index].pendingReason
                continue
            }
            // The least busy feasible node; `feasible` keeps the nodes' order, and min(by:) keeps the first of equals.
            guard let chosen = feasible.min(by: { (podCount[$0.name] ?? 0) < (podCount[$1.name] ?? 0) }) else {
                let parts = reasons.map { "\($0.value) \($0.key)" }.sorted()
                let total = nodes.count
                pods[index].pendingReason =
                    "0/\(total) nodes are available: \(parts.joined(separator: ", ")). preemption: 0/\(total) nodes are available: \(total) Preemption is not helpful for scheduling."
                unschedulable[needs] = pods[index].pendingReason
                continue
            }
            pods[index].nodeName = chosen.name
            pods[index].pendingReason = nil
            unschedulable.removeAll()
            podCount[chosen.name, default: 0] += 1
            usedHostPorts[chosen.name, default: []].formUnion(wantedPorts)
            if pod.hostNetwork {
                pods[index].ip = chosen.ip
            } else {
                let ip = nextPodIP(on: chosen)
                pods[index].ip = ip
                lastPodIP[chosen.name] = ip
            }
            if pod.hostNetwork {
                markHostPortConflicts(podIndex: index, node: chosen.name)
            }
        }
    }

    /// Everything of a Pod that the scheduler's filters look at.
    private struct SchedulingNeeds: Hashable {
        var nodeName: String?
        var toleratesControlPlane: Bool
        var nodeSelector: [String: String]
        var hostPorts: Set<Int>
    }

    /// How many Pods a node takes: the kubelet's default `maxPods`, which the scheduler's NodeResourcesFit filter
    /// enforces. (It also keeps a node's Pods within the 253 addresses of its /24 Pod CIDR.)
    static let maxPodsPerNode = 110

    /// The first filter that rejects the node, in the scheduler's plugin order.
    private func unfitReason(_ pod: PodRecord, on node: NodeRecord, wantedPorts: Set<Int>, usedPorts: Set<Int>, podCount: Int) -> String? {
        if let wanted = pod.requestedNodeName {
            return wanted == node.name ? nil : "node(s) didn't match the requested node name"
        }
        if node.controlPlane && !pod.toleratesControlPlane {
            return "node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }"
        }
        if !pod.nodeSelector.allSatisfy({ node.labels[$0.key] == $0.value }) {
            return "node(s) didn't match Pod's node affinity/selector"
        }
        if !wantedPorts.isDisjoint(with: usedPorts) { return "node(s) didn't have free ports for the requested pod ports" }
        if podCount >= Self.maxPodsPerNode { return "Too many pods" }
        return nil
    }

    /// Ports a Pod takes on its node: declared hostPorts, and with hostNetwork every declared containerPort.
    private func hostPorts(of pod: PodRecord) -> Set<Int> {
        var ports: Set<Int> = []
        for container in pod.containers {
            for port in container.declaredPorts {
                if pod.hostNetwork {
                    ports.insert(port.containerPort)
                } else if let hostPort = port.hostPort, hostPort != 0 {
                    ports.insert(hostPort)
                }
            }
        }
        return ports
    }

    /// host-local IPAM: the next free address after the last one handed out, wrapping within the node's CIDR
    /// (.0 is the network, .1 the cni0 bridge, .255 broadcast).
    private func nextPodIP(on node: NodeRecord) -> IPv4 {
        let used = Set(pods.compactMap { $0.nodeName == node.name && !$0.hostNetwork ? $0.ip : nil })
        let first = node.podCIDR.base.advanced(by: 2)
        let last = node.podCIDR.base.advanced(by: 254)
        var candidate = lastPodIP[node.name].map { $0.advanced(by: 1) } ?? first
        for _ in 0..<253 {
            if candidate > last { candidate = first }
            if !used.contains(candidate) { return candidate }
            candidate = candidate.advanced(by: 1)
        }
        return candidate
    }

    /// Two hostNetwork Pods on one node share the node's ports: a process that finds its port taken cannot start.
    private mutating func markHostPortConflicts(podIndex: Int, node: String) {
        var bound: [Int: String] = [:]
        for other in pods where other.nodeName == node && other.hostNetwork && other.name != pods[podIndex].name {
            for container in other.containers where container.ready {
                for port in container.listeningPorts { bound[port] = "\(other.name)/\(container.name)" }
            }
        }
        for c in pods[podIndex].containers.indices where pods[podIndex].containers[c].bindConflict == nil {
            if let clash = pods[podIndex].containers[c].listeningPorts.first(where: { bound[$0] != nil }) {
                pods[podIndex].containers[c].bindConflict = (clash, bound[clash]!)
            }
        }
    }
}
