/// What applying one object did.
public struct ApplyResult: Sendable, Equatable {
    /// kubectl's line for it (`service/web created`), empty when it was refused.
    public var summary: String
    /// Why it was refused (errors), or what to know about it (warnings).
    public var diagnostics: [Diagnostic]
}

extension Cluster {
    /// Applies every object of a check report in order (objects with errors are skipped, as the API server would refuse them).
    @discardableResult
    public mutating func apply(_ report: CheckReport) -> [ApplyResult] {
        report.objects.compactMap { object in object.root == nil ? nil : apply(object) }
    }

    /// Applies one checked object: creates or updates it, runs the controllers and the scheduler.
    /// All or nothing: an allocation error leaves the cluster unchanged.
    public mutating func apply(_ object: CheckedObject) -> ApplyResult {
        guard let root = object.root else { return ApplyResult(summary: "", diagnostics: []) }
        let file = object.file
        let kind = object.kind
        let resource = Self.resourceName(of: kind)
        let namespaced = !ManifestChecker.clusterScopedKinds.contains(kind)
        if namespaced && !hasNamespace(object.namespace) {
            return refused(
                object, message: "namespaces \(goQuote(object.namespace)) not found",
                prefix: "Error from server (NotFound): error when creating \(goQuote(file)): ",
                explanation: "The namespace `\(object.namespace)` does not exist yet. Create it first (`kind: Namespace`), earlier in the file or in a file applied before this one.",
                at: root["metadata"]?["namespace"]?.position ?? root.position)
        }
        var next = self
        next.tick(1)
        let result: ApplyResult
        switch kind {
        case "Namespace": result = next.applyNamespace(root, object)
        case "Node": result = next.applyNode(root, object)
        case "Pod": result = next.applyPod(root, object)
        case "Deployment": result = next.applyDeployment(root, object)
        case "Service": result = next.applyService(root, object)
        case "Ingress": result = next.applyIngress(root, object)
        case "IngressClass": result = next.applyIngressClass(root, object)
        default:
            return ApplyResult(summary: "\(resource)/\(object.name) created (not simulated)", diagnostics: [])
        }
        if result.diagnostics.contains(where: { $0.severity == .error }) { return result }
        next.schedulePending()
        self = next
        return result
    }

    /// kubectl's resource name for a kind, as in `deployment.apps/web`.
    static func resourceName(of kind: String) -> String {
        switch kind {
        case "Deployment": "deployment.apps"
        case "Ingress": "ingress.networking.k8s.io"
        case "IngressClass": "ingressclass.networking.k8s.io"
        default: kind.lowercased()
        }
    }

    private func refused(_ object: CheckedObject, message: String, prefix: String, explanation: String, at position: SourcePosition, field: String = "")
        -> ApplyResult
    {
        ApplyResult(
            summary: "",
            diagnostics: [
                Diagnostic(
                    severity: .error, file: object.file, line: position.line, column: position.column, kind: object.kind,
                    name: object.name, field: field, message: message, explanation: explanation, kubectlPrefix: prefix)
            ])
    }

    private func verb(_ exists: Bool) -> String { exists ? "configured" : "created" }

    // MARK: Kinds

    private mutating func applyNamespace(_ root: YAMLNode, _ object: CheckedObject) -> ApplyResult {
        let exists = hasNamespace(object.name)
        let created = namespaces.first { $0.name == object.name }?.createdAt ?? clock
        var labels = Self.stringMap(root["metadata"]?["labels"])
        labels["kubernetes.io/metadata.name"] = object.name
        namespaces.removeAll { $0.name == object.name }
        namespaces.append(NamespaceRecord(name: object.name, labels: labels, createdAt: created, builtIn: false))
        namespaces.sort { $0.name < $1.name }
        return ApplyResult(summary: "namespace/\(object.name) \(verb(exists))", diagnostics: [])
    }

    private mutating func applyNode(_ root: YAMLNode, _ object: CheckedObject) -> ApplyResult {
        let labels = Self.stringMap(root["metadata"]?["labels"])
        if let index = nodes.firstIndex(where: { $0.name == object.name }) {
            for (key, value) in labels { nodes[index].labels[key] = value }
            return ApplyResult(summary: "node/\(object.name) configured", diagnostics: [])
        }
        let index = UInt32(nodes.count)
        // Workers take 192.168.50.15, .16, ... in order; the 242nd node and later go on past .255 instead of trapping.
        let ip = IPv4("192.168.50.15")!.advanced(by: nodes.count - 1)
        var all = ["kubernetes.io/hostname": object.name, "kubernetes.io/os": "linux", "kubernetes.io/arch": "amd64"]
        for (key, value) in labels { all[key] = value }
        nodes.append(
            NodeRecord(
                name: object.name, ip: nodes.contains { $0.ip == ip } ? IPv4(0xC0A8_3264 + index) : ip,
                podCIDR: CIDR(IPv4(0x0AF4_0000 | index << 8), prefix: 24), labels: all, controlPlane: false, createdAt: clock))
        return ApplyResult(summary: "node/\(object.name) created", diagnostics: [])
    }

    private mutating func applyPod(_ root: YAMLNode, _ object: CheckedObject) -> ApplyResult {
        let exists = pod(named: object.name, in: object.namespace) != nil
        if !exists && pods.count >= Self.maxPods {
            return ApplyResult(
                summary: "pod/\(object.name) created (not simulated)",
                diagnostics: [podLimitWarning(object, at: root.position, field: "", message: "pod/\(object.name) was left out of the simulation")])
        }
        pods.removeAll { $0.name == object.name && $0.namespace == object.namespace }
        let pod = makePod(
            name: object.name, namespace: object.namespace, labels: Self.stringMap(root["metadata"]?["labels"]), spec: root["spec"],
            owner: nil, file: object.file, source: SourceRef(object.file, root.position))
        pods.append(pod)
        return ApplyResult(summary: "pod/\(object.name) \(verb(exists))", diagnostics: [])
    }

    private mutating func applyDeployment(_ root: YAMLNode, _ object: CheckedObject) -> ApplyResult {
        let previous = deployments.first { $0.name == object.name && $0.namespace == object.namespace }
        let exists = previous != nil
        let spec = root["spec"]
        let template = spec?["template"]
        let replicas = Int(spec?["replicas"]?.int ?? 1)
        let hash = StableHash.suffix(YAMLWriter.json(template ?? YAMLNode(.null, at: .start)), count: 10)
        let source = SourceRef(object.file, root.position)
        let containers = template?["spec"]?["containers"]?.items ?? []
        deployments.removeAll { $0.name == object.name && $0.namespace == object.namespace }
        deployments.append(
            DeploymentRecord(
                name: object.name, namespace: object.namespace, replicas: replicas,
                selector: Self.stringMap(spec?["selector"]?["matchLabels"]), labels: Self.stringMap(root["metadata"]?["labels"]),
                templateHash: hash, images: containers.compactMap { $0["image"]?.string },
                containerNames: containers.compactMap { $0["name"]?.string }, source: source, createdAt: previous?.createdAt ?? clock))
        // The ReplicaSet controller: keep Pods of an unchanged template, replace the others.
        let kept = pods.filter { $0.owner == object.name && $0.namespace == object.namespace && $0.name.contains("-\(hash)-") }
        pods.removeAll { $0.owner == object.name && $0.namespace == object.namespace }
        var labels = Self.stringMap(template?["metadata"]?["labels"])
        labels["pod-template-hash"] = hash
        // The simulation stops at maxPods Pods, so that a check stays fast whatever `replicas` says.
        let simulated = min(max(0, replicas), Self.maxPods - pods.count)
        for i in 0..<max(0, simulated) {
            if i < kept.count {
                pods.append(kept[i])
                continue
            }
            let name = "\(object.name)-\(hash)-" + StableHash.suffix("\(object.namespace)/\(object.name)/\(hash)/\(i)", count: 5)
            pods.append(
                makePod(
                    name: name, namespace: object.namespace, labels: labels, spec: template?["spec"], owner: object.name,
                    file: object.file, source: source))
        }
        var diagnostics: [Diagnostic] = []
        if simulated < replicas {
            diagnostics.append(
                podLimitWarning(
                    object, at: spec?["replicas"]?.position ?? root.position, field: "spec.replicas",
                    message: "\(max(0, simulated)) of the \(replicas) replicas of deployment.apps/\(object.name) were simulated"))
        }
        return ApplyResult(summary: "deployment.apps/\(object.name) \(verb(exists))", diagnostics: diagnostics)
    }

    /// The warning for Pods that the simulated cluster leaves out because it already holds ``maxPods`` Pods.
    private func podLimitWarning(_ object: CheckedObject, at position: SourcePosition, field: String, message: String) -> Diagnostic {
        Diagnostic(
            severity: .warning, file: object.file, line: position.line, column: position.column, kind: object.kind, name: object.name,
            field: field, message: "KubeTutor's simulated cluster holds at most \(Self.maxPods) Pods: " + message,
            explanation: "A real cluster would create every Pod (and leave Pending those that do not fit on a node). The simulation stops at \(Self.maxPods) Pods so that a check stays fast, so the Pods past that are missing from traces and `kubectl get pods`. Fewer replicas show the whole picture.",
            kubectlPrefix: "Warning: ")
    }

    private mutating func applyService(_ root: YAMLNode, _ object: CheckedObject) -> ApplyResult {
        let file = object.file
        let spec = root["spec"]
        let previous = service(named: object.name, in: object.namespace)
        let type = spec?["type"]?.string ?? "ClusterIP"
        let clusterIPNode = spec?["clusterIPs"]?.items?.first ?? spec?["clusterIP"]
        let requestedIP = clusterIPNode?.string ?? ""
        let headless = requestedIP == "None"
        var clusterIP: IPv4? = nil
        let others = services.filter { !($0.name == object.name && $0.namespace == object.namespace) }
        if type != "ExternalName" && !headless {
            if let wanted = IPv4(requestedIP) {
                if others.contains(where: { $0.clusterIP == wanted }) {
                    return refused(
                        object,
                        message: "spec.clusterIPs: Invalid value: []string{\(goQuote(requestedIP))}: failed to allocate IP \(requestedIP): provided IP is already allocated",
                        prefix: "The Service \(goQuote(object.name)) is invalid: ",
                        explanation: "Another Service already has the ClusterIP \(requestedIP). Pick a free address or leave `clusterIP` out.",
                        at: clusterIPNode?.position ?? root.position, field: "spec.clusterIPs")
                }
                clusterIP = wanted
            } else if let kept = previous?.clusterIP {
                clusterIP = kept
            } else {
                var candidate = Self.firstDynamicClusterIP
                while others.contains(where: { $0.clusterIP == candidate }) { candidate = candidate.advanced(by: 1) }
                clusterIP = candidate
            }
        }
        let usedNodePorts = Set(others.flatMap { $0.ports.compactMap(\.nodePort) })
        var ports: [ServicePortRecord] = []
        var taken = usedNodePorts
        for (i, portNode) in (spec?["ports"]?.items ?? []).enumerated() {
            let port = Int(portNode["port"]?.int ?? 0)
            let targetNode = portNode["targetPort"]
            let target: TargetPort
            switch targetNode?.content {
            case .string(let name)?: target = .name(name)
            case .number(let n)?: target = .number(Int(n.integer ?? Int64(port)))
            default: target = .number(port)
            }
            var nodePort: Int? = nil
            if type == "NodePort" || type == "LoadBalancer" {
                if let wanted = portNode["nodePort"]?.int, wanted != 0 {
                    if taken.contains(Int(wanted)) {
                        return refused(
                            object, message: "spec.ports[\(i)].nodePort: Invalid value: \(wanted): provided port is already allocated",
                            prefix: "The Service \(goQuote(object.name)) is invalid: ",
                            explanation: "Node port \(wanted) is already taken by \(owner(ofNodePort: Int(wanted), among: others)). A node port opens on every node, so two Services can never share one: pick another number in 30000-32767, or leave `nodePort` out.",
                            at: portNode["nodePort"]?.position ?? portNode.position, field: "spec.ports[\(i)].nodePort")
                    }
                    nodePort = Int(wanted)
                } else if let kept = previous?.ports.first(where: { $0.port == port })?.nodePort, !taken.contains(kept) {
                    nodePort = kept
                } else {
                    nodePort = allocateNodePort(seed: "\(object.namespace)/\(object.name)/\(i)", taken: taken)
                }
                taken.insert(nodePort!)
            }
            ports.append(
                ServicePortRecord(
                    name: portNode["name"]?.string ?? "", proto: portNode["protocol"]?.string ?? "TCP", port: port, targetPort: target,
                    nodePort: nodePort, source: SourceRef(file, portNode.position),
                    targetSource: SourceRef(file, targetNode?.position ?? portNode["port"]?.position ?? portNode.position)))
        }
        var loadBalancerIP: IPv4? = nil
        if type == "LoadBalancer" {
            if let kept = previous?.loadBalancerIP {
                loadBalancerIP = kept
            } else {
                let used = Set(others.compactMap(\.loadBalancerIP?.value))
                loadBalancerIP = Self.loadBalancerPool.first { !used.contains($0) }.map(IPv4.init)
            }
        }
        let selectorNode = spec?["selector"]
        let record = ServiceRecord(
            name: object.name, namespace: object.namespace, type: type, clusterIP: clusterIP, headless: headless, ports: ports,
            selector: selectorNode.flatMap { $0.isNull ? nil : Self.stringMap($0) },
            selectorSource: selectorNode.map { SourceRef(file, $0.position) }, loadBalancerIP: loadBalancerIP,
            externalName: spec?["externalName"]?.string, labels: Self.stringMap(root["metadata"]?["labels"]),
            source: SourceRef(file, root.position), createdAt: previous?.createdAt ?? clock, builtIn: false)
        services.removeAll { $0.name == object.name && $0.namespace == object.namespace }
        services.append(record)
        return ApplyResult(summary: "service/\(object.name) \(verb(previous != nil))", diagnostics: [])
    }

    private func owner(ofNodePort port: Int, among services: [ServiceRecord]) -> String {
        guard let owner = services.first(where: { $0.ports.contains { $0.nodePort == port } }) else { return "another Service" }
        return owner.source.line > 0 ? "Service `\(owner.name)` (\(owner.source))" : "Service `\(owner.name)`"
    }

    /// A free node port drawn from a generator seeded by the Service's identity (stable across runs).
    private func allocateNodePort(seed: String, taken: Set<Int>) -> Int {
        let range = NetworkFacts.nodePortRange
        let size = Int(range.upperBound - range.lowerBound + 1)
        var state = StableHash.fnv1a(seed)
        var candidate = Int(range.lowerBound) + Int(StableHash.splitMix(&state) % UInt64(size))
        while taken.contains(candidate) {
            candidate = candidate == Int(range.upperBound) ? Int(range.lowerBound) : candidate + 1
        }
        return candidate
    }

    private mutating func applyIngress(_ root: YAMLNode, _ object: CheckedObject) -> ApplyResult {
        let file = object.file
        let previous = ingresses.first { $0.name == object.name && $0.namespace == object.namespace }
        let exists = previous != nil
        let spec = root["spec"]
        func backend(_ node: YAMLNode?) -> IngressBackendRecord? {
            guard let service = node?["service"], let name = service["name"]?.string else { return nil }
            let port: TargetPort
            if let number = service["port"]?["number"]?.int, number != 0 {
                port = .number(Int(number))
            } else {
                port = .name(service["port"]?["name"]?.string ?? "")
            }
            return IngressBackendRecord(serviceName: name, port: port, source: SourceRef(file, service.position))
        }
        var rules: [IngressRuleRecord] = []
        for rule in spec?["rules"]?.items ?? [] {
            var paths: [IngressPathRecord] = []
            for path in rule["http"]?["paths"]?.items ?? [] {
                guard let target = backend(path["backend"]) else { continue }
                paths.append(
                    IngressPathRecord(
                        path: path["path"]?.string ?? "/", pathType: path["pathType"]?.string ?? "Prefix", backend: target,
                        source: SourceRef(file, path.position)))
            }
            let host = rule["host"]?.string
            rules.append(IngressRuleRecord(host: host?.isEmpty == true ? nil : host, paths: paths, source: SourceRef(file, rule.position)))
        }
        ingresses.removeAll { $0.name == object.name && $0.namespace == object.namespace }
        ingresses.append(
            IngressRecord(
                name: object.name, namespace: object.namespace, className: spec?["ingressClassName"]?.string,
                annotationClass: root["metadata"]?["annotations"]?["kubernetes.io/ingress.class"]?.string, rules: rules,
                defaultBackend: backend(spec?["defaultBackend"]), source: SourceRef(file, root.position), createdAt: previous?.createdAt ?? clock))
        return ApplyResult(summary: "ingress.networking.k8s.io/\(object.name) \(verb(exists))", diagnostics: [])
    }

    private mutating func applyIngressClass(_ root: YAMLNode, _ object: CheckedObject) -> ApplyResult {
        let previous = ingressClasses.first { $0.name == object.name }
        let exists = previous != nil
        ingressClasses.removeAll { $0.name == object.name }
        ingressClasses.append(
            IngressClassRecord(
                name: object.name, controller: root["spec"]?["controller"]?.string ?? "",
                isDefault: root["metadata"]?["annotations"]?["ingressclass.kubernetes.io/is-default-class"]?.string == "true",
                source: SourceRef(object.file, root.position), createdAt: previous?.createdAt ?? clock))
        return ApplyResult(summary: "ingressclass.networking.k8s.io/\(object.name) \(verb(exists))", diagnostics: [])
    }

    // MARK: Pods

    private func makePod(
        name: String, namespace: String, labels: [String: String], spec: YAMLNode?, owner: String?, file: String, source: SourceRef
    ) -> PodRecord {
        var containers: [ContainerRecord] = []
        var bound: [Int: String] = [:]
        for container in spec?["containers"]?.items ?? [] {
            let containerName = container["name"]?.string ?? ""
            let image = container["image"]?.string ?? ""
            let declared = (container["ports"]?.items ?? []).map { port in
                ContainerPortRecord(
                    name: port["name"]?.string, containerPort: Int(port["containerPort"]?.int ?? 0), proto: port["protocol"]?.string ?? "TCP",
                    hostPort: port["hostPort"]?.int.map(Int.init), source: SourceRef(file, port.position))
            }
            let listening = ImageCatalogue.listeningPorts(image: image, declared: declared.map(\.containerPort))
            var record = ContainerRecord(
                name: containerName, image: image, declaredPorts: declared, listeningPorts: listening, bindConflict: nil,
                source: SourceRef(file, container.position))
            // One network namespace: a port can be bound by one process only.
            if let clash = listening.first(where: { bound[$0] != nil }) {
                record.bindConflict = (clash, bound[clash]!)
            } else {
                for port in listening { bound[port] = containerName }
            }
            containers.append(record)
        }
        let tolerations = spec?["tolerations"]?.items ?? []
        let tolerates = tolerations.contains { toleration in
            let key = toleration["key"]?.string ?? ""
            let op = toleration["operator"]?.string ?? "Equal"
            return (key.isEmpty && op == "Exists") || key == "node-role.kubernetes.io/control-plane" || key == "node-role.kubernetes.io/master"
        }
        return PodRecord(
            name: name, namespace: namespace, labels: labels, nodeName: nil, ip: nil, hostNetwork: spec?["hostNetwork"]?.bool ?? false,
            containers: containers, pendingReason: nil, owner: owner, nodeSelector: Self.stringMap(spec?["nodeSelector"]),
            requestedNodeName: spec?["nodeName"]?.string, toleratesControlPlane: tolerates, source: source, createdAt: clock)
    }

    static func stringMap(_ node: YAMLNode?) -> [String: String] {
        guard let pairs = node?.pairs else { return [:] }
        var map: [String: String] = [:]
        for pair in pairs { map[pair.key] = pair.value.scalarText ?? "" }
        return map
    }
}
