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
        let initContainers = spec?["initContainers"]?.items ?? []
        validateContainers(initContainers, path: path.child("initContainers"), errors: &errors)
        validateContainers(containers, path: path.child("containers"), errors: &errors)
        // Regular containers are compared among themselves (an empty name counts, as in the API); init containers
        // against the regular ones and the init containers before them, so a clash is reported on the init container.
        var regularNames: Set<String> = []
        for (i, container) in containers.enumerated() {
            let name = container["name"]?.string ?? ""
            if regularNames.contains(name) {
                errors.append(duplicateName(name, container, path: path.child("containers").index(i)))
            }
            regularNames.insert(name)
        }
        var initNames = regularNames
        for (i, container) in initContainers.enumerated() {
            let name = container["name"]?.string ?? ""
            if initNames.contains(name) {
                errors.append(duplicateName(name, container, path: path.child("initContainers").index(i)))
            } else if !name.isEmpty {
                initNames.insert(name)
            }
        }

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
        if let node = spec?["nodeName"], let nodeName = node.string, !nodeName.isEmpty {
            for message in NameRules.dns1123Subdomain(nodeName) {
                errors.append(
                    .invalid(
                        path.child("nodeName"), .string(nodeName), message, at: node.position,
                        "nodeName is the name of a node exactly as `kubectl get nodes` prints it, in lower case: `w1`, not `W1`."))
            }
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

    private static func duplicateName(_ name: String, _ container: YAMLNode, path: FieldPath) -> FieldError {
        .duplicate(
            path.child("name"), .string(name), at: container["name"]?.position ?? container.position,
            "Two containers of one Pod have the same name. Container names must be unique within the Pod: rename one.")
    }

    private static func validateContainers(_ containers: [YAMLNode], path: FieldPath, errors: inout [FieldError]) {
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
                let messages = NameRules.portName(name)
                for message in messages {
                    errors.append(
                        .invalid(
                            portPath.child("name"), .string(name), message, at: node.position,
                            "A port name is an IANA service name: at most 15 lower case letters, digits and '-', with at least one letter, like `http` or `metrics`."
                        ))
                }
                // An invalid name is not also reported as a duplicate.
                if messages.isEmpty && portNames.contains(name) {
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

    /// The API's warnings for container ports declared twice (`warningsForPodSpecAndMeta`): every container of the Pod,
    /// init containers first, is compared by containerPort and protocol; equal host IP and host port make a duplicate,
    /// a missing host port an overlap, and the same host port with only one host IP an ambiguity.
    static func duplicatePortWarnings(_ spec: YAMLNode?, path: FieldPath) -> [FieldError] {
        struct Declared {
            var path: FieldPath
            var containerPath: FieldPath
            var container: String
            var hostIP: String
            var hostPort: Int64
        }
        var declared: [String: [Declared]] = [:]
        var warnings: [FieldError] = []
        for list in ["initContainers", "containers"] {
            for (i, container) in (spec?[list]?.items ?? []).enumerated() {
                let containerName = container["name"]?.string ?? "\(list)[\(i)]"
                for (j, port) in (container["ports"]?.items ?? []).enumerated() {
                    let containerPort = port["containerPort"]?.int ?? 0
                    let proto = port["protocol"]?.string ?? "TCP"
                    let key = "\(containerPort)/\(proto)"
                    let containerPath = path.child(list).index(i)
                    let this = Declared(
                        path: containerPath.child("ports").index(j), containerPath: containerPath, container: containerName,
                        hostIP: port["hostIP"]?.string ?? "", hostPort: port["hostPort"]?.int ?? 0)
                    for other in declared[key] ?? [] {
                        let relation: String
                        if this.hostIP == other.hostIP && this.hostPort == other.hostPort {
                            relation = "duplicate"
                        } else if this.hostPort == 0 || other.hostPort == 0 {
                            relation = "overlapping"
                        } else if this.hostPort == other.hostPort && this.hostIP.isEmpty != other.hostIP.isEmpty {
                            relation = "dangerously ambiguous"
                        } else {
                            continue
                        }
                        let explanation: String
                        if this.containerPath == other.containerPath {
                            explanation = "This container lists port \(key) twice. The second entry adds nothing: remove it, or give it another port."
                        } else if other.path.description.contains("initContainers[") {
                            explanation =
                                "All containers of a Pod, init containers too, share one network namespace. An init container normally exits before the next container starts, so this only bites if `\(other.container)` keeps running (a sidecar with `restartPolicy: Always`): then only one of them can listen on port \(key)."
                        } else {
                            explanation =
                                "The containers of a Pod share one network namespace, so only one process can listen on port \(key). `\(other.container)` and `\(this.container)` both claim it: the second to start fails with \"address already in use\". Give one of them another port."
                        }
                        warnings.append(
                            .warning(
                                this.path, "\(this.path): \(relation) port definition with \(other.path)", at: port.position, explanation))
                    }
                    declared[key, default: []].append(this)
                }
            }
        }
        return warnings
    }
}
