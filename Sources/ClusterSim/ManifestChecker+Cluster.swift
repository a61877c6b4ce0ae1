extension ManifestChecker {
    /// Checks the files object by object, then applies every valid object to a fresh simulated
    /// cluster and adds what only the whole cluster shows: allocation errors (a node port or
    /// ClusterIP taken by another file's Service, a missing namespace) and the cluster's
    /// warnings (``ClusterFindings``).
    public func checkAndSimulate(files: [(name: String, bytes: [UInt8])]) -> (report: CheckReport, cluster: Cluster) {
        var report = check(files: files)
        var cluster = Cluster()
        var extra: [Diagnostic] = []
        for index in report.objects.indices where report.objects[index].root != nil {
            let result = cluster.apply(report.objects[index])
            if result.diagnostics.contains(where: { $0.severity == .error }) {
                report.objects[index].root = nil
            }
            extra += result.diagnostics
        }
        extra += ClusterFindings.warnings(in: cluster)
        let fileOrder = Dictionary(files.enumerated().map { ($0.element.name, $0.offset) }, uniquingKeysWith: { first, _ in first })
        report.diagnostics = (report.diagnostics + extra).enumerated().sorted { a, b in
            let fa = fileOrder[a.element.file] ?? 0
            let fb = fileOrder[b.element.file] ?? 0
            if fa != fb { return fa < fb }
            if a.element.line != b.element.line { return a.element.line < b.element.line }
            return a.offset < b.offset
        }.map(\.element)
        return (report, cluster)
    }
}
