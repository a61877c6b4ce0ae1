extension Cluster {
    /// The scheduler and IPAM: places every Pending Pod on a node that fits (nodeName, nodeSelector,
    /// the control-plane taint, free host ports), preferring the least busy, and gives it an IP from
    /// that node's Pod CIDR (or the node's own IP for hostNetwork Pods).
    mutating func schedulePending() {
        for index in pods.indices where pods[index].nodeName == nil {
            let pod = pods[index]
            var reasons: [String: Int] = [:]
            var feasible: [NodeRecord] = []
            for node in nodes {
                if let reason = unfitReason(pod, on: node) {
                    reasons[reason, default: 0] += 1
                } else {
                    feasible.append(node)
                }
            }
            // A Pod with nodeName skips the scheduler; if that node does not exist it simply waits.
            if let wanted = pod.requestedNodeName, node(named: wanted) == nil {
                pods[index].pendingReason = "node \(goQuote(wanted)) does not exist: a Pod with spec.nodeName is never scheduled elsewhere"
                continue
            }
            guard
                let chosen = feasible.min(by: { a, b in
                    let (ca, cb) = (pods(on: a.name).count, pods(on: b.name).count)
                    return ca != cb ? ca < cb : nodes.firstIndex(of: a)! < nodes.firstIndex(of: b)!
                })
            else {
                let parts = reasons.map { "\($0.value) \($0.key)" }.sorted()
                let total = nodes.count
                pods[index].pendingReason =
                    "0/\(total) nodes are available: \(parts.joined(separator: ", ")). preemption: 0/\(total) nodes are available: \(total) Preemption is not helpful for scheduling."
                continue
            }
            pods[index].nodeName = chosen.name
            pods[index].pendingReason = nil
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

    /// The first filter that rejects the node, in the scheduler's plugin order.
    private func unfitReason(_ pod: PodRecord, on node: NodeRecord) -> String? {
        if let wanted = pod.requestedNodeName {
            return wanted == node.name ? nil : "node(s) didn't match the requested node name"
        }
        if node.controlPlane && !pod.toleratesControlPlane {
            return "node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }"
        }
        if !pod.nodeSelector.allSatisfy({ node.labels[$0.key] == $0.value }) {
            return "node(s) didn't match Pod's node affinity/selector"
        }
        let wantedPorts = hostPorts(of: pod)
        if !wantedPorts.isEmpty {
            let used = Set(pods(on: node.name).flatMap { hostPorts(of: $0) })
            if !wantedPorts.isDisjoint(with: used) { return "node(s) didn't have free ports for the requested pod ports" }
        }
        return nil
    }

    /// Ports a Pod takes on its node: declared hostPorts, and with hostNetwork every declared containerPort.
    private func hostPorts(of pod: PodRecord) -> Set<Int> {
        Set(
            pod.containers.flatMap { container in
                container.declaredPorts.compactMap { port in
                    pod.hostNetwork ? port.containerPort : port.hostPort.flatMap { $0 == 0 ? nil : $0 }
                }
            })
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
