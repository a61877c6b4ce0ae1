/// The resource types the simulated kubectl knows, with the names, short names and API groups
/// kubectl's RESTMapper would accept and print.
enum ResourceType: String, Sendable, CaseIterable {
    case pods, services, deployments, replicasets, endpoints, ingresses, ingressclasses, nodes, namespaces, events

    /// Every spelling kubectl accepts (plural, singular, short names, `plural.group`).
    var spellings: [String] {
        switch self {
        case .pods: ["pods", "pod", "po"]
        case .services: ["services", "service", "svc"]
        case .deployments: ["deployments", "deployment", "deploy", "deployments.apps", "deployment.apps"]
        case .replicasets: ["replicasets", "replicaset", "rs", "replicasets.apps", "replicaset.apps"]
        case .endpoints: ["endpoints", "endpoint", "ep"]
        case .ingresses:
            ["ingresses", "ingress", "ing", "ingresses.networking.k8s.io", "ingress.networking.k8s.io"]
        case .ingressclasses: ["ingressclasses", "ingressclass", "ingressclasses.networking.k8s.io", "ingressclass.networking.k8s.io"]
        case .nodes: ["nodes", "node", "no"]
        case .namespaces: ["namespaces", "namespace", "ns"]
        case .events: ["events", "event", "ev"]
        }
    }

    /// The resource as NotFound errors name it: `pods`, `deployments.apps`, `ingresses.networking.k8s.io`.
    var qualifiedPlural: String {
        switch self {
        case .deployments: "deployments.apps"
        case .replicasets: "replicasets.apps"
        case .ingresses: "ingresses.networking.k8s.io"
        case .ingressclasses: "ingressclasses.networking.k8s.io"
        default: rawValue
        }
    }

    /// The kind, lowercased and with its group, as in `deployment.apps/web` and `deployment.apps "web" deleted`.
    var qualifiedSingular: String {
        switch self {
        case .pods: "pod"
        case .services: "service"
        case .deployments: "deployment.apps"
        case .replicasets: "replicaset.apps"
        case .endpoints: "endpoints"
        case .ingresses: "ingress.networking.k8s.io"
        case .ingressclasses: "ingressclass.networking.k8s.io"
        case .nodes: "node"
        case .namespaces: "namespace"
        case .events: "event"
        }
    }

    /// The kind in manifests.
    var kind: String {
        switch self {
        case .pods: "Pod"
        case .services: "Service"
        case .deployments: "Deployment"
        case .replicasets: "ReplicaSet"
        case .endpoints: "Endpoints"
        case .ingresses: "Ingress"
        case .ingressclasses: "IngressClass"
        case .nodes: "Node"
        case .namespaces: "Namespace"
        case .events: "Event"
        }
    }

    /// False for nodes, namespaces and IngressClasses.
    var namespaced: Bool {
        switch self {
        case .nodes, .namespaces, .ingressclasses: false
        default: true
        }
    }

    /// The resource type a manifest kind maps to, when simulated.
    static func forKind(_ kind: String) -> ResourceType? {
        allCases.first { $0.kind == kind }
    }

    /// Parses a spelling (case-insensitive, as kubectl lowercases resource arguments).
    static func parse(_ text: String) -> ResourceType? {
        let lower = text.lowercased()
        return allCases.first { $0.spellings.contains(lower) }
    }

    /// Real resource types the simulation does not model: kubectl knows them, so they are not
    /// "doesn't have a resource type" errors; they simply hold nothing here.
    static let unsimulated: [String: String] = {
        var map: [String: String] = [:]
        let table: [(String, [String])] = [
            ("configmaps", ["configmaps", "configmap", "cm"]),
            ("secrets", ["secrets", "secret"]),
            ("serviceaccounts", ["serviceaccounts", "serviceaccount", "sa"]),
            ("statefulsets.apps", ["statefulsets", "statefulset", "sts"]),
            ("daemonsets.apps", ["daemonsets", "daemonset", "ds"]),
            ("jobs.batch", ["jobs", "job"]),
            ("cronjobs.batch", ["cronjobs", "cronjob", "cj"]),
            ("persistentvolumeclaims", ["persistentvolumeclaims", "persistentvolumeclaim", "pvc"]),
            ("persistentvolumes", ["persistentvolumes", "persistentvolume", "pv"]),
            ("networkpolicies.networking.k8s.io", ["networkpolicies", "networkpolicy", "netpol"]),
            ("endpointslices.discovery.k8s.io", ["endpointslices", "endpointslice"]),
            ("horizontalpodautoscalers.autoscaling", ["horizontalpodautoscalers", "horizontalpodautoscaler", "hpa"]),
            ("replicationcontrollers", ["replicationcontrollers", "replicationcontroller", "rc"]),
            ("roles.rbac.authorization.k8s.io", ["roles", "role"]),
            ("rolebindings.rbac.authorization.k8s.io", ["rolebindings", "rolebinding"]),
            ("limitranges", ["limitranges", "limitrange", "limits"]),
            ("resourcequotas", ["resourcequotas", "resourcequota", "quota"]),
        ]
        for (plural, names) in table {
            for name in names { map[name] = plural }
        }
        return map
    }()
}
