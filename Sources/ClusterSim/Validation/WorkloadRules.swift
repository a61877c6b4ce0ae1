/// `ValidatePod` and `ValidateDeployment` (apps/v1), with the Pod template warnings.
enum WorkloadRules {
    static func validatePod(_ root: YAMLNode, errors: inout [FieldError]) {
        MetaRules.validate(root, nameRule: .dns1123Subdomain, namespaced: true, errors: &errors)
        PodSpecRules.validate(
            root["spec"], path: FieldPath("spec"), keyPosition: root.pair("spec")?.keyPosition ?? root.position, errors: &errors)
        errors += PodSpecRules.duplicatePortWarnings(root["spec"], path: FieldPath("spec"))
    }

    static func validateDeployment(_ root: YAMLNode, errors: inout [FieldError]) {
        MetaRules.validate(root, nameRule: .dns1123Subdomain, namespaced: true, errors: &errors)
        let spec = root["spec"]
        let specPath = FieldPath("spec")
        let specPosition = root.pair("spec")?.keyPosition ?? root.position

        if let node = spec?["replicas"], let replicas = node.int, replicas < 0 {
            errors.append(
                .invalid(
                    specPath.child("replicas"), .int(replicas), "must be greater than or equal to 0", at: node.position,
                    "replicas is how many Pods the Deployment keeps running: 0 or more."))
        }

        let template = spec?["template"]
        let templateLabelsNode = template?["metadata"]?["labels"]
        let templateLabels = MetaRules.labelPairs(templateLabelsNode)
        let selectorNode = spec?["selector"]
        // A missing selector selects nothing, so it also fails to match the template (two errors, as the API server gives).
        var selectorMatches = false
        var selectorIsEmpty = false
        if let selectorNode, !selectorNode.isNull {
            let matchLabels = MetaRules.labelPairs(selectorNode["matchLabels"]) ?? []
            let expressions = selectorNode["matchExpressions"]?.items ?? []
            if let labels = selectorNode["matchLabels"] {
                MetaRules.validateLabels(labels, path: specPath.child("selector").child("matchLabels"), errors: &errors)
            }
            validateExpressions(expressions, path: specPath.child("selector").child("matchExpressions"), errors: &errors)
            if matchLabels.isEmpty && expressions.isEmpty {
                selectorIsEmpty = true
                errors.append(
                    .invalid(
                        specPath.child("selector"), .raw("v1.LabelSelector{MatchLabels:map[string]string(nil), MatchExpressions:[]v1.LabelSelectorRequirement(nil)}"),
                        "empty selector is invalid for deployment", at: selectorNode.position,
                        "A Deployment's selector says which Pods it owns. Give it `matchLabels:` with the labels of the Pod template, e.g. `app: web`."
                    ))
            }
            selectorMatches = LabelSelector(matchLabels: matchLabels, expressions: expressions).matches(templateLabels ?? [])
        } else {
            errors.append(
                .required(
                    specPath.child("selector"), at: specPosition,
                    "apps/v1 Deployments must say which Pods they own: add `selector:` with `matchLabels:` equal to the labels under `template.metadata.labels`."
                ))
        }
        // apps/v1 `template` is a struct, not a pointer: a missing template is an empty one, which fails the selector
        // and has no containers (there is no `spec.template: Required value`).
        if !selectorIsEmpty && !selectorMatches {
            errors.append(
                .invalid(
                    specPath.child("template").child("metadata").child("labels"), .stringMap(templateLabels),
                    "`selector` does not match template `labels`",
                    at: templateLabelsNode?.position ?? template?.position ?? specPosition,
                    template == nil
                        ? "The Deployment has no Pod `template:`, so it has no labels for its selector to match. Add `template:` with `metadata.labels` (the selector's labels) and `spec.containers`."
                        : selectorNode == nil
                        ? "Without a selector the Deployment owns no Pods. Add `selector: {matchLabels: {...}}` repeating these template labels."
                        : "The Deployment would create Pods that its own selector does not select, and so it could never count them. Make every `matchLabels` entry appear, with the same value, under `template.metadata.labels`."
                ))
        }
        let templatePath = specPath.child("template")
        if let labels = templateLabelsNode {
            MetaRules.validateLabels(labels, path: templatePath.child("metadata").child("labels"), errors: &errors)
        }
        let podSpec = template?["spec"]
        let podSpecPath = templatePath.child("spec")
        PodSpecRules.validate(
            podSpec, path: podSpecPath, keyPosition: template?.pair("spec")?.keyPosition ?? template?.position ?? specPosition,
            errors: &errors)
        if let node = podSpec?["restartPolicy"], let policy = node.string, policy != "Always",
            PodSpecRules.restartPolicies.contains(policy)
        {
            errors.append(
                .unsupported(
                    podSpecPath.child("restartPolicy"), policy, supported: ["Always"], at: node.position,
                    "A Deployment keeps its Pods running, so their containers always restart. Remove restartPolicy (it defaults to Always); for run-to-completion work use a Job."
                ))
        }
        if let strategy = spec?["strategy"], let node = strategy["type"], let type = node.string,
            !["Recreate", "RollingUpdate"].contains(type)
        {
            errors.append(
                .unsupported(
                    specPath.child("strategy").child("type"), type, supported: ["Recreate", "RollingUpdate"], at: node.position,
                    "strategy.type is RollingUpdate (the default: replace Pods a few at a time) or Recreate (stop all, then start all)."))
        }
        errors += PodSpecRules.duplicatePortWarnings(podSpec, path: podSpecPath)
    }

    private static let operators = ["DoesNotExist", "Exists", "In", "NotIn"]

    private static func validateExpressions(_ expressions: [YAMLNode], path: FieldPath, errors: inout [FieldError]) {
        for (i, expression) in expressions.enumerated() {
            let itemPath = path.index(i)
            let op = expression["operator"]?.string ?? ""
            let values = expression["values"]?.items ?? []
            switch op {
            case "In", "NotIn":
                if values.isEmpty {
                    errors.append(
                        .required(
                            itemPath.child("values"), "must be specified when `operator` is 'In' or 'NotIn'", at: expression.position,
                            "`In` and `NotIn` compare the label with a list: add `values: [...]`."))
                }
            case "Exists", "DoesNotExist":
                if !values.isEmpty {
                    errors.append(
                        .forbidden(
                            itemPath.child("values"), "may not be specified when `operator` is 'Exists' or 'DoesNotExist'",
                            at: expression["values"]?.position ?? expression.position,
                            "`Exists` and `DoesNotExist` only look at the key: remove `values`."))
                }
            default:
                errors.append(
                    .unsupported(
                        itemPath.child("operator"), op, supported: operators, at: expression["operator"]?.position ?? expression.position,
                        "A match expression's operator is In, NotIn, Exists or DoesNotExist."))
            }
            let key = expression["key"]?.string ?? ""
            for message in NameRules.qualifiedName(key) {
                errors.append(
                    .invalid(
                        itemPath.child("key"), .string(key), message, at: expression["key"]?.position ?? expression.position,
                        "The key is a label key such as `app`."))
            }
        }
    }
}

/// A label selector (matchLabels plus matchExpressions) and the Kubernetes matching rules.
struct LabelSelector {
    var matchLabels: [(String, String)]
    var expressions: [YAMLNode]

    func matches(_ labels: [(String, String)]) -> Bool {
        let map = Dictionary(labels, uniquingKeysWith: { _, last in last })
        for (key, value) in matchLabels where map[key] != value { return false }
        for expression in expressions {
            let key = expression["key"]?.string ?? ""
            let values = (expression["values"]?.items ?? []).compactMap(\.string)
            switch expression["operator"]?.string ?? "" {
            case "In": if let v = map[key], values.contains(v) {} else { return false }
            case "NotIn": if let v = map[key], values.contains(v) { return false }
            case "Exists": if map[key] == nil { return false }
            case "DoesNotExist": if map[key] != nil { return false }
            default: return false
            }
        }
        return true
    }
}
