/// `kubectl exec POD -- COMMAND`: curl, wget, nslookup, ping and a few file reads, answered by
/// the tracer and the cluster DNS, printed as the tools themselves print.
extension Kubectl {
    static let execFlags: [FlagSpec] = [
        .value("container", "c"), .bool("stdin", "i"), .bool("tty", "t"), .bool("quiet", "q"), .value("pod-running-timeout"),
        .value("filename", "f"),
    ]

    /// What a remote command printed and its exit status.
    struct Remote {
        var stdout = ""
        var stderr = ""
        var status: Int32 = 0
    }

    mutating func exec(_ words: [String]) -> KubectlOutput {
        let flags: ParsedFlags
        switch parseFlags(words, command: "exec", specs: Self.execFlags) {
        case .failure(let failure): return failure.output
        case .success(let parsed): flags = parsed
        }
        if flags.isSet("help") { return KubectlOutput(stdout: Self.usage("exec")) }
        let namespace = namespace(flags)
        guard let target = flags.arguments.first else {
            return KubectlOutput(stderr: "error: pod, type/name or --filename must be specified\n", exitCode: 1)
        }
        if flags.arguments.count > 1 {
            return KubectlOutput(
                stderr: "error: exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead\nSee 'kubectl exec -h' for help and examples\n",
                exitCode: 1)
        }
        guard let command = flags.afterDashDash, !command.isEmpty else {
            return KubectlOutput(stderr: "error: you must specify at least one command for the container\n", exitCode: 1)
        }

        // Find the Pod: NAME, pod/NAME, or deploy/NAME (its first Pod).
        var podName = target
        if target.contains("/") {
            let parts = target.split(separator: "/", maxSplits: 1).map(String.init)
            guard parts.count == 2, let type = ResourceType.parse(parts[0]) else {
                return KubectlOutput(stderr: "error: the server doesn't have a resource type \(goQuote(parts.first ?? target))\n", exitCode: 1)
            }
            switch type {
            case .pods:
                podName = parts[1]
            case .deployments, .services, .replicasets:
                let candidates: [PodRecord]
                switch type {
                case .deployments:
                    guard cluster.deployments.contains(where: { $0.name == parts[1] && $0.namespace == namespace }) else {
                        return KubectlOutput(stderr: "Error from server (NotFound): deployments.apps \(goQuote(parts[1])) not found\n", exitCode: 1)
                    }
                    candidates = cluster.pods.filter { $0.owner == parts[1] && $0.namespace == namespace }
                case .services:
                    guard let service = cluster.service(named: parts[1], in: namespace) else {
                        return KubectlOutput(stderr: "Error from server (NotFound): services \(goQuote(parts[1])) not found\n", exitCode: 1)
                    }
                    candidates = cluster.selectedPods(by: service)
                default:
                    candidates = cluster.pods.filter { pod in
                        pod.namespace == namespace && cluster.deployments.contains { cluster.replicaSetName(of: $0) == parts[1] && $0.name == pod.owner }
                    }
                }
                guard let pod = candidates.sorted(by: { ($0.isReady ? 0 : 1, $0.name) < ($1.isReady ? 0 : 1, $1.name) }).first else {
                    return KubectlOutput(stderr: "error: cannot exec into \(target): no pods found\n", exitCode: 1)
                }
                podName = pod.name
            default:
                return KubectlOutput(stderr: "error: cannot attach to \(type.kind): selector for \(type.kind) not implemented\n", exitCode: 1)
            }
        }
        guard let pod = cluster.pod(named: podName, in: namespace) else {
            return KubectlOutput(stderr: "Error from server (NotFound): pods \(goQuote(podName)) not found\n", exitCode: 1)
        }
        var stderr = ""
        let container: ContainerRecord
        if let wanted = flags.value("container") {
            guard let found = pod.containers.first(where: { $0.name == wanted }) else {
                return KubectlOutput(
                    stderr: "Error from server (BadRequest): container \(wanted) is not valid for pod \(pod.name)\n", exitCode: 1)
            }
            container = found
        } else {
            guard let first = pod.containers.first else {
                return KubectlOutput(stderr: "error: pod \(pod.name) has no containers\n", exitCode: 1)
            }
            container = first
            if pod.containers.count > 1 && !flags.isSet("quiet") {
                stderr += "Defaulted container \(goQuote(first.name)) out of: \(pod.containers.map(\.name).joined(separator: ", "))\n"
            }
        }
        guard pod.isScheduled, container.ready else {
            return KubectlOutput(
                stderr: stderr + "error: unable to upgrade connection: container not found (\(goQuote(container.name)))\n", exitCode: 1)
        }

        let remote = runInContainer(command, pod: pod, container: container, interactive: flags.isSet("stdin"))
        stderr += remote.stderr
        if remote.status != 0 && remote.status != -1 {
            stderr += "command terminated with exit code \(remote.status)\n"
        }
        return KubectlOutput(stdout: remote.stdout, stderr: stderr, exitCode: remote.status == -1 ? 1 : remote.status)
    }

    // MARK: The container's programs

    /// The programs an image ships; nil means unknown (assume a full toolbox).
    static func tools(of image: String) -> Set<String>? {
        let repository = ImageCatalogue.repository(of: image)
        let base = repository.split(separator: "/").last.map(String.init) ?? repository
        let shell: Set<String> = ["sh", "cat", "hostname", "env", "printenv", "echo", "ls", "true"]
        let busybox: Set<String> = shell.union(["wget", "nslookup", "ping", "ash"])
        if repository.hasSuffix("ingress-nginx/controller") { return busybox.union(["curl", "bash"]) }
        switch base {
        case "busybox", "alpine": return busybox
        case "curl": return busybox.union(["curl"])
        case "nginx", "tomcat": return shell.union(["curl", "bash"])
        case "httpd": return shell.union(["bash"])
        default: return nil
        }
    }

    /// Runs one command inside a container. Status -1 means kubectl itself failed (it prints `error: ...`, exit 1).
    func runInContainer(_ command: [String], pod: PodRecord, container: ContainerRecord, interactive: Bool) -> Remote {
        var command = command
        // `sh -c "curl -s web"`: run the string's single command.
        if ["sh", "bash", "ash", "/bin/sh", "/bin/bash"].contains(command[0]), command.count >= 3, command[1] == "-c" {
            switch ShellWords.split(command[2]) {
            case .success(let words) where !words.isEmpty:
                command = words
            case .failure(.shellOperator(let op)):
                return Remote(stderr: "\(command[0]): the simulated shell runs one command at a time (\(op) is not available)\n", status: 2)
            default:
                return Remote()
            }
        }
        let program = command[0].split(separator: "/").last.map(String.init) ?? command[0]
        let arguments = Array(command.dropFirst())
        if let tools = Self.tools(of: container.image), !tools.contains(program) {
            return Remote(
                stderr:
                    "error: Internal error occurred: error executing command in container: failed to exec in container: failed to start exec \(goQuote(Identifiers.hex(seed: "exec/\(pod.name)/\(command.joined(separator: " "))", count: 64))): OCI runtime exec failed: exec failed: unable to start container process: exec: \(goQuote(command[0])): executable file not found in $PATH: unknown\n",
                status: -1)
        }
        switch program {
        case "curl": return curl(arguments, from: pod)
        case "wget": return wget(arguments, from: pod)
        case "nslookup": return nslookup(arguments, from: pod)
        case "ping": return ping(arguments, from: pod)
        case "hostname": return Remote(stdout: (pod.hostNetwork ? pod.nodeName ?? pod.name : pod.name) + "\n")
        case "true": return Remote()
        case "echo": return Remote(stdout: arguments.joined(separator: " ") + "\n")
        case "cat": return cat(arguments, pod: pod)
        case "env", "printenv": return Remote(stdout: environment(of: pod, container: container))
        case "sh", "bash", "ash":
            return Remote(
                stderr:
                    "error: an interactive shell is not available in the simulated cluster; run one command at a time, e.g. kubectl exec \(pod.name) -- curl -s http://SERVICE\n",
                status: -1)
        default:
            return Remote(
                stderr:
                    "error: \(goQuote(command[0])) is not simulated; the simulated containers run curl, wget, nslookup, ping, hostname, cat, env and echo\n",
                status: -1)
        }
    }

    private func cat(_ arguments: [String], pod: PodRecord) -> Remote {
        var out = Remote()
        for path in arguments {
            switch path {
            case "/etc/resolv.conf":
                if pod.hostNetwork {
                    out.stdout += "nameserver 127.0.0.53\noptions edns0 trust-ad\nsearch .\n"
                } else {
                    out.stdout +=
                        "search \(pod.namespace).svc.cluster.local svc.cluster.local cluster.local\nnameserver \(Cluster.dnsIP)\noptions ndots:5\n"
                }
            case "/etc/hosts":
                out.stdout += "# Kubernetes-managed hosts file.\n127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\nfe00::0\tip6-localnet\nfe00::0\tip6-mcastprefix\nfe00::1\tip6-allnodes\nfe00::2\tip6-allrouters\n"
                if let ip = pod.ip, !pod.hostNetwork { out.stdout += "\(ip)\t\(pod.name)\n" }
            case "/etc/hostname":
                out.stdout += (pod.hostNetwork ? pod.nodeName ?? pod.name : pod.name) + "\n"
            default:
                out.stderr += "cat: \(path): No such file or directory\n"
                out.status = 1
            }
        }
        return out
    }

    /// The variables the kubelet gives a container: one set per Service of its namespace that existed when the Pod started.
    private func environment(of pod: PodRecord, container: ContainerRecord) -> String {
        var lines = ["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "HOSTNAME=\(pod.name)"]
        for service in cluster.services.sorted(by: { $0.name < $1.name })
        where service.namespace == pod.namespace && service.createdAt <= pod.createdAt && service.clusterIP != nil && !service.headless {
            let prefix = service.name.uppercased().replacingAll("-", with: "_")
            guard let ip = service.clusterIP, let first = service.ports.first else { continue }
            lines.append("\(prefix)_SERVICE_HOST=\(ip)")
            lines.append("\(prefix)_SERVICE_PORT=\(first.port)")
            for port in service.ports where !port.name.isEmpty {
                lines.append("\(prefix)_SERVICE_PORT_\(port.name.uppercased().replacingAll("-", with: "_"))=\(port.port)")
            }
            lines.append("\(prefix)_PORT=\(first.proto.lowercased())://\(ip):\(first.port)")
            for port in service.ports {
                let p = "\(prefix)_PORT_\(port.port)_\(port.proto)"
                lines += ["\(p)=\(port.proto.lowercased())://\(ip):\(port.port)", "\(p)_PROTO=\(port.proto.lowercased())", "\(p)_PORT=\(port.port)", "\(p)_ADDR=\(ip)"]
            }
        }
        lines.append("HOME=/root")
        return lines.map { $0 + "\n" }.joined()
    }

    // MARK: curl

    private func curl(_ arguments: [String], from pod: PodRecord) -> Remote {
        var silent = false
        var showErrors = false
        var fail = false
        var headOnly = false
        var includeHeaders = false
        var insecure = false
        var discard = false
        var writeOut: String? = nil
        var hostHeader: String? = nil
        var resolves: [String] = []
        var timeout: Int? = nil
        var urls: [String] = []
        let usageTail = "curl: try 'curl --help' or 'curl --manual' for more information\n"
        var index = 0
        func value() -> String? {
            guard index < arguments.count else { return nil }
            index += 1
            return arguments[index - 1]
        }
        func missing(_ option: String) -> Remote {
            Remote(stderr: "curl: option \(option): requires parameter\n" + usageTail, status: 2)
        }
        while index < arguments.count {
            let arg = arguments[index]
            index += 1
            if arg.hasPrefix("--") {
                var name = String(arg.dropFirst(2))
                var inline: String? = nil
                if let eq = name.firstIndex(of: "=") {
                    inline = String(name[name.index(after: eq)...])
                    name = String(name[..<eq])
                }
                switch name {
                case "silent": silent = true
                case "show-error": showErrors = true
                case "fail", "fail-with-body": fail = true
                case "head": headOnly = true
                case "include": includeHeaders = true
                case "insecure": insecure = true
                case "location", "verbose", "http1.1", "http2", "ipv4", "compressed", "no-progress-meter", "no-buffer", "globoff":
                    break
                case "header":
                    guard let v = inline ?? value() else { return missing(arg) }
                    if v.lowercased().hasPrefix("host:") { hostHeader = String(v.dropFirst(5)).trimmingSpaces() }
                case "resolve":
                    guard let v = inline ?? value() else { return missing(arg) }
                    resolves.append(v)
                case "output":
                    guard let v = inline ?? value() else { return missing(arg) }
                    discard = v == "/dev/null" || v != "-"
                case "write-out":
                    guard let v = inline ?? value() else { return missing(arg) }
                    writeOut = v
                case "max-time", "connect-timeout":
                    guard let v = inline ?? value() else { return missing(arg) }
                    timeout = Int(Double(v) ?? 10)
                case "request", "data", "user-agent", "user", "retry", "cacert", "cert", "key", "data-raw", "json", "url":
                    guard let v = inline ?? value() else { return missing(arg) }
                    if name == "url" { urls.append(v) }
                default:
                    return Remote(stderr: "curl: option \(arg): is unknown\n" + usageTail, status: 2)
                }
                continue
            }
            if arg.hasPrefix("-") && arg.count > 1 {
                var letters = Array(arg.dropFirst())
                while !letters.isEmpty {
                    let letter = letters.removeFirst()
                    let rest = String(letters)
                    func takeValue() -> String? {
                        if !rest.isEmpty {
                            letters = []
                            return rest
                        }
                        return value()
                    }
                    switch letter {
                    case "s": silent = true
                    case "S": showErrors = true
                    case "f": fail = true
                    case "I": headOnly = true
                    case "i": includeHeaders = true
                    case "k": insecure = true
                    case "L", "v", "4", "N", "g", "#": break
                    case "H":
                        guard let v = takeValue() else { return missing("-H") }
                        if v.lowercased().hasPrefix("host:") { hostHeader = String(v.dropFirst(5)).trimmingSpaces() }
                    case "o":
                        guard let v = takeValue() else { return missing("-o") }
                        discard = v != "-"
                    case "w":
                        guard let v = takeValue() else { return missing("-w") }
                        writeOut = v
                    case "m":
                        guard let v = takeValue() else { return missing("-m") }
                        timeout = Int(Double(v) ?? 10)
                    case "X", "d", "A", "u", "e":
                        guard takeValue() != nil else { return missing("-\(letter)") }
                    default:
                        return Remote(stderr: "curl: option -\(letters.isEmpty ? String(letter) : String(letter) + rest): is unknown\n" + usageTail, status: 2)
                    }
                }
                continue
            }
            urls.append(arg)
        }
        guard let url = urls.first else { return Remote(stderr: "curl: no URL specified!\n" + usageTail, status: 2) }
        let quietErrors = silent && !showErrors
        func failure(_ code: Int32, _ message: String) -> Remote {
            var remote = Remote(status: code)
            if let writeOut { remote.stdout = Self.curlWriteOut(writeOut, status: 0) }
            if !quietErrors { remote.stderr = "curl: (\(code)) \(message)\n" }
            return remote
        }
        if let range = url.range(of: "://") {
            let scheme = url[..<range.lowerBound].lowercased()
            if scheme != "http" && scheme != "https" { return failure(1, "Protocol \(goQuote(String(url[..<range.lowerBound]))) not supported") }
        }
        guard var target = TraceTarget.parse(url) else { return failure(3, "URL rejected: Malformed input to a URL function") }
        target.hostHeader = hostHeader
        var pinned: [String: IPv4] = [:]
        for entry in resolves {
            let parts = entry.split(separator: ":").map(String.init)
            if parts.count >= 3, let ip = IPv4(parts[2]), Int(parts[1]) == target.port { pinned[parts[0].lowercased()] = ip }
        }
        let host = target.host
        let result = cluster.trace(from: .pod(name: pod.name, namespace: pod.namespace), to: target, resolve: pinned)
        let waited = (timeout ?? 10) * 1000 + 1
        // A headless Service without Ready Pods has no A record: the name does not resolve.
        let unresolved = result.reason == .noEndpoints && result.hops.last?.kind == .dns
        if !result.delivered && result.httpStatus == nil {
            switch result.reason {
            case .nxdomain?, .noIngressController?:
                return failure(6, "Could not resolve host: \(host)")
            case .noEndpoints? where unresolved:
                return failure(6, "Could not resolve host: \(host)")
            case .connectionRefused?, .noEndpoints?:
                return failure(7, "Failed to connect to \(host) port \(target.port) after 0 ms: Couldn't connect to server")
            default:
                return failure(28, "Failed to connect to \(host) port \(target.port) after \(waited) ms: Timeout was reached")
            }
        }
        if target.scheme == "https" && !insecure {
            return failure(
                60,
                "SSL certificate problem: self-signed certificate\nMore details here: https://curl.se/docs/sslcerts.html\n\ncurl failed to verify the legitimacy of the server and therefore could not\nestablish a secure connection to it. To learn more about this situation and\nhow to fix it, please visit the webpage mentioned above."
            )
        }
        var status = result.httpStatus ?? 200
        var body = result.responseBody ?? ""
        if status == 200 && body.contains("HTTP Status 404") { status = 404 }
        if status == 503 && body.isEmpty { body = Self.nginxErrorPage(503, "Service Temporarily Unavailable") }
        if status == 404 && body.isEmpty { body = Self.nginxErrorPage(404, "Not Found") }
        if !body.isEmpty && !body.hasSuffix("\n") { body += "\n" }
        if fail && status >= 400 {
            return failure(22, "The requested URL returned error: \(status)")
        }
        var remote = Remote()
        let headers = Self.responseHeaders(status: status, body: body, endpoint: result.endpoint, clock: cluster.clock)
        if headOnly {
            remote.stdout = headers
        } else if !discard {
            remote.stdout = (includeHeaders ? headers : "") + body
        }
        if let writeOut { remote.stdout += Self.curlWriteOut(writeOut, status: status) }
        return remote
    }

    /// The headers an nginx-like server sends back.
    private static func responseHeaders(status: Int, body: String, endpoint: String?, clock: Int) -> String {
        let reason = [200: "OK", 404: "Not Found", 503: "Service Temporarily Unavailable"][status] ?? ""
        let date = SimulatedTime.rfc1123Z(clock).replacing("+0000", with: "GMT")
        return "HTTP/1.1 \(status) \(reason)\r\nServer: nginx\r\nDate: \(date)\r\nContent-Type: text/html\r\nContent-Length: \(body.utf8.count)\r\nConnection: keep-alive\r\n\r\n"
    }

    /// `-w FORMAT`: `%{http_code}` (000 when nothing answered), `\n` and `\t`.
    private static func curlWriteOut(_ format: String, status: Int) -> String {
        let code = status == 0 ? "000" : String(status)
        return format.replacing("%{http_code}", with: code).replacing("%{response_code}", with: code).replacing("\\n", with: "\n")
            .replacing("\\t", with: "\t")
    }

    /// The error pages ingress-nginx serves itself.
    static func nginxErrorPage(_ status: Int, _ text: String) -> String {
        "<html>\r\n<head><title>\(status) \(text)</title></head>\r\n<body>\r\n<center><h1>\(status) \(text)</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n"
    }

    // MARK: wget (busybox)

    private func wget(_ arguments: [String], from pod: PodRecord) -> Remote {
        var quiet = false
        var output: String? = nil
        var urls: [String] = []
        var hostHeader: String? = nil
        var index = 0
        while index < arguments.count {
            let arg = arguments[index]
            index += 1
            switch arg {
            case "-q", "--quiet": quiet = true
            case "-O", "--output-document":
                guard index < arguments.count else { return Remote(stderr: "wget: option requires an argument -- 'O'\n", status: 1) }
                output = arguments[index]
                index += 1
            case "-qO-", "-qO", "-O-":
                if arg.hasPrefix("-q") { quiet = true }
                if arg.hasSuffix("-") && arg != "-qO" {
                    output = "-"
                } else if index < arguments.count {
                    output = arguments[index]
                    index += 1
                }
            case "-T", "--timeout", "-U", "--user-agent":
                index += 1
            case "--header":
                if index < arguments.count {
                    let header = arguments[index]
                    if header.lowercased().hasPrefix("host:") { hostHeader = String(header.dropFirst(5)).trimmingSpaces() }
                }
                index += 1
            case "-S", "--spider", "-s":
                break
            default:
                if arg.hasPrefix("-") && arg.count > 1 {
                    return Remote(stderr: "wget: unrecognized option '\(arg)'\nBusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.\n", status: 1)
                }
                urls.append(arg)
            }
        }
        let toStdout = output == "-"
        guard let url = urls.first else {
            return Remote(stderr: "BusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.\n\nUsage: wget [-cqS] [--spider] [-O FILE] [-o LOGFILE] [--header STR] [--post-data STR | --post-file FILE] [-Y on/off] [-P DIR] [-U AGENT] [-T SEC] URL...\n", status: 1)
        }
        guard var target = TraceTarget.parse(url) else { return Remote(stderr: "wget: bad address '\(url)'\n", status: 1) }
        target.hostHeader = hostHeader
        let result = cluster.trace(from: .pod(name: pod.name, namespace: pod.namespace), to: target)
        if !result.delivered && result.httpStatus == nil {
            switch result.reason {
            case .nxdomain?, .noIngressController?:
                return Remote(stderr: "wget: bad address '\(target.host)'\n", status: 1)
            case .noEndpoints? where result.hops.last?.kind == .dns:
                return Remote(stderr: "wget: bad address '\(target.host)'\n", status: 1)
            case .connectionRefused?, .noEndpoints?:
                let ip = resolvedAddress(of: target.host, from: pod) ?? target.host
                return Remote(stderr: "wget: can't connect to remote host (\(ip)): Connection refused\n", status: 1)
            default:
                return Remote(stderr: "wget: download timed out\n", status: 1)
            }
        }
        var status = result.httpStatus ?? 200
        var body = result.responseBody ?? ""
        if status == 200 && body.contains("HTTP Status 404") { status = 404 }
        if !body.isEmpty && !body.hasSuffix("\n") { body += "\n" }
        var remote = Remote()
        let ip = resolvedAddress(of: target.host, from: pod) ?? target.host
        if !quiet { remote.stderr += "Connecting to \(target.host) (\(ip):\(target.port))\n" }
        if status >= 400 {
            let reason = [404: "Not Found", 503: "Service Temporarily Unavailable"][status] ?? "Error"
            remote.stderr += "wget: server returned error: HTTP/1.1 \(status) \(reason)\n"
            remote.status = 1
            return remote
        }
        if toStdout {
            if !quiet { remote.stderr += "writing to stdout\n" }
            remote.stdout = body
            if !quiet { remote.stderr += "-                    100% |********************************|  \(body.utf8.count)  0:00:00 ETA\nwritten to stdout\n" }
        } else {
            let file = output ?? "index.html"
            if !quiet {
                remote.stderr += "saving to '\(file)'\n"
                remote.stderr += "\(file.padding(20))100% |********************************|  \(body.utf8.count)  0:00:00 ETA\n'\(file)' saved\n"
            }
        }
        return remote
    }

    // MARK: DNS (busybox nslookup) and ping

    /// What CoreDNS answers a Pod for a name: the addresses and the name it found, or nil (NXDOMAIN).
    func lookUp(_ name: String, from pod: PodRecord) -> (fqdn: String, addresses: [IPv4])? {
        let host = name.hasSuffix(".") ? String(name.dropLast()) : name
        let run = TraceRun(cluster: cluster, target: TraceTarget(scheme: "", host: host, port: 80, path: "/", podName: nil, hostHeader: nil))
        guard let (service, fqdn) = run.serviceLookup(host.lowercased(), namespace: pod.namespace) else { return nil }
        if service.type == "ExternalName" { return nil }
        if service.headless {
            let ips = cluster.selectedPods(by: service).filter(\.isReady).compactMap(\.ip).sorted()
            return ips.isEmpty ? nil : (fqdn, ips)
        }
        guard let ip = service.clusterIP else { return nil }
        return (fqdn, [ip])
    }

    /// The address a tool connects to for a host (for their messages).
    private func resolvedAddress(of host: String, from pod: PodRecord) -> String? {
        if IPv4(host) != nil { return host }
        if host == "localhost" { return "127.0.0.1" }
        return lookUp(host, from: pod)?.addresses.first?.description
    }

    private func nslookup(_ arguments: [String], from pod: PodRecord) -> Remote {
        let names = arguments.filter { !$0.hasPrefix("-") }
        guard let name = names.first else {
            return Remote(
                stderr: "BusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.\n\nUsage: nslookup [-type=QUERY_TYPE] [-debug] HOST [DNS_SERVER]\n\nQuery DNS about HOST\n",
                status: 1)
        }
        let server = Cluster.dnsIP.description
        var out = "Server:\t\t\(server)\nAddress:\t\(server):53\n\n"
        if names.count > 1, names[1] != server {
            // Another DNS server: nothing else answers in the simulated network.
            return Remote(stdout: ";; connection timed out; no servers could be reached\n\n", status: 1)
        }
        if let ip = IPv4(name) {
            let reversed = name.split(separator: ".").reversed().joined(separator: ".") + ".in-addr.arpa"
            if let service = cluster.services.first(where: { $0.clusterIP == ip && !$0.headless }) {
                out += "\(reversed)\tname = \(service.name).\(service.namespace).svc.cluster.local\n\n"
                return Remote(stdout: out)
            }
            if let target = cluster.pods.first(where: { $0.ip == ip && !$0.hostNetwork }) {
                let dashed = ip.description.replacingAll(".", with: "-")
                out += "\(reversed)\tname = \(dashed).\(target.namespace).pod.cluster.local\n\n"
                return Remote(stdout: out)
            }
            out += "** server can't find \(reversed): NXDOMAIN\n\n"
            return Remote(stdout: out, status: 1)
        }
        guard let answer = lookUp(name, from: pod) else {
            let fqdn = name.contains(".") ? name : "\(name).\(pod.namespace).svc.cluster.local"
            out += "** server can't find \(fqdn): NXDOMAIN\n\n"
            return Remote(stdout: out, status: 1)
        }
        for address in answer.addresses {
            out += "Name:\t\(answer.fqdn)\nAddress: \(address)\n"
        }
        out += "\n"
        return Remote(stdout: out)
    }

    private func ping(_ arguments: [String], from pod: PodRecord) -> Remote {
        var count = 4
        var hosts: [String] = []
        var index = 0
        while index < arguments.count {
            let arg = arguments[index]
            index += 1
            if arg == "-c", index < arguments.count {
                count = max(1, Int(arguments[index]) ?? 4)
                index += 1
            } else if arg.hasPrefix("-c"), let n = Int(arg.dropFirst(2)) {
                count = max(1, n)
            } else if arg == "-W" || arg == "-w" || arg == "-i" || arg == "-s" {
                index += 1
            } else if !arg.hasPrefix("-") {
                hosts.append(arg)
            }
        }
        guard let host = hosts.first else {
            return Remote(stderr: "BusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.\n\nUsage: ping [OPTIONS] HOST\n", status: 1)
        }
        guard let address = resolvedAddress(of: host, from: pod).flatMap(IPv4.init) else {
            return Remote(stderr: "ping: bad address '\(host)'\n", status: 1)
        }
        var out = "PING \(host) (\(address)): 56 data bytes\n"
        // ICMP reaches Pods and nodes; a ClusterIP is only a kube-proxy rule for TCP/UDP ports, so nothing answers a ping.
        let answers: Bool
        if address.value >> 24 == 127 || address == pod.ip {
            answers = true
        } else if cluster.services.contains(where: { $0.clusterIP == address }) {
            answers = false
        } else if let target = cluster.pods.first(where: { $0.ip == address }) {
            answers = target.isScheduled
        } else {
            answers = cluster.nodes.contains { $0.ip == address } || cluster.services.contains { $0.loadBalancerIP == address }
        }
        if answers {
            let sameNode = cluster.pods.first { $0.ip == address }?.nodeName == pod.nodeName
            let ttl = address == pod.ip || address.value >> 24 == 127 ? 64 : (sameNode ? 63 : 62)
            for seq in 0..<count {
                let time = 0.05 + Double(Int(StableHash.fnv1a("\(pod.name)/\(address)/\(seq)") % 900)) / 1000
                out += "64 bytes from \(address): seq=\(seq) ttl=\(ttl) time=\(Self.threeDecimals(time)) ms\n"
            }
            out += "\n--- \(host) ping statistics ---\n\(count) packets transmitted, \(count) packets received, 0% packet loss\n"
            out += "round-trip min/avg/max = 0.051/0.412/0.949 ms\n"
            return Remote(stdout: out)
        }
        out += "\n--- \(host) ping statistics ---\n\(count) packets transmitted, 0 packets received, 100% packet loss\n"
        return Remote(stdout: out, status: 1)
    }

    private static func threeDecimals(_ value: Double) -> String {
        let thousandths = Int((value * 1000).rounded())
        let fraction = String(thousandths % 1000)
        return "\(thousandths / 1000)." + String(repeating: "0", count: 3 - fraction.count) + fraction
    }
}

extension String {
    /// The string padded with spaces on the right to `width` characters.
    func padding(_ width: Int) -> String { count >= width ? self + " " : self + String(repeating: " ", count: width - count) }
}
