import Foundation
import Testing

/// `kubetutor trace` as a learner runs it.
@Suite struct TraceCommandTests {
    static let manifests = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
        spec:
          replicas: 2
          selector:
            matchLabels:
              app: web
          template:
            metadata:
              labels:
                app: web
            spec:
              containers:
              - name: nginx
                image: nginx:1.27
        ---
        apiVersion: v1
        kind: Service
        metadata:
          name: web
        spec:
          selector:
            app: web
          ports:
          - port: 80
        ---
        apiVersion: v1
        kind: Pod
        metadata:
          name: client
        spec:
          containers:
          - name: curl
            image: curlimages/curl:8.10.1
        """

    @Test func aDeliveredRequestPrintsANumberedPathAndExitsZero() throws {
        let dir = try CLIRunner.directory(with: ["app.yaml": Self.manifests])
        let output = try CLIRunner.run(["trace", "-f", "app.yaml", "--from", "pod/client", "--to", "http://web/"], in: dir)
        #expect(output.status == 0)
        #expect(output.stdout.hasPrefix("Trace from pod/client to http://web/\n"))
        #expect(output.stdout.contains("  1. dns "))
        #expect(output.stdout.contains("web.default.svc.cluster.local -> 10.96.0.11"))
        #expect(output.stdout.contains("Delivered to pod/web-"))
    }

    @Test func aDroppedRequestExitsOneWithTheReason() throws {
        let dir = try CLIRunner.directory(with: ["app.yaml": Self.manifests])
        let output = try CLIRunner.run(["trace", "-f", "app.yaml", "--from", "external", "--to", "http://web/", "--format", "json"], in: dir)
        #expect(output.status == 1)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any])
        #expect(json["delivered"] as? Bool == false)
        #expect(json["reason"] as? String == "nxdomain")
        #expect(json["endpoint"] is NSNull)
        #expect((json["hops"] as? [[String: Any]])?.first?["kind"] as? String == "dns")
    }

    @Test func resolvePinsANameAsCurlDoes() throws {
        let dir = try CLIRunner.directory(with: ["app.yaml": Self.manifests])
        let output = try CLIRunner.run(
            ["trace", "-f", "app.yaml", "--from", "pod/client", "--to", "http://shop.local/", "--resolve", "shop.local:80:10.96.0.11"], in: dir)
        #expect(output.status == 0)
        #expect(output.stdout.contains("pinned with --resolve"))
    }

    @Test func badArgumentsAndBrokenManifestsExitTwo() throws {
        let dir = try CLIRunner.directory(with: ["app.yaml": Self.manifests, "bad.yaml": "apiVersion: v1\nkind: Service\nmetadata:\n  name: Bad_Name\n"])
        let badSource = try CLIRunner.run(["trace", "-f", "app.yaml", "--from", "laptop", "--to", "http://web/"], in: dir)
        #expect(badSource.status == 2)
        #expect(badSource.stderr.contains("--from must be pod/NAME, node/NAME or external"))
        let badTarget = try CLIRunner.run(["trace", "-f", "app.yaml", "--from", "external", "--to", "ftp://web/"], in: dir)
        #expect(badTarget.status == 2)
        let broken = try CLIRunner.run(["trace", "-f", "bad.yaml", "--from", "external", "--to", "http://web/"], in: dir)
        #expect(broken.status == 2)
        #expect(broken.stderr.contains("metadata.name: Invalid value: \"Bad_Name\""))
    }

    @Test func checkReportsWhatTheWholeClusterShows() throws {
        let typo = Self.manifests.replacingOccurrences(of: "  selector:\n    app: web", with: "  selector:\n    app: wbe")
        let dir = try CLIRunner.directory(with: ["app.yaml": typo])
        let output = try CLIRunner.run(["check", "app.yaml"], in: dir)
        #expect(output.status == 0)
        #expect(output.stdout.contains("app.yaml:25:5: warning: Service \"web\" selects app=wbe, but no Pod has these labels"))
        #expect(output.stdout.contains("labelled app=web"))
    }
}
