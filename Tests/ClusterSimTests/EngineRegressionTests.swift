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
