import ClusterSim

// This file is shared: Tests/ClusterSimTests/FuzzCheckPath.swift is a symlink to it, so that the regression tests
// replay the fuzzer's inputs through exactly the calls the fuzzer makes.

/// What `kubetutor check` and `kubetutor trace` make of one file of bytes.
struct CheckPathOutcome {
    /// The report `check` prints.
    var report: CheckReport
    /// The report as `check --format json` prints it.
    var reportJSON: String
    /// The traces of the resulting cluster, each with its JSON as `trace --format json` prints it.
    var traces: [(result: TraceResult, json: String)]
}

/// Runs bytes through what `kubetutor check` does with a file (read, strict decoding, validation, apply to a fresh
/// simulated cluster, the cluster's findings, the JSON report), then through a bounded set of traces of the
/// resulting cluster, as `kubetutor trace` would run them.
func runCheckPath(_ bytes: [UInt8], fileName: String = "fuzz.yaml") -> CheckPathOutcome {
    let (report, cluster) = ManifestChecker().checkAndSimulate(files: [(name: fileName, bytes: bytes)])
    let traces = traceRequests(in: cluster).map { source, target in
        let result = cluster.trace(from: source, to: target)
        return (result, result.jsonText)
    }
    return CheckPathOutcome(report: report, reportJSON: report.jsonText, traces: traces)
}

/// The first broken promise of an outcome, or nil: every file gets an answer (objects, or at least one
/// finding), each finding says something at a real position, and each trace says what happened to the request.
func brokenPromise(of outcome: CheckPathOutcome) -> String? {
    let report = outcome.report
    if report.objects.isEmpty && report.diagnostics.isEmpty { return "a file produced neither objects nor diagnostics" }
    for diagnostic in report.diagnostics {
        if diagnostic.message.isEmpty { return "a diagnostic has an empty message" }
        if diagnostic.line < 1 || diagnostic.column < 1 { return "a diagnostic points at \(diagnostic.line):\(diagnostic.column)" }
    }
    if outcome.reportJSON.isEmpty { return "the JSON report is empty" }
    for (result, _) in outcome.traces {
        if result.explanation.isEmpty { return "a trace has no explanation" }
        if result.delivered != (result.reason == nil) { return "a trace is \(result.delivered ? "delivered with" : "dropped without") a reason" }
    }
    return nil
}

/// A bounded set of requests over what the input built: from outside, from a node and from the first Pods, to each
/// Service port (by name and by ClusterIP), each NodePort, each Ingress host and each Pod's listening ports.
func traceRequests(in cluster: Cluster) -> [(TraceSource, TraceTarget)] {
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
