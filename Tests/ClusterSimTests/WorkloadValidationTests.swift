import Testing

@testable import ClusterSim

/// `ValidateDeployment` and `ValidatePodSpec`: selectors, replicas, containers and their ports, with the
/// API server's words and the place in the file (`k8s-facts.md` section 4).
@Suite struct WorkloadValidationTests {
    // MARK: Deployment selector

    @Test func deploymentWithoutSelectorGetsBothErrorsOfTheApiServer() {
        let report = checkManifest(
            """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: nginx-deployment
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
            """)
        #expect(
            report.findings == [
                Finding(line: 5, column: 1, field: "spec.selector", message: "spec.selector: Required value"),
                Finding(
                    line: 10, column: 9, field: "spec.template.metadata.labels",
                    message:
                        "spec.template.metadata.labels: Invalid value: map[string]string{\"app\":\"nginx\"}: `selector` does not match template `labels`"
                ),
            ])
        #expect(report.diagnostics.allSatisfy { $0.kubectlPrefix == "The Deployment \"nginx-deployment\" is invalid: " })
    }

    @Test func selectorThatDoesNotMatchTheTemplateGivesTheMismatchAlone() {
        let report = checkManifest(
            """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
            spec:
              selector:
                matchLabels:
                  app: web
              template:
                metadata:
                  labels:
                    app: nginx
                    tier: frontend
                spec:
                  containers:
                  - name: nginx
                    image: nginx:1.25
            """)
        #expect(
            report.findings == [
                Finding(
                    line: 12, column: 9, field: "spec.template.metadata.labels",
                    message:
                        "spec.template.metadata.labels: Invalid value: map[string]string{\"app\":\"nginx\", \"tier\":\"frontend\"}: `selector` does not match template `labels`"
                )
            ])
    }

    @Test func selectorThatIsASubsetOfTheTemplateLabelsMatches() {
        let report = checkManifest(
            """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
            spec:
              selector:
                matchExpressions:
                - key: app
                  operator: In
                  values: [web, api]
              template:
                metadata:
                  labels:
                    app: web
                    tier: frontend
                spec:
                  containers:
                  - name: nginx
                    image: nginx:1.25
            """)
        #expect(report.diagnostics.isEmpty)
    }

    @Test func deploymentWithoutTemplateHasNoLabelsAndNoContainers() {
        // The apps/v1 template is a struct, so the API server validates an empty one rather than asking for it.
        let report = checkManifest(
            """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
            spec:
              selector:
                matchLabels:
                  app: web
            """)
        #expect(
            report.findings.sorted { $0.field < $1.field } == [
                Finding(
                    line: 5, column: 1, field: "spec.template.metadata.labels",
                    message: "spec.template.metadata.labels: Invalid value: map[string]string(nil): `selector` does not match template `labels`"),
                Finding(line: 5, column: 1, field: "spec.template.spec.containers", message: "spec.template.spec.containers: Required value"),
            ])
    }

    // MARK: replicas and restartPolicy

    @Test func negativeReplicasAreRejected() {
        let report = checkManifest(deployment(replicas: "-1"))
        #expect(
            report.findings == [
                Finding(
                    line: 6, column: 13, field: "spec.replicas", message: "spec.replicas: Invalid value: -1: must be greater than or equal to 0")
            ])
    }

    @Test func zeroReplicasAreAllowed() {
        #expect(checkManifest(deployment(replicas: "0")).diagnostics.isEmpty)
    }

    @Test func deploymentPodsMustRestartAlways() {
        let report = checkManifest(deployment(podSpec: "restartPolicy: Never"))
        #expect(
            report.findings == [
                Finding(
                    line: 15, column: 22, field: "spec.template.spec.restartPolicy",
                    message: "spec.template.spec.restartPolicy: Unsupported value: \"Never\": supported values: \"Always\"")
            ])
        #expect(report.errors.first?.explanation.contains("Job") == true)
    }

    @Test func aPodMayNeverRestart() {
        let report = checkManifest(
            """
            apiVersion: v1
            kind: Pod
            metadata:
              name: once
            spec:
              restartPolicy: Never
              containers:
              - name: job
                image: busybox
            """)
        #expect(report.diagnostics.isEmpty)
    }

    // MARK: containers

    @Test func podWithoutContainersIsRequiredToHaveOne() {
        let report = checkManifest(
            """
            apiVersion: v1
            kind: Pod
            metadata:
              name: empty
            spec:
              containers: []
            """)
        #expect(report.findings == [Finding(line: 6, column: 3, field: "spec.containers", message: "spec.containers: Required value")])
    }

    @Test func deploymentWithoutContainersNamesTheTemplatePath() {
        let report = checkManifest(
            """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
            spec:
              selector:
                matchLabels:
                  app: web
              template:
                metadata:
                  labels:
                    app: web
                spec:
                  restartPolicy: Always
            """)
        #expect(
            report.findings == [
                Finding(line: 13, column: 5, field: "spec.template.spec.containers", message: "spec.template.spec.containers: Required value")
            ])
    }

    @Test func containerWithoutNameOrImageIsTold() {
        let report = checkManifest(
            """
            apiVersion: v1
            kind: Pod
            metadata:
              name: web
            spec:
              containers:
              - image: nginx
              - name: sidecar
            """)
        #expect(
            report.findings == [
                Finding(line: 7, column: 5, field: "spec.containers[0].name", message: "spec.containers[0].name: Required value"),
                Finding(line: 8, column: 5, field: "spec.containers[1].image", message: "spec.containers[1].image: Required value"),
            ])
    }

    @Test func twoContainersWithoutNamesAreAlsoDuplicates() {
        // The API compares names before it knows they are missing, so the second empty name is a duplicate too.
        let report = checkManifest(
            """
            apiVersion: v1
            kind: Pod
            metadata:
              name: web
            spec:
              containers:
              - image: nginx
              - image: busybox
            """)
        #expect(
            report.findings == [
                Finding(line: 7, column: 5, field: "spec.containers[0].name", message: "spec.containers[0].name: Required value"),
                Finding(line: 8, column: 5, field: "spec.containers[1].name", message: "spec.containers[1].name: Required value"),
                Finding(line: 8, column: 5, field: "spec.containers[1].name", message: "spec.containers[1].name: Duplicate value: \"\""),
            ])
    }

    @Test func twoContainersWithOneNameAreADuplicate() {
        let report = checkManifest(
            """
            apiVersion: v1
            kind: Pod
            metadata:
              name: web
            spec:
              containers:
              - name: web
                image: nginx
              - name: web
                image: busybox
            """)
        #expect(
            report.findings == [
                Finding(line: 9, column: 11, field: "spec.containers[1].name", message: "spec.containers[1].name: Duplicate value: \"web\"")
            ])
    }

    @Test func initContainerNamedLikeAnAppContainerIsTheDuplicate() {
        let report = checkManifest(
            """
            apiVersion: v1
            kind: Pod
            metadata:
              name: web
            spec:
              initContainers:
              - name: web
                image: busybox
              containers:
              - name: web
                image: nginx
            """)
        #expect(
            report.findings == [
                Finding(
                    line: 7, column: 11, field: "spec.initContainers[0].name", message: "spec.initContainers[0].name: Duplicate value: \"web\"")
            ])
    }

    @Test func containerNameIsADNSLabel() {
        let report = checkManifest(
            """
            apiVersion: v1
            kind: Pod
            metadata:
              name: web
            spec:
              containers:
              - name: Web_Server
                image: nginx
            """)
        #expect(
            report.findings == [
                Finding(
                    line: 7, column: 11, field: "spec.containers[0].name",
                    message: "spec.containers[0].name: Invalid value: \"Web_Server\": \(APIText.dns1123Label)")
            ])
    }

    // MARK: container ports

    @Test func containerPortZeroIsMissing() {
        let report = checkManifest(pod(ports: "- containerPort: 0"))
        #expect(
            report.findings == [
                Finding(
                    line: 10, column: 22, field: "spec.containers[0].ports[0].containerPort",
                    message: "spec.containers[0].ports[0].containerPort: Required value")
            ])
    }

    @Test func containerPortAboveTheRangeIsInvalid() {
        let report = checkManifest(deployment(containerPorts: "- containerPort: 70000"))
        #expect(
            report.findings == [
                Finding(
                    line: 20, column: 26, field: "spec.template.spec.containers[0].ports[0].containerPort",
                    message: "spec.template.spec.containers[0].ports[0].containerPort: Invalid value: 70000: \(APIText.portRange)")
            ])
    }

    @Test func containerPortNameFollowsTheIANARules() {
        let report = checkManifest(
            pod(
                ports: """
                    - containerPort: 80
                          name: http_web
                    """))
        #expect(
            report.findings == [
                Finding(
                    line: 11, column: 13, field: "spec.containers[0].ports[0].name",
                    message:
                        "spec.containers[0].ports[0].name: Invalid value: \"http_web\": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)"
                )
            ])
    }

    /// Lesson 1: two containers of one Pod share one network namespace, so they cannot both listen on port 80.
    /// The API server only warns; the simulation must say why the second container will fail.
    @Test func twoContainersOnOnePortIsOnlyAWarningButExplainsTheSharedNamespace() throws {
        let report = checkManifest(
            """
            apiVersion: v1
            kind: Pod
            metadata:
              name: web
            spec:
              containers:
              - name: nginx
                image: nginx:1.25
                ports:
                - containerPort: 80
              - name: sidecar
                image: httpd:2.4
                ports:
                - containerPort: 80
            """)
        #expect(report.ok)
        #expect(
            report.findings == [
                Finding(
                    .warning, line: 14, column: 7, field: "spec.containers[1].ports[0]",
                    message: "spec.containers[1].ports[0]: duplicate port definition with spec.containers[0].ports[0]")
            ])
        let warning = try #require(report.warnings.first)
        #expect(warning.kubectlText == "Warning: spec.containers[1].ports[0]: duplicate port definition with spec.containers[0].ports[0]")
        #expect(warning.explanation.contains("share one network namespace"))
        #expect(warning.explanation.contains("address already in use"))
    }

    @Test func theSameWarningInADeploymentNamesTheTemplatePaths() {
        let report = checkManifest(
            deployment(
                containerPorts: """
                    - containerPort: 8080
                          - name: metrics
                            image: exporter
                            ports:
                            - containerPort: 8080
                    """))
        #expect(report.ok)
        #expect(
            report.findings == [
                Finding(
                    .warning, line: 24, column: 11, field: "spec.template.spec.containers[1].ports[0]",
                    message:
                        "spec.template.spec.containers[1].ports[0]: duplicate port definition with spec.template.spec.containers[0].ports[0]"
                )
            ])
    }

    @Test func theSamePortOverUDPIsNoClash() {
        let report = checkManifest(
            """
            apiVersion: v1
            kind: Pod
            metadata:
              name: dns
            spec:
              containers:
              - name: tcp
                image: coredns
                ports:
                - containerPort: 53
              - name: udp
                image: coredns
                ports:
                - containerPort: 53
                  protocol: UDP
            """)
        #expect(report.diagnostics.isEmpty)
    }

    @Test func aPortWithAndWithoutHostPortOverlaps() {
        let report = checkManifest(
            """
            apiVersion: v1
            kind: Pod
            metadata:
              name: web
            spec:
              containers:
              - name: a
                image: nginx
                ports:
                - containerPort: 80
                  hostPort: 8080
              - name: b
                image: nginx
                ports:
                - containerPort: 80
            """)
        #expect(
            report.findings == [
                Finding(
                    .warning, line: 15, column: 7, field: "spec.containers[1].ports[0]",
                    message: "spec.containers[1].ports[0]: overlapping port definition with spec.containers[0].ports[0]")
            ])
    }

    // MARK: a real-world manifest

    /// Volumes, probes, resources, env, securityContext, affinity, tolerations: everything a production
    /// Deployment carries is known to the schema and passes validation.
    @Test func realWorldManifestWithEveryCommonFieldHasNoFinding() {
        let report = checkManifest(
            """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: shop-api
              namespace: shop
              labels:
                app.kubernetes.io/name: shop-api
                app.kubernetes.io/part-of: shop
              annotations:
                deployment.kubernetes.io/revision: "3"
                prometheus.io/port: "9090"
            spec:
              replicas: 3
              revisionHistoryLimit: 5
              strategy:
                type: RollingUpdate
                rollingUpdate:
                  maxSurge: 25%
                  maxUnavailable: 0
              selector:
                matchLabels:
                  app.kubernetes.io/name: shop-api
              template:
                metadata:
                  labels:
                    app.kubernetes.io/name: shop-api
                    version: v1.4.2
                  annotations:
                    prometheus.io/scrape: "true"
                spec:
                  serviceAccountName: shop-api
                  terminationGracePeriodSeconds: 30
                  securityContext:
                    runAsNonRoot: true
                    runAsUser: 10001
                    fsGroup: 2000
                    seccompProfile:
                      type: RuntimeDefault
                  nodeSelector:
                    kubernetes.io/os: linux
                  affinity:
                    nodeAffinity:
                      requiredDuringSchedulingIgnoredDuringExecution:
                        nodeSelectorTerms:
                        - matchExpressions:
                          - key: node-role.kubernetes.io/control-plane
                            operator: DoesNotExist
                    podAntiAffinity:
                      preferredDuringSchedulingIgnoredDuringExecution:
                      - weight: 100
                        podAffinityTerm:
                          topologyKey: kubernetes.io/hostname
                          labelSelector:
                            matchLabels:
                              app.kubernetes.io/name: shop-api
                  tolerations:
                  - key: node-role.kubernetes.io/control-plane
                    operator: Exists
                    effect: NoSchedule
                  - key: node.kubernetes.io/unreachable
                    operator: Exists
                    effect: NoExecute
                    tolerationSeconds: 300
                  initContainers:
                  - name: migrate
                    image: registry.example.com/shop/api:1.4.2
                    command: ["/app/migrate", "--wait"]
                    envFrom:
                    - secretRef:
                        name: shop-db
                  containers:
                  - name: api
                    image: registry.example.com/shop/api:1.4.2
                    imagePullPolicy: IfNotPresent
                    args: ["--port=8080", "--metrics-port=9090"]
                    ports:
                    - name: http
                      containerPort: 8080
                    - name: metrics
                      containerPort: 9090
                      protocol: TCP
                    env:
                    - name: LOG_LEVEL
                      value: info
                    - name: FEATURE_FLAGS
                      value: "yes"
                    - name: POD_IP
                      valueFrom:
                        fieldRef:
                          fieldPath: status.podIP
                    - name: DB_PASSWORD
                      valueFrom:
                        secretKeyRef:
                          name: shop-db
                          key: password
                    - name: CACHE_SIZE
                      valueFrom:
                        configMapKeyRef:
                          name: shop-config
                          key: cache-size
                          optional: true
                    resources:
                      requests:
                        cpu: 250m
                        memory: 128Mi
                      limits:
                        cpu: 1
                        memory: 512Mi
                        ephemeral-storage: 1Gi
                    readinessProbe:
                      httpGet:
                        path: /healthz
                        port: http
                      initialDelaySeconds: 5
                      periodSeconds: 10
                    livenessProbe:
                      tcpSocket:
                        port: 8080
                      failureThreshold: 3
                    startupProbe:
                      exec:
                        command: ["cat", "/tmp/ready"]
                    lifecycle:
                      preStop:
                        exec:
                          command: ["sleep", "5"]
                    securityContext:
                      allowPrivilegeEscalation: false
                      readOnlyRootFilesystem: true
                      capabilities:
                        drop: ["ALL"]
                    volumeMounts:
                    - name: config
                      mountPath: /etc/shop
                      readOnly: true
                    - name: tmp
                      mountPath: /tmp
                    - name: data
                      mountPath: /var/lib/shop
                  volumes:
                  - name: config
                    configMap:
                      name: shop-config
                      defaultMode: 0444
                      items:
                      - key: app.yaml
                        path: app.yaml
                  - name: tmp
                    emptyDir:
                      medium: Memory
                      sizeLimit: 64Mi
                  - name: data
                    persistentVolumeClaim:
                      claimName: shop-data
            """)
        #expect(report.diagnostics.isEmpty, "\(report.findings)")
        #expect(report.objects.map(\.namespace) == ["shop"])
    }

    // MARK: fixtures

    /// A valid Deployment `web`; `replicas` is on line 6, the pod spec's extra line on 15, the container's ports from line 20.
    private func deployment(replicas: String = "1", podSpec: String = "", containerPorts: String = "- containerPort: 80") -> String {
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
        spec:
          replicas: \(replicas)
          selector:
            matchLabels:
              app: web
          template:
            metadata:
              labels:
                app: web
            spec:
              \(podSpec.isEmpty ? "dnsPolicy: ClusterFirst" : podSpec)
              containers:
              - name: web
                image: nginx:1.25
                ports:
                \(containerPorts)
        """
    }

    /// A valid Pod `web` with one container whose ports start on line 10.
    private func pod(ports: String) -> String {
        """
        apiVersion: v1
        kind: Pod
        metadata:
          name: web
        spec:
          containers:
          - name: web
            image: nginx:1.25
            ports:
            \(ports)
        """
    }
}
