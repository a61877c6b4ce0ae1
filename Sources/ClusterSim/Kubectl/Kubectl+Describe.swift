/// `kubectl describe`: kubectl's describers (pkg/describe/describe.go) written against the
/// simulated objects, laid out by the same tabwriter settings (minwidth 0, padding 2).
extension Kubectl {
    static let describeFlags: [FlagSpec] = [
        .bool("all-namespaces", "A"), .value("selector", "l"), .bool("show-events"), .value("chunk-size"), .value("filename", "f"),
    ]

    /// kubectl's PrefixWriter: two spaces per level, text with tabs for the tabwriter.
    struct DescribeText {
        var text = ""
        mutating func write(_ level: Int, _ line: String) {
            text += String(repeating: "  ", count: level) + line
        }
        /// `printLabelsMultiline`: `Title:\tk=v` then `\tk2=v2`, sorted, `<none>` when empty.
        mutating func labels(_ title: String, _ labels: [String: String]) {
            text += "\(title):\t"
            guard !labels.isEmpty else {
                text += "<none>\n"
                return
            }
            for (i, key) in labels.keys.sorted().enumerated() {
                if i != 0 { text += "\t" }
                text += "\(key)=\(labels[key]!)\n"
            }
        }
        /// `printAnnotationsMultiline`: `Title:\tk: v`, long or multi-line values on their own lines.
        mutating func annotations(_ title: String, _ annotations: [String: String]) {
            text += "\(title):\t"
            guard !annotations.isEmpty else {
                text += "<none>\n"
                return
            }
            for (i, key) in annotations.keys.sorted().enumerated() {
                if i != 0 { text += "\t" }
                let value = annotations[key]!
                if value.count + key.count + 2 > 140 || value.contains("\n") {
                    text += "\(key):\n"
                    for line in value.split(separator: "\n", omittingEmptySubsequences: false) {
                        text += "\t  \(line.count > 138 ? String(line.prefix(135)) + "..." : String(line))\n"
                    }
                } else {
                    text += "\(key): \(value)\n"
                }
            }
        }
        /// `DescribeEvents`: `Events:\t<none>`, or a table of its own.
        mutating func events(_ events: [EventView], clock: Int) -> String {
            guard !events.isEmpty else {
                text += "Events:\t<none>\n"
                return TabWriter.describe.format(text)
            }
            // kubectl flushes the tabwriter before the events table: it is aligned on its own.
            var table = "Events:\n  Type\tReason\tAge\tFrom\tMessage\n  ----\t------\t----\t----\t-------\n"
            // event.SortableEvents: oldest last occurrence first.
            for event in events.sorted(by: { ($0.last, $0.first) < ($1.last, $1.first) }) {
                table += "  \(event.type)\t\(event.reason)\t\(event.interval(clock: clock))\t\(event.source)\t\(event.message)\n"
            }
            return TabWriter.describe.format(text) + TabWriter.describe.format(table)
        }
    }

    mutating func describe(_ words: [String]) -> KubectlOutput {
        let flags: ParsedFlags
        switch parseFlags(words, command: "describe", specs: Self.describeFlags) {
        case .failure(let failure): return failure.output
        case .success(let parsed): flags = parsed
        }
        if flags.isSet("help") { return KubectlOutput(stdout: Self.usage("describe")) }
        if flags.values["filename"] != nil {
            return KubectlOutput(stderr: "error: describe -f is not available in the simulated cluster; name the resource: kubectl describe TYPE NAME\n", exitCode: 1)
        }
        guard !flags.arguments.isEmpty else {
            return KubectlOutput(
                stderr: """
                    You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.

                    error: Required resource not specified.
                    See 'kubectl describe -h' for help and examples

                    """, exitCode: 1)
        }
        let requests: [Request]
        let selector: KubectlSelector?
        switch targets(flags, command: "describe") {
        case .failure(let failure): return failure.output
        case .success(let parsed): (requests, selector) = parsed
        }
        let allNamespaces = flags.isSet("all-namespaces")
        let namespace = namespace(flags)
        let showEvents = flags.bools["show-events"] ?? true
        var descriptions: [String] = []
        var stderr = ""
        var failed = false
        for request in requests {
            guard let type = request.type else {
                for name in request.names {
                    stderr += "Error from server (NotFound): \(request.unsimulated ?? "resources") \(goQuote(name)) not found\n"
                    failed = true
                }
                continue
            }
            let scope: String? = (allNamespaces && request.names.isEmpty) || !type.namespaced ? nil : namespace
            var items = self.items(of: type, in: scope).sorted { ($0.namespace, $0.name) < ($1.namespace, $1.name) }
            if let selector { items = items.filter { selector.matches($0.labels) } }
            if !request.names.isEmpty {
                var picked: [Item] = []
                for name in request.names {
                    if let exact = items.first(where: { $0.name == name }) {
                        picked.append(exact)
                    } else if request.names.count == 1, case let matches = items.filter({ $0.name.hasPrefix(name) }), !matches.isEmpty {
                        // kubectl describe TYPE PREFIX describes every object whose name starts with PREFIX.
                        picked += matches
                    } else {
                        stderr += "Error from server (NotFound): \(type.qualifiedPlural) \(goQuote(name)) not found\n"
                        failed = true
                    }
                }
                items = picked
            }
            for item in items {
                descriptions.append(describe(item, showEvents: showEvents))
            }
        }
        if descriptions.isEmpty && !failed {
            let namespaced = requests.allSatisfy { $0.type?.namespaced ?? true } && !allNamespaces
            stderr += namespaced ? "No resources found in \(namespace) namespace.\n" : "No resources found\n"
        }
        return KubectlOutput(stdout: descriptions.joined(separator: "\n\n"), stderr: stderr, exitCode: failed ? 1 : 0)
    }

    /// One object's description.
    func describe(_ item: Item, showEvents: Bool) -> String {
        switch item.type {
        case .pods: return cluster.pod(named: item.name, in: item.namespace).map { describePod($0, showEvents: showEvents) } ?? ""
        case .services: return cluster.service(named: item.name, in: item.namespace).map { describeService($0, showEvents: showEvents) } ?? ""
        case .ingresses:
            return cluster.ingresses.first { $0.name == item.name && $0.namespace == item.namespace }.map { describeIngress($0, showEvents: showEvents) } ?? ""
        case .nodes: return cluster.node(named: item.name).map { describeNode($0, showEvents: showEvents) } ?? ""
        case .deployments:
            return cluster.deployments.first { $0.name == item.name && $0.namespace == item.namespace }.map {
                describeDeployment($0, showEvents: showEvents)
            } ?? ""
        case .endpoints: return cluster.service(named: item.name, in: item.namespace).map { describeEndpoints($0, showEvents: showEvents) } ?? ""
        case .namespaces: return describeNamespace(item.name)
        default: return describeGeneric(item, showEvents: showEvents)
        }
    }

    // MARK: Pod

    func describePod(_ pod: PodRecord, showEvents: Bool) -> String {
        let view = PodView(pod: pod, clock: cluster.clock)
        var w = DescribeText()
        w.write(0, "Name:\t\(pod.name)\n")
        w.write(0, "Namespace:\t\(pod.namespace)\n")
        w.write(0, "Priority:\t0\n")
        w.write(0, "Service Account:\tdefault\n")
        if let node = pod.nodeName {
            w.write(0, "Node:\t\(node)/\(view.hostIP(in: cluster) ?? "")\n")
            w.write(0, "Start Time:\t\(SimulatedTime.rfc1123Z(pod.createdAt))\n")
        } else {
            w.write(0, "Node:\t<none>\n")
        }
        w.labels("Labels", pod.labels)
        w.annotations("Annotations", [:])
        w.write(0, "Status:\t\(view.phase)\n")
        w.write(0, "IP:\t\(pod.ip?.description ?? "")\n")
        if let ip = pod.ip {
            w.write(0, "IPs:\n")
            w.write(1, "IP:\t\(ip)\n")
        } else {
            w.write(0, "IPs:\t<none>\n")
        }
        if let owner = pod.owner, let deployment = cluster.deployments.first(where: { $0.name == owner && $0.namespace == pod.namespace }) {
            w.write(0, "Controlled By:\tReplicaSet/\(cluster.replicaSetName(of: deployment))\n")
        }
        describeContainers(&w, view: view, template: false)
        let conditions = view.conditions
        w.write(0, "Conditions:\n  Type\tStatus\n")
        for condition in conditions {
            w.write(1, "\(condition.type) \t\(condition.status) \n")
        }
        w.write(0, "Volumes:\n")
        w.write(1, "\(view.apiAccessVolume):\n")
        w.write(2, "Type:\tProjected (a volume that contains injected data from multiple sources)\n")
        w.write(2, "TokenExpirationSeconds:\t3607\n")
        w.write(2, "ConfigMapName:\tkube-root-ca.crt\n")
        w.write(2, "ConfigMapOptional:\t<nil>\n")
        w.write(2, "DownwardAPI:\ttrue\n")
        w.write(0, "QoS Class:\tBestEffort\n")
        w.labels("Node-Selectors", pod.nodeSelector)
        w.write(0, "Tolerations:\t")
        for (i, t) in Self.tolerations(of: pod).enumerated() {
            if i != 0 { w.write(0, "\t") }
            w.write(0, "\(t.key):\(t.effect) op=\(t.op)\(t.seconds.map { " for \($0)s" } ?? "")\n")
        }
        return showEvents ? w.events(view.events, clock: cluster.clock) : TabWriter.describe.format(w.text)
    }

    /// `describeContainers`, for a Pod (with statuses) or a Pod template (`space` of two, no statuses).
    private func describeContainers(_ w: inout DescribeText, view: PodView, template: Bool) {
        let space = template ? "  " : ""
        let nameIndent = template ? " " : ""
        w.write(0, "\(space)Containers:\n")
        let views = view.containers
        for (index, container) in view.pod.containers.enumerated() {
            let status = views[index]
            let hasStatus = !template && view.pod.isScheduled
            w.write(1, "\(nameIndent)\(container.name):\n")
            if hasStatus { w.write(2, "Container ID:\t\(status.containerID)\n") }
            w.write(2, "Image:\t\(container.image)\n")
            if hasStatus { w.write(2, "Image ID:\t\(status.imageID)\n") }
            let ports = container.declaredPorts.map { "\($0.containerPort)/\($0.proto)" }.joined(separator: ", ")
            let hostPorts = container.declaredPorts.map { "\(view.pod.hostNetwork ? $0.containerPort : ($0.hostPort ?? 0))/\($0.proto)" }
                .joined(separator: ", ")
            if ports.contains(",") { w.write(2, "Ports:\t\(ports)\n") } else { w.write(2, "Port:\t\(ports.isEmpty ? "<none>" : ports)\n") }
            if hostPorts.contains(",") {
                w.write(2, "Host Ports:\t\(hostPorts)\n")
            } else {
                w.write(2, "Host Port:\t\(hostPorts.isEmpty ? "<none>" : hostPorts)\n")
            }
            if hasStatus {
                if status.running {
                    w.write(2, "State:\tRunning\n")
                    w.write(3, "Started:\t\(SimulatedTime.rfc1123Z(view.containersStartedAt))\n")
                } else {
                    w.write(2, "State:\tWaiting\n")
                    w.write(3, "Reason:\tCrashLoopBackOff\n")
                    if let last = status.lastRestartAt {
                        w.write(2, "Last State:\tTerminated\n")
                        w.write(3, "Reason:\tError\n")
                        w.write(3, "Exit Code:\t1\n")
                        w.write(3, "Started:\t\(SimulatedTime.rfc1123Z(last))\n")
                        w.write(3, "Finished:\t\(SimulatedTime.rfc1123Z(last))\n")
                    }
                }
                w.write(2, "Ready:\t\(status.ready ? "True" : "False")\n")
                w.write(2, "Restart Count:\t\(status.restarts)\n")
            }
            w.write(2, "Environment:\t<none>\n")
            if template {
                w.write(2, "Mounts:\t<none>\n")
            } else {
                w.write(2, "Mounts:\n")
                w.write(3, "/var/run/secrets/kubernetes.io/serviceaccount from \(view.apiAccessVolume) (ro)\n")
            }
        }
    }

    // MARK: Service

    func describeService(_ service: ServiceRecord, showEvents: Bool) -> String {
        var w = DescribeText()
        w.write(0, "Name:\t\(service.name)\n")
        w.write(0, "Namespace:\t\(service.namespace)\n")
        w.labels("Labels", service.labels)
        w.annotations("Annotations", [:])
        w.write(0, "Selector:\t\(Self.formatLabels(service.selector ?? [:]))\n")
        w.write(0, "Type:\t\(service.type)\n")
        let externalName = service.type == "ExternalName"
        if !externalName { w.write(0, "IP Family Policy:\tSingleStack\n") }
        w.write(0, "IP Families:\t\(externalName ? "<none>" : "IPv4")\n")
        let ip = service.headless ? "None" : service.clusterIP?.description ?? ""
        w.write(0, "IP:\t\(ip)\n")
        w.write(0, "IPs:\t\(ip.isEmpty ? "<none>" : ip)\n")
        if let name = service.externalName, externalName { w.write(0, "External Name:\t\(name)\n") }
        if let lb = service.loadBalancerIP { w.write(0, "LoadBalancer Ingress:\t\(lb) (VIP)\n") }
        for port in service.ports {
            let name = port.name.isEmpty ? "<unset>" : port.name
            w.write(0, "Port:\t\(name)\t\(port.port)/\(port.proto)\n")
            w.write(0, "TargetPort:\t\(port.targetPort)/\(port.proto)\n")
            if let nodePort = port.nodePort { w.write(0, "NodePort:\t\(name)\t\(nodePort)/\(port.proto)\n") }
            w.write(0, "Endpoints:\t\(cluster.endpointsText(of: service, portName: port.name))\n")
        }
        w.write(0, "Session Affinity:\tNone\n")
        if service.type == "NodePort" || service.type == "LoadBalancer" { w.write(0, "External Traffic Policy:\tCluster\n") }
        if !externalName { w.write(0, "Internal Traffic Policy:\tCluster\n") }
        return showEvents ? w.events(serviceEvents(service), clock: cluster.clock) : TabWriter.describe.format(w.text)
    }

    /// What MetalLB reports when it gives a LoadBalancer Service its address.
    func serviceEvents(_ service: ServiceRecord) -> [EventView] {
        guard let ip = service.loadBalancerIP, cluster.clock - service.createdAt < 3600 else { return [] }
        let object = "service/\(service.name)"
        var events = [
            EventView(
                type: "Normal", reason: "IPAllocated", first: service.createdAt, last: service.createdAt, count: 1,
                source: "metallb-controller", object: object, message: "Assigned IP [\"\(ip)\"]")
        ]
        let endpointNodes = Set(cluster.endpointAddresses(of: service)?.compactMap { address in
            cluster.pods.first { $0.name == address.pod && $0.namespace == service.namespace }?.nodeName
        } ?? [])
        let workers = cluster.nodes.filter { !$0.controlPlane }
        if let announcer = workers.first(where: { endpointNodes.contains($0.name) }) ?? workers.first {
            events.append(
                EventView(
                    type: "Normal", reason: "nodeAssigned", first: service.createdAt + 1, last: service.createdAt + 1, count: 1,
                    source: "metallb-speaker", object: object, message: "announcing from node \"\(announcer.name)\" with protocol \"layer2\""))
        }
        return events
    }

    // MARK: Endpoints

    func describeEndpoints(_ service: ServiceRecord, showEvents: Bool) -> String {
        var w = DescribeText()
        w.write(0, "Name:\t\(service.name)\n")
        w.write(0, "Namespace:\t\(service.namespace)\n")
        w.labels("Labels", service.labels)
        w.annotations("Annotations", service.builtIn ? [:] : ["endpoints.kubernetes.io/last-change-trigger-time": SimulatedTime.rfc3339(service.createdAt)])
        w.write(0, "Subsets:\n")
        let addresses = cluster.endpointAddresses(of: service) ?? []
        if !addresses.isEmpty {
            var ips: [String] = []
            for address in addresses where !ips.contains(address.ip) { ips.append(address.ip) }
            w.write(1, "Addresses:\t\(ips.joined(separator: ","))\n")
            w.write(1, "NotReadyAddresses:\t<none>\n")
            w.write(1, "Ports:\n")
            w.write(2, "Name\tPort\tProtocol\n")
            w.write(2, "----\t----\t--------\n")
            for port in service.ports {
                let number = addresses.first { $0.portName == port.name }?.port ?? port.port
                w.write(2, "\(port.name.isEmpty ? "<unset>" : port.name)\t\(number)\t\(port.proto)\n")
            }
            w.write(0, "\n")
        }
        return showEvents ? w.events([], clock: cluster.clock) : TabWriter.describe.format(w.text)
    }

    // MARK: Ingress

    /// `web:80 (10.244.1.2:80)`: a backend and the endpoints behind it.
    private func backendText(_ backend: IngressBackendRecord, namespace: String) -> String {
        let name = "\(backend.serviceName):\(backend.port)"
        guard let service = cluster.service(named: backend.serviceName, in: namespace) else {
            return "\(name) (<error: services \(goQuote(backend.serviceName)) not found>)"
        }
        var portName = ""
        for port in service.ports {
            switch backend.port {
            case .number(let n) where n == port.port: portName = port.name
            case .name(let n) where n == port.name: portName = port.name
            default: break
            }
        }
        return "\(name) (\(cluster.endpointsText(of: service, portName: portName)))"
    }

    func describeIngress(_ ingress: IngressRecord, showEvents: Bool) -> String {
        var w = DescribeText()
        w.write(0, "Name:\t\(ingress.name)\n")
        w.labels("Labels", [:])
        w.write(0, "Namespace:\t\(ingress.namespace)\n")
        w.write(0, "Address:\t\(ingressAddress(ingress))\n")
        w.write(0, "Ingress Class:\t\(ingress.className ?? "<none>")\n")
        let defaultBackend = ingress.defaultBackend.map { backendText($0, namespace: ingress.namespace) } ?? "<default>"
        w.write(0, "Default backend:\t\(defaultBackend)\n")
        w.write(0, "Rules:\n  Host\tPath\tBackends\n")
        w.write(1, "----\t----\t--------\n")
        var count = 0
        for rule in ingress.rules where !rule.paths.isEmpty {
            count += 1
            w.write(1, "\(rule.host ?? "*")\t\n")
            for path in rule.paths {
                w.write(2, "\t\(path.path) \t\(backendText(path.backend, namespace: ingress.namespace))\n")
            }
        }
        if count == 0 { w.write(1, "*\t*\t\(defaultBackend)\n") }
        w.annotations("Annotations", ingress.annotationClass.map { ["kubernetes.io/ingress.class": $0] } ?? [:])
        var events: [EventView] = []
        if cluster.isServedByController(ingress), !cluster.ingressControllers.isEmpty, cluster.clock - ingress.createdAt < 3600 {
            events.append(
                EventView(
                    type: "Normal", reason: "Sync", first: ingress.createdAt, last: ingress.createdAt + 1, count: 2,
                    source: "nginx-ingress-controller", object: "ingress/\(ingress.name)", message: "Scheduled for sync"))
        }
        return showEvents ? w.events(events, clock: cluster.clock) : TabWriter.describe.format(w.text)
    }

    // MARK: Deployment

    func describeDeployment(_ deployment: DeploymentRecord, showEvents: Bool) -> String {
        let view = DeploymentView(deployment, in: cluster)
        var w = DescribeText()
        w.write(0, "Name:\t\(deployment.name)\n")
        w.write(0, "Namespace:\t\(deployment.namespace)\n")
        w.write(0, "CreationTimestamp:\t\(SimulatedTime.rfc1123Z(deployment.createdAt))\n")
        w.labels("Labels", deployment.labels)
        w.annotations("Annotations", ["deployment.kubernetes.io/revision": "1"])
        w.write(0, "Selector:\t\(Self.formatLabels(deployment.selector))\n")
        w.write(
            0,
            "Replicas:\t\(deployment.replicas) desired | \(view.replicas) updated | \(view.replicas) total | \(view.available) available | \(view.unavailable) unavailable\n"
        )
        w.write(0, "StrategyType:\tRollingUpdate\n")
        w.write(0, "MinReadySeconds:\t0\n")
        w.write(0, "RollingUpdateStrategy:\t25% max unavailable, 25% max surge\n")
        w.write(0, "Pod Template:\n")
        var templateLabels = view.pods.first?.labels ?? deployment.selector
        templateLabels["pod-template-hash"] = nil
        w.labels("  Labels", templateLabels)
        if let sample = view.pods.first {
            describeContainers(&w, view: PodView(pod: sample, clock: cluster.clock), template: true)
            w.write(0, "  Volumes:\t<none>\n")
            w.labels("  Node-Selectors", sample.nodeSelector)
        } else {
            w.write(0, "  Containers:\n")
            for (name, image) in zip(deployment.containerNames, deployment.images) {
                w.write(1, " \(name):\n")
                w.write(2, "Image:\t\(image)\n")
                w.write(2, "Port:\t<none>\n")
                w.write(2, "Host Port:\t<none>\n")
                w.write(2, "Environment:\t<none>\n")
                w.write(2, "Mounts:\t<none>\n")
            }
            w.write(0, "  Volumes:\t<none>\n")
            w.labels("  Node-Selectors", [:])
        }
        w.write(0, "  Tolerations:\t<none>\n")
        let available = view.available >= deployment.replicas
        w.write(0, "Conditions:\n  Type\tStatus\tReason\n")
        w.write(1, "----\t------\t------\n")
        w.write(1, "Available \t\(available ? "True" : "False")\t\(available ? "MinimumReplicasAvailable" : "MinimumReplicasUnavailable")\n")
        w.write(1, "Progressing \tTrue\tNewReplicaSetAvailable\n")
        w.write(0, "OldReplicaSets:\t<none>\n")
        w.write(0, "NewReplicaSet:\t\(view.replicaSetName) (\(view.replicas)/\(deployment.replicas) replicas created)\n")
        var events: [EventView] = []
        if cluster.clock - deployment.createdAt < 3600 {
            events.append(
                EventView(
                    type: "Normal", reason: "ScalingReplicaSet", first: deployment.createdAt, last: deployment.createdAt, count: 1,
                    source: "deployment-controller", object: "deployment/\(deployment.name)",
                    message: "Scaled up replica set \(view.replicaSetName) to \(deployment.replicas)"))
        }
        return showEvents ? w.events(events, clock: cluster.clock) : TabWriter.describe.format(w.text)
    }

    // MARK: Node

    func describeNode(_ node: NodeRecord, showEvents: Bool) -> String {
        var w = DescribeText()
        w.write(0, "Name:\t\(node.name)\n")
        w.write(0, "Roles:\t\(Self.rolesText(node))\n")
        w.labels("Labels", node.labels)
        w.annotations("Annotations", Self.nodeAnnotations(node))
        w.write(0, "CreationTimestamp:\t\(SimulatedTime.rfc1123Z(node.createdAt))\n")
        w.write(0, "Taints:\t\(node.controlPlane ? "node-role.kubernetes.io/control-plane:NoSchedule" : "<none>")\n")
        w.write(0, "Unschedulable:\tfalse\n")
        w.write(0, "Lease:\n")
        w.write(1, "HolderIdentity:\t\(node.name)\n")
        w.write(1, "AcquireTime:\t<unset>\n")
        w.write(1, "RenewTime:\t\(SimulatedTime.rfc1123Z(cluster.clock - cluster.clock % 10))\n")
        w.write(0, "Conditions:\n  Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage\n")
        w.write(1, "----\t------\t-----------------\t------------------\t------\t-------\n")
        let heartbeat = SimulatedTime.rfc1123Z(cluster.clock - cluster.clock % 60)
        let transition = SimulatedTime.rfc1123Z(node.createdAt + 30)
        for (type, status, reason, message) in [
            ("NetworkUnavailable", "False", "FlannelIsUp", "Flannel is running on this node"),
            ("MemoryPressure", "False", "KubeletHasSufficientMemory", "kubelet has sufficient memory available"),
            ("DiskPressure", "False", "KubeletHasNoDiskPressure", "kubelet has no disk pressure"),
            ("PIDPressure", "False", "KubeletHasSufficientPID", "kubelet has sufficient PID available"),
            ("Ready", "True", "KubeletReady", "kubelet is posting ready status"),
        ] {
            w.write(1, "\(type) \t\(status) \t\(heartbeat) \t\(transition) \t\(reason) \t\(message)\n")
        }
        w.write(0, "Addresses:\n")
        w.write(1, "InternalIP:\t\(node.ip)\n")
        w.write(1, "Hostname:\t\(node.name)\n")
        let resources = [
            ("cpu", "2"), ("ephemeral-storage", "30787492Ki"), ("hugepages-1Gi", "0"), ("hugepages-2Mi", "0"), ("memory", "4015444Ki"),
            ("pods", "110"),
        ]
        for title in ["Capacity", "Allocatable"] {
            w.write(0, "\(title):\n")
            for (name, value) in resources { w.write(0, "  \(name):\t\(value)\n") }
        }
        w.write(0, "System Info:\n")
        w.write(0, "  Machine ID:\t\(Identifiers.hex(seed: "machine/\(node.name)", count: 32))\n")
        w.write(0, "  System UUID:\t\(Identifiers.uid("system", "", node.name, 0))\n")
        w.write(0, "  Boot ID:\t\(Identifiers.uid("boot", "", node.name, 0))\n")
        w.write(0, "  Kernel Version:\t\(NodeFacts.kernel)\n")
        w.write(0, "  OS Image:\t\(NodeFacts.osImage)\n")
        w.write(0, "  Operating System:\tlinux\n")
        w.write(0, "  Architecture:\tamd64\n")
        w.write(0, "  Container Runtime Version:\t\(NodeFacts.runtime)\n")
        w.write(0, "  Kubelet Version:\t\(Self.version)\n")
        w.write(0, "  Kube-Proxy Version:\t\n")
        w.write(0, "PodCIDR:\t\(node.podCIDR)\n")
        w.write(0, "PodCIDRs:\t\(node.podCIDR)\n")
        let pods = cluster.pods.filter { $0.nodeName == node.name }.sorted { ($0.namespace, $0.name) < ($1.namespace, $1.name) }
        w.write(0, "Non-terminated Pods:\t(\(pods.count) in total)\n")
        w.write(1, "Namespace\tName\t\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge\n")
        w.write(1, "---------\t----\t\t------------\t----------\t---------------\t-------------\t---\n")
        var cpu = 0
        var memory = 0
        var memoryLimit = 0
        for pod in pods {
            // CoreDNS asks for 100m CPU and 70Mi of memory, limited to 170Mi; the rest ask for nothing.
            let isDNS = pod.owner == "coredns"
            let r = (cpu: isDNS ? 100 : 0, memory: isDNS ? 70 : 0, limit: isDNS ? 170 : 0)
            cpu += r.cpu
            memory += r.memory
            memoryLimit += r.limit
            w.write(
                1,
                "\(pod.namespace)\t\(pod.name)\t\t\(Self.milli(r.cpu)) (\(r.cpu / 20)%)\t0 (0%)\t\(Self.mebi(r.memory)) (\(r.memory * 1024 * 100 / 4_015_444)%)\t\(Self.mebi(r.limit)) (\(r.limit * 1024 * 100 / 4_015_444)%)\t\(SimulatedTime.humanDuration(cluster.clock - pod.createdAt))\n"
            )
        }
        w.write(0, "Allocated resources:\n  (Total limits may be over 100 percent, i.e., overcommitted.)\n")
        w.write(1, "Resource\tRequests\tLimits\n")
        w.write(1, "--------\t--------\t------\n")
        w.write(1, "cpu\t\(Self.milli(cpu)) (\(cpu / 20)%)\t0 (0%)\n")
        w.write(1, "memory\t\(Self.mebi(memory)) (\(memory * 1024 * 100 / 4_015_444)%)\t\(Self.mebi(memoryLimit)) (\(memoryLimit * 1024 * 100 / 4_015_444)%)\n")
        w.write(1, "ephemeral-storage\t0 (0%)\t0 (0%)\n")
        w.write(1, "hugepages-1Gi\t0 (0%)\t0 (0%)\n")
        w.write(1, "hugepages-2Mi\t0 (0%)\t0 (0%)\n")
        return showEvents ? w.events([], clock: cluster.clock) : TabWriter.describe.format(w.text)
    }

    private static func milli(_ n: Int) -> String { n == 0 ? "0" : "\(n)m" }
    private static func mebi(_ n: Int) -> String { n == 0 ? "0" : "\(n)Mi" }

    // MARK: Namespace and the rest

    func describeNamespace(_ name: String) -> String {
        guard let namespace = cluster.namespaces.first(where: { $0.name == name }) else { return "" }
        var w = DescribeText()
        w.write(0, "Name:\t\(namespace.name)\n")
        w.labels("Labels", namespace.labels)
        w.annotations("Annotations", [:])
        w.write(0, "Status:\tActive\n")
        return TabWriter.describe.format(w.text) + "\nNo resource quota.\n\nNo LimitRange resource.\n"
    }

    /// kubectl's generic describer (for the simulated types without a dedicated one): the object's fields.
    func describeGeneric(_ item: Item, showEvents: Bool) -> String {
        var w = DescribeText()
        w.write(0, "Name:\t\(item.name)\n")
        w.write(0, "Namespace:\t\(item.namespace)\n")
        w.labels("Labels", item.labels)
        w.annotations("Annotations", [:])
        let tree = tree(for: item)
        func walk(_ node: ObjectTree, level: Int) {
            guard case .map(let pairs) = node else { return }
            for (key, value) in pairs.sorted(by: { $0.0 < $1.0 }) where !["metadata", "apiVersion", "kind"].contains(key) || level > 0 {
                let label = Self.smartLabel(key)
                switch value {
                case .map:
                    w.write(level, "\(label):\n")
                    walk(value, level: level + 1)
                case .list(let items):
                    w.write(level, "\(label):\n")
                    for child in items {
                        if case .map = child { walk(child, level: level + 1) } else { w.write(level + 1, "\(child.jsonPathText)\n") }
                    }
                default:
                    w.write(level, "\(label):\t\(value.jsonPathText)\n")
                }
            }
        }
        if case .map(let pairs) = tree {
            for (key, value) in pairs.sorted(by: { $0.0 < $1.0 }) where key == "apiVersion" || key == "kind" {
                w.write(0, "\(Self.smartLabel(key)):\t\(value.jsonPathText)\n")
            }
            for (key, value) in pairs.sorted(by: { $0.0 < $1.0 }) where key != "apiVersion" && key != "kind" && key != "metadata" {
                w.write(0, "\(Self.smartLabel(key)):\n")
                walk(value, level: 1)
            }
        }
        return showEvents ? w.events([], clock: cluster.clock) : TabWriter.describe.format(w.text)
    }

    /// `smartLabelFor`: `containerPort` → `Container Port`, `apiVersion` → `API Version`.
    static func smartLabel(_ field: String) -> String {
        guard field.allSatisfy({ $0.isLetter || $0 == "-" }) else { return field }
        var parts: [String] = []
        var current = ""
        for ch in field {
            if ch.isUppercase && !current.isEmpty && !(current.last?.isUppercase ?? false) {
                parts.append(current)
                current = ""
            }
            current.append(ch)
        }
        if !current.isEmpty { parts.append(current) }
        return parts.map { part in
            ["API", "URL", "UID", "OSB", "GUID"].contains(part.uppercased()) ? part.uppercased() : part.prefix(1).uppercased() + part.dropFirst()
        }.joined(separator: " ")
    }
}
