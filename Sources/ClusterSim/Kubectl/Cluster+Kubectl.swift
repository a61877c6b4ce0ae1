/// What kubectl can do to the cluster besides applying manifests: label, delete, scale, and the
/// status kubectl shows (restarts, ReplicaSets) derived from the model.
extension Cluster {
    // MARK: Labels

    /// Sets and removes a node's labels, then lets the scheduler look at Pending Pods again
    /// (a label can make a node match a Pod's nodeSelector).
    mutating func relabelNode(_ name: String, set: [String: String], remove: [String]) {
        guard let index = nodes.firstIndex(where: { $0.name == name }) else { return }
        for key in remove { nodes[index].labels[key] = nil }
        for (key, value) in set { nodes[index].labels[key] = value }
        schedulePending()
    }

    /// Sets and removes a Pod's labels (which decides which Services select it).
    mutating func relabelPod(_ name: String, in namespace: String, set: [String: String], remove: [String]) {
        guard let index = pods.firstIndex(where: { $0.name == name && $0.namespace == namespace }) else { return }
        for key in remove { pods[index].labels[key] = nil }
        for (key, value) in set { pods[index].labels[key] = value }
    }

    /// Sets and removes a Service's own labels (not its selector).
    mutating func relabelService(_ name: String, in namespace: String, set: [String: String], remove: [String]) {
        guard let index = services.firstIndex(where: { $0.name == name && $0.namespace == namespace }) else { return }
        for key in remove { services[index].labels[key] = nil }
        for (key, value) in set { services[index].labels[key] = value }
    }

    /// Sets and removes a Deployment's own labels (not its template's).
    mutating func relabelDeployment(_ name: String, in namespace: String, set: [String: String], remove: [String]) {
        guard let index = deployments.firstIndex(where: { $0.name == name && $0.namespace == namespace }) else { return }
        for key in remove { deployments[index].labels[key] = nil }
        for (key, value) in set { deployments[index].labels[key] = value }
    }

    /// Sets and removes a namespace's labels.
    mutating func relabelNamespace(_ name: String, set: [String: String], remove: [String]) {
        guard let index = namespaces.firstIndex(where: { $0.name == name }) else { return }
        for key in remove { namespaces[index].labels[key] = nil }
        for (key, value) in set { namespaces[index].labels[key] = value }
    }

    // MARK: Delete

    /// Deletes a Pod. A Pod a Deployment made is replaced at once by its ReplicaSet: a new Pod
    /// with a new name, scheduled again (so it may land on another node with another IP).
    /// Returns false when there is no such Pod.
    @discardableResult
    mutating func deletePod(named name: String, in namespace: String) -> Bool {
        guard let index = pods.firstIndex(where: { $0.name == name && $0.namespace == namespace }) else { return false }
        let pod = pods.remove(at: index)
        releasePorts(heldBy: pod)
        if let owner = pod.owner, let deployment = deployments.first(where: { $0.name == owner && $0.namespace == namespace }) {
            var replacement = pod
            var attempt = 0
            repeat {
                replacement.name =
                    "\(deployment.name)-\(deployment.templateHash)-"
                    + StableHash.suffix("\(namespace)/\(pod.name)/replacement/\(clock)/\(attempt)", count: 5)
                attempt += 1
            } while pods.contains { $0.name == replacement.name && $0.namespace == namespace }
            replacement.nodeName = nil
            replacement.ip = nil
            replacement.pendingReason = nil
            replacement.createdAt = clock
            for c in replacement.containers.indices where replacement.containers[c].bindConflict?.holder.contains("/") == true {
                replacement.containers[c].bindConflict = nil
            }
            pods.append(replacement)
        }
        schedulePending()
        return true
    }

    /// A hostNetwork Pod that goes away frees the node's ports: containers that crashed because it held them can now start.
    private mutating func releasePorts(heldBy pod: PodRecord) {
        guard pod.hostNetwork else { return }
        for p in pods.indices {
            for c in pods[p].containers.indices where pods[p].containers[c].bindConflict?.holder.hasPrefix(pod.name + "/") == true {
                pods[p].containers[c].bindConflict = nil
            }
        }
    }

    /// Deletes a Deployment and the Pods its ReplicaSet made.
    @discardableResult
    mutating func deleteDeployment(named name: String, in namespace: String) -> Bool {
        guard deployments.contains(where: { $0.name == name && $0.namespace == namespace }) else { return false }
        deployments.removeAll { $0.name == name && $0.namespace == namespace }
        let owned = pods.filter { $0.owner == name && $0.namespace == namespace }
        pods.removeAll { $0.owner == name && $0.namespace == namespace }
        for pod in owned { releasePorts(heldBy: pod) }
        schedulePending()
        return true
    }

    /// Deletes a Service (its ClusterIP, node ports and load-balancer address become free).
    /// The `kubernetes` Service is recreated by the API server at once, so it stays.
    @discardableResult
    mutating func deleteService(named name: String, in namespace: String) -> Bool {
        guard services.contains(where: { $0.name == name && $0.namespace == namespace }) else { return false }
        if namespace == "default" && name == "kubernetes" { return true }
        services.removeAll { $0.name == name && $0.namespace == namespace }
        return true
    }

    /// Deletes an Ingress.
    @discardableResult
    mutating func deleteIngress(named name: String, in namespace: String) -> Bool {
        guard ingresses.contains(where: { $0.name == name && $0.namespace == namespace }) else { return false }
        ingresses.removeAll { $0.name == name && $0.namespace == namespace }
        return true
    }

    /// Deletes an IngressClass.
    @discardableResult
    mutating func deleteIngressClass(named name: String) -> Bool {
        guard ingressClasses.contains(where: { $0.name == name }) else { return false }
        ingressClasses.removeAll { $0.name == name }
        return true
    }

    /// Deletes a namespace and everything in it.
    @discardableResult
    mutating func deleteNamespace(named name: String) -> Bool {
        guard hasNamespace(name) else { return false }
        namespaces.removeAll { $0.name == name }
        deployments.removeAll { $0.namespace == name }
        let gone = pods.filter { $0.namespace == name }
        pods.removeAll { $0.namespace == name }
        for pod in gone { releasePorts(heldBy: pod) }
        services.removeAll { $0.namespace == name }
        ingresses.removeAll { $0.namespace == name }
        schedulePending()
        return true
    }

    /// Deletes a node. The Pods bound to it are garbage-collected; those a Deployment owns are
    /// made again and scheduled on the remaining nodes.
    @discardableResult
    mutating func deleteNode(named name: String) -> Bool {
        guard nodes.contains(where: { $0.name == name }) else { return false }
        nodes.removeAll { $0.name == name }
        for pod in pods where pod.nodeName == name {
            deletePod(named: pod.name, in: pod.namespace)
        }
        return true
    }

    // MARK: Creation times

    /// When an object was first created (Deployments, Ingresses, IngressClasses and namespaces: the kinds whose
    /// re-apply makes a new record), nil when it does not exist.
    func creationTime(kind: String, namespace: String, name: String) -> Int? {
        switch kind {
        case "Deployment": deployments.first { $0.name == name && $0.namespace == namespace }?.createdAt
        case "Ingress": ingresses.first { $0.name == name && $0.namespace == namespace }?.createdAt
        case "IngressClass": ingressClasses.first { $0.name == name }?.createdAt
        case "Namespace": namespaces.first { $0.name == name }?.createdAt
        default: nil
        }
    }

    /// Puts back an object's creation time after an update: `configured` does not make an object younger.
    mutating func restoreCreationTime(kind: String, namespace: String, name: String, to time: Int) {
        switch kind {
        case "Deployment":
            if let i = deployments.firstIndex(where: { $0.name == name && $0.namespace == namespace }) { deployments[i].createdAt = time }
        case "Ingress":
            if let i = ingresses.firstIndex(where: { $0.name == name && $0.namespace == namespace }) { ingresses[i].createdAt = time }
        case "IngressClass":
            if let i = ingressClasses.firstIndex(where: { $0.name == name }) { ingressClasses[i].createdAt = time }
        case "Namespace":
            if let i = namespaces.firstIndex(where: { $0.name == name }) { namespaces[i].createdAt = time }
        default:
            break
        }
    }

    // MARK: Derived status

    /// A deterministic restart history for a container that keeps crashing: the kubelet restarts it
    /// after back-offs of 10s, 20s, 40s ... capped at 5m, so after `age` seconds it has restarted
    /// `count` times, the last one `sinceLast` seconds ago.
    static func crashLoopRestarts(age: Int) -> (count: Int, sinceLast: Int) {
        var elapsed = 0
        var delay = 10
        var count = 0
        while elapsed + delay <= age {
            elapsed += delay
            count += 1
            delay = min(delay * 2, 300)
        }
        return (count, age - elapsed)
    }

    /// The name of the ReplicaSet a Deployment's current template made: `web-5d78c9869d`.
    func replicaSetName(of deployment: DeploymentRecord) -> String {
        "\(deployment.name)-\(deployment.templateHash)"
    }
}
