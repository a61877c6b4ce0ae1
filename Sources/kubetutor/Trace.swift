import ArgumentParser
import ClusterSim
import Foundation

extension KubeTutor {
    /// `kubetutor trace`: follows one request through the simulated cluster, hop by hop.
    struct Trace: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "trace",
            abstract: "Follow a request through the simulated cluster, hop by hop.",
            discussion: """
                Applies the manifests to a fresh simulated cluster (nodes master 192.168.50.10, \
                w1 192.168.50.15, w2 192.168.50.16), then sends one request and prints every hop: \
                DNS, kube-proxy's chains and DNAT, the cni0 bridge, flannel's VXLAN, node ports, \
                the load balancer and ingress rules, until it is delivered or dropped.

                SOURCE is pod/NAME, node/NAME or external. TARGET is a URL (http://web:80/path), \
                HOST:PORT, or pod/NAME:PORT.

                Exit status: 0 delivered, 1 dropped, 2 usage or manifest errors.
                """
        )

        @Option(name: [.customShort("f"), .long], help: "A manifest file to apply first (repeatable; - reads standard input).")
        var file: [String] = []

        @Option(name: .long, help: "Where the request starts: pod/NAME, node/NAME or external.")
        var from: String

        @Option(name: .long, help: "Where it goes: a URL, HOST:PORT or pod/NAME:PORT.")
        var to: String

        @Option(name: .long, help: "Pin a name to an address, as curl's --resolve: HOST:IP or HOST:PORT:IP (repeatable).")
        var resolve: [String] = []

        @Option(name: [.customShort("n"), .long], help: "The namespace of pod/NAME sources and targets.")
        var namespace: String = "default"

        @Option(name: .long, help: "Output format: text or json.")
        var format: Check.Format = .text

        func validate() throws {
            guard TraceSource.parse(from, namespace: namespace) != nil else {
                throw ValidationError("--from must be pod/NAME, node/NAME or external, not \(from.debugDescription).")
            }
            guard TraceTarget.parse(to) != nil else {
                throw ValidationError("--to must be a URL (http://web:80/), HOST:PORT or pod/NAME:PORT, not \(to.debugDescription).")
            }
            _ = try pinnedNames()
        }

        func pinnedNames() throws -> [String: IPv4] {
            var pinned: [String: IPv4] = [:]
            for entry in resolve {
                let parts = entry.split(separator: ":").map(String.init)
                guard parts.count == 2 || parts.count == 3, let ip = IPv4(parts.last!) else {
                    throw ValidationError("--resolve takes HOST:IP or HOST:PORT:IP, not \(entry.debugDescription).")
                }
                pinned[parts[0].lowercased()] = ip
            }
            return pinned
        }

        func run() async throws {
            let inputs = try ManifestFile.readAll(file, command: "trace")
            let (report, cluster) = ManifestChecker().checkAndSimulate(files: inputs)
            if !report.ok {
                FileHandle.standardError.write(Data(("The manifests have errors; fix them first:\n" + TextReport.render(report)).utf8))
                throw ExitCode(2)
            }
            let source = TraceSource.parse(from, namespace: namespace)!
            var target = TraceTarget.parse(to)!
            if target.podName != nil, case .pod = source {} else if target.podName != nil {
                target.host = target.podName!
            }
            let result = cluster.trace(from: source, to: target, resolve: try pinnedNames())
            switch format {
            case .json: print(result.jsonText)
            case .text: print(TraceText.render(result, from: from, to: to), terminator: "")
            }
            if !result.delivered { throw ExitCode(1) }
        }
    }
}

/// A trace as a numbered path.
enum TraceText {
    static func render(_ result: TraceResult, from: String, to: String) -> String {
        var out = "Trace from \(from) to \(to)\n"
        let kindWidth = max(4, result.hops.map(\.kind.rawValue.count).max() ?? 0)
        let atWidth = result.hops.map(\.at.count).max() ?? 0
        for (i, hop) in result.hops.enumerated() {
            let number = String(i + 1).leftPadded(to: 3)
            out += "\(number). \(hop.kind.rawValue.rightPadded(to: kindWidth))  \(hop.at.rightPadded(to: atWidth))  \(hop.detail)\n"
        }
        if result.delivered {
            out += "Delivered to \(result.endpoint ?? "?").\n"
        } else {
            out += "Dropped: \(result.reason?.rawValue ?? "unknown").\n"
        }
        out += result.explanation + "\n"
        return out
    }
}

extension String {
    func rightPadded(to width: Int) -> String { count >= width ? self : self + String(repeating: " ", count: width - count) }
    func leftPadded(to width: Int) -> String { count >= width ? self : String(repeating: " ", count: width - count) + self }
}
