import Foundation
import Testing

@testable import ClusterSim

/// Bugs found while writing the lessons, each with the test that would have caught it.
@Suite struct EngineRegressionTests {
    @Test func anUppercaseNodeNameIsRejectedAsTheAPIServerDoes() throws {
        let pod = Scenario.clientPod(nodeName: "W1")
        let (_, report) = Scenario.cluster(pod)
        let error = try #require(report.diagnostics.first { $0.field == "spec.nodeName" })
        #expect(error.severity == .error)
        #expect(error.message.hasPrefix("spec.nodeName: Invalid value: \"W1\": a lowercase RFC 1123 subdomain must consist of"))
    }

    @Test func aReplacedPodGetsANewAddressAsHostLocalIPAMGivesIt() throws {
        var (cluster, _) = Scenario.cluster(Scenario.clientPod(name: "a", nodeName: "w1"))
        #expect(cluster.pod(named: "a")?.ip?.description == "10.244.1.2")
        let replacement = ManifestChecker().check(text: Scenario.clientPod(name: "a", nodeName: "w1"), fileName: "again.yaml")
        _ = cluster.apply(replacement.objects[0])
        #expect(cluster.pod(named: "a")?.ip?.description == "10.244.1.3")
    }

    @Test func aHostPortIsReachableOnTheNodesAddress() throws {
        let pod = """
            apiVersion: v1
            kind: Pod
            metadata:
              name: web
            spec:
              nodeName: w1
              containers:
              - name: nginx
                image: nginx:1.27
                ports:
                - containerPort: 80
                  hostPort: 8080
            """
        let (cluster, _) = Scenario.cluster(pod)
        let result = cluster.trace(from: .external, to: Scenario.target("http://192.168.50.15:8080/"))
        #expect(result.delivered)
        #expect(result.hops.contains { $0.detail.contains("CNI-HOSTPORT-DNAT tcp dpt:8080 -> 10.244.1.2:80") })
        let other = cluster.trace(from: .external, to: Scenario.target("http://192.168.50.16:8080/"))
        #expect(other.reason == .portNotOpen)
    }

    @Test func aPendingPodsExplanationEndsWithOnePeriod() {
        let (cluster, _) = Scenario.cluster(Scenario.ingressController)
        let name = cluster.pods.first { $0.owner == "ingress-nginx-controller" }!.name
        let result = cluster.trace(from: .pod(name: name, namespace: "default"), to: Scenario.target("http://web/"))
        #expect(result.reason == .notRoutable)
        #expect(!result.explanation.hasSuffix(".."))
    }
}

/// ingress-nginx's server blocks, found while writing the Ingress lesson.
@Suite struct IngressServerBlockTests {
    static func ingress(_ rules: String) -> String {
        "apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: site\nspec:\n  rules:\n" + rules
    }
    static func rule(host: String?, path: String, service: String) -> String {
        (host.map { "  - host: \"\($0)\"\n    http:\n" } ?? "  - http:\n")
            + "      paths:\n      - path: \(path)\n        pathType: Prefix\n        backend: {service: {name: \(service), port: {number: 80}}}\n"
    }

    func backend(_ cluster: Cluster, _ url: String) -> String? {
        cluster.trace(from: .external, to: TraceTarget.parse(url)!, resolve: ["tomcat.example.com": IPv4("192.168.50.15")!, "x.example.com": IPv4("192.168.50.15")!])
            .hops.first { $0.kind == .ingress }?.detail.components(separatedByString: "-> Service ").dropFirst().first.map(String.init)
    }

    @Test func anExactHostBeatsAWildcardListedBeforeIt() {
        let ingress = Self.ingress(Self.rule(host: "*.example.com", path: "/", service: "static") + Self.rule(host: "tomcat.example.com", path: "/", service: "tomcat"))
        let (cluster, _) = Scenario.cluster(Scenario.ingressNode, Scenario.ingressController, ingress)
        #expect(backend(cluster, "http://tomcat.example.com/") == "tomcat:80")
        #expect(backend(cluster, "http://x.example.com/") == "static:80")
    }

    @Test func pathsOfOtherHostsAreNeverUsed() {
        let ingress = Self.ingress(Self.rule(host: "tomcat.example.com", path: "/app", service: "tomcat") + Self.rule(host: "*.example.com", path: "/", service: "static"))
        let (cluster, _) = Scenario.cluster(Scenario.ingressNode, Scenario.ingressController, ingress)
        let result = cluster.trace(from: .external, to: TraceTarget.parse("http://tomcat.example.com/other")!)
        #expect(result.reason == .noIngressRule)
        #expect(result.httpStatus == 404)
    }

    @Test func aClasslessIngressIsIgnoredWhenNoIngressClassIsTheDefault() {
        let ingressClass = "apiVersion: networking.k8s.io/v1\nkind: IngressClass\nmetadata:\n  name: nginx\nspec:\n  controller: k8s.io/ingress-nginx"
        let ingress = Self.ingress(Self.rule(host: "tomcat.example.com", path: "/", service: "tomcat"))
        let (_, report) = Scenario.cluster(Scenario.ingressNode, Scenario.ingressController, ingressClass, ingress)
        #expect(report.diagnostics.contains { $0.message.contains("no ingress controller serves class") })
    }

    @Test func theClientLeavesItsPodBeforeKubeProxyRewritesTheAddress() {
        let (cluster, _) = Scenario.cluster(Scenario.nginxDeployment, Scenario.service(), Scenario.clientPod())
        let kinds = cluster.trace(from: .pod(name: "client", namespace: "default"), to: Scenario.target("http://nginx-service/")).hops.map(\.kind)
        #expect(Array(kinds.prefix(3)) == [.dns, .veth, .kubeProxy])
    }
}
