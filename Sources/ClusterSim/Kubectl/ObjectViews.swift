/// The status kubectl shows for the simulated objects, derived from the records: container
/// states and restarts, conditions, ReplicaSets, endpoints, UIDs and timestamps.
///
/// A Pod is scheduled (or found unschedulable) the moment it is created; its containers start
/// two seconds later; a container that cannot bind its port crashes and is restarted with
/// the kubelet's back-off.
struct PodView {
    let pod: PodRecord
    let clock: Int

    /// Seconds since the Pod was created.
    var age: Int { clock - pod.createdAt }
    /// When its containers started (cluster clock).
    var containersStartedAt: Int { pod.createdAt + 2 }
    /// The API phase: Pending until scheduled, then Running.
    var phase: String { pod.isScheduled ? "Running" : "Pending" }

    /// The state of one container.
    struct ContainerView {
        let record: ContainerRecord
        let running: Bool
        let restarts: Int
        let lastRestartAt: Int?
        let ready: Bool
        let containerID: String
        let imageID: String
    }

    var containers: [ContainerView] {
        pod.containers.map { container in
            let id = "containerd://" + Identifiers.hex(seed: "\(pod.namespace)/\(pod.name)/\(container.name)", count: 64)
            guard pod.isScheduled else {
                return ContainerView(record: container, running: false, restarts: 0, lastRestartAt: nil, ready: false, containerID: "", imageID: "")
            }
            let imageID = Identifiers.imageID(container.image)
            if container.ready {
                return ContainerView(record: container, running: true, restarts: 0, lastRestartAt: nil, ready: true, containerID: id, imageID: imageID)
            }
            let history = Cluster.crashLoopRestarts(age: max(0, clock - containersStartedAt))
            return ContainerView(
                record: container, running: false, restarts: history.count,
                lastRestartAt: history.count > 0 ? clock - history.sinceLast : nil, ready: false, containerID: id, imageID: imageID)
        }
    }

    /// `kubectl get pods` RESTARTS: `0`, or `3 (25s ago)`.
    var restartsText: String {
        let views = containers
        let total = views.map(\.restarts).reduce(0, +)
        guard total > 0, let last = views.compactMap(\.lastRestartAt).max() else { return "0" }
        return "\(total) (\(SimulatedTime.humanDuration(clock - last)) ago)"
    }

    /// The Pod's conditions, in the order the kubelet reports them.
    var conditions: [(type: String, status: String, reason: String?, message: String?)] {
        guard pod.isScheduled else {
            return [("PodScheduled", "False", "Unschedulable", pod.pendingReason)]
        }
        let ready = pod.isReady ? "True" : "False"
        let notReadyReason: String? = pod.isReady ? nil : "ContainersNotReady"
        let notReadyMessage: String? =
            pod.isReady ? nil : "containers with unready status: [\(pod.containers.filter { !$0.ready }.map(\.name).joined(separator: " "))]"
        return [
            ("PodReadyToStartContainers", "True", nil, nil),
            ("Initialized", "True", nil, nil),
            ("Ready", ready, notReadyReason, notReadyMessage),
            ("ContainersReady", ready, notReadyReason, notReadyMessage),
            ("PodScheduled", "True", nil, nil),
        ]
    }

    /// The node's address, for `Node: w1/192.168.50.15` and `status.hostIP`.
    func hostIP(in cluster: Cluster) -> String? {
        pod.nodeName.flatMap { cluster.node(named: $0) }?.ip.description
    }

    /// The ServiceAccount token volume every Pod gets: `kube-api-access-xxxxx`.
    var apiAccessVolume: String { "kube-api-access-" + StableHash.suffix("\(pod.namespace)/\(pod.name)/token", count: 5) }

    /// The Pod's events as `kubectl describe` and `kubectl get events` list them (the last hour's).
    var events: [EventView] {
        let object = "pod/\(pod.name)"
        var events: [EventView] = []
        guard pod.isScheduled, let node = pod.nodeName else {
            events.append(
                EventView(
                    type: "Warning", reason: "FailedScheduling", first: pod.createdAt, last: pod.createdAt, count: 1,
                    source: "default-scheduler", object: object, message: pod.pendingReason ?? "0/3 nodes are available"))
            return events.filter { clock - $0.last < 3600 }
        }
        events.append(
            EventView(
                type: "Normal", reason: "Scheduled", first: pod.createdAt, last: pod.createdAt, count: 1, source: "default-scheduler",
                object: object, message: "Successfully assigned \(pod.namespace)/\(pod.name) to \(node)"))
        for view in containers {
            let c = view.record
            let starts = 1 + view.restarts
            let lastStart = view.lastRestartAt ?? containersStartedAt
            events.append(
                EventView(
                    type: "Normal", reason: "Pulled", first: pod.createdAt + 1, last: view.restarts > 0 ? lastStart : pod.createdAt + 1,
                    count: starts, source: "kubelet", object: object,
                    message: "Container image \(goQuote(c.image)) already present on machine"))
            events.append(
                EventView(
                    type: "Normal", reason: "Created", first: containersStartedAt, last: lastStart, count: starts, source: "kubelet",
                    object: object, message: "Created container \(c.name)"))
            events.append(
                EventView(
                    type: "Normal", reason: "Started", first: containersStartedAt, last: lastStart, count: starts, source: "kubelet",
                    object: object, message: "Started container \(c.name)"))
            if !c.ready, view.restarts > 0 {
                events.append(
                    EventView(
                        type: "Warning", reason: "BackOff", first: containersStartedAt + 1, last: clock - 1, count: view.restarts + 1,
                        source: "kubelet", object: object,
                        message: "Back-off restarting failed container \(c.name) in pod \(pod.name)_\(pod.namespace)(\(Identifiers.uid("Pod", pod.namespace, pod.name, pod.createdAt)))"
                    ))
            }
        }
        return events.filter { clock - $0.last < 3600 }
    }
}

/// One event, as `kubectl describe` (`Type Reason Age From Message`) and `kubectl get events` show it.
struct EventView {
    var type: String
    var reason: String
    var first: Int
    var last: Int
    var count: Int
    var source: String
    var object: String
    var message: String

    /// describe's Age column: `10s`, or `3s (x4 over 2m)`.
    func interval(clock: Int) -> String {
        let first = SimulatedTime.humanDuration(clock - self.first)
        if count > 1 { return "\(SimulatedTime.humanDuration(clock - last)) (x\(count) over \(first))" }
        return first
    }
}

/// Deterministic identifiers in the formats the API server and container runtime use.
enum Identifiers {
    /// `count` lowercase hex digits derived from a seed.
    static func hex(seed: String, count: Int) -> String {
        var state = StableHash.fnv1a(seed)
        var out = ""
        while out.count < count {
            let word = StableHash.splitMix(&state)
            let text = String(word, radix: 16)
            out += String(repeating: "0", count: 16 - text.count) + text
        }
        return String(out.prefix(count))
    }

    /// A UUID for an object (`metadata.uid`).
    static func uid(_ kind: String, _ namespace: String, _ name: String, _ createdAt: Int) -> String {
        let h = Array(hex(seed: "\(kind)/\(namespace)/\(name)/\(createdAt)", count: 32))
        func part(_ range: Range<Int>) -> String { String(h[range]) }
        return "\(part(0..<8))-\(part(8..<12))-4\(part(13..<16))-a\(part(17..<20))-\(part(20..<32))"
    }

    /// `metadata.resourceVersion`.
    static func resourceVersion(_ kind: String, _ namespace: String, _ name: String, _ createdAt: Int) -> String {
        String(1000 + Int(StableHash.fnv1a("rv/\(kind)/\(namespace)/\(name)/\(createdAt)") % 90_000))
    }

    /// The image reference as the runtime reports it: `docker.io/library/nginx@sha256:...`.
    static func imageID(_ image: String) -> String {
        var reference = image
        if let at = reference.firstIndex(of: "@") { reference = String(reference[..<at]) }
        var components = reference.split(separator: "/").map(String.init)
        if let last = components.last, let colon = last.lastIndex(of: ":") {
            components[components.count - 1] = String(last[..<colon])
        }
        let hasRegistry = components.count > 1 && (components[0].contains(".") || components[0].contains(":") || components[0] == "localhost")
        if !hasRegistry {
            if components.count == 1 { components.insert("library", at: 0) }
            components.insert("docker.io", at: 0)
        }
        return components.joined(separator: "/") + "@sha256:" + hex(seed: "image/\(image)", count: 64)
    }

    /// The pull policy the API server defaults: `Always` for `:latest` or no tag, else `IfNotPresent`.
    static func imagePullPolicy(_ image: String) -> String {
        let last = image.split(separator: "/").last.map(String.init) ?? image
        if image.contains("@") { return "IfNotPresent" }
        guard let colon = last.lastIndex(of: ":") else { return "Always" }
        return last[last.index(after: colon)...] == "latest" ? "Always" : "IfNotPresent"
    }
}

/// What a Deployment's ReplicaSet and Pods add up to.
struct DeploymentView {
    let deployment: DeploymentRecord
    let pods: [PodRecord]

    init(_ deployment: DeploymentRecord, in cluster: Cluster) {
        self.deployment = deployment
        self.pods = cluster.pods.filter { $0.owner == deployment.name && $0.namespace == deployment.namespace }
    }

    var replicas: Int { pods.count }
    var ready: Int { pods.filter(\.isReady).count }
    var available: Int { ready }
    var unavailable: Int { max(0, deployment.replicas - available) }
    var replicaSetName: String { "\(deployment.name)-\(deployment.templateHash)" }
}

extension Cluster {
    /// A Service's endpoints as `kubectl get endpoints` lists them: for each port, each Ready Pod's `IP:port`,
    /// addresses in the endpoints controller's order (sorted as strings). Nil when the Service has no
    /// Endpoints object at all (no selector, ExternalName).
    func endpointAddresses(of service: ServiceRecord) -> [(ip: String, port: Int, portName: String, proto: String, pod: String)]? {
        if service.type == "ExternalName" { return nil }
        if service.builtIn && service.name == "kubernetes" {
            return endpoints(of: service, port: service.ports[0]).map { ($0.ip.description, $0.port, "https", "TCP", "") }
        }
        guard let selector = service.selector, !selector.isEmpty else { return nil }
        var out: [(ip: String, port: Int, portName: String, proto: String, pod: String)] = []
        for port in service.ports {
            let list = endpoints(of: service, port: port).sorted { $0.ip.description < $1.ip.description }
            out += list.map { ($0.ip.description, $0.port, port.name, port.proto, $0.pod) }
        }
        if service.ports.isEmpty {
            // A headless Service without ports still lists its Pods' addresses.
            for pod in selectedPods(by: service).filter(\.isReady).sorted(by: { ($0.ip?.description ?? "") < ($1.ip?.description ?? "") }) {
                if let ip = pod.ip { out.append((ip.description, 0, "", "TCP", pod.name)) }
            }
        }
        return out
    }

    /// The ENDPOINTS column: at most three `IP:port`, then `+ N more...`; `<none>` when empty.
    func endpointsText(of service: ServiceRecord, portName: String? = nil) -> String {
        guard var list = endpointAddresses(of: service) else { return "<none>" }
        if let portName { list = list.filter { $0.portName == portName } }
        if list.isEmpty { return "<none>" }
        let shown = list.prefix(3).map { $0.port == 0 ? $0.ip : "\($0.ip):\($0.port)" }.joined(separator: ",")
        return list.count > 3 ? "\(shown) + \(list.count - 3) more..." : shown
    }
}
