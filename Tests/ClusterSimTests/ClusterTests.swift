import Foundation
import Testing

@testable import ClusterSim

/// The simulated cluster's controllers, scheduler and allocators.
@Suite struct ClusterTests {
    @Test func theDefaultClusterIsAKubeadmClusterWithThreeNodes() throws {
        let cluster = Cluster()
        #expect(cluster.nodes.map(\.name) == ["master", "w1", "w2"])
        #expect(cluster.nodes.map(\.ip.description) == ["192.168.50.10", "192.168.50.15", "192.168.50.16"])
        #expect(cluster.nodes.map(\.podCIDR.description) == ["10.244.0.0/24", "10.244.1.0/24", "10.244.2.0/24"])
        #expect(cluster.nodes[0].controlPlane)
        #expect(cluster.service(named: "kubernetes")?.clusterIP?.description == "10.96.0.1")
        #expect(cluster.service(named: "kube-dns", in: "kube-system")?.clusterIP?.description == "10.96.0.10")
        #expect(cluster.hasNamespace("default") && cluster.hasNamespace("kube-system"))
        #expect(!cluster.hasNamespace("shop"))
    }

    @Test func aDeploymentMakesStablyNamedPodsSpreadOverTheWorkers() throws {
        let (cluster, _) = Scenario.cluster(Scenario.nginxDeployment)
        let pods = cluster.pods.filter { $0.owner == "nginx-deployment" }
        #expect(pods.count == 2)
        for pod in pods {
            let parts = pod.name.split(separator: "-")
            #expect(pod.name.hasPrefix("nginx-deployment-"))
            #expect(parts[parts.count - 2].count == 10)
            #expect(parts[parts.count - 1].count == 5)
        }
        #expect(Set(pods.compactMap(\.nodeName)) == ["w1", "w2"])
        #expect(pods.allSatisfy { $0.ip?.description.hasSuffix(".2") == true })
        let again = Scenario.cluster(Scenario.nginxDeployment).0.pods.map(\.name)
        #expect(again == cluster.pods.map(\.name))
    }

    @Test func podIPsComeFromTheNodesCIDRInOrder() {
        let (cluster, _) = Scenario.cluster(
            Scenario.clientPod(name: "a", nodeName: "w1"), Scenario.clientPod(name: "b", nodeName: "w1"), Scenario.clientPod(name: "c", nodeName: "w2"))
        #expect(cluster.pod(named: "a")?.ip?.description == "10.244.1.2")
        #expect(cluster.pod(named: "b")?.ip?.description == "10.244.1.3")
        #expect(cluster.pod(named: "c")?.ip?.description == "10.244.2.2")
    }

    @Test func hostNetworkPodsTakeTheNodesIP() throws {
        let (cluster, _) = Scenario.cluster(Scenario.ingressNode, Scenario.ingressController)
        let controller = try #require(cluster.pods.first { $0.owner == "ingress-nginx-controller" })
        #expect(controller.hostNetwork)
        #expect(controller.ip?.description == "192.168.50.15")
    }

    @Test func aPodThatFitsNowhereStaysPendingWithTheSchedulersReason() throws {
        let (cluster, report) = Scenario.cluster(Scenario.ingressController)
        let pod = try #require(cluster.pods.first { $0.owner == "ingress-nginx-controller" })
        #expect(pod.status == "Pending")
        #expect(
            pod.pendingReason
                == "0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 node(s) didn't match Pod's node affinity/selector. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling."
        )
        #expect(report.diagnostics.contains { $0.severity == .warning && $0.message.contains("cannot be scheduled: 0/3 nodes are available") })
    }

    @Test func aNodeTakes110PodsAndTheRestWaitWithTooManyPods() throws {
        // A fuzzed input with hundreds of replicas gave two Pods one IP: the node's /24 ran out and the IPAM wrapped.
        let (cluster, report) = Scenario.cluster(
            """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: many
            spec:
              replicas: 300
              selector:
                matchLabels:
                  app: many
              template:
                metadata:
                  labels:
                    app: many
                spec:
                  containers:
                  - name: nginx
                    image: nginx:1.25
            """)
        let placed = cluster.pods.filter { $0.nodeName != nil }
        for node in ["w1", "w2"] {
            #expect(placed.filter { $0.nodeName == node }.count == 110, "\(node) is full")
        }
        let ips = placed.filter { !$0.hostNetwork }.compactMap { $0.ip?.description }
        #expect(Set(ips).count == ips.count, "no two Pods share an IP")
        let waiting = cluster.pods.filter { $0.owner == "many" && $0.status == "Pending" }
        #expect(waiting.count == 300 - cluster.pods.filter { $0.owner == "many" && $0.nodeName != nil }.count)
        #expect(!waiting.isEmpty)
        #expect(
            waiting.first?.pendingReason
                == "0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 Too many pods. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling."
        )
        #expect(report.diagnostics.contains { $0.severity == .warning && $0.message.contains("2 Too many pods") })
    }

    @Test func labellingANodeLetsThePendingPodRun() throws {
        let (cluster, _) = Scenario.cluster(Scenario.ingressController, Scenario.ingressNode)
        let pod = try #require(cluster.pods.first { $0.owner == "ingress-nginx-controller" })
        #expect(pod.nodeName == "w1")
    }

    @Test func clusterIPsAreHandedOutInOrderAfterTheBuiltIns() {
        let (cluster, _) = Scenario.cluster(Scenario.service(name: "one"), Scenario.service(name: "two"))
        #expect(cluster.service(named: "one")?.clusterIP?.description == "10.96.0.11")
        #expect(cluster.service(named: "two")?.clusterIP?.description == "10.96.0.12")
    }

    @Test func aNodePortTakenInAnotherFileIsRejectedWithTheAllocatorsMessage() throws {
        let files: [(name: String, bytes: [UInt8])] = [
            ("a.yaml", Array(Scenario.service(name: "web-a", type: "NodePort", nodePort: 30036).utf8)),
            ("b.yaml", Array(Scenario.service(name: "web-b", type: "NodePort", nodePort: 30036).utf8)),
        ]
        let (report, cluster) = ManifestChecker().checkAndSimulate(files: files)
        let error = try #require(report.diagnostics.first { $0.severity == .error })
        #expect(error.file == "b.yaml")
        #expect(error.message == "spec.ports[0].nodePort: Invalid value: 30036: provided port is already allocated")
        #expect(error.kubectlText.hasPrefix("The Service \"web-b\" is invalid: "))
        #expect(error.line == 12)
        #expect(error.explanation.contains("web-a"))
        #expect(cluster.service(named: "web-b") == nil)
    }

    @Test func unrequestedNodePortsAreStableAndInRange() throws {
        let first = Scenario.cluster(Scenario.service(type: "NodePort")).0.service(named: "nginx-service")?.ports[0].nodePort
        let second = Scenario.cluster(Scenario.service(type: "NodePort")).0.service(named: "nginx-service")?.ports[0].nodePort
        let port = try #require(first)
        #expect(first == second)
        #expect((30000...32767).contains(port))
    }

    @Test func theLoadBalancerPoolRunsOutIntoPending() throws {
        let services = (0..<12).map { Scenario.service(name: "lb\($0)", type: "LoadBalancer") }
        let text = services.joined(separator: "\n---\n")
        let (_, cluster) = ManifestChecker().checkAndSimulate(files: [("lb.yaml", Array(text.utf8))])
        #expect(cluster.service(named: "lb0")?.loadBalancerIP?.description == "192.168.50.240")
        #expect(cluster.service(named: "lb10")?.loadBalancerIP?.description == "192.168.50.250")
        #expect(cluster.service(named: "lb11")?.loadBalancerIP == nil)
    }

    @Test func anObjectInAMissingNamespaceIsRefused() throws {
        let pod = Scenario.clientPod().replacingOccurrences(of: "  name: client", with: "  name: client\n  namespace: shop")
        let (cluster, report) = Scenario.cluster(pod)
        let error = try #require(report.diagnostics.first { $0.severity == .error })
        #expect(error.message == "namespaces \"shop\" not found")
        #expect(error.kubectlText == "Error from server (NotFound): error when creating \"scenario.yaml\": namespaces \"shop\" not found")
        #expect(cluster.pod(named: "client", in: "shop") == nil)
        let namespace = "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop"
        let (withNamespace, fine) = Scenario.cluster(namespace, pod)
        #expect(fine.ok)
        #expect(withNamespace.pod(named: "client", in: "shop") != nil)
    }

    @Test func theCatalogueDecidesWhatAContainerListensOn() {
        #expect(ImageCatalogue.listeningPorts(image: "tomcat:10", declared: [80]) == [8080])
        #expect(ImageCatalogue.listeningPorts(image: "docker.io/library/nginx:1.27", declared: []) == [80])
        #expect(ImageCatalogue.listeningPorts(image: "registry.k8s.io/ingress-nginx/controller:v1.11.3@sha256:abc", declared: []) == [80, 443])
        #expect(ImageCatalogue.listeningPorts(image: "busybox", declared: [80]) == [])
        #expect(ImageCatalogue.listeningPorts(image: "example.com/team/api:2", declared: [9000]) == [9000])
    }

    @Test func twoContainersOnOnePortCannotBothRun() throws {
        let pod = """
            apiVersion: v1
            kind: Pod
            metadata:
              name: web
              labels:
                app: web
            spec:
              containers:
              - name: nginx
                image: nginx:1.27
              - name: backup
                image: nginx:1.27
            """
        let (cluster, report) = Scenario.cluster(pod, Scenario.service(name: "web", selector: "web"))
        let record = try #require(cluster.pod(named: "web"))
        #expect(record.status == "CrashLoopBackOff")
        #expect(record.readyText == "1/2")
        #expect(!record.isReady)
        let warning = try #require(report.diagnostics.first { $0.message.contains("cannot listen on port 80") })
        #expect(warning.message == "container \"backup\" cannot listen on port 80: nginx already does")
        #expect(warning.explanation.contains("share one network namespace"))
        let service = try #require(cluster.service(named: "web"))
        #expect(cluster.endpoints(of: service, port: service.ports[0]).isEmpty)
    }

    @Test func anIngressNamingAMissingServiceOrPortIsReported() {
        let ingress = Scenario.tomcatIngress()
        let (_, report) = Scenario.cluster(Scenario.ingressNode, Scenario.ingressController, ingress)
        #expect(report.diagnostics.contains { $0.message == "Ingress \"nginx-ingress\" sends to Service \"tomcat\", which does not exist in namespace default" })
        let (_, wrongPort) = Scenario.cluster(
            Scenario.ingressNode, Scenario.ingressController, Scenario.tomcat, Scenario.service(name: "tomcat", selector: "tomcat"), ingress)
        #expect(wrongPort.diagnostics.contains { $0.message == "Ingress \"nginx-ingress\" sends to port 8080 of Service \"tomcat\", which has no such port" })
    }
}
