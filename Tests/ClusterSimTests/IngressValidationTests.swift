import Testing

@testable import ClusterSim

/// `ValidateIngress` and `ValidateIngressClass` for networking.k8s.io/v1: rules, hosts, paths and backends
/// with the API server's words and the place in the file (`k8s-facts.md` section 5).
@Suite struct IngressValidationTests {
    /// An Ingress `web` with one rule for `host` (line 7); the text of `paths` starts on line 10, column 7.
    private func ingress(host: String = "tomcat.example.com", paths: String) -> String {
        let indented = paths.split(separator: "\n", omittingEmptySubsequences: false).map { "      " + $0 }.joined(separator: "\n")
        return """
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            metadata:
              name: web
            spec:
              rules:
              - host: \(host)
                http:
                  paths:
            \(indented)
            """
    }

    private let validPath = """
        - path: /
          pathType: Prefix
          backend:
            service:
              name: tomcat
              port:
                number: 8080
        """

    @Test func aValidIngressHasNoFinding() {
        #expect(checkManifest(ingress(paths: validPath)).diagnostics.isEmpty)
    }

    // MARK: rules and defaultBackend

    @Test func ingressWithNeitherRulesNorDefaultBackendRoutesNowhere() {
        let report = checkManifest(
            """
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            metadata:
              name: web
            spec:
              ingressClassName: nginx
            """)
        #expect(
            report.findings == [
                Finding(
                    line: 5, column: 1, field: "spec",
                    message: "spec: Invalid value: []networking.IngressRule(nil): either `defaultBackend` or `rules` must be specified")
            ])
    }

    @Test func aDefaultBackendAloneIsEnough() {
        let report = checkManifest(
            """
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            metadata:
              name: web
            spec:
              defaultBackend:
                service:
                  name: tomcat
                  port:
                    number: 8080
            """)
        #expect(report.diagnostics.isEmpty)
    }

    // MARK: pathType and path

    @Test func missingPathTypeMustBeSpecified() {
        let report = checkManifest(
            ingress(
                paths: """
                    - path: /
                      backend:
                        service:
                          name: tomcat
                          port:
                            number: 8080
                    """))
        #expect(
            report.findings == [
                Finding(
                    line: 10, column: 9, field: "spec.rules[0].http.paths[0].pathType",
                    message: "spec.rules[0].http.paths[0].pathType: Required value: pathType must be specified")
            ])
    }

    @Test func unknownPathTypeListsTheThreeSupportedOnes() {
        let report = checkManifest(
            ingress(
                paths: """
                    - path: /
                      pathType: Foo
                      backend:
                        service:
                          name: tomcat
                          port:
                            number: 8080
                    """))
        #expect(
            report.findings == [
                Finding(
                    line: 11, column: 19, field: "spec.rules[0].http.paths[0].pathType",
                    message:
                        "spec.rules[0].http.paths[0].pathType: Unsupported value: \"Foo\": supported values: \"Exact\", \"ImplementationSpecific\", \"Prefix\""
                )
            ])
    }

    @Test(arguments: ["Prefix", "Exact", "ImplementationSpecific"])
    func relativePathMustBeAbsolute(pathType: String) {
        let report = checkManifest(
            ingress(
                paths: """
                    - path: api
                      pathType: \(pathType)
                      backend:
                        service:
                          name: tomcat
                          port:
                            number: 8080
                    """))
        #expect(
            report.findings == [
                Finding(
                    line: 10, column: 15, field: "spec.rules[0].http.paths[0].path",
                    message: "spec.rules[0].http.paths[0].path: Invalid value: \"api\": must be an absolute path")
            ])
        #expect(report.errors.first?.explanation.contains("`/api`") == true)
    }

    @Test func implementationSpecificMayLeaveThePathOut() {
        let report = checkManifest(
            ingress(
                paths: """
                    - pathType: ImplementationSpecific
                      backend:
                        service:
                          name: tomcat
                          port:
                            number: 8080
                    """))
        #expect(report.diagnostics.isEmpty)
    }

    // MARK: backend

    @Test func backendServiceWithoutANameIsRequiredToHaveOne() {
        let report = checkManifest(
            ingress(
                paths: """
                    - path: /
                      pathType: Prefix
                      backend:
                        service:
                          port:
                            number: 8080
                    """))
        #expect(
            report.findings == [
                Finding(
                    line: 13, column: 11, field: "spec.rules[0].http.paths[0].backend.service.name",
                    message: "spec.rules[0].http.paths[0].backend.service.name: Required value")
            ])
    }

    @Test func backendPortWithBothNameAndNumberIsInvalid() {
        let report = checkManifest(
            ingress(
                paths: """
                    - path: /
                      pathType: Prefix
                      backend:
                        service:
                          name: tomcat
                          port:
                            name: http
                            number: 8080
                    """))
        #expect(
            report.findings == [
                Finding(
                    line: 15, column: 13, field: "spec.rules[0].http.paths[0].backend",
                    message: "spec.rules[0].http.paths[0].backend: Invalid value: \"\": cannot set both port name & port number")
            ])
    }

    @Test func backendPortWithNeitherNameNorNumberIsRequired() {
        let report = checkManifest(
            ingress(
                paths: """
                    - path: /
                      pathType: Prefix
                      backend:
                        service:
                          name: tomcat
                          port: {}
                    """))
        #expect(
            report.findings == [
                Finding(
                    line: 15, column: 13, field: "spec.rules[0].http.paths[0].backend",
                    message: "spec.rules[0].http.paths[0].backend: Required value: port name or number is required")
            ])
    }

    @Test func backendPortNumberOutsideTheRangeIsInvalid() {
        let report = checkManifest(
            ingress(
                paths: """
                    - path: /
                      pathType: Prefix
                      backend:
                        service:
                          name: tomcat
                          port:
                            number: 70000
                    """))
        #expect(
            report.findings == [
                Finding(
                    line: 16, column: 23, field: "spec.rules[0].http.paths[0].backend.service.port.number",
                    message: "spec.rules[0].http.paths[0].backend.service.port.number: Invalid value: 70000: \(APIText.portRange)")
            ])
    }

    @Test func backendServiceNameFollowsTheServiceNameRule() {
        let report = checkManifest(
            ingress(
                paths: """
                    - path: /
                      pathType: Prefix
                      backend:
                        service:
                          name: Tomcat_Service
                          port:
                            number: 8080
                    """))
        #expect(
            report.findings == [
                Finding(
                    line: 14, column: 19, field: "spec.rules[0].http.paths[0].backend.service.name",
                    message: "spec.rules[0].http.paths[0].backend.service.name: Invalid value: \"Tomcat_Service\": \(APIText.dns1035Label)")
            ])
    }

    // MARK: host

    @Test func hostThatIsAnIPAddressIsRejected() {
        let report = checkManifest(ingress(host: "1.2.3.4", paths: validPath))
        #expect(
            report.findings == [
                Finding(
                    line: 7, column: 11, field: "spec.rules[0].host",
                    message: "spec.rules[0].host: Invalid value: \"1.2.3.4\": must be a DNS name, not an IP address")
            ])
    }

    @Test func anIPv6HostFailsBothTheIPAndTheDNSRule() {
        let report = checkManifest(ingress(host: "\"fd00::1\"", paths: validPath))
        #expect(
            report.findings.map(\.message) == [
                "spec.rules[0].host: Invalid value: \"fd00::1\": must be a DNS name, not an IP address",
                "spec.rules[0].host: Invalid value: \"fd00::1\": \(APIText.dns1123Subdomain)",
            ])
    }

    @Test(arguments: ["*.example.com", "*.foo.example.com", "tomcat.example.com", "localhost"])
    func hostNamesAndLeadingWildcardsAreAccepted(host: String) {
        #expect(checkManifest(ingress(host: "\"\(host)\"", paths: validPath)).diagnostics.isEmpty)
    }

    @Test(arguments: ["foo.*.com", "*", "*.*.example.com", "f*.example.com"])
    func wildcardAnywhereButTheFirstLabelIsRejected(host: String) {
        let report = checkManifest(ingress(host: "\"\(host)\"", paths: validPath))
        #expect(
            report.findings == [
                Finding(
                    line: 7, column: 11, field: "spec.rules[0].host",
                    message: "spec.rules[0].host: Invalid value: \"\(host)\": \(APIText.wildcardSubdomain)")
            ])
    }

    @Test func hostWithCapitalsOrAPortIsNotADNSSubdomain() {
        for host in ["Tomcat.example.com", "tomcat.example.com:80"] {
            let report = checkManifest(ingress(host: host, paths: validPath))
            #expect(
                report.findings == [
                    Finding(
                        line: 7, column: 11, field: "spec.rules[0].host",
                        message: "spec.rules[0].host: Invalid value: \"\(host)\": \(APIText.dns1123Subdomain)")
                ])
        }
    }

    // MARK: IngressClass

    private func ingressClass(controller: String) -> String {
        """
        apiVersion: networking.k8s.io/v1
        kind: IngressClass
        metadata:
          name: nginx
        spec:
          controller: \(controller)
        """
    }

    @Test func ingressClassControllerIsADomainPrefixedPath() {
        #expect(checkManifest(ingressClass(controller: "k8s.io/ingress-nginx")).diagnostics.isEmpty)
        let report = checkManifest(ingressClass(controller: "nginx"))
        #expect(
            report.findings == [
                Finding(
                    line: 6, column: 15, field: "spec.controller",
                    message: "spec.controller: Invalid value: \"nginx\": must be a domain-prefixed path (such as \"acme.io/foo\")")
            ])
    }

    @Test func ingressClassControllerNeedsBothADomainAndAPath() {
        for controller in ["/ingress-nginx", "k8s.io/"] {
            let report = checkManifest(ingressClass(controller: controller))
            #expect(
                report.findings.map(\.message) == [
                    "spec.controller: Invalid value: \"\(controller)\": must be a domain-prefixed path (such as \"acme.io/foo\")"
                ])
        }
    }

    @Test func ingressClassControllerDomainIsADNSSubdomain() {
        let report = checkManifest(ingressClass(controller: "K8s.io/ingress-nginx"))
        #expect(
            report.findings == [
                Finding(
                    line: 6, column: 15, field: "spec.controller",
                    message: "spec.controller: Invalid value: \"K8s.io\": \(APIText.dns1123Subdomain)")
            ])
    }

    @Test func ingressClassControllerPathUsesURLPathCharacters() {
        let report = checkManifest(ingressClass(controller: "\"k8s.io/ingress nginx\""))
        #expect(
            report.findings.map(\.message) == [
                "spec.controller: Invalid value: \"ingress nginx\": Invalid path (regex used for validation is '[A-Za-z0-9/\\-._~%!$&'()*+,;=:]+')"
            ])
    }

    @Test func ingressClassControllerLongerThan250BytesIsTooLongWithoutEchoingIt() {
        let controller = "k8s.io/" + String(repeating: "a", count: 244)
        let report = checkManifest(ingressClass(controller: controller))
        #expect(
            report.findings == [
                Finding(line: 6, column: 15, field: "spec.controller", message: "spec.controller: Too long: may not be more than 250 bytes")
            ])
    }

    @Test func ingressClassWithoutControllerIsRequiredToHaveOne() {
        let report = checkManifest(
            """
            apiVersion: networking.k8s.io/v1
            kind: IngressClass
            metadata:
              name: nginx
            spec: {}
            """)
        #expect(report.findings == [Finding(line: 5, column: 1, field: "spec.controller", message: "spec.controller: Required value")])
    }
}
