/// What no API server says but a learner needs to hear: looking at the whole cluster after
/// everything is applied, the Services that select nothing, the ports nobody listens on, the
/// Ingresses that point nowhere or that no controller serves, the Pods that cannot run.
public enum ClusterFindings {
    /// Warnings about the cluster, attributed to the files and lines of the objects they concern.
    public static func warnings(in cluster: Cluster) -> [Diagnostic] {
        var out: [Diagnostic] = []
        func warn(_ ref: SourceRef, kind: String, name: String, field: String, _ message: String, _ explanation: String) {
            guard ref.line > 0 else { return }  // built-in objects have no file to fix
            out.append(
                Diagnostic(
                    severity: .warning, file: ref.file, line: ref.line, column: ref.column, kind: kind, name: name, field: field,
                    message: message, explanation: explanation, kubectlPrefix: "warning: "))
        }

        for service in cluster.services where !service.builtIn {
            guard let selector = service.selector, !selector.isEmpty else { continue }
            let selectorText = selector.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ",")
            let selected = cluster.selectedPods(by: service)
            if selected.isEmpty {
                let candidates = cluster.pods.filter { $0.namespace == service.namespace && $0.owner != "coredns" }
                var explanation = "Requests to Service \(service.name) will find no endpoints (kube-proxy rejects them)."
                if let nearest = nearestLabels(to: selector, among: candidates) {
                    let labels = nearest.labels.filter { $0.key != "pod-template-hash" }.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
                    explanation += " The nearest Pod, \(nearest.name), is labelled \(labels.joined(separator: ",")): make the selector match those labels."
                } else {
                    explanation += " There are no Pods in namespace \(service.namespace) in these files."
                }
                warn(
                    service.selectorSource ?? service.source, kind: "Service", name: service.name, field: "spec.selector",
                    "Service \(goQuote(service.name)) selects \(selectorText), but no Pod has these labels", explanation)
                continue
            }
            for port in service.ports {
                let ready = selected.filter(\.isReady)
                guard !ready.isEmpty else { continue }
                let deaf = ready.filter { pod in
                    guard let target = cluster.resolveTargetPort(port.targetPort, in: pod, proto: port.proto) else { return true }
                    return !pod.listeningPorts.contains(target)
                }
                guard deaf.count == ready.count, let sample = deaf.first else { continue }
                let listening = sample.containers.flatMap { c in c.listeningPorts.map { "\(c.name) (\(c.image)) listens on \($0)" } }
                let message: String
                if case .name(let name) = port.targetPort, cluster.resolveTargetPort(port.targetPort, in: sample) == nil {
                    message = "targetPort \(goQuote(name)) of Service \(goQuote(service.name)) names no containerPort of the selected Pods"
                } else {
                    message = "nothing in the Pods of Service \(goQuote(service.name)) listens on targetPort \(port.targetPort)"
                }
                warn(
                    port.targetSource, kind: "Service", name: service.name, field: "spec.ports[\(service.ports.firstIndex(of: port)!)].targetPort",
                    message,
                    "Connections to port \(port.port) will be refused. In \(sample.name): \(listening.isEmpty ? "no container listens on any port" : listening.joined(separator: "; ")). Set targetPort to that port."
                )
            }
        }

        for pod in cluster.pods where pod.source.line > 0 {
            let owner = pod.owner.map { "Deployment \(goQuote($0))" } ?? "Pod \(goQuote(pod.name))"
            let kind = pod.owner == nil ? "Pod" : "Deployment"
            if let reason = pod.pendingReason {
                warn(
                    pod.source, kind: kind, name: pod.owner ?? pod.name, field: "spec",
                    "\(pod.owner == nil ? "Pod" : "Pod \(pod.name) of \(owner)") cannot be scheduled: \(reason)",
                    "The Pod stays Pending. Check its nodeSelector, nodeName and tolerations against the nodes' labels (`kubectl get nodes --show-labels`); the control-plane node is tainted and takes no ordinary Pods."
                )
            }
            for container in pod.containers {
                guard let conflict = container.bindConflict else { continue }
                warn(
                    container.source, kind: kind, name: pod.owner ?? pod.name, field: "",
                    "container \(goQuote(container.name)) cannot listen on port \(conflict.port): \(conflict.holder) already does",
                    pod.hostNetwork
                        ? "With hostNetwork the Pod shares the node's ports, and \(conflict.holder) on \(pod.nodeName ?? "the node") holds \(conflict.port). The container will crash with \"address already in use\" (CrashLoopBackOff)."
                        : "The containers of one Pod share one network namespace, so only one process can bind port \(conflict.port). \(container.name) will crash with \"bind() ... failed (98: Address already in use)\" and restart over and over (CrashLoopBackOff); the Pod never becomes Ready, so no Service sends it traffic."
                )
            }
        }
        // Deployments' Pods share a source: report each finding once.
        var seen: Set<String> = []
        out = out.filter { seen.insert("\($0.file):\($0.line):\($0.message)").inserted || !$0.message.contains(" of Deployment ") }

        let controllers = cluster.ingressControllers
        for ingress in cluster.ingresses {
            let served = cluster.isServedByController(ingress)
            if controllers.isEmpty, let pending = cluster.pods.first(where: { pod in pod.containers.contains { ImageCatalogue.isIngressController($0.image) } }) {
                warn(
                    ingress.source, kind: "Ingress", name: ingress.name, field: "",
                    "the ingress controller is not running (Pod \(goQuote(pending.name)) is \(pending.status)), so Ingress \(goQuote(ingress.name)) does nothing yet",
                    "\(pending.pendingReason ?? "Its containers are not ready.") An Ingress only works once a controller runs."
                )
            } else if controllers.isEmpty {
                warn(
                    ingress.source, kind: "Ingress", name: ingress.name, field: "",
                    "no ingress controller runs in the cluster, so Ingress \(goQuote(ingress.name)) does nothing",
                    "An Ingress is only routing rules. Something must read them and listen for HTTP: deploy the ingress-nginx controller (image registry.k8s.io/ingress-nginx/controller), e.g. on a labelled node with hostNetwork: true."
                )
            } else if !served {
                warn(
                    ingress.source, kind: "Ingress", name: ingress.name, field: "spec.ingressClassName",
                    "no ingress controller serves class \(goQuote(ingress.className ?? ingress.annotationClass ?? "")), so Ingress \(goQuote(ingress.name)) is ignored",
                    "The running ingress-nginx controller serves the class `nginx` (IngressClass with controller k8s.io/ingress-nginx). Set `ingressClassName: nginx`, or remove it."
                )
            }
            let backends = ingress.rules.flatMap { $0.paths.map(\.backend) } + [ingress.defaultBackend].compactMap { $0 }
            for backend in backends {
                guard let service = cluster.service(named: backend.serviceName, in: ingress.namespace) else {
                    let names = cluster.services.filter { $0.namespace == ingress.namespace && !$0.builtIn }.map(\.name)
                    warn(
                        backend.source, kind: "Ingress", name: ingress.name, field: "",
                        "Ingress \(goQuote(ingress.name)) sends to Service \(goQuote(backend.serviceName)), which does not exist in namespace \(ingress.namespace)",
                        "ingress-nginx will answer 503 for these requests. \(names.isEmpty ? "There is no Service in this namespace." : "Services here: \(names.joined(separator: ", ")).")"
                    )
                    continue
                }
                let has: Bool
                switch backend.port {
                case .number(let n): has = service.ports.contains { $0.port == n }
                case .name(let name): has = service.ports.contains { $0.name == name }
                }
                if !has {
                    warn(
                        backend.source, kind: "Ingress", name: ingress.name, field: "",
                        "Ingress \(goQuote(ingress.name)) sends to port \(backend.port) of Service \(goQuote(service.name)), which has no such port",
                        "The Service's ports are \(service.ports.map { $0.name.isEmpty ? String($0.port) : "\($0.port) (\($0.name))" }.joined(separator: ", ")). An Ingress backend names the Service's `port` (or its name), not the container's port."
                    )
                }
            }
        }
        return out
    }

    /// The Pod whose labels are closest to a selector (most matching pairs, then fewest differing keys).
    static func nearestLabels(to selector: [String: String], among pods: [PodRecord]) -> PodRecord? {
        var best: (pod: PodRecord, score: Int)?
        for pod in pods {
            var score = 0
            for (key, value) in selector {
                if pod.labels[key] == value {
                    score += 3
                } else if pod.labels[key] != nil {
                    score += 2
                } else if pod.labels.values.contains(value) {
                    score += 1
                }
            }
            if best == nil || score > best!.score { best = (pod, score) }
        }
        return best?.pod
    }
}
