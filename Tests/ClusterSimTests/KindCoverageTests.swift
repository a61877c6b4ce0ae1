import Testing

@testable import ClusterSim

/// Every document gets an answer: kinds the simulation models are validated in full, other served kinds are
/// schema-checked and then flagged as not simulated, unknown kinds and versions get kubectl's mapping error,
/// and a `List` has each item checked at its own place in the file. Nothing passes silently.
@Suite struct KindCoverageTests {
    // MARK: served kinds outside the simulation

    @Test func aValidConfigMapIsCheckedThenFlaggedAsNotSimulated() throws {
        let report = checkManifest(
            """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: shop-config
            data:
              cache-size: "64"
            """)
        #expect(report.ok)
        #expect(
            report.findings == [
                Finding(
                    .warning, line: 2, column: 7, field: "kind",
                    message:
                        "ConfigMap is not simulated by KubeTutor: it was checked against the Kubernetes v1 schema (field names, types, required fields) only"
                )
            ])
        #expect(try #require(report.warnings.first).kubectlPrefix == "Warning: ")
    }

    @Test func aConfigMapWithAnUnknownFieldIsRefusedLikeAnyOtherKind() {
        let report = checkManifest(
            """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: shop-config
            datas:
              cache-size: "64"
            """)
        #expect(
            report.findings == [
                Finding(
                    line: 5, column: 1, field: "datas",
                    message: APIText.cannotBeHandled("ConfigMap") + "strict decoding error: unknown field \"datas\"")
            ])
        #expect(report.errors.first?.explanation.contains("`data`") == true)
    }

    @Test func aConfigMapValueThatIsANumberIsRefused() {
        let report = checkManifest(
            """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: shop-config
            data:
              cache-size: 64
            """)
        #expect(
            report.findings == [
                Finding(
                    line: 6, column: 15, field: "data[cache-size]",
                    message: APIText.cannotBeHandled("ConfigMap")
                        + "json: cannot unmarshal number into Go struct field ConfigMap.data of type string")
            ])
    }

    @Test func aNetworkPolicyIsCheckedThenFlaggedAsNotSimulated() {
        let report = checkManifest(
            """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata:
              name: default-deny-ingress
            spec:
              podSelector: {}
              policyTypes:
              - Ingress
            """)
        #expect(report.ok)
        #expect(report.warnings.map(\.field) == ["kind"])
        #expect(report.warnings.first?.message.hasPrefix("NetworkPolicy is not simulated by KubeTutor") == true)
    }

    @Test func aNetworkPolicyWithAListWhereAMappingBelongsIsRefused() {
        let report = checkManifest(
            """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata:
              name: allow-web
            spec:
              podSelector:
              - app: web
            """)
        #expect(
            report.findings == [
                Finding(
                    line: 7, column: 3, field: "spec.podSelector",
                    message: APIText.cannotBeHandled("NetworkPolicy")
                        + "json: cannot unmarshal array into Go struct field NetworkPolicySpec.spec.podSelector of type v1.LabelSelector")
            ])
    }

    @Test func aReplicationControllerIsCheckedThenFlaggedAsNotSimulated() {
        let report = checkManifest(
            """
            apiVersion: v1
            kind: ReplicationController
            metadata:
              name: bob
            spec:
              replicas: 2
              selector:
                app: nginx
              template:
                metadata:
                  name: nginx
                  labels:
                    app: nginx
                spec:
                  containers:
                  - name: nginx
                    image: nginx
                    ports:
                    - containerPort: 80
            """)
        #expect(report.ok)
        #expect(report.findings.map(\.field) == ["kind"])
        #expect(report.warnings.first?.message.hasPrefix("ReplicationController is not simulated by KubeTutor") == true)
    }

    // MARK: unknown kinds and versions

    @Test func anUnknownKindHasNoMapping() {
        let report = checkManifest(
            """
            apiVersion: v1
            kind: Foo
            metadata:
              name: bar
            """, fileName: "foo.yaml")
        #expect(
            report.findings == [
                Finding(line: 1, column: 13, field: "apiVersion", message: APIText.noMatches(name: "bar", file: "foo.yaml", kind: "Foo", version: "v1"))
            ])
    }

    @Test func aKnownKindInAVersionThatNeverServedItNamesTheRightVersion() throws {
        let report = checkManifest(
            """
            apiVersion: v1
            kind: Deployment
            metadata:
              name: web
            """, fileName: "web.yaml")
        #expect(
            report.findings == [
                Finding(
                    line: 1, column: 13, field: "apiVersion", message: APIText.noMatches(name: "web", file: "web.yaml", kind: "Deployment", version: "v1"))
            ])
        #expect(try #require(report.errors.first).explanation.contains("`apiVersion: apps/v1`"))
    }

    @Test func kindIsCaseSensitive() throws {
        let report = checkManifest(
            """
            apiVersion: v1
            kind: service
            metadata:
              name: web
            """, fileName: "web.yaml")
        #expect(report.findings.map(\.message) == [APIText.noMatches(name: "web", file: "web.yaml", kind: "service", version: "v1")])
        #expect(try #require(report.errors.first).explanation.contains("`kind: Service`"))
    }

    // MARK: missing apiVersion or kind

    @Test func missingKindIsCaughtBeforeAnythingIsSent() {
        let report = checkManifest(
            """
            apiVersion: v1
            metadata:
              name: web
            """, fileName: "web.yaml")
        #expect(
            report.findings == [
                Finding(
                    line: 1, column: 1, field: "kind",
                    message:
                        "error validating \"web.yaml\": error validating data: kind not set; if you choose to ignore these errors, turn validation off with --validate=false"
                )
            ])
        #expect(report.errors.first?.kubectlPrefix == "error: ")
    }

    @Test func missingApiVersionIsCaughtBeforeAnythingIsSent() throws {
        let report = checkManifest(
            """
            kind: Service
            metadata:
              name: web
            """, fileName: "web.yaml")
        #expect(
            report.findings == [
                Finding(
                    line: 1, column: 1, field: "apiVersion",
                    message:
                        "error validating \"web.yaml\": error validating data: apiVersion not set; if you choose to ignore these errors, turn validation off with --validate=false"
                )
            ])
        #expect(try #require(report.errors.first).explanation.contains("`apiVersion: v1`"))
    }

    @Test func missingApiVersionAndKindAreNamedTogether() {
        let report = checkManifest(
            """
            metadata:
              name: web
            """, fileName: "web.yaml")
        #expect(
            report.findings.map(\.message) == [
                "error validating \"web.yaml\": error validating data: [apiVersion not set, kind not set]; if you choose to ignore these errors, turn validation off with --validate=false"
            ])
    }

    // MARK: several objects in one file

    @Test func eachItemOfAListIsCheckedAtItsPlaceInTheFile() {
        let report = checkManifest(
            """
            apiVersion: v1
            kind: List
            items:
            - apiVersion: v1
              kind: Service
              metadata:
                name: web
              spec:
                type: NodePort
                ports:
                - port: 80
                  nodePort: 40000
            - apiVersion: v1
              kind: Pod
              metadata:
                name: web
              spec:
                containers: []
            - apiVersion: v1
              kind: ConfigMap
              metadata:
                name: settings
            """)
        #expect(
            report.findings == [
                Finding(
                    line: 12, column: 17, field: "spec.ports[0].nodePort",
                    message: "spec.ports[0].nodePort: Invalid value: 40000: \(APIText.nodePortRange)"),
                Finding(line: 18, column: 5, field: "spec.containers", message: "spec.containers: Required value"),
                Finding(
                    .warning, line: 20, column: 9, field: "kind",
                    message:
                        "ConfigMap is not simulated by KubeTutor: it was checked against the Kubernetes v1 schema (field names, types, required fields) only"
                ),
            ])
        #expect(report.objects.map(\.kind) == ["Service", "Pod", "ConfigMap"])
        #expect(report.diagnostics.map(\.kind) == ["Service", "Pod", "ConfigMap"])
    }

    @Test func everyDocumentOfAFileIsCheckedAndEmptyDocumentsAreSkipped() {
        let report = checkManifest(
            """
            ---
            apiVersion: v1
            kind: Service
            metadata:
              name: web
            spec:
              ports:
              - port: 70000
            ---
            ---
            apiVersion: v1
            kind: Pod
            metadata:
              name: Web
            spec:
              containers:
              - name: web
                image: nginx
            """)
        #expect(
            report.findings == [
                Finding(line: 8, column: 11, field: "spec.ports[0].port", message: "spec.ports[0].port: Invalid value: 70000: \(APIText.portRange)"),
                Finding(line: 14, column: 9, field: "metadata.name", message: "metadata.name: Invalid value: \"Web\": \(APIText.dns1123Subdomain)"),
            ])
        #expect(report.objects.map(\.name) == ["web", "Web"])
    }
}
