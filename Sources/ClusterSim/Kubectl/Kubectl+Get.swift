/// `kubectl get`: tables exactly as kubectl's table printer lays them out, `-o wide`, `-o yaml`,
/// `-o json`, `-o name`, `-o jsonpath=...`, `-n`, `-A`, `-l`, `--show-labels`, `-L`, `--no-headers`.
extension Kubectl {
    static let getFlags: [FlagSpec] = [
        .value("output", "o"), .value("selector", "l"), .bool("all-namespaces", "A"), .bool("show-labels"), .bool("no-headers"),
        .bool("watch", "w"), .bool("watch-only"), .value("label-columns", "L"), .bool("ignore-not-found"), .value("sort-by"),
        .value("field-selector"), .value("chunk-size"), .bool("show-kind"), .value("template"),
    ]

    /// One object `get` found.
    struct Item {
        var type: ResourceType
        var namespace: String
        var name: String
        var labels: [String: String]
    }

    /// An output format given with `-o`.
    enum OutputFormat: Equatable {
        case table, wide, yaml, json, name
        case jsonPath(String)

        static func parse(_ text: String?) -> OutputFormat? {
            guard let text, !text.isEmpty else { return .table }
            switch text {
            case "wide": return .wide
            case "yaml": return .yaml
            case "json": return .json
            case "name": return .name
            default:
                for prefix in ["jsonpath=", "jsonpath-as-json="] where text.hasPrefix(prefix) {
                    return .jsonPath(String(text.dropFirst(prefix.count)))
                }
                return nil
            }
        }

        static let allowed =
            "custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml"
    }

    /// A resource request: a type, and the names asked for (empty: all).
    struct Request {
        var type: ResourceType?
        /// For real types the simulation does not model (`configmaps`), their plural for messages.
        var unsimulated: String?
        var names: [String]
    }

    /// Reads `TYPE[,TYPE] [NAME...]` or `TYPE/NAME...`; a failure is kubectl's error output.
    /// The objects a command names (`TYPE NAME`, `TYPE/NAME`, `TYPE,TYPE`) and its `-l` selector, or kubectl's error for them.
    func targets(_ flags: ParsedFlags, command: String) -> Result<([Request], KubectlSelector?), KubectlFailure> {
        parseRequests(flags.arguments, command: command).flatMap { requests in
            switch KubectlSelector.parse(flags.value("selector")) {
            case .failure(let problem): return .failure(KubectlFailure(stderr: "error: \(problem.message)\n", exitCode: 1))
            case .success(let selector): return .success((requests, selector))
            }
        }
    }

    func parseRequests(_ args: [String], command: String) -> Result<[Request], KubectlFailure> {
        func typeList(_ text: String) -> Result<[Request], KubectlFailure> {
            var result: [Request] = []
            for part in text.split(separator: ",", omittingEmptySubsequences: false).map(String.init) {
                if part.lowercased() == "all" {
                    result += [ResourceType.pods, .services, .deployments, .replicasets].map { Request(type: $0, names: []) }
                } else if let type = ResourceType.parse(part) {
                    result.append(Request(type: type, names: []))
                } else if let plural = ResourceType.unsimulated[part.lowercased()] {
                    result.append(Request(type: nil, unsimulated: plural, names: []))
                } else {
                    return .failure(KubectlFailure(stderr: "error: the server doesn't have a resource type \(goQuote(part))\n", exitCode: 1))
                }
            }
            return .success(result)
        }
        if args.contains(where: { $0.contains("/") }) {
            guard args.allSatisfy({ $0.contains("/") }) else {
                return .failure(
                    KubectlFailure(
                        stderr:
                            "error: there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl \(command) resource/<resource_name>' instead of 'kubectl \(command) resource resource/<resource_name>'\n",
                        exitCode: 1))
            }
            var result: [Request] = []
            for arg in args {
                let parts = arg.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
                guard parts.count == 2, !parts[1].isEmpty else {
                    return .failure(KubectlFailure(stderr: "error: arguments in resource/name form must have a single resource and name\n", exitCode: 1))
                }
                switch typeList(parts[0]) {
                case .failure(let output): return .failure(output)
                case .success(let types):
                    guard types.count == 1 else {
                        return .failure(
                            KubectlFailure(stderr: "error: arguments in resource/name form must have a single resource and name\n", exitCode: 1))
                    }
                    if let index = result.firstIndex(where: { $0.type == types[0].type && $0.unsimulated == types[0].unsimulated }) {
                        result[index].names.append(parts[1])
                    } else {
                        result.append(Request(type: types[0].type, unsimulated: types[0].unsimulated, names: [parts[1]]))
                    }
                }
            }
            return .success(result)
        }
        switch typeList(args[0]) {
        case .failure(let output): return .failure(output)
        case .success(var types):
            let names = Array(args.dropFirst())
            if !names.isEmpty {
                if types.count > 1 || args[0].lowercased() == "all" {
                    // kubectl allows `get pods,svc NAME` only when every type has the name; keep it simple and ask for one type.
                    for i in types.indices { types[i].names = names }
                } else {
                    types[0].names = names
                }
            }
            return .success(types)
        }
    }

    mutating func get(_ words: [String]) -> KubectlOutput {
        let flags: ParsedFlags
        switch parseFlags(words, command: "get", specs: Self.getFlags) {
        case .failure(let failure): return failure.output
        case .success(let parsed): flags = parsed
        }
        if flags.isSet("help") { return KubectlOutput(stdout: Self.usage("get")) }
        if flags.isSet("watch") || flags.isSet("watch-only") {
            return KubectlOutput(
                stderr: "error: --watch is not available in the simulated cluster: nothing changes until you run the next command\n", exitCode: 1)
        }
        guard let format = OutputFormat.parse(flags.value("output")) else {
            return KubectlOutput(
                stderr:
                    "error: unable to match a printer suitable for the output format \(goQuote(flags.value("output") ?? "")), allowed formats are: \(OutputFormat.allowed)\n",
                exitCode: 1)
        }
        guard !flags.arguments.isEmpty else {
            return KubectlOutput(
                stderr: """
                    You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.

                    error: Required resource not specified.
                    Use "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).
                    See 'kubectl get -h' for help and examples

                    """, exitCode: 1)
        }
        let requests: [Request]
        let selector: KubectlSelector?
        switch targets(flags, command: "get") {
        case .failure(let failure): return failure.output
        case .success(let parsed): (requests, selector) = parsed
        }
        let allNamespaces = flags.isSet("all-namespaces")
        let namespace = namespace(flags)
        let ignoreNotFound = flags.isSet("ignore-not-found")

        var stderr = ""
        var groups: [(type: ResourceType, items: [Item])] = []
        var anyNamedNotFound = false
        for request in requests {
            guard let type = request.type else {
                for name in request.names where !ignoreNotFound {
                    stderr += "Error from server (NotFound): \(request.unsimulated ?? "resources") \(goQuote(name)) not found\n"
                    anyNamedNotFound = true
                }
                continue
            }
            let scope: String? = (allNamespaces && request.names.isEmpty) || !type.namespaced ? nil : namespace
            var items = self.items(of: type, in: scope)
            if let selector { items = items.filter { selector.matches($0.labels) } }
            if !request.names.isEmpty {
                var picked: [Item] = []
                for name in request.names {
                    if let item = items.first(where: { $0.name == name }) {
                        picked.append(item)
                    } else if !ignoreNotFound {
                        stderr += "Error from server (NotFound): \(type.qualifiedPlural) \(goQuote(name)) not found\n"
                        anyNamedNotFound = true
                    }
                }
                items = picked
            }
            if let index = groups.firstIndex(where: { $0.type == type }) {
                groups[index].items += items.filter { item in !groups[index].items.contains { $0.name == item.name && $0.namespace == item.namespace } }
            } else {
                groups.append((type, items))
            }
        }
        let exitCode: Int32 = anyNamedNotFound ? 1 : 0
        let found = groups.flatMap { group in group.items.sorted { ($0.namespace, $0.name) < ($1.namespace, $1.name) } }
        let singleItem = requests.count == 1 && requests[0].names.count == 1 && found.count == 1
        let noneMessage: String = {
            if requests.allSatisfy({ $0.type?.namespaced ?? true }) && !allNamespaces {
                return "No resources found in \(namespace) namespace.\n"
            }
            return "No resources found\n"
        }()

        switch format {
        case .yaml, .json, .jsonPath:
            // One object asked for by name: its error alone, or the object itself.
            if requests.count == 1 && requests[0].names.count == 1 && found.isEmpty {
                return KubectlOutput(stderr: stderr, exitCode: exitCode)
            }
            let trees = found.map { tree(for: $0) }
            let root: ObjectTree =
                singleItem
                ? trees[0]
                : .map([("apiVersion", .string("v1")), ("items", .list(trees)), ("kind", .string("List")), ("metadata", .map([("resourceVersion", .string(""))]))])
            switch format {
            case .yaml: return KubectlOutput(stdout: root.yaml, stderr: stderr, exitCode: exitCode)
            case .json: return KubectlOutput(stdout: root.json, stderr: stderr, exitCode: exitCode)
            case .jsonPath(let template):
                var template = template
                if template.count >= 2, let first = template.first, first == "'" || first == "\"", template.last == first {
                    template = String(template.dropFirst().dropLast())
                }
                switch JSONPath.evaluate(template, on: root) {
                case .success(let text): return KubectlOutput(stdout: text, stderr: stderr, exitCode: exitCode)
                case .failure(let problem): return KubectlOutput(stderr: stderr + problem.message + "\n", exitCode: 1)
                }
            default: break
            }
        case .name:
            let out = found.map { "\($0.type.qualifiedSingular)/\($0.name)\n" }.joined()
            if out.isEmpty && !anyNamedNotFound { stderr += noneMessage }
            return KubectlOutput(stdout: out, stderr: stderr, exitCode: exitCode)
        case .table, .wide:
            break
        }

        let withKind = Set(requests.compactMap(\.type)).count > 1 || flags.isSet("show-kind")
        let labelColumns = (flags.values["label-columns"] ?? []).flatMap { $0.split(separator: ",").map(String.init) }
        var stdout = ""
        for group in groups where !group.items.isEmpty {
            let withNamespace = allNamespaces && group.type.namespaced
            var text = ""
            if !flags.isSet("no-headers") {
                var header = columns(of: group.type, wide: format == .wide)
                if withNamespace { header.insert("NAMESPACE", at: 0) }
                header += labelColumns.map { $0.uppercased() }
                if flags.isSet("show-labels") { header.append("LABELS") }
                text += header.joined(separator: "\t") + "\n"
            }
            let sorted = group.items.sorted { ($0.namespace, $0.name) < ($1.namespace, $1.name) }
            for item in sorted {
                var row = cells(of: item, wide: format == .wide)
                if withKind { row[0] = "\(item.type.qualifiedSingular)/\(row[0])" }
                if withNamespace { row.insert(item.namespace, at: 0) }
                row += labelColumns.map { item.labels[$0] ?? "" }
                if flags.isSet("show-labels") { row.append(Self.formatLabels(item.labels)) }
                text += row.joined(separator: "\t") + "\n"
            }
            if !stdout.isEmpty { stdout += "\n" }
            stdout += TabWriter.table.format(text)
        }
        if stdout.isEmpty && !anyNamedNotFound { stderr += noneMessage }
        return KubectlOutput(stdout: stdout, stderr: stderr, exitCode: exitCode)
    }

    // MARK: Items

    /// The objects of a type, in one namespace or (nil) all.
    func items(of type: ResourceType, in namespace: String?) -> [Item] {
        func inScope(_ ns: String) -> Bool { namespace == nil || namespace == ns }
        switch type {
        case .pods:
            return cluster.pods.filter { inScope($0.namespace) }.map { Item(type: type, namespace: $0.namespace, name: $0.name, labels: $0.labels) }
        case .services:
            return cluster.services.filter { inScope($0.namespace) }.map {
                Item(type: type, namespace: $0.namespace, name: $0.name, labels: $0.labels)
            }
        case .deployments:
            return cluster.deployments.filter { inScope($0.namespace) }.map {
                Item(type: type, namespace: $0.namespace, name: $0.name, labels: $0.labels)
            }
        case .replicasets:
            return cluster.deployments.filter { inScope($0.namespace) }.map { deployment in
                var labels = deployment.selector
                labels["pod-template-hash"] = deployment.templateHash
                return Item(type: type, namespace: deployment.namespace, name: cluster.replicaSetName(of: deployment), labels: labels)
            }
        case .endpoints:
            return cluster.services.filter { inScope($0.namespace) && cluster.endpointAddresses(of: $0) != nil }.map { service in
                Item(type: type, namespace: service.namespace, name: service.name, labels: service.labels)
            }
        case .ingresses:
            return cluster.ingresses.filter { inScope($0.namespace) }.map {
                Item(type: type, namespace: $0.namespace, name: $0.name, labels: [:])
            }
        case .ingressclasses:
            return cluster.ingressClasses.map { Item(type: type, namespace: "", name: $0.name, labels: [:]) }
        case .nodes:
            return cluster.nodes.map { Item(type: type, namespace: "", name: $0.name, labels: $0.labels) }
        case .namespaces:
            return cluster.namespaces.map { Item(type: type, namespace: "", name: $0.name, labels: $0.labels) }
        case .events:
            return eventItems(in: namespace).map { Item(type: type, namespace: $0.namespace, name: $0.name, labels: [:]) }
        }
    }

    /// The events of the Pods in scope, named as the API names them (`OBJECT.HEX`).
    func eventItems(in namespace: String?) -> [(namespace: String, name: String, event: EventView)] {
        var out: [(namespace: String, name: String, event: EventView)] = []
        for pod in cluster.pods where namespace == nil || pod.namespace == namespace {
            // The API names an event OBJECT.HEX, HEX being its creation time in nanoseconds: listing by name lists each object's events in time order.
            for (i, event) in PodView(pod: pod, clock: cluster.clock).events.enumerated() {
                let nanos = (SimulatedTime.epoch + event.first) * 1_000_000_000 + i
                out.append((pod.namespace, "\(pod.name).\(String(nanos, radix: 16))", event))
            }
        }
        return out
    }

    /// The table's column headers.
    func columns(of type: ResourceType, wide: Bool) -> [String] {
        switch type {
        case .pods:
            return ["NAME", "READY", "STATUS", "RESTARTS", "AGE"] + (wide ? ["IP", "NODE", "NOMINATED NODE", "READINESS GATES"] : [])
        case .services:
            return ["NAME", "TYPE", "CLUSTER-IP", "EXTERNAL-IP", "PORT(S)", "AGE"] + (wide ? ["SELECTOR"] : [])
        case .deployments:
            return ["NAME", "READY", "UP-TO-DATE", "AVAILABLE", "AGE"] + (wide ? ["CONTAINERS", "IMAGES", "SELECTOR"] : [])
        case .replicasets:
            return ["NAME", "DESIRED", "CURRENT", "READY", "AGE"] + (wide ? ["CONTAINERS", "IMAGES", "SELECTOR"] : [])
        case .endpoints:
            return ["NAME", "ENDPOINTS", "AGE"]
        case .ingresses:
            return ["NAME", "CLASS", "HOSTS", "ADDRESS", "PORTS", "AGE"]
        case .ingressclasses:
            return ["NAME", "CONTROLLER", "PARAMETERS", "AGE"]
        case .nodes:
            return ["NAME", "STATUS", "ROLES", "AGE", "VERSION"]
                + (wide ? ["INTERNAL-IP", "EXTERNAL-IP", "OS-IMAGE", "KERNEL-VERSION", "CONTAINER-RUNTIME"] : [])
        case .namespaces:
            return ["NAME", "STATUS", "AGE"]
        case .events:
            return ["LAST SEEN", "TYPE", "REASON", "OBJECT", "MESSAGE"]
        }
    }

    /// One table row (the NAME cell first).
    func cells(of item: Item, wide: Bool) -> [String] {
        let clock = cluster.clock
        func age(_ createdAt: Int) -> String { SimulatedTime.humanDuration(clock - createdAt) }
        switch item.type {
        case .pods:
            guard let pod = cluster.pod(named: item.name, in: item.namespace) else { return [item.name] }
            let view = PodView(pod: pod, clock: clock)
            var row = [pod.name, pod.readyText, pod.status, view.restartsText, age(pod.createdAt)]
            if wide { row += [pod.ip?.description ?? "<none>", pod.nodeName ?? "<none>", "<none>", "<none>"] }
            return row
        case .services:
            guard let service = cluster.service(named: item.name, in: item.namespace) else { return [item.name] }
            var row = [
                service.name, service.type, Self.clusterIPText(service), Self.externalIPText(service), Self.portsText(service),
                age(service.createdAt),
            ]
            if wide { row.append(Self.formatLabels(service.selector ?? [:])) }
            return row
        case .deployments:
            guard let deployment = cluster.deployments.first(where: { $0.name == item.name && $0.namespace == item.namespace }) else {
                return [item.name]
            }
            let view = DeploymentView(deployment, in: cluster)
            var row = [deployment.name, "\(view.ready)/\(deployment.replicas)", String(view.replicas), String(view.available), age(deployment.createdAt)]
            if wide {
                row += [
                    deployment.containerNames.joined(separator: ","), deployment.images.joined(separator: ","),
                    Self.formatLabels(deployment.selector),
                ]
            }
            return row
        case .replicasets:
            guard let deployment = cluster.deployments.first(where: { cluster.replicaSetName(of: $0) == item.name && $0.namespace == item.namespace })
            else { return [item.name] }
            let view = DeploymentView(deployment, in: cluster)
            var row = [item.name, String(deployment.replicas), String(view.replicas), String(view.ready), age(deployment.createdAt)]
            if wide {
                row += [deployment.containerNames.joined(separator: ","), deployment.images.joined(separator: ","), Self.formatLabels(item.labels)]
            }
            return row
        case .endpoints:
            guard let service = cluster.service(named: item.name, in: item.namespace) else { return [item.name] }
            return [service.name, cluster.endpointsText(of: service), age(service.createdAt)]
        case .ingresses:
            guard let ingress = cluster.ingresses.first(where: { $0.name == item.name && $0.namespace == item.namespace }) else { return [item.name] }
            return [ingress.name, ingress.className ?? "<none>", Self.hostsText(ingress), ingressAddress(ingress), "80", age(ingress.createdAt)]
        case .ingressclasses:
            guard let ingressClass = cluster.ingressClasses.first(where: { $0.name == item.name }) else { return [item.name] }
            return [ingressClass.name, ingressClass.controller, "<none>", age(ingressClass.createdAt)]
        case .nodes:
            guard let node = cluster.node(named: item.name) else { return [item.name] }
            var row = [node.name, "Ready", Self.rolesText(node), age(node.createdAt), Self.version]
            if wide { row += [node.ip.description, "<none>", NodeFacts.osImage, NodeFacts.kernel, NodeFacts.runtime] }
            return row
        case .namespaces:
            guard let namespace = cluster.namespaces.first(where: { $0.name == item.name }) else { return [item.name] }
            return [namespace.name, "Active", age(namespace.createdAt)]
        case .events:
            guard let found = eventItems(in: item.namespace).first(where: { $0.name == item.name }) else { return [item.name] }
            let event = found.event
            return [SimulatedTime.humanDuration(clock - event.last), event.type, event.reason, event.object, event.message]
        }
    }

    // MARK: Column texts

    /// `labels.FormatLabels`: `k=v,k2=v2` sorted by key, `<none>` when empty.
    static func formatLabels(_ labels: [String: String]) -> String {
        labels.isEmpty ? "<none>" : labels.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ",")
    }

    /// CLUSTER-IP: the address, `None` for headless Services, `<none>` for ExternalName.
    static func clusterIPText(_ service: ServiceRecord) -> String {
        if service.headless { return "None" }
        return service.clusterIP?.description ?? "<none>"
    }

    /// EXTERNAL-IP: `<none>`, `<pending>`, the load balancer's address, or the ExternalName.
    static func externalIPText(_ service: ServiceRecord) -> String {
        switch service.type {
        case "LoadBalancer": return service.loadBalancerIP?.description ?? "<pending>"
        case "ExternalName": return service.externalName ?? ""
        default: return "<none>"
        }
    }

    /// PORT(S): `80/TCP`, `80:30036/TCP`, joined by `,`; `<none>` when there are none.
    static func portsText(_ service: ServiceRecord) -> String {
        let text = service.ports.map { port in
            port.nodePort.map { "\(port.port):\($0)/\(port.proto)" } ?? "\(port.port)/\(port.proto)"
        }.joined(separator: ",")
        return text.isEmpty ? "<none>" : text
    }

    /// HOSTS: up to three hosts, `*` when the rules name none.
    static func hostsText(_ ingress: IngressRecord) -> String {
        var list: [String] = []
        var more = false
        for rule in ingress.rules {
            if list.count == 3 { more = true }
            if !more, let host = rule.host, !host.isEmpty { list.append(host) }
        }
        if list.isEmpty { return "*" }
        return more ? "\(list.joined(separator: ",")) + \(ingress.rules.count - 3) more..." : list.joined(separator: ",")
    }

    /// ADDRESS: what the ingress controller published in the Ingress's status (its node's IP or its
    /// load balancer's), empty while no controller serves the Ingress.
    func ingressAddress(_ ingress: IngressRecord) -> String {
        guard cluster.isServedByController(ingress), let entry = cluster.ingressEntryAddress() else { return "" }
        return entry.ip.description
    }

    /// ROLES: the `node-role.kubernetes.io/<role>` labels, `<none>` without any.
    static func rolesText(_ node: NodeRecord) -> String {
        var roles = Set<String>()
        for (key, value) in node.labels {
            if key.hasPrefix("node-role.kubernetes.io/") {
                let role = String(key.dropFirst("node-role.kubernetes.io/".count))
                if !role.isEmpty { roles.insert(role) }
            } else if key == "kubernetes.io/role" && !value.isEmpty {
                roles.insert(value)
            }
        }
        return roles.isEmpty ? "<none>" : roles.sorted().joined(separator: ",")
    }
}

/// What the simulated nodes run.
enum NodeFacts {
    static let osImage = "Ubuntu 24.04.1 LTS"
    static let kernel = "6.8.0-49-generic"
    static let runtime = "containerd://1.7.22"
}

/// A label selector as `-l` takes it: `k=v`, `k==v`, `k!=v`, `k`, `!k`, `k in (a,b)`, `k notin (a,b)`, comma-separated.
struct KubectlSelector {
    enum Requirement {
        case equals(String, String)
        case notEquals(String, String)
        case exists(String)
        case notExists(String)
        case inSet(String, Set<String>)
        case notInSet(String, Set<String>)
    }

    var requirements: [Requirement]

    func matches(_ labels: [String: String]) -> Bool {
        requirements.allSatisfy { requirement in
            switch requirement {
            case .equals(let k, let v): labels[k] == v
            case .notEquals(let k, let v): labels[k] != v
            case .exists(let k): labels[k] != nil
            case .notExists(let k): labels[k] == nil
            case .inSet(let k, let values): labels[k].map { values.contains($0) } ?? false
            case .notInSet(let k, let values): labels[k].map { !values.contains($0) } ?? true
            }
        }
    }

    /// Nil for no selector; a failure carries kubectl's message.
    static func parse(_ text: String?) -> Result<KubectlSelector?, SelectorProblem> {
        guard let text, !text.trimmingSpaces().isEmpty else { return .success(nil) }
        // Split on commas outside parentheses.
        var terms: [String] = []
        var current = ""
        var depth = 0
        for ch in text {
            if ch == "(" { depth += 1 }
            if ch == ")" { depth -= 1 }
            if ch == "," && depth == 0 {
                terms.append(current)
                current = ""
            } else {
                current.append(ch)
            }
        }
        terms.append(current)
        var requirements: [Requirement] = []
        for raw in terms {
            let term = raw.trimmingSpaces()
            guard !term.isEmpty else { return .failure(SelectorProblem("found '', expected: identifier after ','")) }
            if term.hasPrefix("!") {
                requirements.append(.notExists(String(term.dropFirst()).trimmingSpaces()))
            } else if let range = term.firstRange(of: "!=") {
                requirements.append(.notEquals(String(term[..<range.lowerBound]).trimmingSpaces(), String(term[range.upperBound...]).trimmingSpaces()))
            } else if let range = term.firstRange(of: "==") {
                requirements.append(.equals(String(term[..<range.lowerBound]).trimmingSpaces(), String(term[range.upperBound...]).trimmingSpaces()))
            } else if let eq = term.firstIndex(of: "=") {
                requirements.append(.equals(String(term[..<eq]).trimmingSpaces(), String(term[term.index(after: eq)...]).trimmingSpaces()))
            } else if let range = term.firstRange(of: " notin ") ?? term.firstRange(of: " in ") {
                let key = String(term[..<range.lowerBound]).trimmingSpaces()
                let negate = term[range].contains("notin")
                var list = String(term[range.upperBound...]).trimmingSpaces()
                guard list.hasPrefix("("), list.hasSuffix(")") else { return .failure(SelectorProblem("found '\(list)', expected: '('")) }
                list = String(list.dropFirst().dropLast())
                let values = Set(list.split(separator: ",").map { String($0).trimmingSpaces() })
                requirements.append(negate ? .notInSet(key, values) : .inSet(key, values))
            } else if term.contains(" ") {
                return .failure(SelectorProblem("unable to parse requirement: found '\(term)', expected: ',', '!=', '==', '=', 'in', 'notin'"))
            } else {
                requirements.append(.exists(term))
            }
        }
        return .success(KubectlSelector(requirements: requirements))
    }
}

/// Why a `-l` selector could not be read.
struct SelectorProblem: Error {
    var message: String
    init(_ message: String) { self.message = message }
}
