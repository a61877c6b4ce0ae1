/// API versions Kubernetes no longer serves, and how to move a manifest off them.
///
/// kubectl answers such a manifest with `no matches for kind ... in version ...`, which
/// tells a learner nothing about what to change; KubeTutor says which version replaced it and,
/// for the objects the course uses, shows the migrated YAML line by line.
struct RemovedAPI {
    var apiVersion: String
    var kind: String
    /// The release that stopped serving it.
    var removedIn: String
    /// The version to use instead (nil when the kind was removed without a successor).
    var replacement: String?

    static let all: [RemovedAPI] = {
        var list: [RemovedAPI] = []
        for kind in ["Deployment", "DaemonSet", "ReplicaSet"] {
            list.append(RemovedAPI(apiVersion: "extensions/v1beta1", kind: kind, removedIn: "1.16", replacement: "apps/v1"))
            list.append(RemovedAPI(apiVersion: "apps/v1beta2", kind: kind, removedIn: "1.16", replacement: "apps/v1"))
        }
        list.append(RemovedAPI(apiVersion: "apps/v1beta1", kind: "Deployment", removedIn: "1.16", replacement: "apps/v1"))
        for kind in ["StatefulSet"] {
            list.append(RemovedAPI(apiVersion: "apps/v1beta1", kind: kind, removedIn: "1.16", replacement: "apps/v1"))
            list.append(RemovedAPI(apiVersion: "apps/v1beta2", kind: kind, removedIn: "1.16", replacement: "apps/v1"))
        }
        list.append(RemovedAPI(apiVersion: "extensions/v1beta1", kind: "NetworkPolicy", removedIn: "1.16", replacement: "networking.k8s.io/v1"))
        list.append(RemovedAPI(apiVersion: "extensions/v1beta1", kind: "Ingress", removedIn: "1.22", replacement: "networking.k8s.io/v1"))
        list.append(RemovedAPI(apiVersion: "networking.k8s.io/v1beta1", kind: "Ingress", removedIn: "1.22", replacement: "networking.k8s.io/v1"))
        list.append(RemovedAPI(apiVersion: "networking.k8s.io/v1beta1", kind: "IngressClass", removedIn: "1.22", replacement: "networking.k8s.io/v1"))
        list.append(RemovedAPI(apiVersion: "batch/v1beta1", kind: "CronJob", removedIn: "1.25", replacement: "batch/v1"))
        list.append(RemovedAPI(apiVersion: "policy/v1beta1", kind: "PodDisruptionBudget", removedIn: "1.25", replacement: "policy/v1"))
        list.append(RemovedAPI(apiVersion: "policy/v1beta1", kind: "PodSecurityPolicy", removedIn: "1.25", replacement: nil))
        list.append(RemovedAPI(apiVersion: "discovery.k8s.io/v1beta1", kind: "EndpointSlice", removedIn: "1.25", replacement: "discovery.k8s.io/v1"))
        list.append(RemovedAPI(apiVersion: "autoscaling/v2beta1", kind: "HorizontalPodAutoscaler", removedIn: "1.25", replacement: "autoscaling/v2"))
        list.append(RemovedAPI(apiVersion: "autoscaling/v2beta2", kind: "HorizontalPodAutoscaler", removedIn: "1.26", replacement: "autoscaling/v2"))
        for kind in ["ClusterRole", "ClusterRoleBinding", "Role", "RoleBinding"] {
            list.append(RemovedAPI(apiVersion: "rbac.authorization.k8s.io/v1beta1", kind: kind, removedIn: "1.22", replacement: "rbac.authorization.k8s.io/v1"))
        }
        return list
    }()

    /// The line number a migration step starts with (`line 12: ...`, `after line 5: ...`).
    private static func line(of step: String) -> Int {
        guard let range = step.firstRange(of: "line ") else { return 0 }
        return Int(step[range.upperBound...].prefix { $0.isASCII && $0.isNumber }) ?? 0
    }

    static func lookup(apiVersion: String, kind: String) -> RemovedAPI? {
        all.first { $0.apiVersion == apiVersion && $0.kind == kind }
    }

    /// A plain-English migration for this object, with the migrated YAML when KubeTutor knows how to write it.
    func migration(of root: YAMLNode) -> String {
        guard let replacement else {
            return "\(kind) was removed in Kubernetes \(removedIn) with no replacement in the core API; remove this object."
        }
        var text = "\(apiVersion) \(kind) has not been served since Kubernetes \(removedIn). Use apiVersion: \(replacement)."
        var steps: [String] = []
        var migrated = root
        if let pair = root.pair("apiVersion") {
            steps.append("line \(pair.value.position.line): apiVersion: \(apiVersion) → apiVersion: \(replacement)")
        }
        migrated.set("apiVersion", to: YAMLNode(.string(replacement), at: root.position))
        switch kind {
        case "Ingress":
            IngressMigration.migrate(&migrated, original: root, steps: &steps)
        case "Deployment", "DaemonSet", "ReplicaSet", "StatefulSet":
            if root["spec"]?["selector"] == nil, let labels = root["spec"]?["template"]?["metadata"]?["labels"] {
                let specLine = root.pair("spec")?.keyPosition.line ?? root.position.line
                steps.append("after line \(specLine): add spec.selector.matchLabels with the template's labels (apps/v1 requires a selector)")
                var spec = migrated["spec"] ?? YAMLNode(.mapping([]), at: root.position)
                let selector = YAMLNode(.mapping([YAMLPair(key: "matchLabels", keyPosition: labels.position, value: labels)]), at: labels.position)
                // Where people expect it: after replicas, before the template.
                if spec["replicas"] != nil {
                    spec.insert("selector", selector, after: "replicas")
                } else {
                    spec.insert("selector", selector, after: "")
                }
                migrated.set("spec", to: spec)
            }
        default:
            break
        }
        if !steps.isEmpty {
            // In file order, so that a learner can walk down the file making each change.
            let ordered = steps.enumerated().sorted { (Self.line(of: $0.element), $0.offset) < (Self.line(of: $1.element), $1.offset) }
            text += " Change:\n" + ordered.map { "  - " + $0.element }.joined(separator: "\n")
        }
        if kind == "Ingress" || ["Deployment", "DaemonSet", "ReplicaSet", "StatefulSet"].contains(kind) {
            text += "\nThe object in \(replacement):\n" + YAMLWriter.write(migrated)
        }
        return text
    }
}

/// Rewrites an extensions/v1beta1 or networking.k8s.io/v1beta1 Ingress as networking.k8s.io/v1.
enum IngressMigration {
    static func migrate(_ object: inout YAMLNode, original: YAMLNode, steps: inout [String]) {
        guard var spec = object["spec"] else { return }
        if let backendPair = original["spec"]?.pair("backend") {
            steps.append("line \(backendPair.keyPosition.line): spec.backend → spec.defaultBackend")
            spec.remove("backend")
            spec.set("defaultBackend", to: migrateBackend(backendPair.value, steps: &steps))
        }
        if var rules = spec["rules"]?.items {
            for r in rules.indices {
                guard var http = rules[r]["http"], var paths = http["paths"]?.items else { continue }
                for p in paths.indices {
                    if paths[p]["pathType"] == nil {
                        let line = paths[p].pair("path")?.keyPosition.line ?? paths[p].position.line
                        steps.append(
                            "line \(line): add pathType: Prefix next to path (v1 requires it; ImplementationSpecific keeps the old behaviour exactly)")
                        paths[p].insert("pathType", YAMLNode(.string("Prefix"), at: paths[p].position), after: "path")
                    }
                    if let backend = paths[p]["backend"] {
                        paths[p].set("backend", to: migrateBackend(backend, steps: &steps))
                    }
                }
                http.set("paths", to: YAMLNode(.sequence(paths), at: http.position))
                rules[r].set("http", to: http)
            }
            spec.set("rules", to: YAMLNode(.sequence(rules), at: spec.position))
        }
        object.set("spec", to: spec)
    }

    private static func migrateBackend(_ backend: YAMLNode, steps: inout [String]) -> YAMLNode {
        guard backend["service"] == nil, let namePair = backend.pair("serviceName") else { return backend }
        var port: [YAMLPair] = []
        if let portPair = backend.pair("servicePort") {
            switch portPair.value.content {
            case .string:
                steps.append("line \(portPair.keyPosition.line): servicePort: \(portPair.value.string ?? "") → service.port.name")
                port.append(YAMLPair(key: "name", keyPosition: portPair.keyPosition, value: portPair.value))
            default:
                steps.append(
                    "line \(portPair.keyPosition.line): servicePort: \(portPair.value.int.map(String.init) ?? "") → service.port.number")
                port.append(YAMLPair(key: "number", keyPosition: portPair.keyPosition, value: portPair.value))
            }
        }
        steps.append("line \(namePair.keyPosition.line): serviceName: \(namePair.value.string ?? "") → service.name")
        let service = YAMLNode(
            .mapping([
                YAMLPair(key: "name", keyPosition: namePair.keyPosition, value: namePair.value),
                YAMLPair(key: "port", keyPosition: namePair.keyPosition, value: YAMLNode(.mapping(port), at: namePair.keyPosition)),
            ]), at: backend.position)
        return YAMLNode(.mapping([YAMLPair(key: "service", keyPosition: backend.position, value: service)]), at: backend.position)
    }
}

extension YAMLNode {
    /// Sets (or appends) a key of a mapping node.
    mutating func set(_ key: String, to value: YAMLNode) {
        guard case .mapping(var pairs) = content else { return }
        if let i = pairs.firstIndex(where: { $0.key == key }) {
            pairs[i].value = value
        } else {
            pairs.append(YAMLPair(key: key, keyPosition: value.position, value: value))
        }
        content = .mapping(pairs)
    }

    /// Inserts a key right after another one (at the start when `other` is empty, at the end when it is absent).
    mutating func insert(_ key: String, _ value: YAMLNode, after other: String) {
        guard case .mapping(var pairs) = content else { return }
        let index = other.isEmpty ? 0 : pairs.firstIndex { $0.key == other }.map { $0 + 1 } ?? pairs.count
        pairs.insert(YAMLPair(key: key, keyPosition: value.position, value: value), at: index)
        content = .mapping(pairs)
    }

    /// Removes a key of a mapping node.
    mutating func remove(_ key: String) {
        guard case .mapping(var pairs) = content else { return }
        pairs.removeAll { $0.key == key }
        content = .mapping(pairs)
    }
}
