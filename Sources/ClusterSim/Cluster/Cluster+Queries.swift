extension Cluster {
    /// Why a Service has no endpoints, in a sentence naming its selector (with file and line) and the labels that exist.
    public func whyNoEndpoints(_ service: ServiceRecord) -> String {
        TraceRun(cluster: self, target: TraceTarget.parse("http://x/")!).noEndpointsReason(service, port: service.ports.first)
    }

    /// A value the cluster decided for an object: allocated addresses and ports, where a Pod runs.
    /// Paths: Service `spec.type`, `spec.clusterIP`, `spec.ports[N].nodePort` (and the defaulted `targetPort` and `protocol`),
    /// `status.loadBalancer.ingress[0].ip`;
    /// Pod `spec.nodeName`, `status.podIP`, `status.phase`. Nil for anything else.
    public func observedValue(kind: String, name: String, namespace: String, path: String) -> String? {
        switch kind {
        case "Service":
            guard let service = service(named: name, in: namespace) else { return nil }
            if path == "spec.clusterIP" { return service.headless ? "None" : service.clusterIP?.description }
            if path == "spec.type" { return service.type }
            if path.hasPrefix("spec.ports["), let close = path.firstIndex(of: "]"),
                let index = Int(path[path.index(path.startIndex, offsetBy: "spec.ports[".count)..<close]), service.ports.indices.contains(index)
            {
                switch path[path.index(after: close)...] {
                case ".targetPort": return service.ports[index].targetPort.description
                case ".protocol": return service.ports[index].proto
                default: break
                }
            }
            if path == "status.loadBalancer.ingress[0].ip" { return service.loadBalancerIP?.description }
            if path.hasPrefix("spec.ports["), path.hasSuffix("].nodePort"),
                let index = Int(path.dropFirst("spec.ports[".count).dropLast("].nodePort".count)), service.ports.indices.contains(index)
            {
                return service.ports[index].nodePort.map(String.init)
            }
            return nil
        case "Pod":
            guard let pod = pod(named: name, in: namespace) else { return nil }
            switch path {
            case "spec.nodeName": return pod.nodeName
            case "status.podIP": return pod.ip?.description
            case "status.phase": return pod.isScheduled ? "Running" : "Pending"
            default: return nil
            }
        default:
            return nil
        }
    }
}

extension YAMLNode {
    /// The node at a dotted path with list indices (`spec.ports[0].nodePort`), nil when absent.
    public func value(atPath path: String) -> YAMLNode? {
        var node: YAMLNode? = self
        for component in path.split(separator: ".") {
            var name = Substring(component)
            var indices: [Int] = []
            while let open = name.lastIndex(of: "["), name.hasSuffix("]"), let index = Int(name[name.index(after: open)..<name.index(before: name.endIndex)]) {
                indices.insert(index, at: 0)
                name = name[..<open]
            }
            node = node?[String(name)]
            for index in indices {
                guard let items = node?.items, items.indices.contains(index) else { return nil }
                node = items[index]
            }
        }
        return node
    }

    /// A scalar as text (`80`, `true`, `NodePort`), nil for collections and null.
    public var scalarText: String? {
        switch content {
        case .string(let s): s
        case .number(let n): n.jsonText
        case .bool(let b): b ? "true" : "false"
        default: nil
        }
    }
}
