extension Cluster {
    /// Follows a request hop by hop, from a Pod, a node or outside the cluster, to `target`,
    /// the way DNS, kube-proxy (iptables), flannel (VXLAN), MetalLB and ingress-nginx would
    /// carry it, and says where it arrives or why it stops.
    ///
    /// - Parameter resolve: names pinned to addresses, as curl's `--resolve HOST:PORT:IP`.
    public func trace(from source: TraceSource, to target: TraceTarget, resolve: [String: IPv4] = [:]) -> TraceResult {
        var run = TraceRun(cluster: self, target: target)
        return run.start(from: source, resolve: resolve)
    }

    /// The ingress-nginx controller Pods, Running and Ready.
    var ingressControllers: [PodRecord] {
        pods.filter { pod in pod.isReady && pod.containers.contains { ImageCatalogue.isIngressController($0.image) } }
    }

    /// True when ingress-nginx (whose default class is `nginx`) serves this Ingress.
    func isServedByController(_ ingress: IngressRecord) -> Bool {
        if let className = ingress.className {
            if let ingressClass = ingressClasses.first(where: { $0.name == className }) {
                return ingressClass.controller == "k8s.io/ingress-nginx"
            }
            return className == "nginx"
        }
        if let annotation = ingress.annotationClass { return annotation == "nginx" }
        // No class named: the default IngressClass decides. When IngressClasses exist but none is the default,
        // ingress-nginx (without --watch-ingress-without-class) ignores the Ingress; with no IngressClass at all,
        // the simulated controller takes it, as the pre-1.0 controller of the seed article did.
        if let defaultClass = ingressClasses.first(where: \.isDefault) { return defaultClass.controller == "k8s.io/ingress-nginx" }
        return ingressClasses.isEmpty
    }

    /// Where an Ingress host name points for a client outside the cluster: the node the controller listens on (hostNetwork),
    /// or its LoadBalancer address.
    func ingressEntryAddress() -> (ip: IPv4, how: String)? {
        for controller in ingressControllers {
            if controller.hostNetwork, let nodeName = controller.nodeName, let node = node(named: nodeName) {
                return (node.ip, "node \(node.name), where the ingress-nginx controller listens with hostNetwork")
            }
            for service in services where service.namespace == controller.namespace && service.type == "LoadBalancer" {
                if let ip = service.loadBalancerIP, selectedPods(by: service).contains(where: { $0.name == controller.name }) {
                    return (ip, "the load balancer of Service \(service.name) in front of the ingress-nginx controller")
                }
            }
        }
        return nil
    }
}

/// The state of one trace as it moves through the cluster.
struct TraceRun {
    let cluster: Cluster
    let target: TraceTarget
    var hops: [TraceHop] = []
    /// The Service a request went through, so that a refusal can point at its targetPort line.
    var viaService: (ServiceRecord, ServicePortRecord)?

    init(cluster: Cluster, target: TraceTarget) {
        self.cluster = cluster
        self.target = target
    }

    /// Where a packet is at a moment of its journey.
    enum Location {
        case pod(PodRecord)
        case node(NodeRecord)
        case external

        var label: String {
            switch self {
            case .pod(let pod): "pod/\(pod.name)"
            case .node(let node): "node/\(node.name)"
            case .external: "external"
            }
        }

        /// The node a packet from here is processed on (kube-proxy's rules live there).
        func node(in cluster: Cluster) -> NodeRecord? {
            switch self {
            case .pod(let pod): pod.nodeName.flatMap { cluster.node(named: $0) }
            case .node(let node): node
            case .external: nil
            }
        }
    }

    // MARK: Start

    mutating func start(from source: TraceSource, resolve: [String: IPv4]) -> TraceResult {
        let location: Location
        switch source {
        case .pod(let name, let namespace):
            guard let pod = cluster.pod(named: name, in: namespace) else {
                return drop(.noSuchObject, "There is no Pod \(goQuote(name)) in namespace \(namespace). \(podNameHint(name, namespace))")
            }
            guard pod.isScheduled else {
                return drop(
                    .notRoutable, "Pod \(name) is Pending and has no IP yet, so it cannot send anything. \(pod.pendingReason ?? "")".trimmingTrailingSpace())
            }
            location = .pod(pod)
        case .node(let name):
            guard let node = cluster.node(named: name) else {
                return drop(.noSuchObject, "There is no node \(goQuote(name)); the nodes are \(cluster.nodes.map(\.name).joined(separator: ", ")).")
            }
            location = .node(node)
        case .external:
            location = .external
        }

        if let podName = target.podName {
            let namespace: String
            if case .pod(_, let ns) = source { namespace = ns } else { namespace = "default" }
            guard let pod = cluster.pod(named: podName, in: namespace) else {
                return drop(.noSuchObject, "There is no Pod \(goQuote(podName)) in namespace \(namespace). \(podNameHint(podName, namespace))")
            }
            guard let ip = pod.ip else {
                return drop(.notRoutable, "Pod \(podName) is Pending and has no IP: \(pod.pendingReason ?? "it has not been scheduled.")")
            }
            return route(to: ip, port: target.port, from: location)
        }

        // Name resolution.
        if let ip = IPv4(target.host) {
            if ip.value >> 24 == 127 { return loopback(port: target.port, from: location) }
            return route(to: ip, port: target.port, from: location)
        }
        if target.host == "localhost" { return loopback(port: target.port, from: location) }
        if let pinned = resolve[target.host] {
            hops.append(TraceHop(.dns, at: location.label, "\(target.host) -> \(pinned) (pinned with --resolve, DNS not asked)"))
            return route(to: pinned, port: target.port, from: location)
        }
        switch resolveName(target.host, from: location) {
        case .address(let ip, let detail):
            hops.append(TraceHop(.dns, at: location.label, detail))
            return route(to: ip, port: target.port, from: location)
        case .failure(let reason, let detail, let explanation):
            hops.append(TraceHop(.dns, at: location.label, detail))
            return drop(reason, explanation)
        }
    }

    private func podNameHint(_ name: String, _ namespace: String) -> String {
        let names = cluster.pods.filter { $0.namespace == namespace }.map(\.name)
        if let close = names.first(where: { $0.hasPrefix(name + "-") }) {
            return "Pods made by a Deployment have generated names: did you mean \(close)? (`kubectl get pods` lists them.)"
        }
        return names.isEmpty ? "The namespace has no Pods." : "Pods there: \(names.joined(separator: ", "))."
    }

    // MARK: DNS

    enum Resolution {
        case address(IPv4, String)
        case failure(DropReason, String, String)
    }

    func resolveName(_ host: String, from location: Location) -> Resolution {
        let ingressHost = cluster.ingresses.contains { ingress in ingress.rules.contains { rule in rule.host.map { hostMatches($0, host) } ?? false } }
        switch location {
        case .external:
            if ingressHost {
                guard let entry = cluster.ingressEntryAddress() else {
                    let detail = "\(host): no address (no ingress controller is running to receive it)"
                    if let pending = cluster.pods.first(where: { pod in !pod.isReady && pod.containers.contains { ImageCatalogue.isIngressController($0.image) } }) {
                        return .failure(
                            .noIngressController, detail,
                            "\(host) is a host of an Ingress, and an ingress-nginx controller exists, but its Pod \(pending.name) is not running: \(pending.pendingReason ?? pending.status). Until it runs, nothing listens for the Ingress's rules."
                        )
                    }
                    return .failure(
                        .noIngressController, detail,
                        "\(host) is a host of an Ingress, but an Ingress is only a set of routing rules: without an ingress controller (such as ingress-nginx) nothing listens for it, and no address can be given for the name. Deploy the controller (image registry.k8s.io/ingress-nginx/controller) on a node with hostNetwork: true, or behind a LoadBalancer Service."
                    )
                }
                return .address(
                    entry.ip,
                    "\(host) -> \(entry.ip) (as if /etc/hosts held \"\(entry.ip) \(host)\": \(entry.how))")
            }
            if let node = cluster.nodes.first(where: { $0.name == host }) {
                return .address(node.ip, "\(host) -> \(node.ip) (the node's address on the host network)")
            }
            let clusterName = serviceLookup(host, namespace: "default") != nil || host.hasSuffix(".cluster.local") || host.hasSuffix(".svc")
            let detail = "\(host): NXDOMAIN"
            if clusterName {
                return .failure(
                    .nxdomain, detail,
                    "\(host) is a name of the cluster's DNS (CoreDNS at \(Cluster.dnsIP)), which answers only Pods inside the cluster. From outside, reach the Service through a NodePort (a node's IP and the node port), a LoadBalancer address, or an Ingress host."
                )
            }
            return .failure(.nxdomain, detail, "Nothing resolves \(host): it is not a Service, an Ingress host or a node name. Check the spelling.")
        case .node(let node):
            let detail = "\(host): NXDOMAIN (node/\(node.name) resolves names with the host's DNS, not CoreDNS)"
            if serviceLookup(host, namespace: "default") != nil || host.hasSuffix(".cluster.local") {
                return .failure(
                    .nxdomain, detail,
                    "Nodes do not use the cluster DNS: their /etc/resolv.conf points at the host network's resolver, which has never heard of \(host). From a node, use the Service's ClusterIP (`kubectl get svc`), which kube-proxy's rules on the node do know."
                )
            }
            if let other = cluster.nodes.first(where: { $0.name == host }) {
                return .address(other.ip, "\(host) -> \(other.ip) (node name, from the host's /etc/hosts)")
            }
            return .failure(.nxdomain, detail, "Nothing resolves \(host) from a node.")
        case .pod(let pod):
            guard let found = serviceLookup(host, namespace: pod.namespace) else {
                let fqdn = fqdnGuess(host, namespace: pod.namespace)
                let detail = "\(fqdn): NXDOMAIN (CoreDNS at \(Cluster.dnsIP))"
                var explanation = "CoreDNS has no record for \(host). "
                if ingressHost {
                    explanation += "\(host) is an Ingress host: names in Ingress rules are for clients outside the cluster (their DNS or /etc/hosts points the name at the ingress node); the cluster DNS does not know them. Inside the cluster, call the Service by its name."
                } else if cluster.pods.contains(where: { $0.name == host }) {
                    explanation += "\(host) is a Pod's name, and Pod names are not DNS names. Put a Service in front of the Pod and use the Service's name, or use the Pod's IP."
                } else if let other = cluster.services.first(where: { $0.name == host.split(separator: ".").first.map(String.init) }) {
                    explanation += "A Service \(other.name) exists in namespace \(other.namespace), but a short name looks in the Pod's own namespace (\(pod.namespace)): use \(other.name).\(other.namespace)."
                } else {
                    explanation += "Service names resolve as NAME, NAME.NAMESPACE or NAME.NAMESPACE.svc.cluster.local; no Service with this name exists (`kubectl get svc -A` lists them)."
                }
                return .failure(.nxdomain, detail, explanation)
            }
            let (service, fqdn) = found
            if let externalName = service.externalName, service.type == "ExternalName" {
                return .failure(
                    .nxdomain, "\(fqdn) -> CNAME \(externalName): NXDOMAIN",
                    "Service \(service.name) is an ExternalName alias for \(externalName). The simulated cluster is offline, so names outside it do not resolve."
                )
            }
            if service.headless {
                let ready = cluster.selectedPods(by: service).filter(\.isReady).compactMap(\.ip).sorted()
                guard let first = ready.first else {
                    return .failure(
                        .noEndpoints, "\(fqdn): no A records (headless Service without Ready Pods)",
                        "Service \(service.name) is headless (clusterIP: None): its DNS name returns the IPs of its Ready Pods, and it has none. \(noEndpointsReason(service))"
                    )
                }
                return .address(first, "\(fqdn) -> \(ready.map(\.description).joined(separator: ", ")) (headless Service: the Pods' own IPs)")
            }
            guard let ip = service.clusterIP else {
                return .failure(.nxdomain, "\(fqdn): NXDOMAIN", "Service \(service.name) has no ClusterIP.")
            }
            return .address(ip, "\(fqdn) -> \(ip) (CoreDNS at \(Cluster.dnsIP))")
        }
    }

    /// The Service a name means for a Pod in `namespace`, with the fully qualified name: NAME, NAME.NS, NAME.NS.svc, NAME.NS.svc.cluster.local.
    func serviceLookup(_ host: String, namespace: String) -> (ServiceRecord, String)? {
        var labels = host.split(separator: ".").map(String.init)
        if labels.suffix(2) == ["cluster", "local"] { labels.removeLast(2) }
        if labels.last == "svc" { labels.removeLast() }
        let (name, ns): (String, String)
        switch labels.count {
        case 1: (name, ns) = (labels[0], namespace)
        case 2: (name, ns) = (labels[0], labels[1])
        default: return nil
        }
        guard let service = cluster.service(named: name, in: ns) else { return nil }
        return (service, "\(name).\(ns).svc.cluster.local")
    }

    private func fqdnGuess(_ host: String, namespace: String) -> String {
        host.contains(".") ? host : "\(host).\(namespace).svc.cluster.local"
    }

    // MARK: Routing

    /// Delivers to `ip:port` starting at `location`.
    mutating func route(to ip: IPv4, port: Int, from location: Location) -> TraceResult {
        if let service = cluster.services.first(where: { $0.clusterIP == ip && !$0.headless }) {
            return throughClusterIP(service, port: port, from: location)
        }
        if let service = cluster.services.first(where: { $0.loadBalancerIP == ip }) {
            return throughLoadBalancer(service, ip: ip, port: port, from: location)
        }
        if let node = cluster.nodes.first(where: { $0.ip == ip }) {
            return toNode(node, port: port, from: location)
        }
        if CIDR("10.244.0.0/16")!.contains(ip) {
            guard case .external = location else { return toPodIP(ip, port: port, from: location) }
            return drop(
                .notRoutable,
                "\(ip) is a Pod IP on the cluster's overlay network (10.244.0.0/16). Only the nodes have routes to it; a machine outside the cluster does not. Expose the Pods through a NodePort or LoadBalancer Service, or an Ingress."
            )
        }
        if NetworkFacts.isInServiceCIDR(ip.description) {
            return drop(
                .notRoutable,
                "No Service has the ClusterIP \(ip). \(location.node(in: cluster) == nil ? "And ClusterIPs are never reachable from outside the cluster." : "`kubectl get svc -A` lists the ClusterIPs in use.")"
            )
        }
        return drop(.notRoutable, "Nothing in the simulated cluster has the address \(ip). The nodes are \(cluster.nodes.map { "\($0.name) \($0.ip)" }.joined(separator: ", ")).")
    }

    private mutating func throughClusterIP(_ service: ServiceRecord, port: Int, from location: Location) -> TraceResult {
        guard let node = location.node(in: cluster) else {
            return drop(
                .notRoutable,
                "\(service.clusterIP!) is the ClusterIP of Service \(service.name). A ClusterIP is virtual: only kube-proxy's iptables rules on the cluster's nodes know it, so it cannot be reached from outside the cluster. To let outside clients in, make the Service a NodePort (then use a node's IP and the node port) or a LoadBalancer, or put an Ingress in front of it."
            )
        }
        guard let servicePort = service.ports.first(where: { $0.port == port && $0.proto == "TCP" }) else {
            hops.append(TraceHop(.kubeProxy, at: "node/\(node.name)", "KUBE-SERVICES: no rule for \(service.clusterIP!):\(port)/TCP"))
            return drop(
                .portNotOpen,
                "Service \(service.name) (\(service.source)) has no port \(port); its ports are \(service.ports.map { "\($0.port)/\($0.proto)" }.joined(separator: ", ")). A ClusterIP only answers on the Service's `port` values; the packet matches no kube-proxy rule and the connection times out."
            )
        }
        return kubeProxy(service, servicePort, on: node, matched: "\(service.clusterIP!):\(port)", from: location)
    }

    private mutating func kubeProxy(
        _ service: ServiceRecord, _ servicePort: ServicePortRecord, on node: NodeRecord, matched: String, from location: Location
    ) -> TraceResult {
        var location = location
        if case .pod(let source) = location, !source.hostNetwork, let ip = source.ip {
            // The packet leaves the Pod through its veth into the node, where kube-proxy's iptables rules see it.
            hops.append(TraceHop(.veth, at: "pod/\(source.name)", "eth0 \(ip) -> veth pair -> node/\(node.name), where iptables sees the packet"))
            location = .node(node)
        }
        let svcChain = "KUBE-SVC-" + StableHash.chainSuffix("\(service.namespace)/\(service.name):\(servicePort.name)")
        let endpoints = cluster.endpoints(of: service, port: servicePort)
        guard !endpoints.isEmpty else {
            hops.append(
                TraceHop(
                    .kubeProxy, at: "node/\(node.name)",
                    "KUBE-SERVICES \(matched) -> \(svcChain) (\(service.namespace)/\(service.name)): no endpoints, REJECT (icmp port-unreachable)"))
            return drop(.noEndpoints, "Service \(service.name) has no endpoints, so kube-proxy rejects the connection. \(noEndpointsReason(service, port: servicePort))")
        }
        let index = Int(StableHash.fnv1a("\(location.label)->\(matched)") % UInt64(endpoints.count))
        let chosen = endpoints[index]
        let sepChain = "KUBE-SEP-" + StableHash.chainSuffix("\(service.namespace)/\(service.name):\(servicePort.name)/\(chosen.ip):\(chosen.port)")
        let probability = endpoints.count - index
        let odds = probability == 1 ? "the last rule, taken when the ones before it were not" : "--probability \(formatProbability(1.0 / Double(probability)))"
        hops.append(
            TraceHop(
                .kubeProxy, at: "node/\(node.name)",
                "KUBE-SERVICES \(matched) -> \(svcChain) (\(service.namespace)/\(service.name), \(endpoints.count) endpoint\(endpoints.count == 1 ? "" : "s")) -> \(sepChain) (\(odds)) DNAT \(matched) -> \(chosen.ip):\(chosen.port) (pod/\(chosen.pod))"
            ))
        viaService = (service, servicePort)
        let from: Location = {
            if case .external = location { return .node(node) }
            return location
        }()
        return toPodIP(chosen.ip, port: chosen.port, from: from)
    }

    private func formatProbability(_ p: Double) -> String {
        let scaled = Int((p * 100_000).rounded())
        let whole = scaled / 100_000
        let frac = String(scaled % 100_000)
        return "\(whole)." + String(repeating: "0", count: 5 - frac.count) + frac
    }

    private mutating func throughLoadBalancer(_ service: ServiceRecord, ip: IPv4, port: Int, from location: Location) -> TraceResult {
        guard let servicePort = service.ports.first(where: { $0.port == port && $0.proto == "TCP" }) else {
            return drop(
                .portNotOpen,
                "The load balancer \(ip) of Service \(service.name) forwards only the Service's ports (\(service.ports.map { String($0.port) }.joined(separator: ", "))), not \(port)."
            )
        }
        // MetalLB in layer-2 mode: one node answers ARP for the address; prefer one that runs an endpoint.
        let endpointNodes = Set(cluster.endpoints(of: service, port: servicePort).map(\.nodeName))
        let workers = cluster.nodes.filter { !$0.controlPlane }
        guard let announcer = workers.first(where: { endpointNodes.contains($0.name) }) ?? workers.first ?? cluster.nodes.first else {
            return drop(.notRoutable, "No node can announce \(ip).")
        }
        hops.append(
            TraceHop(
                .loadBalancer, at: "lb/\(ip)",
                "\(ip):\(port) announced by node/\(announcer.name) (\(announcer.ip)) from the pool 192.168.50.240-192.168.50.250"))
        return kubeProxy(service, servicePort, on: announcer, matched: "\(ip):\(port)", from: .node(announcer))
    }

    private mutating func toNode(_ node: NodeRecord, port: Int, from location: Location) -> TraceResult {
        hops.append(TraceHop(.node, at: "node/\(node.name)", "arrives at \(node.ip):\(port) (\(location.label) -> node/\(node.name))"))
        // A hostNetwork Pod listening on the node's port answers directly (the ingress controller in the seed's setup).
        for pod in cluster.pods(on: node.name) where pod.hostNetwork && pod.listeningPorts.contains(port) {
            return arriveAtPod(pod, port: port, from: .node(node))
        }
        // A hostPort: the CNI portmap plugin DNATs the node's port to the Pod (flannel's default chain includes it).
        for pod in cluster.pods(on: node.name) where !pod.hostNetwork {
            for container in pod.containers {
                guard let mapping = container.declaredPorts.first(where: { $0.hostPort == port && $0.proto == "TCP" }), let ip = pod.ip else { continue }
                hops.append(
                    TraceHop(
                        .node, at: "node/\(node.name)",
                        "CNI-HOSTPORT-DNAT tcp dpt:\(port) -> \(ip):\(mapping.containerPort) (hostPort of pod/\(pod.name), \(mapping.source))"))
                return toPodIP(ip, port: mapping.containerPort, from: .node(node))
            }
        }
        for service in cluster.services {
            if let servicePort = service.ports.first(where: { $0.nodePort == port && $0.proto == "TCP" }) {
                hops.append(
                    TraceHop(
                        .nodeport, at: "node/\(node.name)",
                        "KUBE-NODEPORTS tcp dpt:\(port) -> Service \(service.namespace)/\(service.name) port \(servicePort.port) (every node opens node port \(port))"
                    ))
                return kubeProxy(service, servicePort, on: node, matched: "\(node.ip):\(port)", from: .node(node))
            }
        }
        let blocked = cluster.pods(on: node.name).first { pod in pod.hostNetwork && pod.containers.contains { $0.bindConflict?.port == port } }
        var explanation = "Nothing listens on \(node.name):\(port): no NodePort Service uses node port \(port) and no hostNetwork Pod on \(node.name) listens on it."
        if NetworkFacts.nodePortRange.contains(Int64(port)) == false && cluster.services.contains(where: { $0.ports.contains { $0.port == port && $0.nodePort != nil } })
        {
            explanation += " Note that a NodePort Service is reached on its node port (30000-32767), not on its `port`."
        }
        if let blocked { explanation += " (Pod \(blocked.name) wanted it but could not bind.)" }
        let nodePorts = cluster.services.flatMap { service in service.ports.compactMap { $0.nodePort.map { "\(service.name):\($0)" } } }
        if !nodePorts.isEmpty { explanation += " Node ports in use: \(nodePorts.joined(separator: ", "))." }
        return drop(.portNotOpen, explanation)
    }

    /// Pod-to-Pod routing: loopback, veth and cni0 on one node, flannel VXLAN between nodes.
    private mutating func toPodIP(_ ip: IPv4, port: Int, from location: Location) -> TraceResult {
        guard let pod = cluster.pods.first(where: { $0.ip == ip && !$0.hostNetwork }) else {
            if let hostPod = cluster.pods.first(where: { $0.ip == ip }), let node = hostPod.nodeName.flatMap({ cluster.node(named: $0) }) {
                return toNode(node, port: port, from: location)
            }
            return drop(.noSuchObject, "No Pod has the IP \(ip) (any more). Pod IPs change when Pods are replaced; use a Service.")
        }
        guard let destinationNode = pod.nodeName.flatMap({ cluster.node(named: $0) }) else {
            return drop(.notRoutable, "Pod \(pod.name) is not running.")
        }
        switch location {
        case .pod(let source) where source.name == pod.name && source.namespace == pod.namespace:
            hops.append(TraceHop(.loopback, at: "pod/\(pod.name)", "\(ip) is the Pod's own address: delivered inside its network namespace via lo"))
        case .pod(let source):
            let sourceNode = source.nodeName.flatMap { cluster.node(named: $0) }!
            if source.hostNetwork {
                return fromNodeStack(sourceNode, to: pod, ip: ip, destinationNode: destinationNode, port: port, label: "pod/\(source.name)")
            }
            hops.append(TraceHop(.veth, at: "pod/\(source.name)", "eth0 \(source.ip!) -> veth pair -> cni0 on node/\(sourceNode.name)"))
            if sourceNode.name == destinationNode.name {
                hops.append(TraceHop(.bridge, at: "node/\(sourceNode.name)", "cni0 (\(sourceNode.bridgeIP)) switches to the veth of pod/\(pod.name): both Pods are on \(sourceNode.name)"))
            } else {
                hops.append(contentsOf: overlay(from: sourceNode, to: destinationNode, ip: ip))
            }
            hops.append(TraceHop(.veth, at: "pod/\(pod.name)", "veth pair -> eth0 \(ip)"))
        case .node(let node):
            return fromNodeStack(node, to: pod, ip: ip, destinationNode: destinationNode, port: port, label: "node/\(node.name)")
        case .external:
            return drop(.notRoutable, "\(ip) is a Pod IP, not reachable from outside the cluster.")
        }
        return arriveAtPod(pod, port: port, from: location)
    }

    private mutating func fromNodeStack(
        _ node: NodeRecord, to pod: PodRecord, ip: IPv4, destinationNode: NodeRecord, port: Int, label: String
    ) -> TraceResult {
        if node.name == destinationNode.name {
            hops.append(TraceHop(.bridge, at: "node/\(node.name)", "route 10.244.\((node.podCIDR.base.value >> 8) & 0xFF).0/24 dev cni0: cni0 (\(node.bridgeIP)) -> veth of pod/\(pod.name)"))
        } else {
            hops.append(contentsOf: overlay(from: node, to: destinationNode, ip: ip))
        }
        hops.append(TraceHop(.veth, at: "pod/\(pod.name)", "veth pair -> eth0 \(ip)"))
        return arriveAtPod(pod, port: port, from: .node(node))
    }

    private func overlay(from source: NodeRecord, to destination: NodeRecord, ip: IPv4) -> [TraceHop] {
        [
            TraceHop(
                .bridge, at: "node/\(source.name)",
                "cni0 (\(source.bridgeIP)): \(ip) is not on this node (\(source.podCIDR)); route \(destination.podCIDR) via flannel.1"),
            TraceHop(
                .vxlan, at: "node/\(source.name)",
                "flannel.1 VNI 1: encapsulates in UDP \(source.ip) -> \(destination.ip) udp/8472 (\(destination.podCIDR) lives on \(destination.name))"),
            TraceHop(.bridge, at: "node/\(destination.name)", "flannel.1 decapsulates; cni0 (\(destination.bridgeIP)) -> veth of the Pod"),
        ]
    }

    private mutating func loopback(port: Int, from location: Location) -> TraceResult {
        switch location {
        case .pod(let pod):
            hops.append(TraceHop(.loopback, at: "pod/\(pod.name)", "lo 127.0.0.1:\(port), inside pod/\(pod.name)'s network namespace (shared by its \(pod.containers.count) container\(pod.containers.count == 1 ? "" : "s"))"))
            return arriveAtPod(pod, port: port, from: location, viaLoopback: true)
        case .node(let node):
            hops.append(TraceHop(.loopback, at: "node/\(node.name)", "lo 127.0.0.1:\(port) on node/\(node.name)"))
            for pod in cluster.pods(on: node.name) where pod.hostNetwork && pod.listeningPorts.contains(port) {
                return arriveAtPod(pod, port: port, from: location)
            }
            return drop(.connectionRefused, "Nothing on node \(node.name) itself listens on port \(port) (only hostNetwork Pods share the node's localhost).")
        case .external:
            return drop(.connectionRefused, "localhost is your own machine, not the cluster.")
        }
    }

    /// The packet reached the Pod's network namespace: is anything listening?
    private mutating func arriveAtPod(_ pod: PodRecord, port: Int, from location: Location, viaLoopback: Bool = false) -> TraceResult {
        let listener = pod.containers.first { $0.ready && $0.listeningPorts.contains(port) }
        guard let listener else {
            return refused(pod, port: port)
        }
        let entry = ImageCatalogue.entry(for: listener.image)
        hops.append(TraceHop(.pod, at: "pod/\(pod.name)", "container \(listener.name) (\(listener.image)) accepts on \(pod.hostNetwork ? "the node's port" : "port") \(port)"))
        if ImageCatalogue.isIngressController(listener.image), port == 80 || port == 443 {
            return ingressRouting(controller: pod, port: port)
        }
        var explanation = "Delivered to pod/\(pod.name) on \(pod.nodeName ?? "?"): container \(listener.name) listens on \(port)."
        if let (service, _) = viaService {
            explanation = "Delivered through Service \(service.name) to pod/\(pod.name) on \(pod.nodeName ?? "?"): container \(listener.name) listens on \(port)."
        }
        if viaLoopback { explanation += " The containers of a Pod share one network namespace, so localhost reaches every container of the Pod." }
        return TraceResult(
            delivered: true, reason: nil, endpoint: "pod/\(pod.name)", hops: hops, explanation: explanation, httpStatus: entry?.status ?? 200,
            responseBody: entry?.response ?? "", connectedIP: nil)
    }

    private func refused(_ pod: PodRecord, port: Int) -> TraceResult {
        let listening = pod.containers.filter(\.ready).flatMap { c in c.listeningPorts.map { "\(c.name) (\(c.image)) on \($0)" } }
        var explanation = "Connection refused: nothing in pod/\(pod.name) listens on port \(port)."
        if listening.isEmpty {
            explanation += " No container of this Pod listens on any port."
        } else {
            explanation += " What listens: \(listening.joined(separator: ", "))."
        }
        if let crashed = pod.containers.first(where: { $0.bindConflict?.port == port }) {
            explanation += " Container \(crashed.name) should listen on \(port) but crashed: \(crashed.bindConflict!.holder) already holds the port in the Pod's shared network namespace."
        }
        if let (service, servicePort) = viaService {
            explanation += " Service \(service.name) sends port \(servicePort.port) to targetPort \(servicePort.targetPort) (\(servicePort.targetSource)): set targetPort to the port the container really listens on."
            if let declared = pod.containers.flatMap(\.declaredPorts).first(where: { $0.containerPort == port }),
                !pod.containers.contains(where: { $0.listeningPorts.contains(port) })
            {
                explanation += " (containerPort: \(declared.containerPort) at \(declared.source) only documents a port; it does not make the process listen there.)"
            }
        }
        return TraceResult(
            delivered: false, reason: .connectionRefused, endpoint: nil, hops: hops, explanation: explanation, httpStatus: nil,
            responseBody: nil, connectedIP: nil)
    }

    func drop(_ reason: DropReason, _ explanation: String) -> TraceResult {
        TraceResult(delivered: false, reason: reason, endpoint: nil, hops: hops, explanation: explanation, httpStatus: nil, responseBody: nil, connectedIP: nil)
    }

    /// Why a Service has no endpoints, naming the selector and the labels that do exist.
    func noEndpointsReason(_ service: ServiceRecord, port: ServicePortRecord? = nil) -> String {
        guard let selector = service.selector, !selector.isEmpty else {
            return "It has no selector, so Kubernetes makes no endpoints for it automatically."
        }
        let selectorText = selector.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ",")
        let at = service.selectorSource.map { " (\($0))" } ?? ""
        let selected = cluster.selectedPods(by: service)
        if selected.isEmpty {
            let candidates = cluster.pods.filter { $0.namespace == service.namespace && $0.owner != "coredns" }
            var text = "Its selector \(selectorText)\(at) matches no Pod in namespace \(service.namespace)."
            if let nearest = ClusterFindings.nearestLabels(to: selector, among: candidates) {
                text += " The nearest Pod, \(nearest.name), is labelled \(nearest.labels.sorted { $0.key < $1.key }.filter { $0.key != "pod-template-hash" }.map { "\($0.key)=\($0.value)" }.joined(separator: ","))."
            } else if candidates.isEmpty {
                text += " There are no Pods in that namespace at all."
            }
            return text + " Make the selector equal to the Pods' labels (a Deployment's `template.metadata.labels`)."
        }
        let notReady = selected.filter { !$0.isReady }
        if notReady.count == selected.count {
            let reasons = notReady.map { pod in
                pod.isScheduled
                    ? "\(pod.name) is \(pod.status) (\(pod.containers.filter { !$0.ready }.map { "container \($0.name) cannot bind port \($0.bindConflict!.port), held by \($0.bindConflict!.holder)" }.joined(separator: "; ")))"
                    : "\(pod.name) is Pending: \(pod.pendingReason ?? "not scheduled")"
            }
            return "The Pods its selector matches are not Ready, and only Ready Pods become endpoints: \(reasons.joined(separator: "; "))."
        }
        if let port, case .name(let name) = port.targetPort {
            return "Its targetPort \(goQuote(name)) (\(port.targetSource)) names a port, and none of the matching Pods declares a containerPort with that name."
        }
        return "No matching Pod is Ready."
    }

    // MARK: Ingress

    private mutating func ingressRouting(controller: PodRecord, port: Int) -> TraceResult {
        let host = target.effectiveHost
        let path = target.path
        let served = cluster.ingresses.filter { cluster.isServedByController($0) }
        let unserved = cluster.ingresses.filter { !cluster.isServedByController($0) }
        // ingress-nginx builds one server block per host: an exact host beats a wildcard, which beats the
        // catch-all server of rules without a host. Paths are only looked up inside the chosen server.
        var rules: [(ingress: IngressRecord, rule: IngressRuleRecord)] = []
        for ingress in served { for rule in ingress.rules { rules.append((ingress, rule)) } }
        let exactHost = rules.filter { $0.rule.host == host }
        let wildcard = rules.filter { entry in entry.rule.host.map { $0.hasPrefix("*.") && hostMatches($0, host) } ?? false }
        let catchAll = rules.filter { $0.rule.host == nil }
        let server = !exactHost.isEmpty ? exactHost : (!wildcard.isEmpty ? wildcard : catchAll)
        var best: (ingress: IngressRecord, path: IngressPathRecord, length: Int, exact: Bool)?
        for (ingress, rule) in server {
            for candidate in rule.paths {
                guard pathMatches(candidate, path) else { continue }
                // The longest path wins; on a tie Exact beats Prefix.
                let key = [candidate.path.count, candidate.pathType == "Exact" ? 1 : 0]
                if let b = best, [b.length, b.exact ? 1 : 0].lexicographicallyPrecedes(key) == false { continue }
                best = (ingress, candidate, candidate.path.count, candidate.pathType == "Exact")
            }
        }
        if let best {
            hops.append(
                TraceHop(
                    .ingress, at: "pod/\(controller.name)",
                    "Host: \(host) path \(path) matches Ingress \(best.ingress.namespace)/\(best.ingress.name) rule \(best.path.pathType) \(best.path.path) (\(best.path.source)) -> Service \(best.path.backend.serviceName):\(best.path.backend.port)"
                ))
            return toIngressBackend(best.path.backend, namespace: best.ingress.namespace, controller: controller)
        }
        if let fallback = served.first(where: { $0.defaultBackend != nil }), let backend = fallback.defaultBackend {
            hops.append(TraceHop(.ingress, at: "pod/\(controller.name)", "Host: \(host) path \(path): no rule matches; Ingress \(fallback.name)'s defaultBackend -> Service \(backend.serviceName):\(backend.port)"))
            return toIngressBackend(backend, namespace: fallback.namespace, controller: controller)
        }
        hops.append(TraceHop(.ingress, at: "pod/\(controller.name)", "Host: \(host) path \(path): no Ingress rule matches; the controller's default backend answers 404 Not Found"))
        var explanation = "ingress-nginx received the request but no Ingress rule matches host \(host) and path \(path), so it answers 404 from its default backend."
        if !server.isEmpty && server.first?.rule.host != nil {
            explanation += " Rules exist for this host, but none of their paths matches \(path); paths of other hosts are never used for it."
        }
        let hosts = served.flatMap { $0.rules.compactMap(\.host) }
        if !hosts.isEmpty { explanation += " Hosts with rules: \(Array(Set(hosts)).sorted().joined(separator: ", "))." }
        for ingress in unserved {
            explanation += " Ingress \(ingress.name) (\(ingress.source)) asks for class \(goQuote(ingress.className ?? ingress.annotationClass ?? "")), which this controller does not serve, so it is ignored."
        }
        if served.isEmpty && unserved.isEmpty { explanation += " There is no Ingress object at all." }
        var result = drop(.noIngressRule, explanation)
        result.httpStatus = 404
        result.responseBody = "<html>\r\n<head><title>404 Not Found</title></head>\r\n<body>\r\n<center><h1>404 Not Found</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>"
        return result
    }

    private mutating func toIngressBackend(_ backend: IngressBackendRecord, namespace: String, controller: PodRecord) -> TraceResult {
        guard let service = cluster.service(named: backend.serviceName, in: namespace) else {
            var result = drop(
                .noSuchObject,
                "The Ingress rule (\(backend.source)) sends to Service \(backend.serviceName), which does not exist in namespace \(namespace); ingress-nginx answers 503.")
            result.httpStatus = 503
            return result
        }
        let servicePort: ServicePortRecord?
        switch backend.port {
        case .number(let n): servicePort = service.ports.first { $0.port == n }
        case .name(let name): servicePort = service.ports.first { $0.name == name }
        }
        guard let servicePort else {
            var result = drop(
                .noSuchObject,
                "The Ingress rule (\(backend.source)) sends to port \(backend.port) of Service \(service.name), which has only \(service.ports.map { $0.name.isEmpty ? String($0.port) : "\($0.port) (\($0.name))" }.joined(separator: ", ")). Use the Service's `port`, not the container's."
            )
            result.httpStatus = 503
            return result
        }
        let endpoints = cluster.endpoints(of: service, port: servicePort)
        guard !endpoints.isEmpty else {
            var result = drop(.noEndpoints, "Service \(service.name) behind the Ingress has no endpoints; ingress-nginx answers 503. \(noEndpointsReason(service, port: servicePort))")
            result.httpStatus = 503
            return result
        }
        let chosen = endpoints[Int(StableHash.fnv1a("\(target.effectiveHost)\(target.path)") % UInt64(endpoints.count))]
        hops.append(
            TraceHop(
                .ingress, at: "pod/\(controller.name)",
                "proxies to an endpoint of \(service.name) directly: \(chosen.ip):\(chosen.port) (pod/\(chosen.pod)), not through the ClusterIP"))
        viaService = (service, servicePort)
        let from: Location = controller.hostNetwork ? .node(cluster.node(named: controller.nodeName!)!) : .pod(controller)
        return toPodIP(chosen.ip, port: chosen.port, from: from)
    }

    /// Host matching: exact, or `*.foo.com` for exactly one more label.
    func hostMatches(_ ruleHost: String, _ host: String) -> Bool {
        if ruleHost.hasPrefix("*.") {
            let suffix = ruleHost.dropFirst(1)  // ".foo.com"
            guard host.hasSuffix(suffix) else { return false }
            let label = host.dropLast(suffix.count)
            return !label.isEmpty && !label.contains(".")
        }
        return ruleHost == host
    }

    /// Prefix matches by path element (`/aaa/bbb` matches `/aaa/bbb/ccc`, not `/aaa/bbbxyz`); Exact is exact.
    func pathMatches(_ rule: IngressPathRecord, _ path: String) -> Bool {
        switch rule.pathType {
        case "Exact":
            return rule.path == path
        default:
            let prefix = rule.path.hasSuffix("/") && rule.path != "/" ? String(rule.path.dropLast()) : rule.path
            if prefix == "/" { return true }
            return path == prefix || path.hasPrefix(prefix + "/")
        }
    }
}
