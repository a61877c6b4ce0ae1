import Testing

@testable import ClusterSim

/// API versions Kubernetes no longer serves: kubectl's `no matches for kind` error, exactly, and beside it the
/// migration a learner needs, naming the lines to change and showing the object in the version that replaced it
/// (`k8s-facts.md` section 5).
@Suite struct RemovedAPITests {
    /// The seed article's Ingress, as its readers typed it from a 2019 tutorial.
    private let seedIngress = """
        apiVersion: extensions/v1beta1
        kind: Ingress
        metadata:
          name: nginx-ingress
        spec:
          rules:
          - host: tomcat.example.com
            http:
              paths:
              - path: /
                backend:
                  serviceName: tomcat
                  servicePort: 8080
        """

    /// The migrated object printed in the explanation, after its heading line.
    private func migratedYAML(in explanation: String, version: String) throws -> String {
        let heading = "The object in \(version):\n"
        let range = try #require(explanation.firstRange(of: heading))
        return String(explanation[range.upperBound...])
    }

    @Test func theSeedArticlesIngressIsNoLongerServedAndTheMigrationNamesEveryLine() throws {
        let report = checkManifest(seedIngress, fileName: "tomcat.yaml")
        #expect(
            report.findings == [
                Finding(
                    line: 1, column: 13, field: "apiVersion",
                    message:
                        "resource mapping not found for name: \"nginx-ingress\" namespace: \"\" from \"tomcat.yaml\": no matches for kind \"Ingress\" in version \"extensions/v1beta1\"\nensure CRDs are installed first"
                )
            ])
        let error = try #require(report.errors.first)
        #expect(error.kubectlPrefix == "error: ")
        #expect(error.message == APIText.noMatches(name: "nginx-ingress", file: "tomcat.yaml", kind: "Ingress", version: "extensions/v1beta1"))
        let explanation = error.explanation
        #expect(explanation.contains("networking.k8s.io/v1"))
        #expect(explanation.contains("line 1: apiVersion: extensions/v1beta1 → apiVersion: networking.k8s.io/v1"))
        #expect(explanation.contains("line 10: add pathType"))
        #expect(explanation.contains("line 12: serviceName: tomcat → service.name"))
        #expect(explanation.contains("line 13: servicePort: 8080 → service.port.number"))
        // The steps come in file order, so a learner can walk down the file.
        let lines = ["line 1:", "line 10:", "line 12:", "line 13:"].compactMap { explanation.firstRange(of: $0)?.lowerBound }
        #expect(lines.count == 4 && lines == lines.sorted())
        let migrated = try migratedYAML(in: explanation, version: "networking.k8s.io/v1")
        for expected in ["apiVersion: networking.k8s.io/v1", "pathType: Prefix", "service:", "name: tomcat", "port:", "number: 8080"] {
            #expect(migrated.contains(expected), "missing \(expected) in\n\(migrated)")
        }
        #expect(!migrated.contains("serviceName"))
        #expect(!migrated.contains("servicePort"))
    }

    @Test func theMigratedIngressIsItselfAValidV1Ingress() throws {
        let report = checkManifest(seedIngress, fileName: "tomcat.yaml")
        let migrated = try migratedYAML(in: try #require(report.errors.first).explanation, version: "networking.k8s.io/v1")
        let again = checkManifest(migrated, fileName: "tomcat.yaml")
        #expect(again.diagnostics.isEmpty, "\(again.findings)")
        #expect(again.objects.map(\.kind) == ["Ingress"])
    }

    @Test func aSpecBackendBecomesTheDefaultBackend() throws {
        let report = checkManifest(
            """
            apiVersion: networking.k8s.io/v1beta1
            kind: Ingress
            metadata:
              name: web
              namespace: shop
            spec:
              backend:
                serviceName: web
                servicePort: http
            """, fileName: "web.yaml")
        let error = try #require(report.errors.first)
        #expect(report.errors.count == 1)
        #expect(
            error.message
                == APIText.noMatches(name: "web", namespace: "shop", file: "web.yaml", kind: "Ingress", version: "networking.k8s.io/v1beta1"))
        #expect(error.explanation.contains("line 7: spec.backend → spec.defaultBackend"))
        #expect(error.explanation.contains("line 9: servicePort: http → service.port.name"))
        let migrated = try migratedYAML(in: error.explanation, version: "networking.k8s.io/v1")
        #expect(migrated.contains("defaultBackend:"))
        #expect(!migrated.contains("\n  backend:"))
        #expect(checkManifest(migrated).diagnostics.isEmpty)
    }

    @Test func anIngressWithABackendAndRulesIsMigratedWhole() throws {
        let report = checkManifest(
            """
            apiVersion: extensions/v1beta1
            kind: Ingress
            metadata:
              name: nginx-ingress
            spec:
              backend:
                serviceName: default-http-backend
                servicePort: 80
              rules:
              - host: tomcat.example.com
                http:
                  paths:
                  - path: /
                    backend:
                      serviceName: tomcat
                      servicePort: 8080
            """, fileName: "tomcat.yaml")
        let explanation = try #require(report.errors.first).explanation
        #expect(report.errors.count == 1)
        for step in [
            "line 6: spec.backend → spec.defaultBackend", "line 7: serviceName: default-http-backend → service.name",
            "line 8: servicePort: 80 → service.port.number", "line 13: add pathType", "line 15: serviceName: tomcat → service.name",
            "line 16: servicePort: 8080 → service.port.number",
        ] {
            #expect(explanation.contains(step), "missing step \(step)")
        }
        let migrated = try migratedYAML(in: explanation, version: "networking.k8s.io/v1")
        for expected in ["defaultBackend:", "service:", "name: default-http-backend", "port:", "number: 80", "pathType: Prefix", "number: 8080"] {
            #expect(migrated.contains(expected), "missing \(expected) in\n\(migrated)")
        }
        #expect(checkManifest(migrated).diagnostics.isEmpty)
    }

    @Test(arguments: ["extensions/v1beta1", "apps/v1beta1", "apps/v1beta2"])
    func oldDeploymentVersionsAreNotServed(version: String) throws {
        let report = checkManifest(
            """
            apiVersion: \(version)
            kind: Deployment
            metadata:
              name: nginx
            spec:
              replicas: 2
              template:
                metadata:
                  labels:
                    app: nginx
                spec:
                  containers:
                  - name: nginx
                    image: nginx:1.25
            """, fileName: "nginx.yaml")
        #expect(
            report.findings == [
                Finding(
                    line: 1, column: 13, field: "apiVersion",
                    message: APIText.noMatches(name: "nginx", file: "nginx.yaml", kind: "Deployment", version: version))
            ])
        let explanation = try #require(report.errors.first).explanation
        #expect(explanation.contains("Use apiVersion: apps/v1"))
        // apps/v1 requires the selector those versions defaulted from the template labels.
        #expect(explanation.contains("spec.selector.matchLabels"))
        let migrated = try migratedYAML(in: explanation, version: "apps/v1")
        #expect(checkManifest(migrated).diagnostics.isEmpty, "\(migrated)")
    }

    /// The seed article's whole `tomcat.yaml`: only its Ingress is refused; the Deployment and the Service are fine.
    @Test func inTheSeedFileOnlyTheIngressIsRefused() {
        let report = checkManifest(
            """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: tomcat-deployment
              labels:
                app: tomcat
            spec:
              replicas: 1
              selector:
                matchLabels:
                  app: tomcat
              template:
                metadata:
                  labels:
                    app: tomcat
                spec:
                  containers:
                  - name: tomcat
                    image: tomcat
                    ports:
                    - containerPort: 8080
            ---
            apiVersion: v1
            kind: Service
            metadata:
              name: tomcat-service
            spec:
              ports:
              - port: 80
                protocol: TCP
                targetPort: 8080
              selector:
                app: tomcat
            ---
            apiVersion: extensions/v1beta1
            kind: Ingress
            metadata:
              name: nginx-ingress
            spec:
              rules:
              - host: tomcat.example.com
                http:
                  paths:
                  - path: /
                    backend:
                      serviceName: tomcat-service
                      servicePort: 80
            """, fileName: "tomcat.yaml")
        #expect(
            report.findings == [
                Finding(
                    line: 35, column: 13, field: "apiVersion",
                    message: APIText.noMatches(name: "nginx-ingress", file: "tomcat.yaml", kind: "Ingress", version: "extensions/v1beta1"))
            ])
        #expect(report.objects.map(\.kind) == ["Deployment", "Service", "Ingress"])
        #expect(report.errors.first?.explanation.contains("line 46: serviceName: tomcat-service → service.name") == true)
    }
}
