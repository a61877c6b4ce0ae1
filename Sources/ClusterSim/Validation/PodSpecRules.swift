/// The Pod spec rules shared by Pods and the Pod templates of Deployments (`ValidatePodSpec`),
/// plus the API's warnings for a Pod template.
enum PodSpecRules {
    static let protocols = ["SCTP", "TCP", "UDP"]
    static let pullPolicies = ["Always", "IfNotPresent", "Never"]
    static let restartPolicies = ["Always", "Never", "OnFailure"]
    static let dnsPolicies = ["ClusterFirst", "ClusterFirstWithHostNet", "Default", "None"]

    /// Validates `spec` found at `path` (e.g. `spec` or `spec.template.spec`); `keyPosition` is where to point when it is missing.
    static func validate(_ spec: YAMLNode?, path: FieldPath, keyPosition: SourcePosition, errors: inout [FieldError]) {
        let containers = spec?["containers"]?.items ?? []
        if containers.isEmpty {
            errors.append(
                .required(
                    path.child("containers"), at: spec?.pair("containers")?.keyPosition ?? keyPosition,
                    "A Pod runs at least one container: add `containers:` with an item that has a `name` and an `image`."))
        }
        var names: Set<String> = []
        validateContainers(spec?["initContainers"]?.items ?? [], path: path.child("initContainers"), names: &names, errors: &errors)
        validateContainers(containers, path: path.child("containers"), names: &names, errors: &errors)

        if let node = spec?["restartPolicy"], let policy = node.string, !restartPolicies.contains(policy) {
            errors.append(
                .unsupported(
                    path.child("restartPolicy"), policy, supported: restartPolicies, at: node.position,
                    "restartPolicy is one of Always, OnFailure or Never, spelt exactly so."))
        }
        if let node = spec?["dnsPolicy"], let policy = node.string, !dnsPolicies.contains(policy) {
            errors.append(
                .unsupported(
                    path.child("dnsPolicy"), policy, supported: dnsPolicies, at: node.position,
                    "dnsPolicy is ClusterFirst (the default), ClusterFirstWithHostNet (for hostNetwork Pods that still want cluster DNS), Default or None."
                ))
        }
        if let selector = spec?["nodeSelector"] {
            MetaRules.validateLabels(selector, path: path.child("nodeSelector"), errors: &errors)
        }
        if spec?["hostNetwork"]?.bool == true {
            for (i, container) in containers.enumerated() {
                for (j, port) in (container["ports"]?.items ?? []).enumerated() {
                    guard let hostPortNode = port["hostPort"], let hostPort = hostPortNode.int, hostPort != 0 else { continue }
                    let containerPort = port["containerPort"]?.int ?? 0
                    if hostPort != containerPort {
                        errors.append(
                            .invalid(
                                path.child("containers").index(i).child("ports").index(j).child("hostPort"), .int(hostPort),
                                "must match `containerPort` when `hostNetwork` is true", at: hostPortNode.position,
                                "With hostNetwork the container listens directly on the node, so the port on the node is the container's port: make hostPort equal containerPort, or leave hostPort out."
                            ))
                    }
                }
            }
        }
    }

    private static func validateContainers(_ containers: [YAMLNode], path: FieldPath, names: inout Set<String>, errors: inout [FieldError]) {
        for (i, container) in containers.enumerated() {
            let itemPath = path.index(i)
            let name = container["name"]?.string ?? ""
            if name.isEmpty {
                errors.append(
                    .required(
                        itemPath.child("name"), at: container.position,
                        "Each container needs a `name` (lower case, like `web`); it names the container in logs, `kubectl exec -c` and events."))
            } else if let node = container["name"] {
                for message in NameRules.dns1123Label(name) {
                    errors.append(
                        .invalid(
                            itemPath.child("name"), .string(name), message, at: node.position,
                            "A container name is lower case letters, digits and '-', at most 63 characters: `web`, `log-agent`."))
                }
                if names.contains(name) {
                    errors.append(
                        .duplicate(
                            itemPath.child("name"), .string(name), at: node.position,
                            "Two containers of one Pod have the same name. Container names must be unique within the Pod: rename one."))
                }
                names.insert(name)
            }
            if (container["image"]?.string ?? "").isEmpty {
                errors.append(
                    .required(
                        itemPath.child("image"), at: container.pair("image")?.keyPosition ?? container.position,
                        "Each container needs an `image` to run, such as `nginx:1.27`."))
            }
            if let node = container["imagePullPolicy"], let policy = node.string, !pullPolicies.contains(policy) {
                errors.append(
                    .unsupported(
                        itemPath.child("imagePullPolicy"), policy, supported: pullPolicies, at: node.position,
                        "imagePullPolicy is Always, IfNotPresent or Never, spelt exactly so."))
            }
            validatePorts(container["ports"]?.items ?? [], path: itemPath.child("ports"), errors: &errors)
        }
    }

    private static func validatePorts(_ ports: [YAMLNode], path: FieldPath, errors: inout [FieldError]) {
        var portNames: Set<String> = []
        for (j, port) in ports.enumerated() {
            let portPath = path.index(j)
            if let node = port["name"], let name = node.string, !name.isEmpty {
                for message in NameRules.portName(name) {
                    errors.append(
                        .invalid(
                            portPath.child("name"), .string(name), message, at: node.position,
                            "A port name is an IANA service name: at most 15 lower case letters, digits and '-', with at least one letter, like `http` or `metrics`."
                        ))
                }
                if portNames.contains(name) {
                    errors.append(
                        .duplicate(
                            portPath.child("name"), .string(name), at: node.position,
                            "Two ports of one container have the same name; a Service's named targetPort would not know which to use."))
                }
                portNames.insert(name)
            }
            let containerPort = port["containerPort"]?.int ?? 0
            if containerPort == 0 {
                errors.append(
                    .required(
                        portPath.child("containerPort"), at: port["containerPort"]?.position ?? port.position,
                        "Each entry under `ports:` needs a `containerPort`, the port the process listens on (80 for nginx)."))
            } else if let node = port["containerPort"] {
                for message in NameRules.portNumber(containerPort) {
                    errors.append(
                        .invalid(
                            portPath.child("containerPort"), .int(containerPort), message, at: node.position,
                            "TCP and UDP ports are numbered 1 to 65535."))
                }
            }
            if let node = port["hostPort"], let hostPort = node.int, hostPort != 0 {
                for message in NameRules.portNumber(hostPort) {
                    errors.append(
                        .invalid(
                            portPath.child("hostPort"), .int(hostPort), message, at: node.position, "TCP and UDP ports are numbered 1 to 65535."))
                }
            }
            if let node = port["protocol"], let proto = node.string, !protocols.contains(proto) {
                errors.append(
                    .unsupported(
                        portPath.child("protocol"), proto, supported: protocols, at: node.position,
                        "protocol is the transport, TCP (the default), UDP or SCTP, in capitals. HTTP runs over TCP."))
            }
        }
    }

    /// The API's warning for two container ports with the same port, protocol, host IP and host port (`warningsForPodSpecAndMeta`).
    static func duplicatePortWarnings(_ spec: YAMLNode?, path: FieldPath) -> [FieldError] {
        struct PortKey: Hashable {
            var hostIP: String
            var hostPort: Int64
            var containerPort: Int64
            var proto: String
        }
        var seen: [PortKey: FieldPath] = [:]
        var seenContainer: [PortKey: String] = [:]
        var warnings: [FieldError] = []
        for (i, container) in (spec?["containers"]?.items ?? []).enumerated() {
            for (j, port) in (container["ports"]?.items ?? []).enumerated() {
                let key = PortKey(
                    hostIP: port["hostIP"]?.string ?? "", hostPort: port["hostPort"]?.int ?? 0,
                    containerPort: port["containerPort"]?.int ?? 0, proto: port["protocol"]?.string ?? "TCP")
                let portPath = path.child("containers").index(i).child("ports").index(j)
                if let other = seen[key] {
                    let name = container["name"]?.string ?? "container \(i)"
                    let otherName = seenContainer[key] ?? "another container"
                    warnings.append(
                        .warning(
                            portPath, "\(portPath): duplicate port definition with \(other)", at: port.position,
                            "The containers of a Pod share one network namespace, so only one process can listen on port \(key.containerPort)/\(key.proto). `\(otherName)` and `\(name)` both claim it: the second to start will fail with \"address already in use\". Give one of them another port."
                        ))
                } else {
                    seen[key] = portPath
                    seenContainer[key] = container["name"]?.string ?? "container \(i)"
                }
            }
        }
        return warnings
    }
}
