/// `kubectl apply -f`, `delete`, `label` and `scale`: the commands that change the cluster.
extension Kubectl {
    static let applyFlags: [FlagSpec] = [
        .value("filename", "f"), .bool("recursive", "R"), .value("validate"), .value("dry-run"), .bool("force"), .bool("overwrite"),
        .value("field-manager"), .bool("server-side"), .value("kustomize", "k"), .bool("record"), .bool("wait"),
    ]
    static let deleteFlags: [FlagSpec] = [
        .value("filename", "f"), .bool("recursive", "R"), .value("selector", "l"), .bool("all"), .bool("all-namespaces", "A"),
        .value("grace-period"), .bool("force"), .bool("now"), .bool("wait"), .bool("ignore-not-found"), .value("cascade"),
        .value("timeout"),
    ]
    static let labelFlags: [FlagSpec] = [
        .bool("overwrite"), .bool("all"), .value("selector", "l"), .bool("all-namespaces", "A"), .bool("list"), .value("dry-run"),
        .value("output", "o"), .value("resource-version"),
    ]
    static let scaleFlags: [FlagSpec] = [
        .value("replicas"), .value("current-replicas"), .value("filename", "f"), .value("selector", "l"), .bool("all"),
        .value("timeout"),
    ]

    /// The key of an object in ``lastApplied``.
    static func appliedKey(kind: String, namespace: String, name: String) -> String { "\(kind)/\(namespace)/\(name)" }

    // MARK: apply

    mutating func apply(_ words: [String]) -> KubectlOutput {
        let flags: ParsedFlags
        switch parseFlags(words, command: "apply", specs: Self.applyFlags) {
        case .failure(let failure): return failure.output
        case .success(let parsed): flags = parsed
        }
        if flags.isSet("help") { return KubectlOutput(stdout: Self.usage("apply")) }
        if flags.values["kustomize"] != nil {
            return KubectlOutput(stderr: "error: kustomize (-k) is not available in the simulated cluster; apply the files with -f\n", exitCode: 1)
        }
        if !flags.arguments.isEmpty {
            return KubectlOutput(
                stderr: "error: Unexpected args: [\(flags.arguments.joined(separator: " "))]\nSee 'kubectl apply -h' for help and examples\n", exitCode: 1)
        }
        let names = flags.values["filename"] ?? []
        guard !names.isEmpty else { return KubectlOutput(stderr: "error: must specify one of -f and -k\n", exitCode: 1) }
        let dryRun = flags.value("dry-run").map { $0 != "none" && $0 != "false" } ?? false
        var out = KubectlOutput()
        for name in names {
            guard let bytes = files[name] else {
                return KubectlOutput(stdout: out.stdout, stderr: out.stderr + "error: the path \(goQuote(name)) does not exist\n", exitCode: 1)
            }
            applyFile(name: name, bytes: bytes, namespaceFlag: flags.value("namespace"), dryRun: dryRun, into: &out)
        }
        return out
    }

    /// Checks one file as the API server would, prints kubectl's errors and warnings, and applies every valid object.
    private mutating func applyFile(name: String, bytes: [UInt8], namespaceFlag: String?, dryRun: Bool, into out: inout KubectlOutput) {
        let report = ManifestChecker().check(bytes: bytes, fileName: name)
        // Errors in file order; several field errors of one object print as one error, one `* ` line each.
        var slots: [(prefix: String?, messages: [String])] = []
        var warningLines: [String] = []
        for diagnostic in report.diagnostics {
            if diagnostic.severity == .warning {
                let line = diagnostic.kubectlText
                if !warningLines.contains(line) { warningLines.append(line) }
                continue
            }
            let prefix = diagnostic.kubectlPrefix
            if prefix.hasPrefix("The ") && prefix.hasSuffix(" is invalid: ") {
                if let index = slots.firstIndex(where: { $0.prefix == prefix }) {
                    if !slots[index].messages.contains(diagnostic.message) { slots[index].messages.append(diagnostic.message) }
                } else {
                    slots.append((prefix, [diagnostic.message]))
                }
            } else if !slots.contains(where: { $0.prefix == nil && $0.messages == [diagnostic.kubectlText] }) {
                slots.append((nil, [diagnostic.kubectlText]))
            }
        }
        var errorLines: [String] = slots.map { slot in
            guard let prefix = slot.prefix else { return slot.messages[0] }
            return slot.messages.count == 1 ? prefix + slot.messages[0] : prefix + "\n" + slot.messages.map { "* " + $0 }.joined(separator: "\n")
        }
        out.stderr += warningLines.map { $0 + "\n" }.joined()
        for var object in report.objects where object.root != nil {
            if let namespaceFlag, !namespaceFlag.isEmpty, !ManifestChecker.clusterScopedKinds.contains(object.kind) {
                let written = object.root?["metadata"]?["namespace"]?.string ?? ""
                if !written.isEmpty && written != namespaceFlag {
                    errorLines.append(
                        "error: the namespace from the provided object \(goQuote(written)) does not match the namespace \(goQuote(namespaceFlag)). You must pass '--namespace=\(written)' to perform this operation."
                    )
                    continue
                }
                object.namespace = namespaceFlag
            }
            let key = Self.appliedKey(kind: object.kind, namespace: object.namespace, name: object.name)
            let json = Self.lastAppliedConfiguration(object)
            let exists = objectExists(kind: object.kind, namespace: object.namespace, name: object.name)
            if exists && lastApplied[key] == json {
                out.stdout += "\(Cluster.resourceName(of: object.kind))/\(object.name) unchanged\(dryRun ? " (dry run)" : "")\n"
                continue
            }
            if dryRun {
                out.stdout += "\(Cluster.resourceName(of: object.kind))/\(object.name) \(exists ? "configured" : "created") (dry run)\n"
                continue
            }
            let created = cluster.creationTime(kind: object.kind, namespace: object.namespace, name: object.name)
            let result = cluster.apply(object)
            if let created { cluster.restoreCreationTime(kind: object.kind, namespace: object.namespace, name: object.name, to: created) }
            for diagnostic in result.diagnostics where diagnostic.severity == .error {
                errorLines.append(diagnostic.kubectlText)
            }
            for diagnostic in result.diagnostics where diagnostic.severity == .warning {
                out.stderr += diagnostic.kubectlText + "\n"
            }
            if !result.summary.isEmpty {
                var summary = result.summary
                if summary.hasSuffix(" (not simulated)") { summary = String(summary.dropLast(" (not simulated)".count)) }
                out.stdout += summary + "\n"
                lastApplied[key] = json
                appliedObjects[key] = object
            }
        }
        if !errorLines.isEmpty {
            out.stderr += errorLines.map { $0 + "\n" }.joined()
            out.exitCode = 1
        }
    }

    /// The `kubectl.kubernetes.io/last-applied-configuration` kubectl stores: the object as written, as compact
    /// JSON with sorted keys, with `metadata.annotations` (at least `{}`) and the namespace it went to.
    static func lastAppliedConfiguration(_ object: CheckedObject) -> String {
        guard var root = object.root else { return "" }
        let empty = YAMLNode(.mapping([]), at: root.position)
        if root["metadata"]?["annotations"]?.pairs == nil { root = root.setting(["metadata", "annotations"], to: empty) }
        if !object.namespace.isEmpty && (root["metadata"]?["namespace"]?.string ?? "").isEmpty {
            root = root.setting(["metadata", "namespace"], to: YAMLNode(.string(object.namespace), at: root.position))
        }
        return YAMLWriter.json(root)
    }

    /// True when the cluster holds this object.
    func objectExists(kind: String, namespace: String, name: String) -> Bool {
        switch kind {
        case "Pod": cluster.pod(named: name, in: namespace) != nil
        case "Service": cluster.service(named: name, in: namespace) != nil
        case "Deployment": cluster.deployments.contains { $0.name == name && $0.namespace == namespace }
        case "Ingress": cluster.ingresses.contains { $0.name == name && $0.namespace == namespace }
        case "IngressClass": cluster.ingressClasses.contains { $0.name == name }
        case "Namespace": cluster.hasNamespace(name)
        case "Node": cluster.node(named: name) != nil
        default: lastApplied[Self.appliedKey(kind: kind, namespace: namespace, name: name)] != nil
        }
    }

    // MARK: delete

    mutating func delete(_ words: [String]) -> KubectlOutput {
        let flags: ParsedFlags
        switch parseFlags(words, command: "delete", specs: Self.deleteFlags) {
        case .failure(let failure): return failure.output
        case .success(let parsed): flags = parsed
        }
        if flags.isSet("help") { return KubectlOutput(stdout: Self.usage("delete")) }
        let namespace = namespace(flags)
        let ignoreNotFound = flags.isSet("ignore-not-found")
        var out = KubectlOutput()
        let fileNames = flags.values["filename"] ?? []
        if !fileNames.isEmpty {
            if !flags.arguments.isEmpty {
                return KubectlOutput(
                    stderr: "error: Unexpected args: [\(flags.arguments.joined(separator: " "))]\nSee 'kubectl delete -h' for help and examples\n",
                    exitCode: 1)
            }
            for name in fileNames {
                guard let bytes = files[name] else {
                    out.stderr += "error: the path \(goQuote(name)) does not exist\n"
                    out.exitCode = 1
                    return out
                }
                let report = ManifestChecker().check(bytes: bytes, fileName: name)
                for object in report.objects where !object.kind.isEmpty && !object.name.isEmpty {
                    let objectNamespace = ManifestChecker.clusterScopedKinds.contains(object.kind) ? "" : object.namespace
                    let singular = ResourceType.forKind(object.kind)?.qualifiedSingular ?? Cluster.resourceName(of: object.kind)
                    if deleteObject(kind: object.kind, namespace: objectNamespace, name: object.name) {
                        out.stdout += "\(singular) \(goQuote(object.name)) deleted\n"
                    } else if !ignoreNotFound {
                        let plural = ResourceType.forKind(object.kind)?.qualifiedPlural ?? (object.kind.lowercased() + "s")
                        out.stderr += "Error from server (NotFound): error when deleting \(goQuote(name)): \(plural) \(goQuote(object.name)) not found\n"
                        out.exitCode = 1
                    }
                }
            }
            return out
        }
        guard !flags.arguments.isEmpty else {
            return KubectlOutput(
                stderr: """
                    error: You must provide one or more resources by argument or filename.
                    Example resource specifications include:
                       '-f rsrc.yaml'
                       '--filename=rsrc.json'
                       '<resource> <name>'
                       '<resource>'

                    """, exitCode: 1)
        }
        let requests: [Request]
        let selector: KubectlSelector?
        switch targets(flags, command: "delete") {
        case .failure(let failure): return failure.output
        case .success(let parsed): (requests, selector) = parsed
        }
        let everything = flags.isSet("all") || selector != nil
        if requests.allSatisfy({ $0.names.isEmpty }) && !everything {
            return KubectlOutput(stderr: "error: resource(s) were provided, but no name was specified\n", exitCode: 1)
        }
        var deletedAny = false
        for request in requests {
            guard let type = request.type else {
                for name in request.names where !ignoreNotFound {
                    out.stderr += "Error from server (NotFound): \(request.unsimulated ?? "resources") \(goQuote(name)) not found\n"
                    out.exitCode = 1
                }
                continue
            }
            let scope: String? = type.namespaced ? (flags.isSet("all-namespaces") ? nil : namespace) : nil
            var targets: [Item]
            if request.names.isEmpty {
                targets = items(of: type, in: scope).sorted { ($0.namespace, $0.name) < ($1.namespace, $1.name) }
                if let selector { targets = targets.filter { selector.matches($0.labels) } }
            } else {
                targets = []
                for name in request.names {
                    if let item = items(of: type, in: scope).first(where: { $0.name == name }) {
                        targets.append(item)
                    } else if !ignoreNotFound {
                        out.stderr += "Error from server (NotFound): \(type.qualifiedPlural) \(goQuote(name)) not found\n"
                        out.exitCode = 1
                    }
                }
            }
            for item in targets {
                if type == .namespaces && ["default", "kube-system", "kube-public", "kube-node-lease"].contains(item.name) {
                    out.stderr +=
                        "Error from server (Forbidden): namespaces \(goQuote(item.name)) is forbidden: this namespace may not be deleted\n"
                    out.exitCode = 1
                    continue
                }
                if type == .endpoints || type == .replicasets || type == .events {
                    // The controllers own these: they come straight back, as on a real cluster.
                    out.stdout += "\(type.qualifiedSingular) \(goQuote(item.name)) deleted\n"
                    deletedAny = true
                    continue
                }
                if deleteObject(kind: type.kind, namespace: item.namespace, name: item.name) {
                    out.stdout += "\(type.qualifiedSingular) \(goQuote(item.name)) deleted\n"
                    deletedAny = true
                }
            }
        }
        if !deletedAny && out.exitCode == 0 && out.stdout.isEmpty {
            out.stderr += "No resources found\n"
        }
        return out
    }

    /// Removes one object; false when it does not exist.
    mutating func deleteObject(kind: String, namespace: String, name: String) -> Bool {
        let removed: Bool
        switch kind {
        case "Pod": removed = cluster.deletePod(named: name, in: namespace)
        case "Service": removed = cluster.deleteService(named: name, in: namespace)
        case "Deployment": removed = cluster.deleteDeployment(named: name, in: namespace)
        case "Ingress": removed = cluster.deleteIngress(named: name, in: namespace)
        case "IngressClass": removed = cluster.deleteIngressClass(named: name)
        case "Namespace": removed = cluster.deleteNamespace(named: name)
        case "Node": removed = cluster.deleteNode(named: name)
        default: removed = lastApplied[Self.appliedKey(kind: kind, namespace: namespace, name: name)] != nil
        }
        let key = Self.appliedKey(kind: kind, namespace: namespace, name: name)
        lastApplied[key] = nil
        appliedObjects[key] = nil
        if kind == "Namespace" {
            lastApplied = lastApplied.filter { !$0.key.contains("/\(name)/") }
            appliedObjects = appliedObjects.filter { !$0.key.contains("/\(name)/") }
        }
        return removed
    }

    // MARK: label

    mutating func label(_ words: [String]) -> KubectlOutput {
        let flags: ParsedFlags
        switch parseFlags(words, command: "label", specs: Self.labelFlags) {
        case .failure(let failure): return failure.output
        case .success(let parsed): flags = parsed
        }
        if flags.isSet("help") { return KubectlOutput(stdout: Self.usage("label")) }
        // Resources first, then label updates (KEY=VALUE or KEY-), as cmdutil.GetResourcesAndPairs splits them.
        var resourceArgs: [String] = []
        var updates: [String] = []
        for arg in flags.arguments {
            let isPair = (arg.contains("=") && !arg.hasPrefix("=")) || (arg.hasSuffix("-") && arg != "-")
            if isPair {
                updates.append(arg)
            } else if updates.isEmpty {
                resourceArgs.append(arg)
            } else {
                return KubectlOutput(stderr: "error: all resources must be specified before label changes: \(arg)\n", exitCode: 1)
            }
        }
        guard !resourceArgs.isEmpty else {
            return KubectlOutput(
                stderr:
                    "error: one or more resources must be specified as <resource> <name> or <resource>/<name>\nSee 'kubectl label -h' for help and examples\n",
                exitCode: 1)
        }
        guard !updates.isEmpty else { return KubectlOutput(stderr: "error: at least one label update is required\n", exitCode: 1) }
        var set: [String: String] = [:]
        var remove: [String] = []
        for spec in updates {
            if spec.contains("=") {
                let parts = spec.split(separator: "=", omittingEmptySubsequences: false).map(String.init)
                guard parts.count == 2 else { return KubectlOutput(stderr: "error: invalid label spec: \(spec)\n", exitCode: 1) }
                let errors = NameRules.labelValue(parts[1])
                if !errors.isEmpty {
                    return KubectlOutput(stderr: "error: invalid label value: \(goQuote(spec)): \(errors.joined(separator: "; "))\n", exitCode: 1)
                }
                set[parts[0]] = parts[1]
            } else if spec.hasSuffix("-") {
                remove.append(String(spec.dropLast()))
            } else {
                return KubectlOutput(stderr: "error: unknown label spec: \(spec)\n", exitCode: 1)
            }
        }
        let requests: [Request]
        switch parseRequests(resourceArgs, command: "label") {
        case .failure(let failure): return failure.output
        case .success(let parsed): requests = parsed
        }
        let namespace = namespace(flags)
        var out = KubectlOutput()
        for request in requests {
            guard let type = request.type else {
                for name in request.names {
                    out.stderr += "Error from server (NotFound): \(request.unsimulated ?? "resources") \(goQuote(name)) not found\n"
                    out.exitCode = 1
                }
                continue
            }
            var names = request.names
            if names.isEmpty {
                if flags.isSet("all") {
                    names = items(of: type, in: type.namespaced ? namespace : nil).map(\.name).sorted()
                } else {
                    return KubectlOutput(stderr: "error: resource(s) were provided, but no name was specified\n", exitCode: 1)
                }
            }
            for name in names {
                guard let item = items(of: type, in: type.namespaced ? namespace : nil).first(where: { $0.name == name }) else {
                    out.stderr += "Error from server (NotFound): \(type.qualifiedPlural) \(goQuote(name)) not found\n"
                    out.exitCode = 1
                    continue
                }
                for key in set.keys.sorted() {
                    let errors = NameRules.qualifiedName(key)
                    if !errors.isEmpty {
                        out.stderr +=
                            "The \(type.kind) \(goQuote(name)) is invalid: metadata.labels: Invalid value: \(goQuote(key)): \(errors.joined(separator: "; "))\n"
                        out.exitCode = 1
                        return out
                    }
                    if !flags.isSet("overwrite"), let old = item.labels[key], old != set[key] {
                        out.stderr += "error: '\(key)' already has a value (\(old)), and --overwrite is false\n"
                        out.exitCode = 1
                        return out
                    }
                }
                for key in remove where item.labels[key] == nil {
                    out.stdout += "label \(goQuote(key)) not found.\n"
                }
                var newLabels = item.labels
                for key in remove { newLabels[key] = nil }
                for (key, value) in set { newLabels[key] = value }
                let verb: String
                if newLabels == item.labels {
                    verb = "not labeled"
                } else if !flags.isSet("overwrite") && newLabels.count < item.labels.count {
                    verb = "unlabeled"
                } else {
                    verb = "labeled"
                }
                switch type {
                case .nodes: cluster.relabelNode(name, set: set, remove: remove)
                case .pods: cluster.relabelPod(name, in: item.namespace, set: set, remove: remove)
                case .services: cluster.relabelService(name, in: item.namespace, set: set, remove: remove)
                case .deployments: cluster.relabelDeployment(name, in: item.namespace, set: set, remove: remove)
                case .namespaces: cluster.relabelNamespace(name, set: set, remove: remove)
                default:
                    out.stderr += "error: labels on \(type.rawValue) are not simulated; label pods, nodes, services, deployments or namespaces\n"
                    out.exitCode = 1
                    continue
                }
                out.stdout += "\(type.qualifiedSingular)/\(name) \(verb)\n"
            }
        }
        return out
    }

    // MARK: scale

    mutating func scale(_ words: [String]) -> KubectlOutput {
        let flags: ParsedFlags
        switch parseFlags(words, command: "scale", specs: Self.scaleFlags) {
        case .failure(let failure): return failure.output
        case .success(let parsed): flags = parsed
        }
        if flags.isSet("help") { return KubectlOutput(stdout: Self.usage("scale")) }
        guard let replicasText = flags.value("replicas") else {
            return KubectlOutput(stderr: "error: required flag(s) \"replicas\" not set\n", exitCode: 1)
        }
        guard let replicas = Int(replicasText), replicas >= 0 else {
            if Int(replicasText) == nil {
                return KubectlOutput(
                    stderr: "error: invalid argument \(goQuote(replicasText)) for \"--replicas\" flag: strconv.ParseInt: parsing \(goQuote(replicasText)): invalid syntax\nSee 'kubectl scale --help' for usage.\n",
                    exitCode: 1)
            }
            return KubectlOutput(stderr: "error: The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0\n", exitCode: 1)
        }
        guard !flags.arguments.isEmpty else {
            return KubectlOutput(stderr: "error: You must provide one or more resources by argument or filename.\n", exitCode: 1)
        }
        let requests: [Request]
        switch parseRequests(flags.arguments, command: "scale") {
        case .failure(let failure): return failure.output
        case .success(let parsed): requests = parsed
        }
        let namespace = namespace(flags)
        var out = KubectlOutput()
        for request in requests {
            guard request.type == .deployments else {
                out.stderr += "error: the simulated cluster scales Deployments only\n"
                out.exitCode = 1
                continue
            }
            if request.names.isEmpty {
                return KubectlOutput(stderr: "error: resource(s) were provided, but no name was specified\n", exitCode: 1)
            }
            for name in request.names {
                guard cluster.deployments.contains(where: { $0.name == name && $0.namespace == namespace }) else {
                    out.stderr += "Error from server (NotFound): deployments.apps \(goQuote(name)) not found\n"
                    out.exitCode = 1
                    continue
                }
                scaleDeployment(name, in: namespace, to: replicas)
                out.stdout += "deployment.apps/\(name) scaled\n"
            }
        }
        return out
    }

    /// Sets a Deployment's replicas: re-applies its manifest with the new count when this kubectl applied it,
    /// else lets the ReplicaSet add copies of its Pods or remove the newest ones.
    private mutating func scaleDeployment(_ name: String, in namespace: String, to replicas: Int) {
        let key = Self.appliedKey(kind: "Deployment", namespace: namespace, name: name)
        if var object = appliedObjects[key], let root = object.root {
            let replicasNode = YAMLNode(.number(NumberValue(jsonText: String(replicas), integer: Int64(replicas), double: Double(replicas))), at: root.position)
            object.root = root.setting(["spec", "replicas"], to: replicasNode)
            let created = cluster.creationTime(kind: "Deployment", namespace: namespace, name: name)
            _ = cluster.apply(object)
            if let created { cluster.restoreCreationTime(kind: "Deployment", namespace: namespace, name: name, to: created) }
            // kubectl scale does not touch the last-applied configuration: re-applying the same file is `unchanged`
            // and keeps the new replica count, as on a real cluster.
            appliedObjects[key] = object
            return
        }
        cluster.scaleDeployment(name, in: namespace, to: replicas)
    }
}

extension YAMLNode {
    /// A copy with the value at `path` (mapping keys) replaced or added.
    func setting(_ path: [String], to value: YAMLNode) -> YAMLNode {
        guard let key = path.first else { return value }
        guard case .mapping(var pairs) = content else { return self }
        if let index = pairs.firstIndex(where: { $0.key == key }) {
            pairs[index].value = pairs[index].value.setting(Array(path.dropFirst()), to: value)
        } else {
            let child = path.count == 1 ? value : YAMLNode(.mapping([]), at: position).setting(Array(path.dropFirst()), to: value)
            pairs.append(YAMLPair(key: key, keyPosition: position, value: child))
        }
        return YAMLNode(.mapping(pairs), at: position)
    }
}

extension Cluster {
    /// Scales a Deployment without its manifest: new Pods copy an existing one, the newest go first when shrinking.
    mutating func scaleDeployment(_ name: String, in namespace: String, to replicas: Int) {
        guard let index = deployments.firstIndex(where: { $0.name == name && $0.namespace == namespace }) else { return }
        deployments[index].replicas = replicas
        let deployment = deployments[index]
        var owned = pods.filter { $0.owner == name && $0.namespace == namespace }
        while owned.count > replicas, let last = owned.popLast() {
            pods.removeAll { $0.name == last.name && $0.namespace == namespace }
        }
        guard let template = owned.first else { return }
        var i = 0
        // Past maxPods the simulation creates no more copies, as when a manifest's replicas are applied.
        while owned.count < replicas && pods.count < Self.maxPods {
            var pod = template
            pod.name = "\(name)-\(deployment.templateHash)-" + StableHash.suffix("\(namespace)/\(name)/\(deployment.templateHash)/\(i)", count: 5)
            i += 1
            if pods.contains(where: { $0.name == pod.name && $0.namespace == namespace }) { continue }
            pod.nodeName = nil
            pod.ip = nil
            pod.pendingReason = nil
            pod.createdAt = clock
            for c in pod.containers.indices where pod.containers[c].bindConflict?.holder.contains("/") == true {
                pod.containers[c].bindConflict = nil
            }
            pods.append(pod)
            owned.append(pod)
        }
        schedulePending()
    }
}
