/// A small, deterministic model of a three-node kubeadm cluster with flannel, kube-proxy in
/// iptables mode, CoreDNS and a MetalLB-style load-balancer pool.
///
/// Objects that passed ``ManifestChecker`` are applied to it; controllers make Pods, the
/// scheduler places them, allocators hand out IPs and ports. Everything is a value: the
/// same objects applied in the same order give the same names, addresses and ports.
public struct Cluster: Sendable {
    /// The nodes, in the order they joined.
    public internal(set) var nodes: [NodeRecord]
    public internal(set) var namespaces: [NamespaceRecord]
    public internal(set) var pods: [PodRecord]
    public internal(set) var deployments: [DeploymentRecord]
    public internal(set) var services: [ServiceRecord]
    public internal(set) var ingresses: [IngressRecord]
    public internal(set) var ingressClasses: [IngressClassRecord]
    /// Simulated time in seconds; objects' ages are measured against it.
    public internal(set) var clock: Int
    /// The last Pod address each node's IPAM handed out (host-local goes on from there, so a replaced Pod gets a new IP).
    var lastPodIP: [String: IPv4] = [:]

    /// The addresses the load-balancer provider hands out, first free first.
    public static let loadBalancerPool: ClosedRange<UInt32> = IPv4("192.168.50.240")!.value...IPv4("192.168.50.250")!.value
    /// The cluster DNS Service's address.
    public static let dnsIP = IPv4("10.96.0.10")!
    /// The `kubernetes` Service's address.
    public static let apiServerIP = IPv4("10.96.0.1")!
    /// Where dynamically allocated ClusterIPs start: after the built-in ones.
    static let firstDynamicClusterIP = IPv4("10.96.0.11")!
    /// The cluster's age when the learner arrives (the built-in objects show `5d`).
    static let startTime = 5 * 24 * 3600
    /// The most Pods the simulated cluster holds; a Deployment or Pod past it is checked but left out, with a warning.
    public static let maxPods = 1_000

    /// The default cluster: `master` (control plane, tainted), `w1`, `w2`, the `default` and
    /// `kube-system` namespaces, the `kubernetes` and `kube-dns` Services and two CoreDNS Pods.
    public init() {
        func node(_ name: String, _ ip: String, _ index: UInt32, controlPlane: Bool) -> NodeRecord {
            var labels = [
                "kubernetes.io/hostname": name, "kubernetes.io/os": "linux", "kubernetes.io/arch": "amd64",
                "beta.kubernetes.io/os": "linux", "beta.kubernetes.io/arch": "amd64",
            ]
            if controlPlane {
                labels["node-role.kubernetes.io/control-plane"] = ""
                labels["node.kubernetes.io/exclude-from-external-load-balancers"] = ""
            }
            return NodeRecord(
                name: name, ip: IPv4(ip)!, podCIDR: CIDR(IPv4(0x0AF4_0000 | index << 8), prefix: 24), labels: labels,
                controlPlane: controlPlane, createdAt: 0)
        }
        nodes = [
            node("master", "192.168.50.10", 0, controlPlane: true),
            node("w1", "192.168.50.15", 1, controlPlane: false),
            node("w2", "192.168.50.16", 2, controlPlane: false),
        ]
        namespaces = ["default", "kube-node-lease", "kube-public", "kube-system"].map {
            NamespaceRecord(name: $0, labels: ["kubernetes.io/metadata.name": $0], createdAt: 0, builtIn: true)
        }
        let builtIn = SourceRef(file: "(kubeadm)", line: 0, column: 0)
        services = [
            ServiceRecord(
                name: "kubernetes", namespace: "default", type: "ClusterIP", clusterIP: Self.apiServerIP, headless: false,
                ports: [
                    ServicePortRecord(
                        name: "https", proto: "TCP", port: 443, targetPort: .number(6443), nodePort: nil, source: builtIn,
                        targetSource: builtIn)
                ], selector: nil, selectorSource: nil, loadBalancerIP: nil, externalName: nil,
                labels: ["component": "apiserver", "provider": "kubernetes"], source: builtIn, createdAt: 0, builtIn: true),
            ServiceRecord(
                name: "kube-dns", namespace: "kube-system", type: "ClusterIP", clusterIP: Self.dnsIP, headless: false,
                ports: [
                    ServicePortRecord(
                        name: "dns", proto: "UDP", port: 53, targetPort: .number(53), nodePort: nil, source: builtIn, targetSource: builtIn),
                    ServicePortRecord(
                        name: "dns-tcp", proto: "TCP", port: 53, targetPort: .number(53), nodePort: nil, source: builtIn,
                        targetSource: builtIn),
                    ServicePortRecord(
                        name: "metrics", proto: "TCP", port: 9153, targetPort: .number(9153), nodePort: nil, source: builtIn,
                        targetSource: builtIn),
                ], selector: ["k8s-app": "kube-dns"], selectorSource: nil, loadBalancerIP: nil, externalName: nil,
                labels: ["k8s-app": "kube-dns", "kubernetes.io/name": "CoreDNS"], source: builtIn, createdAt: 0, builtIn: true),
        ]
        pods = (0..<2).map { i in
            PodRecord(
                name: "coredns-5d78c9869d-" + StableHash.suffix("coredns-\(i)", count: 5), namespace: "kube-system",
                labels: ["k8s-app": "kube-dns", "pod-template-hash": "5d78c9869d"], nodeName: "master",
                ip: IPv4("10.244.0.\(i + 2)"), hostNetwork: false,
                containers: [
                    ContainerRecord(
                        name: "coredns", image: "registry.k8s.io/coredns/coredns:v1.11.3",
                        declaredPorts: [
                            ContainerPortRecord(name: "dns", containerPort: 53, proto: "UDP", hostPort: nil, source: builtIn),
                            ContainerPortRecord(name: "dns-tcp", containerPort: 53, proto: "TCP", hostPort: nil, source: builtIn),
                            ContainerPortRecord(name: "metrics", containerPort: 9153, proto: "TCP", hostPort: nil, source: builtIn),
                        ], listeningPorts: [53, 9153], bindConflict: nil, source: builtIn)
                ], pendingReason: nil, owner: "coredns", nodeSelector: ["kubernetes.io/os": "linux"], requestedNodeName: nil,
                toleratesControlPlane: true, source: builtIn, createdAt: 0)
        }
        deployments = [
            DeploymentRecord(
                name: "coredns", namespace: "kube-system", replicas: 2, selector: ["k8s-app": "kube-dns"],
                labels: ["k8s-app": "kube-dns"], templateHash: "5d78c9869d", images: ["registry.k8s.io/coredns/coredns:v1.11.3"],
                containerNames: ["coredns"], source: builtIn, createdAt: 0)
        ]
        ingresses = []
        ingressClasses = []
        clock = Self.startTime
    }

    /// Moves simulated time on (each kubectl command takes a few seconds).
    public mutating func tick(_ seconds: Int = 5) {
        clock += seconds
    }

    // MARK: Lookups

    public func node(named name: String) -> NodeRecord? { nodes.first { $0.name == name } }
    public func pod(named name: String, in namespace: String = "default") -> PodRecord? {
        pods.first { $0.name == name && $0.namespace == namespace }
    }
    public func service(named name: String, in namespace: String = "default") -> ServiceRecord? {
        services.first { $0.name == name && $0.namespace == namespace }
    }
    public func hasNamespace(_ name: String) -> Bool { namespaces.contains { $0.name == name } }

    /// The Ready Pods behind a Service port, sorted by IP, with the port each is reached on.
    public func endpoints(of service: ServiceRecord, port: ServicePortRecord) -> [Endpoint] {
        if service.builtIn && service.name == "kubernetes", let master = nodes.first(where: \.controlPlane) {
            return [Endpoint(pod: "", ip: master.ip, port: 6443, nodeName: master.name)]
        }
        guard let selector = service.selector, !selector.isEmpty else { return [] }
        var result: [Endpoint] = []
        for pod in pods where pod.namespace == service.namespace && pod.isReady {
            guard selector.allSatisfy({ pod.labels[$0.key] == $0.value }), let ip = pod.ip, let node = pod.nodeName else { continue }
            guard let target = resolveTargetPort(port.targetPort, in: pod, proto: port.proto) else { continue }
            result.append(Endpoint(pod: pod.name, ip: ip, port: target, nodeName: node))
        }
        return result.sorted { $0.ip < $1.ip }
    }

    /// Pods whose labels match a Service's selector, Ready or not.
    public func selectedPods(by service: ServiceRecord) -> [PodRecord] {
        guard let selector = service.selector, !selector.isEmpty else { return [] }
        return pods.filter { pod in pod.namespace == service.namespace && selector.allSatisfy { pod.labels[$0.key] == $0.value } }
    }

    /// A number targetPort is itself; a named one is the Pod's containerPort of that name.
    public func resolveTargetPort(_ target: TargetPort, in pod: PodRecord, proto: String = "TCP") -> Int? {
        switch target {
        case .number(let n): return n
        case .name(let name):
            for container in pod.containers {
                if let port = container.declaredPorts.first(where: { $0.name == name && $0.proto == proto }) {
                    return port.containerPort
                }
            }
            return nil
        }
    }

    /// The pods running on a node.
    public func pods(on node: String) -> [PodRecord] { pods.filter { $0.nodeName == node } }
}
