import Testing

@testable import ClusterSim

/// `ValidateService` and the allocators: every Service mistake a learner makes gets the API server's words,
/// the API path and the line and column of the value to change (`k8s-facts.md` section 3).
@Suite struct ServiceValidationTests {
    /// A Service named `web` whose `spec` starts on line 5 with `extra` (indented two spaces) and `ports` after it.
    private func service(spec: String) -> String {
        """
        apiVersion: v1
        kind: Service
        metadata:
          name: web
        spec:
        \(spec)
        """
    }

    // MARK: ports

    @Test func serviceWithoutPortsIsRequiredToHaveOne() {
        let report = checkManifest(
            service(
                spec: """
                      selector:
                        app: web
                    """))
        #expect(report.findings == [Finding(line: 5, column: 1, field: "spec.ports", message: "spec.ports: Required value")])
        #expect(report.errors.first?.kubectlText == "The Service \"web\" is invalid: spec.ports: Required value")
    }

    @Test func headlessAndExternalNameServicesNeedNoPorts() {
        let headless = checkManifest(
            service(
                spec: """
                      clusterIP: None
                      selector:
                        app: web
                    """))
        #expect(headless.diagnostics.isEmpty)
        let alias = checkManifest(
            service(
                spec: """
                      type: ExternalName
                      externalName: db.example.com
                    """))
        #expect(alias.diagnostics.isEmpty)
    }

    @Test(arguments: [(0, "0"), (70000, "70000")])
    func servicePortOutsideOneTo65535IsRejected(port: Int, text: String) {
        let report = checkManifest(
            service(
                spec: """
                      ports:
                      - port: \(text)
                    """))
        #expect(
            report.findings == [
                Finding(
                    line: 7, column: 11, field: "spec.ports[0].port",
                    message: "spec.ports[0].port: Invalid value: \(port): \(APIText.portRange)")
            ])
    }

    @Test func everyUnnamedPortOfAMultiPortServiceIsReported() {
        let report = checkManifest(
            service(
                spec: """
                      ports:
                      - port: 80
                      - port: 443
                    """))
        #expect(
            report.findings == [
                Finding(line: 7, column: 5, field: "spec.ports[0].name", message: "spec.ports[0].name: Required value"),
                Finding(line: 8, column: 5, field: "spec.ports[1].name", message: "spec.ports[1].name: Required value"),
            ])
        #expect(report.errors.allSatisfy { $0.explanation.contains("more than one port") })
    }

    @Test func onlyTheUnnamedPortIsReportedWhenTheOtherHasAName() {
        let report = checkManifest(
            service(
                spec: """
                      ports:
                      - name: http
                        port: 80
                      - port: 443
                    """))
        #expect(
            report.findings == [Finding(line: 9, column: 5, field: "spec.ports[1].name", message: "spec.ports[1].name: Required value")])
    }

    @Test func aSinglePortNeedsNoName() {
        let report = checkManifest(
            service(
                spec: """
                      ports:
                      - port: 80
                    """))
        #expect(report.diagnostics.isEmpty)
    }

    @Test func repeatedPortNameIsADuplicate() {
        let report = checkManifest(
            service(
                spec: """
                      ports:
                      - name: http
                        port: 80
                      - name: http
                        port: 8080
                    """))
        #expect(
            report.findings == [
                Finding(line: 9, column: 11, field: "spec.ports[1].name", message: "spec.ports[1].name: Duplicate value: \"http\"")
            ])
    }

    @Test func servicePortNameFollowsTheDNSLabelRule() {
        let report = checkManifest(
            service(
                spec: """
                      ports:
                      - name: HTTP_Web
                        port: 80
                    """))
        #expect(
            report.findings == [
                Finding(
                    line: 7, column: 11, field: "spec.ports[0].name",
                    message: "spec.ports[0].name: Invalid value: \"HTTP_Web\": \(APIText.dns1123Label)")
            ])
    }

    @Test func protocolHTTPIsNotATransport() {
        let report = checkManifest(
            service(
                spec: """
                      ports:
                      - port: 80
                        protocol: HTTP
                    """))
        #expect(
            report.findings == [
                Finding(
                    line: 8, column: 15, field: "spec.ports[0].protocol",
                    message: "spec.ports[0].protocol: Unsupported value: \"HTTP\": supported values: \"SCTP\", \"TCP\", \"UDP\"")
            ])
        #expect(report.errors.first?.explanation.contains("TCP") == true)
    }

    // MARK: targetPort

    @Test func targetPortNumberOutsideTheRangeIsRejected() {
        let report = checkManifest(
            service(
                spec: """
                      ports:
                      - port: 80
                        targetPort: 70000
                    """))
        #expect(
            report.findings == [
                Finding(
                    line: 8, column: 17, field: "spec.ports[0].targetPort",
                    message: "spec.ports[0].targetPort: Invalid value: 70000: \(APIText.portRange)")
            ])
    }

    @Test(arguments: ["0", "\"\""])
    func emptyTargetPortDefaultsToThePortAndIsAccepted(targetPort: String) {
        let report = checkManifest(
            service(
                spec: """
                      ports:
                      - port: 80
                        targetPort: \(targetPort)
                    """))
        #expect(report.diagnostics.isEmpty)
    }

    @Test(arguments: [
        ("http-web-server-main", ["must be no more than 15 characters"]),
        ("8080", ["must contain at least one letter (a-z)"]),
        ("Web", ["must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)"]),
        ("web--http", ["must not contain consecutive hyphens"]),
        ("-web", ["must not begin or end with a hyphen"]),
    ])
    func namedTargetPortFollowsTheIANAServiceNameRules(name: String, details: [String]) {
        let report = checkManifest(
            service(
                spec: """
                      ports:
                      - port: 80
                        targetPort: "\(name)"
                    """))
        #expect(
            report.findings
                == details.map {
                    Finding(
                        line: 8, column: 17, field: "spec.ports[0].targetPort",
                        message: "spec.ports[0].targetPort: Invalid value: \"\(name)\": \($0)")
                })
    }

    @Test func validNamedTargetPortIsAccepted() {
        let report = checkManifest(
            service(
                spec: """
                      ports:
                      - port: 80
                        targetPort: http-alt
                    """))
        #expect(report.diagnostics.isEmpty)
    }

    // MARK: type

    @Test func serviceTypeIsCaseSensitive() {
        let report = checkManifest(
            service(
                spec: """
                      type: Nodeport
                      ports:
                      - port: 80
                    """))
        #expect(
            report.findings == [
                Finding(
                    line: 6, column: 9, field: "spec.type",
                    message:
                        "spec.type: Unsupported value: \"Nodeport\": supported values: \"ClusterIP\", \"ExternalName\", \"LoadBalancer\", \"NodePort\""
                )
            ])
        #expect(report.errors.first?.explanation.contains("`NodePort`") == true)
    }

    // MARK: nodePort

    @Test func nodePortOutsideRangeIsRejectedWithTheApiServerMessage() {
        let report = checkManifest(
            service(
                spec: """
                      type: NodePort
                      ports:
                      - port: 80
                        nodePort: 40000
                    """))
        #expect(
            report.findings == [
                Finding(
                    line: 9, column: 15, field: "spec.ports[0].nodePort",
                    message: "spec.ports[0].nodePort: Invalid value: 40000: \(APIText.nodePortRange)")
            ])
        #expect(
            report.errors.first?.kubectlText
                == "The Service \"web\" is invalid: spec.ports[0].nodePort: Invalid value: 40000: provided port is not in the valid range. The range of valid ports is 30000-32767"
        )
    }

    @Test(arguments: [29999, 32768, 80])
    func nodePortJustOutsideTheRangeIsRejected(nodePort: Int) {
        let report = checkManifest(
            service(
                spec: """
                      type: LoadBalancer
                      ports:
                      - port: 80
                        nodePort: \(nodePort)
                    """))
        #expect(
            report.findings == [
                Finding(
                    line: 9, column: 15, field: "spec.ports[0].nodePort",
                    message: "spec.ports[0].nodePort: Invalid value: \(nodePort): \(APIText.nodePortRange)")
            ])
    }

    @Test(arguments: [30000, 30036, 32767])
    func nodePortInsideTheRangeIsAccepted(nodePort: Int) {
        let report = checkManifest(
            service(
                spec: """
                      type: NodePort
                      ports:
                      - port: 80
                        nodePort: \(nodePort)
                    """))
        #expect(report.diagnostics.isEmpty)
    }

    @Test func nodePortOnAClusterIPServiceIsForbidden() {
        // `type` is left out, as learners do: it defaults to ClusterIP, which opens no node port.
        let report = checkManifest(
            service(
                spec: """
                      ports:
                      - port: 80
                        nodePort: 30036
                    """))
        #expect(
            report.findings == [
                Finding(
                    line: 8, column: 5, field: "spec.ports[0].nodePort",
                    message: "spec.ports[0].nodePort: Forbidden: may not be used when `type` is 'ClusterIP'")
            ])
        #expect(report.errors.first?.explanation.contains("type: NodePort") == true)
    }

    @Test func theSeedArticlesNodePortServiceIsValid() {
        let report = checkManifest(
            """
            apiVersion: v1
            kind: Service
            metadata:
              name: my-nodeport-service
            spec:
              selector:
                app: my-app
              type: NodePort
              ports:
              - name: http
                port: 80
                targetPort: 80
                nodePort: 30036
                protocol: TCP
            """)
        #expect(report.diagnostics.isEmpty)
    }

    // MARK: clusterIP

    @Test(arguments: ["NodePort", "LoadBalancer"])
    func headlessIsImpossibleForExternallyReachableTypes(type: String) {
        let report = checkManifest(
            service(
                spec: """
                      type: \(type)
                      clusterIP: None
                      ports:
                      - port: 80
                    """))
        #expect(
            report.findings == [
                Finding(
                    line: 7, column: 14, field: "spec.clusterIPs[0]",
                    message: "spec.clusterIPs[0]: Invalid value: \"None\": may not be set to 'None' for \(type) services")
            ])
    }

    @Test func clusterIPOutsideTheServiceCIDRCannotBeAllocated() {
        let report = checkManifest(
            service(
                spec: """
                      clusterIP: 1.1.1.1
                      ports:
                      - port: 80
                    """))
        #expect(
            report.findings == [
                Finding(
                    line: 6, column: 14, field: "spec.clusterIPs",
                    message:
                        "spec.clusterIPs: Invalid value: []string{\"1.1.1.1\"}: failed to allocate IP 1.1.1.1: the provided IP (1.1.1.1) is not in the valid range. The range of valid IPs is 10.96.0.0/12"
                )
            ])
    }

    @Test(arguments: ["10.96.0.20", "10.111.255.254"])
    func clusterIPInsideTheServiceCIDRIsAccepted(ip: String) {
        let report = checkManifest(
            service(
                spec: """
                      clusterIP: \(ip)
                      ports:
                      - port: 80
                    """))
        #expect(report.diagnostics.isEmpty)
    }

    @Test func clusterIPJustPastTheServiceCIDRIsRejected() {
        let report = checkManifest(
            service(
                spec: """
                      clusterIP: 10.112.0.1
                      ports:
                      - port: 80
                    """))
        #expect(report.diagnostics(at: "spec.clusterIPs").count == 1)
        #expect(report.errors.count == 1)
    }

    // MARK: ExternalName, sessionAffinity, externalTrafficPolicy

    @Test func externalNameServiceWithoutANameIsRequiredToHaveOne() {
        let report = checkManifest(
            service(
                spec: """
                      type: ExternalName
                    """))
        #expect(report.findings == [Finding(line: 5, column: 1, field: "spec.externalName", message: "spec.externalName: Required value")])
    }

    @Test func externalNameMayEndInADot() {
        let report = checkManifest(
            service(
                spec: """
                      type: ExternalName
                      externalName: db.example.com.
                    """))
        #expect(report.diagnostics.isEmpty)
    }

    @Test func externalNameIsCheckedWithoutItsTrailingDot() {
        let report = checkManifest(
            service(
                spec: """
                      type: ExternalName
                      externalName: DB.example.com.
                    """))
        #expect(
            report.findings == [
                Finding(
                    line: 7, column: 17, field: "spec.externalName",
                    message: "spec.externalName: Invalid value: \"DB.example.com\": \(APIText.dns1123Subdomain)")
            ])
    }

    @Test func sessionAffinityIsNoneOrClientIP() {
        let report = checkManifest(
            service(
                spec: """
                      sessionAffinity: X
                      ports:
                      - port: 80
                    """))
        #expect(
            report.findings == [
                Finding(
                    line: 6, column: 20, field: "spec.sessionAffinity",
                    message: "spec.sessionAffinity: Unsupported value: \"X\": supported values: \"ClientIP\", \"None\"")
            ])
    }

    @Test func externalTrafficPolicyOnAClusterIPServiceIsInvalid() {
        let report = checkManifest(
            service(
                spec: """
                      externalTrafficPolicy: Local
                      ports:
                      - port: 80
                    """))
        #expect(
            report.findings == [
                Finding(
                    line: 6, column: 26, field: "spec.externalTrafficPolicy",
                    message: "spec.externalTrafficPolicy: Invalid value: \"Local\": may only be set for externally-accessible services")
            ])
    }

    @Test func externalTrafficPolicyOnANodePortServiceIsAccepted() {
        let report = checkManifest(
            service(
                spec: """
                      type: NodePort
                      externalTrafficPolicy: Local
                      ports:
                      - port: 80
                    """))
        #expect(report.diagnostics.isEmpty)
    }
}
