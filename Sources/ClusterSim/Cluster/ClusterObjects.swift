/// Where a fact about the cluster came from: a file and line the learner can go and fix.
public struct SourceRef: Sendable, Equatable, Hashable, CustomStringConvertible {
    /// The file as named on the command line.
    public var file: String
    /// 1-based line.
    public var line: Int
    /// 1-based column.
    public var column: Int

    /// Creates a reference.
    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// A reference to a node of a manifest.
    init(_ file: String, _ position: SourcePosition) {
        self.init(file: file, line: position.line, column: position.column)
    }

    public var description: String { "\(file):\(line)" }
}

/// A node of the simulated cluster.
public struct NodeRecord: Sendable, Equatable {
    /// The node's name (`master`, `w1`, `w2`).
    public var name: String
    /// Its IP address on the host network.
    public var ip: IPv4
    /// The Pod CIDR flannel gave it.
    public var podCIDR: CIDR
    /// Its labels.
    public var labels: [String: String]
    /// True for the control plane, which carries the `node-role.kubernetes.io/control-plane:NoSchedule` taint.
    public var controlPlane: Bool
    /// When it joined, in simulated seconds.
    public var createdAt: Int

    /// The address of the node's `cni0` bridge, the first address of its Pod CIDR.
    public var bridgeIP: IPv4 { podCIDR.base.advanced(by: 1) }
}

/// A port a container declares.
public struct ContainerPortRecord: Sendable, Equatable {
    public var name: String?
    public var containerPort: Int
    public var proto: String
    public var hostPort: Int?
    public var source: SourceRef
}

/// A container as it runs in the simulation.
public struct ContainerRecord: Sendable, Equatable {
    public var name: String
    public var image: String
    public var declaredPorts: [ContainerPortRecord]
    /// What the process in the image really listens on (the catalogue decides, not containerPort).
    public var listeningPorts: [Int]
    /// A port this container could not bind because another container of the Pod holds it.
    public var bindConflict: (port: Int, holder: String)?
    public var source: SourceRef

    /// False when the container crashed because it could not bind its port.
    public var ready: Bool { bindConflict == nil }

    public static func == (lhs: ContainerRecord, rhs: ContainerRecord) -> Bool {
        lhs.name == rhs.name && lhs.image == rhs.image && lhs.declaredPorts == rhs.declaredPorts
            && lhs.listeningPorts == rhs.listeningPorts && lhs.bindConflict?.port == rhs.bindConflict?.port
            && lhs.bindConflict?.holder == rhs.bindConflict?.holder && lhs.source == rhs.source
    }
}

/// A Pod of the simulated cluster.
public struct PodRecord: Sendable, Equatable {
    public var name: String
    public var namespace: String
    public var labels: [String: String]
    /// The node it runs on, nil while Pending.
    public var nodeName: String?
    public var ip: IPv4?
    public var hostNetwork: Bool
    public var containers: [ContainerRecord]
    /// The scheduler's message while Pending.
    public var pendingReason: String?
    /// The Deployment that made it, if any.
    public var owner: String?
    public var nodeSelector: [String: String]
    public var requestedNodeName: String?
    public var toleratesControlPlane: Bool
    public var source: SourceRef
    public var createdAt: Int

    /// Running (every container started) or Pending.
    public var isScheduled: Bool { nodeName != nil }
    /// Ready when it runs and every container is ready; only Ready Pods are endpoints.
    public var isReady: Bool { isScheduled && containers.allSatisfy(\.ready) }
    /// `kubectl get pods` STATUS.
    public var status: String {
        if !isScheduled { return "Pending" }
        return containers.allSatisfy(\.ready) ? "Running" : "CrashLoopBackOff"
    }
    /// `kubectl get pods` READY, e.g. `1/2`.
    public var readyText: String {
        "\(isScheduled ? containers.filter(\.ready).count : 0)/\(containers.count)"
    }
    /// The ports the Pod's network namespace answers on.
    public var listeningPorts: Set<Int> {
        Set(containers.filter(\.ready).flatMap(\.listeningPorts))
    }
}

/// How a Service port names the Pods' port.
public enum TargetPort: Sendable, Equatable, CustomStringConvertible {
    case number(Int)
    case name(String)

    public var description: String {
        switch self {
        case .number(let n): String(n)
        case .name(let s): s
        }
    }
}

/// One port of a Service.
public struct ServicePortRecord: Sendable, Equatable {
    public var name: String
    public var proto: String
    public var port: Int
    public var targetPort: TargetPort
    /// Allocated (or requested) node port, for NodePort and LoadBalancer Services.
    public var nodePort: Int?
    public var source: SourceRef
    /// Where targetPort is written, or the port itself when targetPort is left to default.
    public var targetSource: SourceRef
}

/// A Service of the simulated cluster.
public struct ServiceRecord: Sendable, Equatable {
    public var name: String
    public var namespace: String
    public var type: String
    public var clusterIP: IPv4?
    /// `clusterIP: None`.
    public var headless: Bool
    public var ports: [ServicePortRecord]
    /// nil when the Service has no selector (no automatic endpoints).
    public var selector: [String: String]?
    public var selectorSource: SourceRef?
    /// The load balancer's address (LoadBalancer Services), nil while `<pending>`.
    public var loadBalancerIP: IPv4?
    public var externalName: String?
    public var labels: [String: String]
    public var source: SourceRef
    public var createdAt: Int
    /// Built in by kubeadm (kubernetes, kube-dns).
    public var builtIn: Bool
}

/// A backend named by an Ingress.
public struct IngressBackendRecord: Sendable, Equatable {
    public var serviceName: String
    public var port: TargetPort
    public var source: SourceRef
}

/// One path of an Ingress rule.
public struct IngressPathRecord: Sendable, Equatable {
    public var path: String
    public var pathType: String
    public var backend: IngressBackendRecord
    public var source: SourceRef
}

/// One rule of an Ingress.
public struct IngressRuleRecord: Sendable, Equatable {
    /// nil matches every host.
    public var host: String?
    public var paths: [IngressPathRecord]
    public var source: SourceRef
}

/// An Ingress of the simulated cluster.
public struct IngressRecord: Sendable, Equatable {
    public var name: String
    public var namespace: String
    public var className: String?
    public var annotationClass: String?
    public var rules: [IngressRuleRecord]
    public var defaultBackend: IngressBackendRecord?
    public var source: SourceRef
    public var createdAt: Int
}

/// An IngressClass.
public struct IngressClassRecord: Sendable, Equatable {
    public var name: String
    public var controller: String
    public var isDefault: Bool
    public var source: SourceRef
    public var createdAt: Int
}

/// A Deployment and the Pods it made.
public struct DeploymentRecord: Sendable, Equatable {
    public var name: String
    public var namespace: String
    public var replicas: Int
    public var selector: [String: String]
    public var labels: [String: String]
    public var templateHash: String
    public var images: [String]
    public var containerNames: [String]
    public var source: SourceRef
    public var createdAt: Int
}

/// A namespace.
public struct NamespaceRecord: Sendable, Equatable {
    public var name: String
    public var labels: [String: String]
    public var createdAt: Int
    public var builtIn: Bool
}

/// An endpoint of a Service port: a Ready Pod and the port it is reached on.
public struct Endpoint: Sendable, Equatable {
    public var pod: String
    public var ip: IPv4
    public var port: Int
    public var nodeName: String
}
