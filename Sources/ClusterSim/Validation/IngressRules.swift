/// `ValidateIngress` and `ValidateIngressClass` (networking.k8s.io/v1).
enum IngressRules {
    static let pathTypes = ["Exact", "ImplementationSpecific", "Prefix"]
    private static let invalidSequences = ["//", "/./", "/../", "%2f", "%2F"]
    private static let invalidSuffixes = ["/..", "/."]

    static func validateIngress(_ root: YAMLNode, errors: inout [FieldError]) {
        MetaRules.validate(root, nameRule: .dns1123Subdomain, namespaced: true, errors: &errors)
        let spec = root["spec"]
        let specPath = FieldPath("spec")
        let specPosition = root.pair("spec")?.keyPosition ?? root.position
        let rules = spec?["rules"]?.items
        let defaultBackend = spec?["defaultBackend"]
        if (rules ?? []).isEmpty && (defaultBackend == nil || defaultBackend!.isNull) {
            let value = rules == nil ? "[]networking.IngressRule(nil)" : "[]networking.IngressRule{}"
            errors.append(
                .invalid(
                    specPath, .raw(value), "either `defaultBackend` or `rules` must be specified", at: specPosition,
                    "An Ingress must route somewhere: add `rules:` (host and path → Service) or a `defaultBackend:` for every request."))
        }
        if let defaultBackend, !defaultBackend.isNull {
            validateBackend(defaultBackend, path: specPath.child("defaultBackend"), errors: &errors)
        }
        for (i, rule) in (rules ?? []).enumerated() {
            let rulePath = specPath.child("rules").index(i)
            if let hostNode = rule["host"], let host = hostNode.string, !host.isEmpty {
                validateHost(host, node: hostNode, path: rulePath.child("host"), errors: &errors)
            }
            guard let http = rule["http"], !http.isNull else { continue }
            let httpPath = rulePath.child("http")
            let paths = http["paths"]?.items ?? []
            if paths.isEmpty {
                errors.append(
                    .required(
                        httpPath.child("paths"), at: rule.pair("http")?.keyPosition ?? rule.position,
                        "An `http:` rule needs at least one entry under `paths:`."))
            }
            for (j, path) in paths.enumerated() {
                validatePath(path, path: httpPath.child("paths").index(j), errors: &errors)
            }
        }
        for (i, tls) in (spec?["tls"]?.items ?? []).enumerated() {
            for (j, hostNode) in (tls["hosts"]?.items ?? []).enumerated() {
                guard let host = hostNode.string, !host.isEmpty else { continue }
                let hostPath = specPath.child("tls").index(i).child("hosts").index(j)
                let messages = host.contains("*") ? NameRules.wildcardDNS1123Subdomain(host) : NameRules.dns1123Subdomain(host)
                for message in messages {
                    errors.append(
                        .invalid(hostPath, .string(host), message, at: hostNode.position, "TLS hosts are DNS names such as `tomcat.example.com`."))
                }
            }
        }
        if let node = spec?["ingressClassName"], let name = node.string, !name.isEmpty {
            for message in NameRules.dns1123Subdomain(name) {
                errors.append(
                    .invalid(
                        specPath.child("ingressClassName"), .string(name), message, at: node.position,
                        "ingressClassName names an IngressClass object, such as `nginx`."))
            }
        }
    }

    private static func validateHost(_ host: String, node: YAMLNode, path: FieldPath, errors: inout [FieldError]) {
        if NameRules.isIPAddress(host) {
            errors.append(
                .invalid(
                    path, .string(host), "must be a DNS name, not an IP address", at: node.position,
                    "An Ingress routes by the HTTP Host header, which is a name. Use a name (and point it at the ingress controller's node in DNS or /etc/hosts), or leave `host` out to match every request."
                ))
            // No early return: the API also applies the DNS rules, which an IPv6 address fails as well.
        }
        if host.contains("*") {
            for message in NameRules.wildcardDNS1123Subdomain(host) {
                errors.append(
                    .invalid(
                        path, .string(host), message, at: node.position,
                        "A wildcard host is `*.` followed by a domain, as in `*.example.com`; the `*` stands for exactly one label."))
            }
        } else {
            for message in NameRules.dns1123Subdomain(host) {
                errors.append(
                    .invalid(
                        path, .string(host), message, at: node.position,
                        "A host is a lower case DNS name such as `tomcat.example.com`, without `http://`, a port or a path."))
            }
        }
    }

    private static func validatePath(_ node: YAMLNode, path: FieldPath, errors: inout [FieldError]) {
        guard let pathTypeNode = node["pathType"], let pathType = pathTypeNode.string else {
            errors.append(
                .required(
                    path.child("pathType"), "pathType must be specified", at: node.position,
                    "networking.k8s.io/v1 needs a pathType for every path: `Prefix` (matches /api, /api/ and /api/users), `Exact` (only /api) or `ImplementationSpecific`."
                ))
            return
        }
        let text = node["path"]?.string ?? ""
        let pathPosition = node["path"]?.position ?? node.position
        switch pathType {
        case "Exact", "Prefix":
            if !text.hasPrefix("/") {
                errors.append(
                    .invalid(
                        path.child("path"), .string(text), "must be an absolute path", at: pathPosition,
                        "Paths are matched against the URL path, which always starts with `/`: write `/\(text)`."))
            }
            if !text.isEmpty {
                for sequence in invalidSequences where text.contains(sequence) {
                    errors.append(
                        .invalid(
                            path.child("path"), .string(text), "must not contain '\(sequence)'", at: pathPosition,
                            "Paths may not contain empty, `.` or `..` segments or an encoded slash."))
                }
                for suffix in invalidSuffixes where text.hasSuffix(suffix) {
                    errors.append(
                        .invalid(
                            path.child("path"), .string(text), "cannot end with '\(suffix)'", at: pathPosition,
                            "Paths may not end with a `.` or `..` segment."))
                }
            }
        case "ImplementationSpecific":
            if !text.isEmpty && !text.hasPrefix("/") {
                errors.append(
                    .invalid(
                        path.child("path"), .string(text), "must be an absolute path", at: pathPosition,
                        "Paths are matched against the URL path, which always starts with `/`: write `/\(text)`."))
            }
        default:
            errors.append(
                .unsupported(
                    path.child("pathType"), pathType, supported: pathTypes, at: pathTypeNode.position,
                    "pathType is Prefix, Exact or ImplementationSpecific, spelt exactly so."))
        }
        if let backend = node["backend"] {
            validateBackend(backend, path: path.child("backend"), errors: &errors)
        } else {
            errors.append(
                .invalid(
                    path.child("backend"), .string(""), "resource or service backend is required", at: node.position,
                    "Each path sends requests to a backend: add `backend: {service: {name: ..., port: {number: ...}}}`."))
        }
    }

    /// `validateIngressBackend`.
    static func validateBackend(_ backend: YAMLNode, path: FieldPath, errors: inout [FieldError]) {
        let service = backend["service"].flatMap { $0.isNull ? nil : $0 }
        let resource = backend["resource"].flatMap { $0.isNull ? nil : $0 }
        switch (service, resource) {
        case (.some, .some):
            errors.append(
                .invalid(
                    path, .string(""), "cannot set both resource and service backends", at: backend.position,
                    "A backend is either a Service or a resource, not both."))
        case (nil, .some):
            return
        case (let service?, nil):
            let servicePath = path.child("service")
            let name = service["name"]?.string ?? ""
            if name.isEmpty {
                errors.append(
                    .required(
                        servicePath.child("name"), at: backend.pair("service")?.keyPosition ?? service.position,
                        "Name the Service that receives the requests: `service: {name: tomcat, port: {number: 8080}}`."))
            } else if let node = service["name"] {
                for message in NameRules.dns1035Label(name) {
                    errors.append(
                        .invalid(
                            servicePath.child("name"), .string(name), message, at: node.position,
                            "This is a Service's name, so it follows the Service name rules: lower case letters, digits and '-', starting with a letter."))
                }
            }
            let port = service["port"]
            let portName = port?["name"]?.string ?? ""
            let portNumber = port?["number"]?.int ?? 0
            if !portName.isEmpty && portNumber != 0 {
                errors.append(
                    .invalid(
                        path, .string(""), "cannot set both port name & port number",
                        at: service.pair("port")?.keyPosition ?? service.position,
                        "Give the Service port either by `number` or by `name`, not both."))
            } else if !portName.isEmpty, let node = port?["name"] {
                for message in NameRules.portName(portName) {
                    errors.append(
                        .invalid(
                            servicePath.child("port").child("name"), .string(portName), message, at: node.position,
                            "A port name is a Service port's `name`, like `http`."))
                }
            } else if portNumber != 0, let node = port?["number"] {
                for message in NameRules.portNumber(portNumber) {
                    errors.append(
                        .invalid(
                            servicePath.child("port").child("number"), .int(portNumber), message, at: node.position,
                            "The port is the Service's `port` (1 to 65535), not the container's."))
                }
            } else if portName.isEmpty && portNumber == 0 {
                errors.append(
                    .required(
                        path, "port name or number is required", at: service.pair("port")?.keyPosition ?? service.position,
                        "Say which port of the Service gets the traffic: `port: {number: 80}` or `port: {name: http}`."))
            }
        case (nil, nil):
            errors.append(
                .invalid(
                    path, .string(""), "resource or service backend is required", at: backend.position,
                    "A backend names a Service: `service: {name: tomcat, port: {number: 8080}}`."))
        }
    }

    static func validateIngressClass(_ root: YAMLNode, errors: inout [FieldError]) {
        MetaRules.validate(root, nameRule: .dns1123Subdomain, namespaced: false, errors: &errors)
        let spec = root["spec"]
        let path = FieldPath("spec").child("controller")
        let explanation =
            "controller names the ingress controller that serves this class as a domain-prefixed path, e.g. `k8s.io/ingress-nginx`."
        guard let node = spec?["controller"], let controller = node.string, !controller.isEmpty else {
            errors.append(.required(path, at: root.pair("spec")?.keyPosition ?? root.position, explanation))
            return
        }
        if controller.utf8.count > 250 {
            errors.append(
                FieldError(
                    path: path, type: .tooLong, value: .string(controller), detail: "may not be more than 250 bytes",
                    position: node.position, explanation: explanation))
        }
        let parts = controller.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
            errors.append(
                .invalid(path, .string(controller), "must be a domain-prefixed path (such as \"acme.io/foo\")", at: node.position, explanation))
            return
        }
        for message in NameRules.dns1123Subdomain(String(parts[0])) {
            errors.append(.invalid(path, .string(String(parts[0])), message, at: node.position, explanation))
        }
        // RFC 3986 path characters, as apimachinery's IsDomainPrefixedPath allows them.
        let pathFormat = "[A-Za-z0-9/\\-._~%!$&'()*+,;=:]+"
        let allowed = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789/-._~%!$&'()*+,;=:")
        if !parts[1].allSatisfy({ allowed.contains($0) }) {
            errors.append(
                .invalid(
                    path, .string(String(parts[1])), NameRules.regexError("Invalid path", pathFormat), at: node.position,
                    explanation))
        }
    }

    static func validateNamespace(_ root: YAMLNode, errors: inout [FieldError]) {
        MetaRules.validate(root, nameRule: .dns1123Label, namespaced: false, errors: &errors)
    }

    static func validateNode(_ root: YAMLNode, errors: inout [FieldError]) {
        MetaRules.validate(root, nameRule: .dns1123Subdomain, namespaced: false, errors: &errors)
    }
}
