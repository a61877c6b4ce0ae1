import Testing

@testable import ClusterSim

/// Object names, namespaces, container names and labels follow apimachinery's rules, each with its own
/// message (`k8s-facts.md` section 2): a Service's name is a DNS-1035 label, most other names are DNS-1123
/// subdomains, namespaces and container names DNS-1123 labels.
@Suite struct NameAndLabelTests {
    private func object(_ apiVersion: String, _ kind: String, name: String, extra: String = "") -> String {
        """
        apiVersion: \(apiVersion)
        kind: \(kind)
        metadata:
          name: \(name)
        \(extra)
        """
    }

    // MARK: object names

    @Test(arguments: ["1web", "web.svc", "Web", "web_svc", "web-"])
    func serviceNameMustBeADNS1035Label(name: String) {
        let report = checkManifest(object("v1", "Service", name: name, extra: "spec:\n  ports:\n  - port: 80"))
        #expect(
            report.findings == [
                Finding(line: 4, column: 9, field: "metadata.name", message: "metadata.name: Invalid value: \"\(name)\": \(APIText.dns1035Label)")
            ])
        #expect(report.errors.first?.kubectlPrefix == "The Service \"\(name)\" is invalid: ")
    }

    @Test func serviceNameLongerThan63CharactersIsTooLong() {
        let name = String(repeating: "a", count: 64)
        let report = checkManifest(object("v1", "Service", name: name, extra: "spec:\n  ports:\n  - port: 80"))
        #expect(
            report.findings == [
                Finding(
                    line: 4, column: 9, field: "metadata.name",
                    message: "metadata.name: Invalid value: \"\(name)\": must be no more than 63 characters")
            ])
    }

    @Test(arguments: [
        ("v1", "Pod", "spec:\n  containers:\n  - name: web\n    image: nginx"),
        ("apps/v1", "Deployment", "spec:\n  selector:\n    matchLabels:\n      app: web\n  template:\n    metadata:\n      labels:\n        app: web\n    spec:\n      containers:\n      - name: web\n        image: nginx"),
        ("networking.k8s.io/v1", "Ingress", "spec:\n  defaultBackend:\n    service:\n      name: web\n      port:\n        number: 80"),
    ])
    func podDeploymentAndIngressNamesAreDNS1123Subdomains(apiVersion: String, kind: String, spec: String) {
        #expect(checkManifest(object(apiVersion, kind, name: "web.v1", extra: spec)).diagnostics.isEmpty)
        let report = checkManifest(object(apiVersion, kind, name: "Web_1", extra: spec))
        #expect(
            report.findings == [
                Finding(line: 4, column: 9, field: "metadata.name", message: "metadata.name: Invalid value: \"Web_1\": \(APIText.dns1123Subdomain)")
            ])
    }

    @Test func missingNameIsRequired() {
        let report = checkManifest(
            """
            apiVersion: v1
            kind: Pod
            metadata:
              labels:
                app: web
            spec:
              containers:
              - name: web
                image: nginx
            """)
        #expect(
            report.findings == [
                Finding(line: 3, column: 1, field: "metadata.name", message: "metadata.name: Required value: name or generateName is required")
            ])
    }

    // MARK: namespaces

    @Test func namespaceNameIsADNS1123Label() {
        let report = checkManifest(object("v1", "Namespace", name: "My-Team"))
        #expect(
            report.findings == [
                Finding(line: 4, column: 9, field: "metadata.name", message: "metadata.name: Invalid value: \"My-Team\": \(APIText.dns1123Label)")
            ])
    }

    @Test func namespaceNameWithADotIsToldItMustNotContainDots() {
        let report = checkManifest(object("v1", "Namespace", name: "team.a"))
        #expect(
            report.findings == [
                Finding(line: 4, column: 9, field: "metadata.name", message: "metadata.name: Invalid value: \"team.a\": must not contain dots")
            ])
    }

    @Test func theNamespaceAnObjectNamesIsADNS1123Label() {
        let report = checkManifest(
            """
            apiVersion: v1
            kind: Pod
            metadata:
              name: web
              namespace: Dev
            spec:
              containers:
              - name: web
                image: nginx
            """)
        #expect(
            report.findings == [
                Finding(line: 5, column: 14, field: "metadata.namespace", message: "metadata.namespace: Invalid value: \"Dev\": \(APIText.dns1123Label)")
            ])
    }

    // MARK: container names

    @Test func containerNameWithADotIsToldItMustNotContainDots() {
        let report = checkManifest(
            """
            apiVersion: v1
            kind: Pod
            metadata:
              name: web
            spec:
              containers:
              - name: web.server
                image: nginx
            """)
        #expect(
            report.findings == [
                Finding(line: 7, column: 11, field: "spec.containers[0].name", message: "spec.containers[0].name: Invalid value: \"web.server\": must not contain dots")
            ])
    }

    // MARK: labels

    private func pod(labels: String) -> String {
        """
        apiVersion: v1
        kind: Pod
        metadata:
          name: web
          labels:
            \(labels)
        spec:
          containers:
          - name: web
            image: nginx
        """
    }

    @Test func labelKeyWithASpaceIsRejectedOnTheLabelsPath() {
        let report = checkManifest(pod(labels: "app name: web"))
        #expect(
            report.findings == [
                Finding(line: 6, column: 5, field: "metadata.labels", message: "metadata.labels: Invalid value: \"app name\": \(APIText.labelKeyNamePart)")
            ])
    }

    @Test func labelKeyNamePartLongerThan63CharactersIsTooLong() {
        let key = String(repeating: "k", count: 64)
        let report = checkManifest(pod(labels: "\(key): web"))
        #expect(
            report.findings == [
                Finding(
                    line: 6, column: 5, field: "metadata.labels",
                    message: "metadata.labels: Invalid value: \"\(key)\": name part must be no more than 63 characters")
            ])
    }

    @Test func labelKeyPrefixIsADNSSubdomain() {
        #expect(checkManifest(pod(labels: "app.kubernetes.io/name: web")).diagnostics.isEmpty)
        let report = checkManifest(pod(labels: "Example.com/app: web"))
        #expect(
            report.findings == [
                Finding(
                    line: 6, column: 5, field: "metadata.labels",
                    message: "metadata.labels: Invalid value: \"Example.com/app\": prefix part \(APIText.dns1123Subdomain)")
            ])
    }

    @Test(arguments: ["front end", "web/api", "-web", "a:b"])
    func labelValueOutsideTheAllowedCharactersIsRejected(value: String) {
        let report = checkManifest(pod(labels: "tier: \"\(value)\""))
        #expect(
            report.findings == [
                Finding(line: 6, column: 11, field: "metadata.labels", message: "metadata.labels: Invalid value: \"\(value)\": \(APIText.labelValue)")
            ])
    }

    @Test func labelValueLongerThan63CharactersIsTooLong() {
        let value = String(repeating: "v", count: 64)
        let report = checkManifest(pod(labels: "tier: \(value)"))
        #expect(
            report.findings == [
                Finding(line: 6, column: 11, field: "metadata.labels", message: "metadata.labels: Invalid value: \"\(value)\": must be no more than 63 characters")
            ])
    }

    @Test func emptyLabelValueIsAllowed() {
        #expect(checkManifest(pod(labels: "canary: \"\"")).diagnostics.isEmpty)
    }

    // MARK: selectors

    @Test func serviceSelectorIsCheckedLikeLabels() {
        let report = checkManifest(
            """
            apiVersion: v1
            kind: Service
            metadata:
              name: web
            spec:
              selector:
                app: my web
              ports:
              - port: 80
            """)
        #expect(
            report.findings == [
                Finding(line: 7, column: 10, field: "spec.selector", message: "spec.selector: Invalid value: \"my web\": \(APIText.labelValue)")
            ])
    }

    @Test func deploymentMatchLabelsAreCheckedLikeLabels() {
        let report = checkManifest(
            """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
            spec:
              selector:
                matchLabels:
                  app_: web
              template:
                metadata:
                  labels:
                    app_: web
                spec:
                  containers:
                  - name: web
                    image: nginx
            """)
        #expect(
            report.findings == [
                Finding(
                    line: 8, column: 7, field: "spec.selector.matchLabels",
                    message: "spec.selector.matchLabels: Invalid value: \"app_\": \(APIText.labelKeyNamePart)"),
                Finding(
                    line: 12, column: 9, field: "spec.template.metadata.labels",
                    message: "spec.template.metadata.labels: Invalid value: \"app_\": \(APIText.labelKeyNamePart)"),
            ])
    }
}
