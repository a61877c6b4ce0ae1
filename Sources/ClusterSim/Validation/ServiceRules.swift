/// `ValidateService` for v1 Service, after the API server's defaulting, plus the per-object
/// allocation checks (nodePort range, clusterIP range) that happen before it is stored.
enum ServiceRules {
    static let types = ["ClusterIP", "ExternalName", "LoadBalancer", "NodePort"]
    static let affinities = ["ClientIP", "None"]
    static let trafficPolicies = ["Cluster", "Local"]

    static func validate(_ root: YAMLNode, errors: inout [FieldError]) {
        MetaRules.validate(root, nameRule: .dns1035Label, namespaced: true, errors: &errors)
        let spec = root["spec"]
        let specPath = FieldPath("spec")
        let specPosition = root.pair("spec")?.keyPosition ?? root.position
        let typeNode = spec?["type"]
        let type = typeNode?.string ?? "ClusterIP"
        let clusterIPNode = spec?["clusterIPs"]?.items?.first ?? spec?["clusterIP"]
        let clusterIP = clusterIPNode?.string ?? ""
        let headless = clusterIP == "None"
        let ports = spec?["ports"]?.items ?? []

        if ports.isEmpty && !headless && type != "ExternalName" {
            errors.append(
                .required(
                    specPath.child("ports"), at: spec?.pair("ports")?.keyPosition ?? specPosition,
                    "A Service needs at least one port under `spec.ports`, e.g. `- port: 80` (and `targetPort:` when the Pods listen elsewhere)."
                ))
        }
        if type == "ExternalName" {
            // The value is a CNAME and may end in a dot; the API trims one before checking it.
            let name = spec?["externalName"]?.string ?? ""
            let trimmed = name.hasSuffix(".") ? String(name.dropLast()) : name
            if trimmed.isEmpty {
                errors.append(
                    .required(
                        specPath.child("externalName"), at: specPosition,
                        "An ExternalName Service is only a DNS alias: set `externalName:` to the host name it points at, such as `db.example.com`."
                    ))
            } else if let node = spec?["externalName"] {
                for message in NameRules.dns1123Subdomain(trimmed) {
                    errors.append(
                        .invalid(
                            specPath.child("externalName"), .string(trimmed), message, at: node.position,
                            "externalName must be a DNS name such as `db.example.com` (not an IP address or a URL)."))
                }
            }
        }

        var portNames: Set<String> = []
        for (i, port) in ports.enumerated() {
            validatePort(port, path: specPath.child("ports").index(i), requireName: ports.count > 1, names: &portNames, errors: &errors)
        }
        if let selector = spec?["selector"] {
            MetaRules.validateLabels(selector, path: specPath.child("selector"), errors: &errors)
        }
        if let node = spec?["sessionAffinity"], let affinity = node.string, !affinities.contains(affinity) {
            errors.append(
                .unsupported(
                    specPath.child("sessionAffinity"), affinity, supported: affinities, at: node.position,
                    "sessionAffinity is None (each connection may go to any Pod) or ClientIP (a client sticks to one Pod)."))
        }
        if let typeNode, !types.contains(type) {
            let suggestion = types.first { $0.lowercased() == type.lowercased() }.map { " Did you mean `\($0)`? The value is case-sensitive." } ?? ""
            errors.append(
                .unsupported(
                    specPath.child("type"), type, supported: types, at: typeNode.position,
                    "A Service's type is ClusterIP (the default, reachable inside the cluster), NodePort, LoadBalancer or ExternalName."
                        + suggestion))
        }
        if type == "ClusterIP" {
            for (i, port) in ports.enumerated() {
                if let node = port["nodePort"], let nodePort = node.int, nodePort != 0 {
                    errors.append(
                        .forbidden(
                            specPath.child("ports").index(i).child("nodePort"), "may not be used when `type` is 'ClusterIP'",
                            at: port.pair("nodePort")?.keyPosition ?? node.position,
                            "A ClusterIP Service opens no port on the nodes. Add `type: NodePort` under `spec` to open \(nodePort) on every node, or remove `nodePort`."
                        ))
                }
            }
        }
        var seenNodePorts: [String: Int] = [:]
        for (i, port) in ports.enumerated() {
            guard let node = port["nodePort"], let nodePort = node.int, nodePort != 0 else { continue }
            let key = "\(nodePort)/\(port["protocol"]?.string ?? "TCP")"
            if let first = seenNodePorts[key] {
                errors.append(
                    .duplicate(
                        specPath.child("ports").index(i).child("nodePort"), .int(nodePort), at: node.position,
                        "Ports \(first) and \(i) of this Service ask for the same nodePort \(nodePort). Each port needs its own nodePort."))
            } else {
                seenNodePorts[key] = i
            }
        }
        var seenPorts: [String: Int] = [:]
        for (i, port) in ports.enumerated() {
            let number = port["port"]?.int ?? 0
            let proto = port["protocol"]?.string ?? "TCP"
            let key = "\(number)/\(proto)"
            if let first = seenPorts[key] {
                let value =
                    "core.ServicePort{Name:\"\", Protocol:\(goQuote(proto)), AppProtocol:(*string)(nil), Port:\(number), TargetPort:intstr.IntOrString{Type:0, IntVal:0, StrVal:\"\"}, NodePort:0}"
                errors.append(
                    .duplicate(
                        specPath.child("ports").index(i), .raw(value), at: port.position,
                        "Ports \(first) and \(i) of this Service are both \(number)/\(proto). A Service listens on each port once; to reach two container ports, give the Service two different `port` numbers."
                    ))
            } else {
                seenPorts[key] = i
            }
        }
        validateTrafficPolicies(spec, type: type, path: specPath, errors: &errors)
        validateClusterIP(clusterIPNode, clusterIP: clusterIP, type: type, path: specPath, errors: &errors)
        validateAllocation(ports, type: type, path: specPath, errors: &errors)
    }

    private static func validatePort(_ port: YAMLNode, path: FieldPath, requireName: Bool, names: inout Set<String>, errors: inout [FieldError]) {
        let name = port["name"]?.string ?? ""
        if requireName && name.isEmpty {
            errors.append(
                .required(
                    path.child("name"), at: port.position,
                    "When a Service has more than one port, every port needs a `name` (like `http` and `https`) so that endpoints and Ingresses can tell them apart."
                ))
        } else if !name.isEmpty, let node = port["name"] {
            for message in NameRules.dns1123Label(name) {
                errors.append(
                    .invalid(
                        path.child("name"), .string(name), message, at: node.position,
                        "A Service port name is lower case letters, digits and '-', like `http` or `grpc-web`."))
            }
            if names.contains(name) {
                errors.append(
                    .duplicate(
                        path.child("name"), .string(name), at: node.position,
                        "Two ports of this Service have the same name. Port names must be unique within a Service."))
            }
            names.insert(name)
        }
        let number = port["port"]?.int ?? 0
        for message in NameRules.portNumber(number) {
            errors.append(
                .invalid(
                    path.child("port"), .int(number), message, at: port["port"]?.position ?? port.position,
                    number == 0
                        ? "Each Service port needs `port:`, the number clients connect to on the Service's IP (1 to 65535)."
                        : "The Service's port is what clients connect to; it must be 1 to 65535."))
        }
        if let node = port["protocol"], let proto = node.string, !PodSpecRules.protocols.contains(proto) {
            errors.append(
                .unsupported(
                    path.child("protocol"), proto, supported: PodSpecRules.protocols, at: node.position,
                    "protocol is the transport: TCP (the default), UDP or SCTP, in capitals. HTTP runs over TCP, so write TCP or leave it out; to say the port speaks HTTP, use `appProtocol: http` or a port name like `http`."
                ))
        }
        if let node = port["targetPort"] {
            switch node.content {
            // 0 and "" are defaulted to `port` before validation, so they are never reported.
            case .number(let n) where n.integer != 0:
                let value = n.integer ?? 0
                for message in NameRules.portNumber(value) {
                    errors.append(
                        .invalid(
                            path.child("targetPort"), .int(value), message, at: node.position,
                            "targetPort is the port the Pods listen on (1 to 65535), or the name of a containerPort."))
                }
            case .string(let s) where !s.isEmpty:
                for message in NameRules.portName(s) {
                    errors.append(
                        .invalid(
                            path.child("targetPort"), .string(s), message, at: node.position,
                            "A text targetPort names a containerPort (`name: http` in the Pod). Port names are at most 15 lower case letters, digits and '-'. To give a number, write it without quotes."
                        ))
                }
            default:
                break
            }
        }
    }

    private static func validateTrafficPolicies(_ spec: YAMLNode?, type: String, path: FieldPath, errors: inout [FieldError]) {
        let externallyAccessible =
            type == "NodePort" || type == "LoadBalancer" || (type == "ClusterIP" && !(spec?["externalIPs"]?.items ?? []).isEmpty)
        if let node = spec?["externalTrafficPolicy"], let policy = node.string, !policy.isEmpty {
            if !externallyAccessible {
                errors.append(
                    .invalid(
                        path.child("externalTrafficPolicy"), .string(policy), "may only be set for externally-accessible services",
                        at: node.position,
                        "externalTrafficPolicy decides how traffic from outside the cluster is spread, so it only means something for NodePort and LoadBalancer Services. Remove it, or change the type."
                    ))
            } else if !trafficPolicies.contains(policy) {
                errors.append(
                    .unsupported(
                        path.child("externalTrafficPolicy"), policy, supported: trafficPolicies, at: node.position,
                        "externalTrafficPolicy is Cluster (any node forwards to any Pod) or Local (a node only sends to its own Pods and keeps the client's IP)."
                    ))
            }
        }
        if let node = spec?["internalTrafficPolicy"], let policy = node.string, !trafficPolicies.contains(policy) {
            errors.append(
                .unsupported(
                    path.child("internalTrafficPolicy"), policy, supported: trafficPolicies, at: node.position,
                    "internalTrafficPolicy is Cluster or Local."))
        }
    }

    private static func validateClusterIP(_ node: YAMLNode?, clusterIP: String, type: String, path: FieldPath, errors: inout [FieldError]) {
        guard let node, !clusterIP.isEmpty else { return }
        let ipPath = path.child("clusterIPs").index(0)
        if clusterIP == "None" {
            if type == "NodePort" || type == "LoadBalancer" {
                errors.append(
                    .invalid(
                        ipPath, .string("None"), "may not be set to 'None' for \(type) services", at: node.position,
                        "`clusterIP: None` makes a headless Service, which has no virtual IP for kube-proxy to forward from a node port. Remove `clusterIP: None`, or make it a ClusterIP Service."
                    ))
            }
            return
        }
        guard NameRules.isIPAddress(clusterIP) else {
            errors.append(
                .invalid(
                    ipPath, .string(clusterIP), "must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)", at: node.position,
                    "clusterIP is an address such as 10.96.0.20, `None` for a headless Service, or left out so that one is allocated."))
            return
        }
        if NameRules.isIPv4(clusterIP) && !NetworkFacts.isInServiceCIDR(clusterIP) {
            errors.append(
                .invalid(
                    path.child("clusterIPs"), .stringList([clusterIP]),
                    "failed to allocate IP \(clusterIP): the provided IP (\(clusterIP)) is not in the valid range. The range of valid IPs is \(NetworkFacts.serviceCIDR)",
                    at: node.position,
                    "ClusterIPs come from the Service CIDR \(NetworkFacts.serviceCIDR) (10.96.0.0 to 10.111.255.255). Pick an address in it, or leave clusterIP out and let the API server choose."
                ))
        }
    }

    /// The allocator's check: a requested nodePort must lie in the NodePort range.
    private static func validateAllocation(_ ports: [YAMLNode], type: String, path: FieldPath, errors: inout [FieldError]) {
        guard type == "NodePort" || type == "LoadBalancer" else { return }
        for (i, port) in ports.enumerated() {
            guard let node = port["nodePort"], let nodePort = node.int, nodePort != 0 else { continue }
            if !NetworkFacts.nodePortRange.contains(nodePort) {
                let range = "\(NetworkFacts.nodePortRange.lowerBound)-\(NetworkFacts.nodePortRange.upperBound)"
                errors.append(
                    .invalid(
                        path.child("ports").index(i).child("nodePort"), .int(nodePort),
                        "provided port is not in the valid range. The range of valid ports is \(range)", at: node.position,
                        "NodePorts come from \(range) so that they never collide with ports the node's own services use (22, 80, 443...). Pick a number in that range, or leave `nodePort` out and the API server picks a free one."
                    ))
            }
        }
    }
}
