import ClusterSim

/// libFuzzer's entry point: the bytes go through what `kubetutor check` does with a file (read, strict decoding,
/// validation, apply to a fresh simulated cluster, the cluster's findings, the JSON report), then through a few
/// traces of the resulting cluster, as `kubetutor trace` would run them. Nothing here may crash, trap or hang.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let (report, cluster) = ManifestChecker().checkAndSimulate(files: [(name: "fuzz.yaml", bytes: bytes)])
    checkInvariants(of: report)
    for (source, target) in traces(in: cluster) {
        let result = cluster.trace(from: source, to: target)
        // A trace always says what happened, delivered or not.
        precondition(!result.explanation.isEmpty, "a trace from \(source) to \(target.host):\(target.port) has no explanation")
        precondition(result.delivered == (result.reason == nil), "a trace is delivered exactly when it has no drop reason")
        _ = result.jsonText
    }
    return 0
}

/// What every report must satisfy, whatever the input: each finding says something, at a real position, and the
/// JSON that the web app and `check --format json` print can be built.
func checkInvariants(of report: CheckReport) {
    // kubectl answers every file: with objects, or with at least one finding (even "no objects passed to apply").
    precondition(!report.objects.isEmpty || !report.diagnostics.isEmpty, "a file produced neither objects nor diagnostics")
    for diagnostic in report.diagnostics {
        precondition(!diagnostic.message.isEmpty, "a diagnostic has an empty message")
        precondition(diagnostic.line >= 1 && diagnostic.column >= 1, "a diagnostic points at \(diagnostic.line):\(diagnostic.column)")
    }
    _ = report.jsonText
}

/// A bounded set of traces over what the input built: from outside, from a node and from the first Pods, to each
/// Service port (by name and by ClusterIP), each NodePort, each Ingress host and each Pod's listening ports.
func traces(in cluster: Cluster) -> [(TraceSource, TraceTarget)] {
    var targets: [TraceTarget] = []
    func add(_ text: String) {
        if let target = TraceTarget.parse(text) { targets.append(target) }
    }
    for service in cluster.services where !service.builtIn {
        for port in service.ports.prefix(2) {
            add("http://\(service.name).\(service.namespace):\(port.port)/")
            if let ip = service.clusterIP { add("\(ip):\(port.port)") }
            if let nodePort = port.nodePort, let node = cluster.nodes.first { add("\(node.ip):\(nodePort)") }
        }
    }
    for ingress in cluster.ingresses {
        for rule in ingress.rules.prefix(2) {
            add("http://\(rule.host ?? "localhost")\(rule.paths.first?.path ?? "/")")
        }
    }
    for pod in cluster.pods.prefix(4) {
        for port in pod.listeningPorts.sorted().prefix(2) { add("pod/\(pod.name):\(port)") }
    }
    var sources: [TraceSource] = [.external]
    if let node = cluster.nodes.last { sources.append(.node(name: node.name)) }
    for pod in cluster.pods.prefix(2) { sources.append(.pod(name: pod.name, namespace: pod.namespace)) }
    // At most 24 traces, so that a large input spends its time in the checker, not in the product of sources and targets.
    return Array(sources.flatMap { source in targets.prefix(8).map { (source, $0) } }.prefix(24))
}
