/// Where a traced request starts.
public enum TraceSource: Sendable, Equatable, CustomStringConvertible {
    /// A container of a Pod (its network namespace).
    case pod(name: String, namespace: String)
    /// A node's own network stack.
    case node(name: String)
    /// A machine outside the cluster on the node network (the learner's laptop).
    case external

    /// Parses `pod/NAME`, `pod/NAMESPACE/NAME`, `node/NAME` or `external`.
    public static func parse(_ text: String, namespace: String = "default") -> TraceSource? {
        if text == "external" { return .external }
        let parts = text.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        switch (parts.first, parts.count) {
        case ("pod", 2) where !parts[1].isEmpty: return .pod(name: parts[1], namespace: namespace)
        case ("pod", 3) where !parts[2].isEmpty: return .pod(name: parts[2], namespace: parts[1])
        case ("node", 2) where !parts[1].isEmpty: return .node(name: parts[1])
        default: return nil
        }
    }

    public var description: String {
        switch self {
        case .pod(let name, _): "pod/\(name)"
        case .node(let name): "node/\(name)"
        case .external: "external"
        }
    }
}

/// What a traced request is sent to.
public struct TraceTarget: Sendable, Equatable {
    /// `http`, `https`, or empty for a plain `HOST:PORT`.
    public var scheme: String
    /// The host as written (a name or an address); for `pod/NAME:PORT` the Pod's name.
    public var host: String
    public var port: Int
    public var path: String
    /// Set for `pod/NAME:PORT` targets.
    public var podName: String?
    /// An explicit HTTP Host header (`curl -H 'Host: x'`).
    public var hostHeader: String?

    /// The Host header an HTTP request carries.
    public var effectiveHost: String { hostHeader ?? host }

    /// Parses a URL (`http://web:80/path`), `HOST:PORT`, a bare host (port 80), or `pod/NAME:PORT`.
    public static func parse(_ text: String) -> TraceTarget? {
        if text.hasPrefix("pod/") {
            let rest = text.dropFirst(4)
            guard let colon = rest.lastIndex(of: ":"), let port = Int(rest[rest.index(after: colon)...]), (1...65535).contains(port),
                !rest[..<colon].isEmpty
            else { return nil }
            return TraceTarget(scheme: "", host: String(rest[..<colon]), port: port, path: "/", podName: String(rest[..<colon]), hostHeader: nil)
        }
        var scheme = ""
        var rest = Substring(text)
        if let range = text.range(of: "://") {
            scheme = text[..<range.lowerBound].lowercased()
            guard scheme == "http" || scheme == "https" else { return nil }
            rest = text[range.upperBound...]
        }
        var path = "/"
        if let slash = rest.firstIndex(of: "/") {
            path = String(rest[slash...])
            rest = rest[..<slash]
        }
        if let query = path.firstIndex(where: { $0 == "?" || $0 == "#" }) { path = String(path[..<query]) }
        var host = String(rest)
        var port = scheme == "https" ? 443 : 80
        if let colon = rest.lastIndex(of: ":") {
            guard let p = Int(rest[rest.index(after: colon)...]), (1...65535).contains(p) else { return nil }
            port = p
            host = String(rest[..<colon])
        }
        guard !host.isEmpty, host.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "." || $0 == "-" || $0 == "_" }) else { return nil }
        return TraceTarget(scheme: scheme, host: host.lowercased(), port: port, path: path, podName: nil, hostHeader: nil)
    }
}

/// One step of a request's path.
public struct TraceHop: Sendable, Equatable {
    /// What happens here.
    public enum Kind: String, Sendable {
        case loopback, veth, bridge, vxlan, node, dns, nodeport, ingress, pod
        case kubeProxy = "kube-proxy"
        case loadBalancer = "load-balancer"
    }

    public var kind: Kind
    /// Where it happens: `pod/client`, `node/w1`, `lb/192.168.50.240`.
    public var at: String
    /// What decided it, in the tools' own terms (device names, chains, addresses).
    public var detail: String

    /// Creates a hop.
    public init(_ kind: Kind, at: String, _ detail: String) {
        self.kind = kind
        self.at = at
        self.detail = detail
    }
}

/// Why a request did not arrive.
public enum DropReason: String, Sendable {
    case noEndpoints = "no-endpoints"
    case connectionRefused = "connection-refused"
    case notRoutable = "not-routable"
    case nxdomain
    case noIngressRule = "no-ingress-rule"
    case noIngressController = "no-ingress-controller"
    case portNotOpen = "port-not-open"
    case noSuchObject = "no-such-object"
}

/// The answer of a trace: delivered or dropped, each hop, and why.
public struct TraceResult: Sendable, Equatable {
    public var delivered: Bool
    public var reason: DropReason?
    /// `pod/NAME` that answered, when delivered.
    public var endpoint: String?
    public var hops: [TraceHop]
    public var explanation: String
    /// The HTTP status the client would see, when something answered (200, or 404/503 from an ingress controller).
    public var httpStatus: Int?
    /// What the answering server sends back for `/`.
    public var responseBody: String?
    /// The address the client finally connected to (for curl's messages).
    public var connectedIP: String?

    /// The trace contract's JSON, one line, keys in the contract's order.
    public var jsonText: String {
        let hopsJSON = hops.map {
            "{\"kind\":\(YAMLWriter.jsonString($0.kind.rawValue)),\"at\":\(YAMLWriter.jsonString($0.at)),\"detail\":\(YAMLWriter.jsonString($0.detail))}"
        }
        return "{\"delivered\":\(delivered),\"reason\":\(reason.map { YAMLWriter.jsonString($0.rawValue) } ?? "null"),"
            + "\"endpoint\":\(endpoint.map(YAMLWriter.jsonString) ?? "null"),\"hops\":[\(hopsJSON.joined(separator: ","))],"
            + "\"explanation\":\(YAMLWriter.jsonString(explanation))}"
    }
}
