extension ManifestChecker {
    /// Checks the files object by object, then applies every valid object to a fresh simulated
    /// cluster and adds what only the whole cluster shows: allocation errors (a node port or
    /// ClusterIP taken by another file's Service, a missing namespace) and the cluster's
    /// warnings (``ClusterFindings``).
    public func checkAndSimulate(files: [(name: String, bytes: [UInt8])]) -> (report: CheckReport, cluster: Cluster) {
        checkAndSimulate(files: files, after: .empty)
    }

    /// The same as checking and simulating `base`'s files followed by `files`, without checking and applying `base`'s
    /// files again: they were, once, by ``prepare(files:)``. An exercise's given manifests are prepared once and
    /// every answer is checked on top of them.
    public func checkAndSimulate(files: [(name: String, bytes: [UInt8])], after base: PreparedFiles) -> (report: CheckReport, cluster: Cluster) {
        let state = prepare(files: files, after: base)
        // Findings are about the whole cluster, so they are made at the end, never kept in a prepared state.
        let diagnostics = state.report.diagnostics + state.applyDiagnostics + ClusterFindings.warnings(in: state.cluster)
        let fileOrder = Dictionary(state.fileNames.enumerated().map { ($0.element, $0.offset) }, uniquingKeysWith: { first, _ in first })
        var report = state.report
        report.diagnostics = diagnostics.enumerated().sorted { a, b in
            let fa = fileOrder[a.element.file] ?? 0
            let fb = fileOrder[b.element.file] ?? 0
            if fa != fb { return fa < fb }
            if a.element.line != b.element.line { return a.element.line < b.element.line }
            return a.offset < b.offset
        }.map(\.element)
        return (report, state.cluster)
    }

    /// Checks the files and applies their valid objects, after `base`: a state to check more files on top of.
    public func prepare(files: [(name: String, bytes: [UInt8])], after base: PreparedFiles = .empty) -> PreparedFiles {
        var state = base
        let added = check(files: files)
        let first = state.report.objects.count
        state.report.objects += added.objects
        state.report.diagnostics += added.diagnostics
        state.fileNames += files.map(\.name)
        for index in first..<state.report.objects.count where state.report.objects[index].root != nil {
            let result = state.cluster.apply(state.report.objects[index])
            if result.diagnostics.contains(where: { $0.severity == .error }) {
                state.report.objects[index].root = nil
            }
            state.applyDiagnostics += result.diagnostics
        }
        return state
    }
}

/// Files checked and applied to a simulated cluster, ready for more files on top (see
/// ``ManifestChecker/checkAndSimulate(files:after:)``). A value: every use starts from the same state.
public struct PreparedFiles: Sendable {
    /// Nothing checked yet: a fresh cluster.
    public static let empty = PreparedFiles(fileNames: [], report: CheckReport(), cluster: Cluster(), applyDiagnostics: [])

    var fileNames: [String]
    var report: CheckReport
    var cluster: Cluster
    /// What the cluster said while the objects were applied, in order.
    var applyDiagnostics: [Diagnostic]
}
