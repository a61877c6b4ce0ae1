/// Which name rule a kind's `metadata.name` follows.
enum ObjectNameRule {
    /// DNS-1123 subdomain: Pods, Deployments, Ingresses, Nodes and most kinds.
    case dns1123Subdomain
    /// DNS-1035 label: Services (their name becomes a DNS label and an environment variable prefix).
    case dns1035Label
    /// DNS-1123 label: Namespaces.
    case dns1123Label

    func messages(_ name: String) -> [String] {
        switch self {
        case .dns1123Subdomain: NameRules.dns1123Subdomain(name)
        case .dns1035Label: NameRules.dns1035Label(name)
        case .dns1123Label: NameRules.dns1123Label(name)
        }
    }

    var explanation: String {
        switch self {
        case .dns1123Subdomain:
            "Object names are lower case letters, digits, '-' and '.', starting and ending with a letter or digit, at most 253 characters: `web-1`, not `Web_1`."
        case .dns1035Label:
            "A Service's name becomes a DNS name (web.default.svc.cluster.local), so it must be lower case letters, digits and '-', start with a letter, end with a letter or digit, at most 63 characters: `web-svc`, not `1web` or `web.svc`."
        case .dns1123Label:
            "A namespace name is lower case letters, digits and '-', starting and ending with a letter or digit, at most 63 characters, with no dots."
        }
    }
}

/// `ValidateObjectMeta`: name, namespace, labels and annotation keys.
enum MetaRules {
    static func validate(_ root: YAMLNode, nameRule: ObjectNameRule, namespaced: Bool, errors: inout [FieldError]) {
        let metaPath = FieldPath("metadata")
        let metadata = root["metadata"]
        let metaPosition = root.pair("metadata")?.keyPosition ?? root.position
        let name = metadata?["name"]?.string ?? ""
        let generateName = metadata?["generateName"]?.string ?? ""
        if name.isEmpty && generateName.isEmpty {
            errors.append(
                .required(
                    metaPath.child("name"), "name or generateName is required", at: metaPosition,
                    "Every object needs a name: add `name: <something>` under `metadata:`."))
        } else if !name.isEmpty, let node = metadata?["name"] {
            for message in nameRule.messages(name) {
                errors.append(.invalid(metaPath.child("name"), .string(name), message, at: node.position, nameRule.explanation))
            }
        }
        if namespaced, let node = metadata?["namespace"], let namespace = node.string, !namespace.isEmpty {
            for message in NameRules.dns1123Label(namespace) {
                errors.append(
                    .invalid(
                        metaPath.child("namespace"), .string(namespace), message, at: node.position,
                        ObjectNameRule.dns1123Label.explanation))
            }
        }
        if let labels = metadata?["labels"] {
            validateLabels(labels, path: metaPath.child("labels"), errors: &errors)
        }
        if let annotations = metadata?["annotations"]?.pairs {
            for pair in annotations {
                for message in NameRules.qualifiedName(pair.key.lowercased()) {
                    errors.append(
                        .invalid(
                            metaPath.child("annotations"), .string(pair.key), message, at: pair.keyPosition,
                            "Annotation keys follow the label-key rules: an optional DNS prefix and '/', then letters, digits, '-', '_' or '.'."
                        ))
                }
            }
        }
    }

    /// `ValidateLabels`: every key a qualified name, every value a label value; errors carry the map's path, not the key.
    static func validateLabels(_ node: YAMLNode, path: FieldPath, errors: inout [FieldError]) {
        guard let pairs = node.pairs else { return }
        for pair in pairs {
            for message in NameRules.qualifiedName(pair.key) {
                errors.append(
                    .invalid(
                        path, .string(pair.key), message, at: pair.keyPosition,
                        "A label key is an optional DNS prefix and '/' (like `app.kubernetes.io/`), then at most 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit."
                    ))
            }
            let value = pair.value.string ?? ""
            for message in NameRules.labelValue(value) {
                errors.append(
                    .invalid(
                        path, .string(value), message, at: pair.value.position,
                        "A label value is at most 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit (or empty). Spaces, '/' and ':' are not allowed."
                    ))
            }
        }
    }

    /// The labels of a map node as (key, value) pairs, nil when absent.
    static func labelPairs(_ node: YAMLNode?) -> [(String, String)]? {
        guard let pairs = node?.pairs else { return nil }
        return pairs.map { ($0.key, $0.value.string ?? "") }
    }
}
