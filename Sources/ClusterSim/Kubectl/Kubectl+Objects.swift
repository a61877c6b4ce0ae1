/// The simulated objects as the API server would return them (`kubectl get -o yaml`): the
/// fields the learner wrote, the defaults the API server adds, and the status the controllers fill
/// in (podIP, hostIP, clusterIP, nodePort, `loadBalancer.ingress[].ip`, conditions).
extension Kubectl {
    /// The object behind a `get` item.
    func tree(for item: Item) -> ObjectTree {
        switch item.type {
        case .pods:
            return cluster.pod(named: item.name, in: item.namespace).map(podTree) ?? .null
        case .services:
            return cluster.service(named: item.name, in: item.namespace).map(serviceTree) ?? .null
        case .deployments:
            return cluster.deployments.first { $0.name == item.name && $0.namespace == item.namespace }.map(deploymentTree) ?? .null
        case .replicasets:
            return cluster.deployments.first { cluster.replicaSetName(of: $0) == item.name && $0.namespace == item.namespace }.map(replicaSetTree)
                ?? .null
        case .endpoints:
            return cluster.service(named: item.name, in: item.namespace).map(endpointsTree) ?? .null
        case .ingresses:
            return cluster.ingresses.first { $0.name == item.name && $0.namespace == item.namespace }.map(ingressTree) ?? .null
        case .ingressclasses:
            return cluster.ingressClasses.first { $0.name == item.name }.map(ingressClassTree) ?? .null
        case .nodes:
            return cluster.node(named: item.name).map(nodeTree) ?? .null
        case .namespaces:
            return cluster.namespaces.first { $0.name == item.name }.map(namespaceTree) ?? .null
        case .events:
            guard let found = eventItems(in: item.namespace).first(where: { $0.name == item.name }) else { return .null }
            return eventTree(found.name, namespace: found.namespace, found.event)
        }
    }

    private func metadata(
        kind: String, namespace: String?, name: String, createdAt: Int, labels: [String: String]?,
        annotations: [String: String]? = nil, extra: [(String, ObjectTree?)] = []
    ) -> ObjectTree {
        var annotations = annotations ?? [:]
        if let applied = lastApplied[Self.appliedKey(kind: kind, namespace: namespace ?? "", name: name)] {
            annotations["kubectl.kubernetes.io/last-applied-configuration"] = applied + "\n"
        }
        return .object(
            [
                ("annotations", ObjectTree.stringMap(annotations)),
                ("creationTimestamp", .string(SimulatedTime.rfc3339(createdAt))),
                ("labels", ObjectTree.stringMap(labels)),
                ("name", .string(name)),
                ("namespace", namespace.map { .string($0) }),
                ("resourceVersion", .string(Identifiers.resourceVersion(kind, namespace ?? "", name, createdAt))),
                ("uid", .string(Identifiers.uid(kind, namespace ?? "", name, createdAt))),
            ] + extra)
    }

    private static func ip(_ text: String) -> ObjectTree { .list([.map([("ip", .string(text))])]) }

    // MARK: Pod

    func containerTree(_ container: ContainerRecord, apiAccessVolume: String?) -> ObjectTree {
        let ports: ObjectTree? =
            container.declaredPorts.isEmpty
            ? nil
            : .list(
                container.declaredPorts.map { port in
                    .object([
                        ("containerPort", .int(port.containerPort)),
                        ("hostPort", port.hostPort.map { .int($0) }),
                        ("name", port.name.map { .string($0) }),
                        ("protocol", .string(port.proto)),
                    ])
                })
        return .object([
            ("image", .string(container.image)),
            ("imagePullPolicy", .string(Identifiers.imagePullPolicy(container.image))),
            ("name", .string(container.name)),
            ("ports", ports),
            ("resources", .map([])),
            ("terminationMessagePath", .string("/dev/termination-log")),
            ("terminationMessagePolicy", .string("File")),
            (
                "volumeMounts",
                apiAccessVolume.map { volume in
                    .list([
                        .map([
                            ("mountPath", .string("/var/run/secrets/kubernetes.io/serviceaccount")), ("name", .string(volume)),
                            ("readOnly", .bool(true)),
                        ])
                    ])
                }
            ),
        ])
    }

    /// The tolerations the API server gives a Pod: the learner's (as far as the model keeps them) and the default ones.
    static func tolerations(of pod: PodRecord) -> [(key: String, op: String, effect: String, seconds: Int?)] {
        var list: [(key: String, op: String, effect: String, seconds: Int?)] = []
        if pod.toleratesControlPlane { list.append(("node-role.kubernetes.io/control-plane", "Exists", "NoSchedule", nil)) }
        list.append(("node.kubernetes.io/not-ready", "Exists", "NoExecute", 300))
        list.append(("node.kubernetes.io/unreachable", "Exists", "NoExecute", 300))
        return list
    }

    func podTree(_ pod: PodRecord) -> ObjectTree {
        let view = PodView(pod: pod, clock: cluster.clock)
        let volume = view.apiAccessVolume
        let owner: ObjectTree? = pod.owner.flatMap { owner in
            cluster.deployments.first { $0.name == owner && $0.namespace == pod.namespace }
        }.map { deployment in
            .list([
                .map([
                    ("apiVersion", .string("apps/v1")), ("blockOwnerDeletion", .bool(true)), ("controller", .bool(true)),
                    ("kind", .string("ReplicaSet")), ("name", .string(cluster.replicaSetName(of: deployment))),
                    ("uid", .string(Identifiers.uid("ReplicaSet", pod.namespace, cluster.replicaSetName(of: deployment), deployment.createdAt))),
                ])
            ])
        }
        let generateName: ObjectTree? =
            pod.owner != nil ? .string(String(pod.name.dropLast(5))) : nil
        let spec = ObjectTree.object([
            ("containers", .list(pod.containers.map { containerTree($0, apiAccessVolume: volume) })),
            ("dnsPolicy", .string(pod.hostNetwork ? "ClusterFirst" : "ClusterFirst")),
            ("enableServiceLinks", .bool(true)),
            ("hostNetwork", pod.hostNetwork ? .bool(true) : nil),
            ("nodeName", pod.nodeName.map { .string($0) }),
            ("nodeSelector", ObjectTree.stringMap(pod.nodeSelector)),
            ("preemptionPolicy", .string("PreemptLowerPriority")),
            ("priority", .int(0)),
            ("restartPolicy", .string("Always")),
            ("schedulerName", .string("default-scheduler")),
            ("securityContext", .map([])),
            ("serviceAccount", .string("default")),
            ("serviceAccountName", .string("default")),
            ("terminationGracePeriodSeconds", .int(30)),
            (
                "tolerations",
                .list(
                    Self.tolerations(of: pod).map { t in
                        .object([
                            ("effect", .string(t.effect)), ("key", .string(t.key)), ("operator", .string(t.op)),
                            ("tolerationSeconds", t.seconds.map { .int($0) }),
                        ])
                    })
            ),
            (
                "volumes",
                .list([
                    .map([
                        ("name", .string(volume)),
                        (
                            "projected",
                            .map([
                                ("defaultMode", .int(420)),
                                (
                                    "sources",
                                    .list([
                                        .map([
                                            (
                                                "serviceAccountToken",
                                                .map([("expirationSeconds", .int(3607)), ("path", .string("token"))])
                                            )
                                        ]),
                                        .map([
                                            (
                                                "configMap",
                                                .map([
                                                    ("items", .list([.map([("key", .string("ca.crt")), ("path", .string("ca.crt"))])])),
                                                    ("name", .string("kube-root-ca.crt")),
                                                ])
                                            )
                                        ]),
                                        .map([
                                            (
                                                "downwardAPI",
                                                .map([
                                                    (
                                                        "items",
                                                        .list([
                                                            .map([
                                                                (
                                                                    "fieldRef",
                                                                    .map([
                                                                        ("apiVersion", .string("v1")), ("fieldPath", .string("metadata.namespace")),
                                                                    ])
                                                                ), ("path", .string("namespace")),
                                                            ])
                                                        ])
                                                    )
                                                ])
                                            )
                                        ]),
                                    ])
                                ),
                            ])
                        ),
                    ])
                ])
            ),
        ])
        let conditions = view.conditions.map { c in
            ObjectTree.object([
                ("lastProbeTime", .null),
                ("lastTransitionTime", .string(SimulatedTime.rfc3339(c.status == "True" ? view.containersStartedAt : pod.createdAt))),
                ("message", c.message.map { .string($0) }),
                ("reason", c.reason.map { .string($0) }),
                ("status", .string(c.status)),
                ("type", .string(c.type)),
            ])
        }
        var status: [(String, ObjectTree?)] = [
            ("conditions", .list(conditions)),
            ("phase", .string(view.phase)),
            ("qosClass", .string("BestEffort")),
        ]
        if pod.isScheduled {
            let hostIP = view.hostIP(in: cluster) ?? ""
            let statuses = view.containers.map { c in
                let state: ObjectTree =
                    c.running
                    ? .map([("running", .map([("startedAt", .string(SimulatedTime.rfc3339(view.containersStartedAt)))]))])
                    : .map([
                        (
                            "waiting",
                            .map([
                                (
                                    "message",
                                    .string("back-off \(min(300, 10 << max(0, c.restarts - 1)))s restarting failed container=\(c.record.name) pod=\(pod.name)_\(pod.namespace)(\(Identifiers.uid("Pod", pod.namespace, pod.name, pod.createdAt)))")
                                ), ("reason", .string("CrashLoopBackOff")),
                            ])
                        )
                    ])
                let lastState: ObjectTree =
                    c.lastRestartAt.map { last in
                        .map([
                            (
                                "terminated",
                                .map([
                                    ("containerID", .string(c.containerID)), ("exitCode", .int(1)),
                                    ("finishedAt", .string(SimulatedTime.rfc3339(last))), ("reason", .string("Error")),
                                    ("startedAt", .string(SimulatedTime.rfc3339(last))),
                                ])
                            )
                        ])
                    } ?? .map([])
                return ObjectTree.object([
                    ("containerID", .string(c.containerID)),
                    ("image", .string(c.record.image)),
                    ("imageID", .string(c.imageID)),
                    ("lastState", lastState),
                    ("name", .string(c.record.name)),
                    ("ready", .bool(c.ready)),
                    ("restartCount", .int(c.restarts)),
                    ("started", .bool(c.running)),
                    ("state", state),
                ])
            }
            status += [
                ("containerStatuses", .list(statuses)),
                ("hostIP", .string(hostIP)),
                ("hostIPs", Self.ip(hostIP)),
                ("podIP", pod.ip.map { .string($0.description) }),
                ("podIPs", pod.ip.map { Self.ip($0.description) }),
                ("startTime", .string(SimulatedTime.rfc3339(pod.createdAt))),
            ]
        }
        return .object([
            ("apiVersion", .string("v1")),
            ("kind", .string("Pod")),
            (
                "metadata",
                metadata(
                    kind: "Pod", namespace: pod.namespace, name: pod.name, createdAt: pod.createdAt, labels: pod.labels,
                    extra: [("generateName", generateName), ("ownerReferences", owner)])
            ),
            ("spec", spec),
            ("status", .object(status)),
        ])
    }

    // MARK: Service

    func serviceTree(_ service: ServiceRecord) -> ObjectTree {
        let external = service.type == "NodePort" || service.type == "LoadBalancer"
        let ports: ObjectTree? =
            service.ports.isEmpty
            ? nil
            : .list(
                service.ports.map { port in
                    let target: ObjectTree =
                        switch port.targetPort {
                        case .number(let n): .int(n)
                        case .name(let name): .string(name)
                        }
                    return .object([
                        ("name", port.name.isEmpty ? nil : .string(port.name)),
                        ("nodePort", port.nodePort.map { .int($0) }),
                        ("port", .int(port.port)),
                        ("protocol", .string(port.proto)),
                        ("targetPort", target),
                    ])
                })
        let clusterIP: String? = service.headless ? "None" : service.clusterIP?.description
        let spec = ObjectTree.object([
            ("allocateLoadBalancerNodePorts", service.type == "LoadBalancer" ? .bool(true) : nil),
            ("clusterIP", clusterIP.map { .string($0) }),
            ("clusterIPs", clusterIP.map { .list([.string($0)]) }),
            ("externalName", service.externalName.map { .string($0) }),
            ("externalTrafficPolicy", external ? .string("Cluster") : nil),
            ("internalTrafficPolicy", service.type == "ExternalName" ? nil : .string("Cluster")),
            ("ipFamilies", service.type == "ExternalName" ? nil : .list([.string("IPv4")])),
            ("ipFamilyPolicy", service.type == "ExternalName" ? nil : .string("SingleStack")),
            ("ports", ports),
            ("selector", ObjectTree.stringMap(service.selector)),
            ("sessionAffinity", .string("None")),
            ("type", .string(service.type)),
        ])
        let loadBalancer: ObjectTree =
            service.loadBalancerIP.map { ip in
                .map([("ingress", .list([.map([("ip", .string(ip.description)), ("ipMode", .string("VIP"))])]))])
            } ?? .map([])
        return .object([
            ("apiVersion", .string("v1")),
            ("kind", .string("Service")),
            ("metadata", metadata(kind: "Service", namespace: service.namespace, name: service.name, createdAt: service.createdAt, labels: service.labels)),
            ("spec", spec),
            ("status", .map([("loadBalancer", loadBalancer)])),
        ])
    }

    // MARK: Workloads

    private func templateTree(_ deployment: DeploymentRecord) -> ObjectTree {
        let sample = cluster.pods.first { $0.owner == deployment.name && $0.namespace == deployment.namespace }
        let containers: [ObjectTree] =
            sample.map { pod in pod.containers.map { containerTree($0, apiAccessVolume: nil) } }
            ?? zip(deployment.containerNames, deployment.images).map { name, image in
                .map([
                    ("image", .string(image)), ("imagePullPolicy", .string(Identifiers.imagePullPolicy(image))), ("name", .string(name)),
                    ("resources", .map([])), ("terminationMessagePath", .string("/dev/termination-log")),
                    ("terminationMessagePolicy", .string("File")),
                ])
            }
        var labels = sample?.labels ?? deployment.selector
        labels["pod-template-hash"] = nil
        return .object([
            ("metadata", .object([("creationTimestamp", .null), ("labels", ObjectTree.stringMap(labels))])),
            (
                "spec",
                .object([
                    ("containers", .list(containers)),
                    ("dnsPolicy", .string("ClusterFirst")),
                    ("hostNetwork", sample?.hostNetwork == true ? .bool(true) : nil),
                    ("nodeSelector", ObjectTree.stringMap(sample?.nodeSelector)),
                    ("restartPolicy", .string("Always")),
                    ("schedulerName", .string("default-scheduler")),
                    ("securityContext", .map([])),
                    ("terminationGracePeriodSeconds", .int(30)),
                ])
            ),
        ])
    }

    func deploymentTree(_ deployment: DeploymentRecord) -> ObjectTree {
        let view = DeploymentView(deployment, in: cluster)
        let available = view.available >= deployment.replicas
        let conditions: ObjectTree = .list([
            .map([
                ("lastTransitionTime", .string(SimulatedTime.rfc3339(deployment.createdAt))),
                ("lastUpdateTime", .string(SimulatedTime.rfc3339(deployment.createdAt))),
                (
                    "message",
                    .string(available ? "Deployment has minimum availability." : "Deployment does not have minimum availability.")
                ),
                ("reason", .string(available ? "MinimumReplicasAvailable" : "MinimumReplicasUnavailable")),
                ("status", .string(available ? "True" : "False")),
                ("type", .string("Available")),
            ]),
            .map([
                ("lastTransitionTime", .string(SimulatedTime.rfc3339(deployment.createdAt))),
                ("lastUpdateTime", .string(SimulatedTime.rfc3339(deployment.createdAt))),
                ("message", .string("ReplicaSet \(goQuote(view.replicaSetName)) has successfully progressed.")),
                ("reason", .string("NewReplicaSetAvailable")),
                ("status", .string("True")),
                ("type", .string("Progressing")),
            ]),
        ])
        return .object([
            ("apiVersion", .string("apps/v1")),
            ("kind", .string("Deployment")),
            (
                "metadata",
                metadata(
                    kind: "Deployment", namespace: deployment.namespace, name: deployment.name, createdAt: deployment.createdAt,
                    labels: deployment.labels, annotations: ["deployment.kubernetes.io/revision": "1"], extra: [("generation", .int(1))])
            ),
            (
                "spec",
                .object([
                    ("progressDeadlineSeconds", .int(600)),
                    ("replicas", .int(deployment.replicas)),
                    ("revisionHistoryLimit", .int(10)),
                    ("selector", .map([("matchLabels", ObjectTree.stringMap(deployment.selector) ?? .map([]))])),
                    (
                        "strategy",
                        .map([
                            ("rollingUpdate", .map([("maxSurge", .string("25%")), ("maxUnavailable", .string("25%"))])),
                            ("type", .string("RollingUpdate")),
                        ])
                    ),
                    ("template", templateTree(deployment)),
                ])
            ),
            (
                "status",
                .object([
                    ("availableReplicas", view.available > 0 ? .int(view.available) : nil),
                    ("conditions", conditions),
                    ("observedGeneration", .int(1)),
                    ("readyReplicas", view.ready > 0 ? .int(view.ready) : nil),
                    ("replicas", view.replicas > 0 ? .int(view.replicas) : nil),
                    ("unavailableReplicas", view.unavailable > 0 ? .int(view.unavailable) : nil),
                    ("updatedReplicas", view.replicas > 0 ? .int(view.replicas) : nil),
                ])
            ),
        ])
    }

    func replicaSetTree(_ deployment: DeploymentRecord) -> ObjectTree {
        let view = DeploymentView(deployment, in: cluster)
        var labels = deployment.selector
        labels["pod-template-hash"] = deployment.templateHash
        return .object([
            ("apiVersion", .string("apps/v1")),
            ("kind", .string("ReplicaSet")),
            (
                "metadata",
                metadata(
                    kind: "ReplicaSet", namespace: deployment.namespace, name: view.replicaSetName, createdAt: deployment.createdAt,
                    labels: labels,
                    annotations: [
                        "deployment.kubernetes.io/desired-replicas": String(deployment.replicas),
                        "deployment.kubernetes.io/max-replicas": String(deployment.replicas + (deployment.replicas + 3) / 4),
                        "deployment.kubernetes.io/revision": "1",
                    ],
                    extra: [
                        ("generation", .int(1)),
                        (
                            "ownerReferences",
                            .list([
                                .map([
                                    ("apiVersion", .string("apps/v1")), ("blockOwnerDeletion", .bool(true)), ("controller", .bool(true)),
                                    ("kind", .string("Deployment")), ("name", .string(deployment.name)),
                                    ("uid", .string(Identifiers.uid("Deployment", deployment.namespace, deployment.name, deployment.createdAt))),
                                ])
                            ])
                        ),
                    ])
            ),
            (
                "spec",
                .object([
                    ("replicas", .int(deployment.replicas)),
                    ("selector", .map([("matchLabels", ObjectTree.stringMap(labels) ?? .map([]))])),
                    ("template", templateTree(deployment)),
                ])
            ),
            (
                "status",
                .object([
                    ("availableReplicas", view.available > 0 ? .int(view.available) : nil),
                    ("fullyLabeledReplicas", view.replicas > 0 ? .int(view.replicas) : nil),
                    ("observedGeneration", .int(1)),
                    ("readyReplicas", view.ready > 0 ? .int(view.ready) : nil),
                    ("replicas", .int(view.replicas)),
                ])
            ),
        ])
    }

    // MARK: Networking

    func endpointsTree(_ service: ServiceRecord) -> ObjectTree {
        let addresses = cluster.endpointAddresses(of: service) ?? []
        var subsets: [ObjectTree] = []
        if !addresses.isEmpty {
            var seen = Set<String>()
            var addressTrees: [ObjectTree] = []
            for address in addresses where !seen.contains(address.ip) {
                seen.insert(address.ip)
                let pod = cluster.pods.first { $0.name == address.pod && $0.namespace == service.namespace }
                addressTrees.append(
                    .object([
                        ("ip", .string(address.ip)),
                        ("nodeName", pod?.nodeName.map { .string($0) }),
                        (
                            "targetRef",
                            pod.map { pod in
                                .map([
                                    ("kind", .string("Pod")), ("name", .string(pod.name)), ("namespace", .string(pod.namespace)),
                                    ("uid", .string(Identifiers.uid("Pod", pod.namespace, pod.name, pod.createdAt))),
                                ])
                            }
                        ),
                    ]))
            }
            let ports = service.ports.map { port -> ObjectTree in
                let number = addresses.first { $0.portName == port.name }?.port ?? port.port
                return .object([
                    ("name", port.name.isEmpty ? nil : .string(port.name)), ("port", .int(number)), ("protocol", .string(port.proto)),
                ])
            }
            subsets = [.object([("addresses", .list(addressTrees)), ("ports", ports.isEmpty ? nil : .list(ports))])]
        }
        return .object([
            ("apiVersion", .string("v1")),
            ("kind", .string("Endpoints")),
            ("metadata", metadata(kind: "Endpoints", namespace: service.namespace, name: service.name, createdAt: service.createdAt, labels: service.labels)),
            ("subsets", subsets.isEmpty ? nil : .list(subsets)),
        ])
    }

    private static func backendTree(_ backend: IngressBackendRecord) -> ObjectTree {
        let port: ObjectTree =
            switch backend.port {
            case .number(let n): .map([("number", .int(n))])
            case .name(let name): .map([("name", .string(name))])
            }
        return .map([("service", .map([("name", .string(backend.serviceName)), ("port", port)]))])
    }

    func ingressTree(_ ingress: IngressRecord) -> ObjectTree {
        let rules = ingress.rules.map { rule in
            ObjectTree.object([
                ("host", rule.host.map { .string($0) }),
                (
                    "http",
                    .map([
                        (
                            "paths",
                            .list(
                                rule.paths.map { path in
                                    .map([
                                        ("backend", Self.backendTree(path.backend)), ("path", .string(path.path)),
                                        ("pathType", .string(path.pathType)),
                                    ])
                                })
                        )
                    ])
                ),
            ])
        }
        let address = ingressAddress(ingress)
        return .object([
            ("apiVersion", .string("networking.k8s.io/v1")),
            ("kind", .string("Ingress")),
            (
                "metadata",
                metadata(
                    kind: "Ingress", namespace: ingress.namespace, name: ingress.name, createdAt: ingress.createdAt, labels: nil,
                    annotations: ingress.annotationClass.map { ["kubernetes.io/ingress.class": $0] }, extra: [("generation", .int(1))])
            ),
            (
                "spec",
                .object([
                    ("defaultBackend", ingress.defaultBackend.map(Self.backendTree)),
                    ("ingressClassName", ingress.className.map { .string($0) }),
                    ("rules", rules.isEmpty ? nil : .list(rules)),
                ])
            ),
            (
                "status",
                .map([("loadBalancer", address.isEmpty ? .map([]) : .map([("ingress", .list([.map([("ip", .string(address))])]))]))])
            ),
        ])
    }

    func ingressClassTree(_ ingressClass: IngressClassRecord) -> ObjectTree {
        .object([
            ("apiVersion", .string("networking.k8s.io/v1")),
            ("kind", .string("IngressClass")),
            (
                "metadata",
                metadata(
                    kind: "IngressClass", namespace: nil, name: ingressClass.name, createdAt: ingressClass.createdAt, labels: nil,
                    annotations: ingressClass.isDefault ? ["ingressclass.kubernetes.io/is-default-class": "true"] : nil,
                    extra: [("generation", .int(1))])
            ),
            ("spec", .map([("controller", .string(ingressClass.controller))])),
        ])
    }

    // MARK: Cluster-scoped

    func nodeTree(_ node: NodeRecord) -> ObjectTree {
        let capacity: ObjectTree = .map([
            ("cpu", .string("2")), ("ephemeral-storage", .string("30787492Ki")), ("hugepages-1Gi", .string("0")),
            ("hugepages-2Mi", .string("0")), ("memory", .string("4015444Ki")), ("pods", .string("110")),
        ])
        let conditions: [ObjectTree] = [
            ("NetworkUnavailable", "False", "FlannelIsUp", "Flannel is running on this node"),
            ("MemoryPressure", "False", "KubeletHasSufficientMemory", "kubelet has sufficient memory available"),
            ("DiskPressure", "False", "KubeletHasNoDiskPressure", "kubelet has no disk pressure"),
            ("PIDPressure", "False", "KubeletHasSufficientPID", "kubelet has sufficient PID available"),
            ("Ready", "True", "KubeletReady", "kubelet is posting ready status"),
        ].map { type, status, reason, message in
            .map([
                ("lastHeartbeatTime", .string(SimulatedTime.rfc3339(cluster.clock - cluster.clock % 60))),
                ("lastTransitionTime", .string(SimulatedTime.rfc3339(node.createdAt + 30))),
                ("message", .string(message)), ("reason", .string(reason)), ("status", .string(status)), ("type", .string(type)),
            ])
        }
        return .object([
            ("apiVersion", .string("v1")),
            ("kind", .string("Node")),
            (
                "metadata",
                metadata(kind: "Node", namespace: nil, name: node.name, createdAt: node.createdAt, labels: node.labels, annotations: Self.nodeAnnotations(node))
            ),
            (
                "spec",
                .object([
                    ("podCIDR", .string(node.podCIDR.description)),
                    ("podCIDRs", .list([.string(node.podCIDR.description)])),
                    (
                        "taints",
                        node.controlPlane
                            ? .list([.map([("effect", .string("NoSchedule")), ("key", .string("node-role.kubernetes.io/control-plane"))])]) : nil
                    ),
                ])
            ),
            (
                "status",
                .map([
                    (
                        "addresses",
                        .list([
                            .map([("address", .string(node.ip.description)), ("type", .string("InternalIP"))]),
                            .map([("address", .string(node.name)), ("type", .string("Hostname"))]),
                        ])
                    ),
                    ("allocatable", capacity),
                    ("capacity", capacity),
                    ("conditions", .list(conditions)),
                    (
                        "nodeInfo",
                        .map([
                            ("architecture", .string("amd64")), ("bootID", .string(Identifiers.uid("boot", "", node.name, 0))),
                            ("containerRuntimeVersion", .string(NodeFacts.runtime)), ("kernelVersion", .string(NodeFacts.kernel)),
                            ("kubeProxyVersion", .string("")), ("kubeletVersion", .string(Self.version)),
                            ("machineID", .string(Identifiers.hex(seed: "machine/\(node.name)", count: 32))),
                            ("operatingSystem", .string("linux")), ("osImage", .string(NodeFacts.osImage)),
                            ("systemUUID", .string(Identifiers.uid("system", "", node.name, 0))),
                        ])
                    ),
                ])
            ),
        ])
    }

    /// The annotations kubeadm and flannel put on a node (flannel's tell where VXLAN traffic for the node goes).
    static func nodeAnnotations(_ node: NodeRecord) -> [String: String] {
        [
            "flannel.alpha.coreos.com/backend-data": "{\"VNIs\":[1],\"VtepMAC\":\"\(Self.vtepMAC(node))\"}",
            "flannel.alpha.coreos.com/backend-type": "vxlan",
            "flannel.alpha.coreos.com/kube-subnet-manager": "true",
            "flannel.alpha.coreos.com/public-ip": node.ip.description,
            "kubeadm.alpha.kubernetes.io/cri-socket": "unix:///var/run/containerd/containerd.sock",
            "node.alpha.kubernetes.io/ttl": "0",
            "volumes.kubernetes.io/controller-managed-attach-detach": "true",
        ]
    }

    /// The MAC address of the node's `flannel.1` VXLAN device.
    static func vtepMAC(_ node: NodeRecord) -> String {
        let hex = Array(Identifiers.hex(seed: "vtep/\(node.name)", count: 12))
        var parts: [String] = []
        for i in stride(from: 0, to: 12, by: 2) { parts.append(String(hex[i..<(i + 2)])) }
        // A locally administered unicast address, as Linux generates for VXLAN devices.
        let first = (Int(parts[0], radix: 16) ?? 0) & 0xFC | 0x02
        parts[0] = (first < 16 ? "0" : "") + String(first, radix: 16)
        return parts.joined(separator: ":")
    }

    func namespaceTree(_ namespace: NamespaceRecord) -> ObjectTree {
        .object([
            ("apiVersion", .string("v1")),
            ("kind", .string("Namespace")),
            ("metadata", metadata(kind: "Namespace", namespace: nil, name: namespace.name, createdAt: namespace.createdAt, labels: namespace.labels)),
            ("spec", .map([("finalizers", .list([.string("kubernetes")]))])),
            ("status", .map([("phase", .string("Active"))])),
        ])
    }

    func eventTree(_ name: String, namespace: String, _ event: EventView) -> ObjectTree {
        let parts = event.object.split(separator: "/", maxSplits: 1).map(String.init)
        return .object([
            ("apiVersion", .string("v1")),
            ("count", .int(event.count)),
            ("firstTimestamp", .string(SimulatedTime.rfc3339(event.first))),
            (
                "involvedObject",
                .map([("kind", .string("Pod")), ("name", .string(parts.last ?? "")), ("namespace", .string(namespace))])
            ),
            ("kind", .string("Event")),
            ("lastTimestamp", .string(SimulatedTime.rfc3339(event.last))),
            ("message", .string(event.message)),
            ("metadata", metadata(kind: "Event", namespace: namespace, name: name, createdAt: event.first, labels: nil)),
            ("reason", .string(event.reason)),
            ("source", .map([("component", .string(event.source))])),
            ("type", .string(event.type)),
        ])
    }
}
