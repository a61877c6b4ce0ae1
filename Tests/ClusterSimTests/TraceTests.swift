import Foundation
import Testing

@testable import ClusterSim

/// Where requests travel and why they stop: the scenarios of the lessons, hop by hop.
@Suite struct TraceTests {
    @Test func aClientPodReachesTheSeedsNginxThroughDNSAndKubeProxy() throws {
        let (cluster, report) = Scenario.cluster(Scenario.nginxDeployment, Scenario.service(), Scenario.clientPod())
        #expect(report.ok)
        let result = cluster.trace(from: .pod(name: "client", namespace: "default"), to: Scenario.target("http://nginx-service/"))
        #expect(result.delivered)
        #expect(result.reason == nil)
        #expect(result.endpoint?.hasPrefix("pod/nginx-deployment-") == true)
        let kinds = result.hops.map(\.kind)
        #expect(kinds.first == .dns)
        #expect(result.hops[0].detail == "nginx-service.default.svc.cluster.local -> 10.96.0.11 (CoreDNS at 10.96.0.10)")
        #expect(kinds.contains(.kubeProxy))
        let proxy = try #require(result.hops.first { $0.kind == .kubeProxy })
        #expect(proxy.detail.contains("KUBE-SVC-"))
        #expect(proxy.detail.contains("KUBE-SEP-"))
        #expect(proxy.detail.contains("DNAT 10.96.0.11:80 -> 10.244."))
        #expect(kinds.last == .pod)
        #expect(result.httpStatus == 200)
        #expect(result.responseBody?.contains("Welcome to nginx!") == true)
    }

    @Test func aSelectorTypoLeavesTheServiceWithoutEndpoints() throws {
        let (cluster, report) = Scenario.cluster(Scenario.nginxDeployment, Scenario.service(selector: "ngnix"), Scenario.clientPod())
        let warning = try #require(report.diagnostics.first { $0.field == "spec.selector" })
        #expect(warning.severity == .warning)
        #expect(warning.message == "Service \"nginx-service\" selects app=ngnix, but no Pod has these labels")
        #expect(warning.explanation.contains("app=nginx"))
        let result = cluster.trace(from: .pod(name: "client", namespace: "default"), to: Scenario.target("http://nginx-service/"))
        #expect(!result.delivered)
        #expect(result.reason == .noEndpoints)
        #expect(result.explanation.contains("app=ngnix"))
        #expect(result.explanation.contains("scenario.yaml:"))
        #expect(result.explanation.contains("app=nginx"))
        #expect(result.hops.last?.detail.contains("no endpoints, REJECT") == true)
    }

    @Test func tomcatBehindTargetPort80RefusesTheConnection() throws {
        let (cluster, report) = Scenario.cluster(Scenario.tomcat, Scenario.service(name: "tomcat", selector: "tomcat"), Scenario.clientPod())
        let warning = try #require(report.diagnostics.first { $0.field.hasSuffix("targetPort") })
        #expect(warning.message == "nothing in the Pods of Service \"tomcat\" listens on targetPort 80")
        #expect(warning.explanation.contains("listens on 8080"))
        let result = cluster.trace(from: .pod(name: "client", namespace: "default"), to: Scenario.target("http://tomcat/"))
        #expect(!result.delivered)
        #expect(result.reason == .connectionRefused)
        #expect(result.explanation.contains("tomcat (tomcat:10) on 8080"))
        #expect(result.explanation.contains("targetPort 80 (scenario.yaml:"))
    }

    @Test func aNodePortAnswersFromOutsideOnEveryNodesIP() {
        let (cluster, _) = Scenario.cluster(Scenario.nginxDeployment, Scenario.service(type: "NodePort", nodePort: 30036))
        for ip in ["192.168.50.10", "192.168.50.15", "192.168.50.16"] {
            let result = cluster.trace(from: .external, to: Scenario.target("http://\(ip):30036/"))
            #expect(result.delivered, "\(ip)")
            #expect(result.hops.map(\.kind).contains(.nodeport), "\(ip)")
            #expect(result.hops.first { $0.kind == .nodeport }?.detail.contains("KUBE-NODEPORTS tcp dpt:30036") == true)
        }
        let wrongPort = cluster.trace(from: .external, to: Scenario.target("http://192.168.50.15:80/"))
        #expect(wrongPort.reason == .portNotOpen)
    }

    @Test func aClusterNameFromOutsideDoesNotResolve() {
        let (cluster, _) = Scenario.cluster(Scenario.nginxDeployment, Scenario.service())
        let byName = cluster.trace(from: .external, to: Scenario.target("http://nginx-service/"))
        #expect(byName.reason == .nxdomain)
        #expect(byName.hops.map(\.kind) == [.dns])
        let byIP = cluster.trace(from: .external, to: Scenario.target("http://10.96.0.11/"))
        #expect(byIP.reason == .notRoutable)
        #expect(byIP.explanation.contains("ClusterIP"))
    }

    @Test func theSeedsIngressRoutesTomcatExampleComThroughTheControllerOnW1() throws {
        let (cluster, report) = Scenario.cluster(
            Scenario.ingressNode, Scenario.ingressController, Scenario.tomcat,
            Scenario.service(name: "tomcat", selector: "tomcat", port: 8080, targetPort: "8080"), Scenario.tomcatIngress())
        #expect(report.ok)
        let controller = try #require(cluster.pods.first { $0.name.hasPrefix("ingress-nginx-controller-") })
        #expect(controller.nodeName == "w1")
        #expect(controller.ip?.description == "192.168.50.15")
        let result = cluster.trace(from: .external, to: Scenario.target("http://tomcat.example.com/"))
        #expect(result.delivered)
        #expect(result.hops.first?.detail.contains("tomcat.example.com -> 192.168.50.15") == true)
        #expect(result.hops.first?.detail.contains("/etc/hosts") == true)
        #expect(result.hops.map(\.kind).contains(.ingress))
        #expect(result.endpoint?.hasPrefix("pod/tomcat-") == true)

        var other = Scenario.target("http://tomcat.example.com/")
        other.hostHeader = "other.example.com"
        let noRule = cluster.trace(from: .external, to: other)
        #expect(noRule.reason == .noIngressRule)
        #expect(noRule.httpStatus == 404)
    }

    @Test func anIngressWithoutAControllerDoesNothing() {
        let (cluster, report) = Scenario.cluster(
            Scenario.tomcat, Scenario.service(name: "tomcat", selector: "tomcat", port: 8080, targetPort: "8080"), Scenario.tomcatIngress())
        #expect(report.diagnostics.contains { $0.message == "no ingress controller runs in the cluster, so Ingress \"nginx-ingress\" does nothing" })
        let result = cluster.trace(from: .external, to: Scenario.target("http://tomcat.example.com/"))
        #expect(result.reason == .noIngressController)
    }

    @Test func anIngressOfAnotherClassIsIgnored() {
        let (cluster, report) = Scenario.cluster(
            Scenario.ingressNode, Scenario.ingressController, Scenario.tomcat,
            Scenario.service(name: "tomcat", selector: "tomcat", port: 8080, targetPort: "8080"), Scenario.tomcatIngress(className: "traefik"))
        #expect(report.diagnostics.contains { $0.message.contains("no ingress controller serves class \"traefik\"") })
        let result = cluster.trace(from: .external, to: Scenario.target("http://192.168.50.15/"))
        #expect(result.reason == .noIngressRule)
        #expect(result.explanation.contains("traefik"))
    }

    @Test func podToPodAcrossNodesGoesThroughFlannelVXLAN() throws {
        let (cluster, _) = Scenario.cluster(Scenario.nginxDeployment, Scenario.clientPod(name: "client", nodeName: "w1"))
        let remote = try #require(cluster.pods.first { $0.owner == "nginx-deployment" && $0.nodeName == "w2" })
        let result = cluster.trace(from: .pod(name: "client", namespace: "default"), to: Scenario.target("http://\(remote.ip!):80/"))
        #expect(result.delivered)
        let vxlan = try #require(result.hops.first { $0.kind == .vxlan })
        #expect(vxlan.detail.contains("flannel.1"))
        #expect(vxlan.detail.contains("192.168.50.15 -> 192.168.50.16 udp/8472"))
    }

    @Test func podToPodOnOneNodeCrossesOnlyTheBridge() throws {
        let (cluster, _) = Scenario.cluster(Scenario.nginxDeployment, Scenario.clientPod(name: "client", nodeName: "w1"))
        let local = try #require(cluster.pods.first { $0.owner == "nginx-deployment" && $0.nodeName == "w1" })
        let result = cluster.trace(from: .pod(name: "client", namespace: "default"), to: Scenario.target("pod/\(local.name):80"))
        #expect(result.delivered)
        #expect(result.hops.map(\.kind) == [.veth, .bridge, .veth, .pod])
        #expect(result.hops[1].detail.contains("cni0"))
    }

    @Test func aSidecarReachesItsNeighbourOnLocalhostOnly() {
        let (cluster, _) = Scenario.cluster(Scenario.sidecarPod)
        let result = cluster.trace(from: .pod(name: "web", namespace: "default"), to: Scenario.target("http://localhost:80/"))
        #expect(result.delivered)
        #expect(result.hops.map(\.kind) == [.loopback, .pod])
        let closed = cluster.trace(from: .pod(name: "web", namespace: "default"), to: Scenario.target("http://localhost:8080/"))
        #expect(closed.reason == .connectionRefused)
    }

    @Test func aLoadBalancerAnswersFromOutsideOnThePoolAddress() throws {
        let (cluster, _) = Scenario.cluster(Scenario.nginxDeployment, Scenario.service(type: "LoadBalancer"))
        let service = try #require(cluster.service(named: "nginx-service"))
        #expect(service.loadBalancerIP?.description == "192.168.50.240")
        #expect(service.ports[0].nodePort != nil)
        let result = cluster.trace(from: .external, to: Scenario.target("http://192.168.50.240/"))
        #expect(result.delivered)
        #expect(result.hops.first?.kind == .loadBalancer)
        #expect(result.hops.first?.at == "lb/192.168.50.240")
    }

    @Test func aNamedTargetPortResolvesPerPod() throws {
        let deployment = Scenario.tomcat.replacingOccurrences(of: "        - containerPort: 8080", with: "        - containerPort: 8080\n          name: http-web")
        let (cluster, report) = Scenario.cluster(
            deployment, Scenario.service(name: "tomcat", selector: "tomcat", targetPort: "http-web"), Scenario.clientPod())
        #expect(report.ok)
        let service = try #require(cluster.service(named: "tomcat"))
        let endpoints = cluster.endpoints(of: service, port: service.ports[0])
        #expect(endpoints.count == 2)
        #expect(endpoints.allSatisfy { $0.port == 8080 })
        let result = cluster.trace(from: .pod(name: "client", namespace: "default"), to: Scenario.target("http://tomcat/"))
        #expect(result.delivered)
    }

    @Test func theSameInputGivesByteIdenticalJSON() {
        func run() -> String {
            let (cluster, _) = Scenario.cluster(
                Scenario.ingressNode, Scenario.ingressController, Scenario.nginxDeployment, Scenario.service(type: "NodePort"),
                Scenario.clientPod())
            return [
                cluster.trace(from: .pod(name: "client", namespace: "default"), to: Scenario.target("http://nginx-service/")).jsonText,
                cluster.trace(from: .external, to: Scenario.target("http://192.168.50.16:\(cluster.service(named: "nginx-service")!.ports[0].nodePort!)/")).jsonText,
                cluster.pods.map { "\($0.name) \($0.ip!) \($0.nodeName!)" }.joined(separator: ","),
            ].joined(separator: "\n")
        }
        #expect(run() == run())
    }

    @Test func theTraceJSONFollowsTheContract() {
        let (cluster, _) = Scenario.cluster(Scenario.nginxDeployment, Scenario.service(), Scenario.clientPod())
        let json = cluster.trace(from: .pod(name: "client", namespace: "default"), to: Scenario.target("http://nginx-service/")).jsonText
        #expect(json.hasPrefix("{\"delivered\":true,\"reason\":null,\"endpoint\":\"pod/nginx-deployment-"))
        #expect(json.contains("\"hops\":[{\"kind\":\"dns\",\"at\":\"pod/client\",\"detail\":"))
        #expect(json.hasSuffix("\"}"))
    }
}

/// Ingress matching as ingress-nginx does it (k8s-facts section 5).
@Suite struct IngressMatchingTests {
    func run() -> TraceRun { TraceRun(cluster: Cluster(), target: TraceTarget.parse("http://x/")!) }
    func path(_ path: String, _ type: String) -> IngressPathRecord {
        IngressPathRecord(
            path: path, pathType: type, backend: IngressBackendRecord(serviceName: "s", port: .number(80), source: SourceRef(file: "f", line: 1, column: 1)),
            source: SourceRef(file: "f", line: 1, column: 1))
    }

    @Test func prefixMatchesByPathElement() {
        let prefix = path("/aaa/bbb", "Prefix")
        #expect(run().pathMatches(prefix, "/aaa/bbb"))
        #expect(run().pathMatches(prefix, "/aaa/bbb/"))
        #expect(run().pathMatches(prefix, "/aaa/bbb/ccc"))
        #expect(!run().pathMatches(prefix, "/aaa/bbbxyz"))
        #expect(!run().pathMatches(path("/aaa/bbb", "Prefix"), "/AAA/bbb"))
    }

    @Test func exactDoesNotMatchATrailingSlash() {
        #expect(run().pathMatches(path("/foo", "Exact"), "/foo"))
        #expect(!run().pathMatches(path("/foo", "Exact"), "/foo/"))
    }

    @Test func wildcardHostsMatchExactlyOneLabel() {
        #expect(run().hostMatches("*.foo.com", "bar.foo.com"))
        #expect(!run().hostMatches("*.foo.com", "baz.bar.foo.com"))
        #expect(!run().hostMatches("*.foo.com", "foo.com"))
    }

    @Test func theLongestPathWinsAndExactBeatsPrefixOnATie() {
        let ingress = """
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            metadata:
              name: fanout
            spec:
              rules:
              - host: shop.example.com
                http:
                  paths:
                  - path: /
                    pathType: Prefix
                    backend: {service: {name: root, port: {number: 80}}}
                  - path: /api
                    pathType: Prefix
                    backend: {service: {name: api-prefix, port: {number: 80}}}
                  - path: /api
                    pathType: Exact
                    backend: {service: {name: api-exact, port: {number: 80}}}
            """
        let (cluster, _) = Scenario.cluster(Scenario.ingressNode, Scenario.ingressController, ingress)
        func backend(_ path: String) -> String? {
            let result = cluster.trace(from: .external, to: TraceTarget.parse("http://shop.example.com\(path)")!)
            return result.hops.first { $0.kind == .ingress }?.detail.components(separatedByString: "-> Service ").last.map(String.init)
        }
        #expect(backend("/api") == "api-exact:80")
        #expect(backend("/api/users") == "api-prefix:80")
        #expect(backend("/other") == "root:80")
    }
}
