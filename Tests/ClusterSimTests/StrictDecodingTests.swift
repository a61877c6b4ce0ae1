import Testing

@testable import ClusterSim

/// Strict decoding, kubectl's default: an unknown field or a value of the wrong JSON type stops the object
/// before any validation, with the API server's `cannot be handled as a` wrapper (`k8s-facts.md` section 6),
/// except in `metadata`, which kubectl decodes itself first.
@Suite struct StrictDecodingTests {
    private let nginxDeployment = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: nginx
        spec:
          replicas: 2
          selector:
            matchLabels:
              app: nginx
          template:
            metadata:
              labels:
                app: nginx
            spec:
              containers:
              - name: nginx
                image: nginx:1.25
                portss:
                - containerPort: 80
        """

    // MARK: unknown fields

    @Test func misspeltFieldDeepInATemplateIsNamedWithItsFullPath() throws {
        let report = checkManifest(nginxDeployment, fileName: "deployment.yml")
        #expect(
            report.findings == [
                Finding(
                    line: 18, column: 9, field: "spec.template.spec.containers[0].portss",
                    message: APIText.cannotBeHandled("Deployment")
                        + "strict decoding error: unknown field \"spec.template.spec.containers[0].portss\"")
            ])
        let error = try #require(report.errors.first)
        #expect(
            error.kubectlText
                == "Error from server (BadRequest): error when creating \"deployment.yml\": Deployment in version \"v1\" cannot be handled as a Deployment: strict decoding error: unknown field \"spec.template.spec.containers[0].portss\""
        )
        #expect(error.explanation.contains("`ports`"))
    }

    @Test func typoOfReplicasSuggestsTheRealField() throws {
        let report = checkManifest(
            """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: nginx
            spec:
              replica: 2
              selector:
                matchLabels:
                  app: nginx
              template:
                metadata:
                  labels:
                    app: nginx
                spec:
                  containers:
                  - name: nginx
                    image: nginx:1.25
            """, fileName: "deployment.yml")
        #expect(
            report.findings == [
                Finding(
                    line: 6, column: 3, field: "spec.replica",
                    message: APIText.cannotBeHandled("Deployment") + "strict decoding error: unknown field \"spec.replica\"")
            ])
        #expect(try #require(report.errors.first).explanation.contains("Did you mean `replicas`?"))
    }

    @Test func severalUnknownFieldsAreJoinedInOneMessageAndEachIsPointedAt() {
        let text = nginxDeployment.replacing("  replicas: 2", with: "  replica: 2")
        let report = checkManifest(text)
        let joined =
            APIText.cannotBeHandled("Deployment")
            + "strict decoding error: unknown field \"spec.replica\", unknown field \"spec.template.spec.containers[0].portss\""
        #expect(
            report.findings == [
                Finding(line: 6, column: 3, field: "spec.replica", message: joined),
                Finding(line: 18, column: 9, field: "spec.template.spec.containers[0].portss", message: joined),
            ])
    }

    /// The seed article's ClusterIP Service put `selector` under `metadata`: strict decoding refuses it
    /// instead of silently creating a Service that selects nothing.
    @Test func selectorUnderMetadataIsAnUnknownField() throws {
        let report = checkManifest(
            """
            apiVersion: v1
            kind: Service
            metadata:
              name: my-internal-service
              selector:
                app: my-app
            spec:
              type: ClusterIP
              ports:
              - name: http
                port: 80
                targetPort: 80
                protocol: TCP
            """)
        #expect(
            report.findings == [
                Finding(
                    line: 5, column: 3, field: "metadata.selector",
                    message: APIText.cannotBeHandled("Service") + "strict decoding error: unknown field \"metadata.selector\"")
            ])
        #expect(report.objects.first?.root == nil)
    }

    // MARK: wrong types

    @Test func quotedServicePortIsAStringNotANumber() {
        let report = checkManifest(
            """
            apiVersion: v1
            kind: Service
            metadata:
              name: web
            spec:
              ports:
              - port: "80"
            """)
        #expect(
            report.findings == [
                Finding(
                    line: 7, column: 11, field: "spec.ports[0].port",
                    message: APIText.cannotBeHandled("Service")
                        + "json: cannot unmarshal string into Go struct field ServicePort.spec.ports.port of type int32")
            ])
        #expect(report.errors.first?.explanation.contains("Remove the quotes") == true)
    }

    @Test func textInAPortIsAStringNotANumber() {
        let report = checkManifest(
            """
            apiVersion: v1
            kind: Service
            metadata:
              name: web
            spec:
              ports:
              - port: http
            """)
        #expect(
            report.findings.map(\.message) == [
                APIText.cannotBeHandled("Service")
                    + "json: cannot unmarshal string into Go struct field ServicePort.spec.ports.port of type int32"
            ])
    }

    @Test func quotedContainerPortIsAStringNotANumber() {
        let text = nginxDeployment.replacing("portss:\n        - containerPort: 80", with: "ports:\n        - containerPort: \"80\"")
        let report = checkManifest(text)
        #expect(
            report.findings == [
                Finding(
                    line: 19, column: 26, field: "spec.template.spec.containers[0].ports[0].containerPort",
                    message: APIText.cannotBeHandled("Deployment")
                        + "json: cannot unmarshal string into Go struct field ContainerPort.spec.template.spec.containers.ports.containerPort of type int32"
                )
            ])
    }

    @Test func fractionalPortIsNotAnInt32() {
        let report = checkManifest(
            """
            apiVersion: v1
            kind: Service
            metadata:
              name: web
            spec:
              ports:
              - port: 80.5
            """)
        #expect(
            report.findings == [
                Finding(
                    line: 7, column: 11, field: "spec.ports[0].port",
                    message: APIText.cannotBeHandled("Service")
                        + "json: cannot unmarshal number 80.5 into Go struct field ServicePort.spec.ports.port of type int32")
            ])
    }

    /// kubectl decodes `metadata` itself before sending anything, so this one is its own client-side error.
    @Test func yesAsALabelValueIsABooleanNotAString() throws {
        let report = checkManifest(
            """
            apiVersion: v1
            kind: Pod
            metadata:
              name: web
              labels:
                canary: yes
            spec:
              containers:
              - name: web
                image: nginx
            """)
        #expect(
            report.findings == [
                Finding(
                    line: 6, column: 13, field: "metadata.labels[canary]",
                    message: "unable to decode \"test.yaml\": json: cannot unmarshal bool into Go struct field ObjectMeta.metadata.labels of type string")
            ])
        let error = try #require(report.errors.first)
        #expect(error.kubectlPrefix == "error: ")
        #expect(error.explanation.contains("quotes"))
    }

    @Test func yesAsAnEnvValueIsABooleanNotAString() {
        let text = nginxDeployment.replacing(
            "portss:\n        - containerPort: 80", with: "env:\n        - name: DEBUG\n          value: yes")
        let report = checkManifest(text)
        #expect(
            report.findings == [
                Finding(
                    line: 20, column: 18, field: "spec.template.spec.containers[0].env[0].value",
                    message: APIText.cannotBeHandled("Deployment")
                        + "json: cannot unmarshal bool into Go struct field EnvVar.spec.template.spec.containers.env.value of type string")
            ])
    }

    @Test func quotedReplicasAreAStringNotANumber() {
        let text = nginxDeployment.replacing("replicas: 2", with: "replicas: \"2\"").replacing("portss:", with: "ports:")
        let report = checkManifest(text)
        #expect(
            report.findings.map(\.message) == [
                APIText.cannotBeHandled("Deployment")
                    + "json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32"
            ])
    }

    /// The API server's decoder stops at a type error before it reports unknown fields, as with kubeconform's
    /// `invalid.yaml` (`replicas: 'asd"'` and `templates:`).
    @Test func aTypeErrorHidesTheUnknownFieldsOfTheSameObject() {
        let report = checkManifest(
            """
            apiVersion: v1
            kind: ReplicationController
            metadata:
              name: bob
            spec:
              replicas: asd"
              selector:
                app: nginx
              templates:
                metadata:
                  name: nginx
            """)
        #expect(
            report.findings == [
                Finding(
                    line: 6, column: 13, field: "spec.replicas",
                    message: APIText.cannotBeHandled("ReplicationController")
                        + "json: cannot unmarshal string into Go struct field ReplicationControllerSpec.spec.replicas of type int32")
            ])
    }
}
