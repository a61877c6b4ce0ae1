import Testing

@testable import ClusterSim

/// The simulated kubectl: kubectl's own tables, descriptions and errors over the simulated cluster.
///
/// Expected tables are written by hand from kubectl's format rules: Go's tabwriter with minwidth 6 and
/// padding 3 (cli-runtime `printers.GetNewTabWriter`), the last column unpadded; `describe` with minwidth 0
/// and padding 2 (kubectl `describe.tabbedString`); ages from apimachinery's `duration.HumanDuration`.
///
/// Time in these tests: the cluster starts 5 days old; every command moves the clock on 5 seconds,
/// and `apply` one more second per object before creating it.
@Suite struct KubectlTests {
    /// A kubectl whose cluster has `yaml` applied as `app.yaml` (the apply must succeed).
    static func cluster(_ yaml: String) -> Kubectl {
        var kubectl = Kubectl(files: ["app.yaml": Array(yaml.utf8)])
        let output = kubectl.run("kubectl apply -f app.yaml")
        #expect(output.exitCode == 0, "apply failed: \(output.stderr)")
        return kubectl
    }

    /// Compares output line by line, so that a failure names the line that differs.
    static func expectLines(_ text: String, _ expected: [String], sourceLocation: SourceLocation = #_sourceLocation) {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.last == "", "output must end with a newline", sourceLocation: sourceLocation)
        let body = Array(lines.dropLast())
        #expect(body.count == expected.count, "\(body.count) lines, expected \(expected.count):\n\(text)", sourceLocation: sourceLocation)
        for (i, line) in body.enumerated() where i < expected.count {
            #expect(line == expected[i], "line \(i + 1)", sourceLocation: sourceLocation)
        }
    }

    static let threeServices = """
        apiVersion: v1
        kind: Service
        metadata:
          name: web
        spec:
          selector:
            app: web
          ports:
          - port: 80
            targetPort: 80
        ---
        apiVersion: v1
        kind: Service
        metadata:
          name: web-np
        spec:
          type: NodePort
          selector:
            app: web
          ports:
          - port: 80
            targetPort: 80
            nodePort: 30036
        ---
        apiVersion: v1
        kind: Service
        metadata:
          name: web-lb
        spec:
          type: LoadBalancer
          selector:
            app: web
          ports:
          - port: 80
            targetPort: 80
            nodePort: 30080
        """

    static let webPod = """
        apiVersion: v1
        kind: Pod
        metadata:
          name: web
          labels:
            app: web
        spec:
          containers:
          - name: web
            image: nginx:1.27
            ports:
            - containerPort: 80
        """

    static let clientPod = """
        apiVersion: v1
        kind: Pod
        metadata:
          name: client
        spec:
          containers:
          - name: client
            image: curlimages/curl:8.11.0
        """

    static let webService = """
        apiVersion: v1
        kind: Service
        metadata:
          name: web
        spec:
          selector:
            app: web
          ports:
          - port: 80
            targetPort: 80
        """

    /// A Deployment of two nginx Pods, their Service, and a client Pod with curl.
    static let app = [webDeployment, webService, clientPod].joined(separator: "\n---\n")

    static let webDeployment = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
          labels:
            app: web
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
              - name: web
                image: nginx:1.27
                ports:
                - containerPort: 80
        """

    // MARK: get: tables as kubectl prints them

    @Test func getServicesWideMatchesRealKubectlForClusterIPNodePortAndLoadBalancer() {
        var kubectl = Self.cluster(Self.threeServices)
        let output = kubectl.run("kubectl get svc -o wide")
        #expect(output.exitCode == 0)
        #expect(output.stderr == "")
        Self.expectLines(
            output.stdout,
            [
                "NAME         TYPE           CLUSTER-IP   EXTERNAL-IP      PORT(S)        AGE   SELECTOR",
                "kubernetes   ClusterIP      10.96.0.1    <none>           443/TCP        5d    <none>",
                "web          ClusterIP      10.96.0.11   <none>           80/TCP         7s    app=web",
                "web-lb       LoadBalancer   10.96.0.13   192.168.50.240   80:30080/TCP   5s    app=web",
                "web-np       NodePort       10.96.0.12   <none>           80:30036/TCP   6s    app=web",
            ])
    }

    @Test func getServicesWithoutWideHasNoSelectorColumn() {
        var kubectl = Self.cluster(Self.threeServices)
        Self.expectLines(
            kubectl.run("get services").stdout,
            [
                "NAME         TYPE           CLUSTER-IP   EXTERNAL-IP      PORT(S)        AGE",
                "kubernetes   ClusterIP      10.96.0.1    <none>           443/TCP        5d",
                "web          ClusterIP      10.96.0.11   <none>           80/TCP         7s",
                "web-lb       LoadBalancer   10.96.0.13   192.168.50.240   80:30080/TCP   5s",
                "web-np       NodePort       10.96.0.12   <none>           80:30036/TCP   6s",
            ])
    }

    @Test func loadBalancerWithoutAFreePoolAddressShowsPending() throws {
        // Eleven LoadBalancer Services use up the pool 192.168.50.240-250; the twelfth waits.
        let services = (1...12).map { i in
            """
            apiVersion: v1
            kind: Service
            metadata:
              name: lb\(i)
            spec:
              type: LoadBalancer
              ports:
              - port: 80
            """
        }.joined(separator: "\n---\n")
        var kubectl = Self.cluster(services)
        let table = kubectl.run("get svc lb11 lb12").stdout
        let lines = table.split(separator: "\n").map(String.init)
        try #require(lines.count == 3)
        #expect(lines[1].contains("192.168.50.250"))
        #expect(lines[2].contains("<pending>"))
    }

    @Test func severalPortsAreJoinedWithCommas() {
        var kubectl = Self.cluster(
            """
            apiVersion: v1
            kind: Service
            metadata:
              name: dual
            spec:
              type: NodePort
              selector:
                tier: front
                app: web
              ports:
              - name: http
                port: 80
                nodePort: 30001
              - name: https
                port: 443
                nodePort: 30002
            """)
        let line = kubectl.run("get svc dual -o wide").stdout.split(separator: "\n").last.map(String.init) ?? ""
        #expect(line.hasPrefix("dual   NodePort   10.96.0.11   <none>        80:30001/TCP,443:30002/TCP   "))
        #expect(line.hasSuffix("   app=web,tier=front"))
    }

    @Test func getPodsWideShowsNoneForAPendingPodsIPAndNode() {
        var kubectl = Self.cluster(
            Self.webPod.replacing("name: web\n  labels", with: "name: a\n  labels") + "\n---\n"
                + """
                apiVersion: v1
                kind: Pod
                metadata:
                  name: b
                spec:
                  nodeSelector:
                    disk: ssd
                  containers:
                  - name: b
                    image: nginx
                """)
        Self.expectLines(
            kubectl.run("get pods -o wide").stdout,
            [
                "NAME   READY   STATUS    RESTARTS   AGE   IP           NODE     NOMINATED NODE   READINESS GATES",
                "a      1/1     Running   0          6s    10.244.1.2   w1       <none>           <none>",
                "b      0/1     Pending   0          5s    <none>       <none>   <none>           <none>",
            ])
        Self.expectLines(
            kubectl.run("get po").stdout,
            [
                "NAME   READY   STATUS    RESTARTS   AGE",
                "a      1/1     Running   0          11s",
                "b      0/1     Pending   0          10s",
            ])
    }

    @Test func getDeploymentsCountsReadyUpToDateAndAvailablePods() {
        var kubectl = Self.cluster(Self.webDeployment)
        Self.expectLines(
            kubectl.run("get deploy").stdout,
            [
                "NAME   READY   UP-TO-DATE   AVAILABLE   AGE",
                "web    2/2     2            2           5s",
            ])
        let wide = kubectl.run("get deployments -o wide").stdout
        Self.expectLines(
            wide,
            [
                "NAME   READY   UP-TO-DATE   AVAILABLE   AGE   CONTAINERS   IMAGES       SELECTOR",
                "web    2/2     2            2           10s   web          nginx:1.27   app=web",
            ])
    }

    @Test func getEndpointsListsReadyPodsAndCutsAfterThree() {
        let pods = (1...4).map { i in Self.webPod.replacing("name: web\n  labels", with: "name: web\(i)\n  labels") }
        var kubectl = Self.cluster((pods + [Self.webService]).joined(separator: "\n---\n"))
        // The scheduler spreads the Pods over w1 and w2; addresses are listed as the endpoints controller sorts them.
        Self.expectLines(
            kubectl.run("get endpoints").stdout,
            [
                "NAME         ENDPOINTS                                               AGE",
                "kubernetes   192.168.50.10:6443                                      5d",
                "web          10.244.1.2:80,10.244.1.3:80,10.244.2.2:80 + 1 more...   5s",
            ])
    }

    @Test func endpointsAreNoneWhenNoPodIsReady() {
        var kubectl = Self.cluster(Self.webService)
        Self.expectLines(
            kubectl.run("get ep web").stdout,
            [
                "NAME   ENDPOINTS   AGE",
                "web    <none>      5s",
            ])
    }

    @Test func getIngressShowsNoneClassStarHostsAndPort80() {
        var kubectl = Self.cluster(
            """
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            metadata:
              name: catch-all
            spec:
              defaultBackend:
                service:
                  name: web
                  port:
                    number: 80
            ---
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            metadata:
              name: shop
            spec:
              ingressClassName: nginx
              rules:
              - host: shop.example.com
                http:
                  paths:
                  - path: /
                    pathType: Prefix
                    backend:
                      service:
                        name: web
                        port:
                          number: 80
            """)
        // No ingress controller runs yet, so no address has been published.
        Self.expectLines(
            kubectl.run("get ing").stdout,
            [
                "NAME        CLASS    HOSTS              ADDRESS   PORTS   AGE",
                "catch-all   <none>   *                            80      6s",
                "shop        nginx    shop.example.com             80      5s",
            ])
    }

    @Test func getNodesShowsRolesVersionAndWideAddresses() {
        var kubectl = Kubectl()
        Self.expectLines(
            kubectl.run("get nodes").stdout,
            [
                "NAME     STATUS   ROLES           AGE   VERSION",
                "master   Ready    control-plane   5d    v1.31.2",
                "w1       Ready    <none>          5d    v1.31.2",
                "w2       Ready    <none>          5d    v1.31.2",
            ])
        Self.expectLines(
            kubectl.run("get no -o wide").stdout,
            [
                "NAME     STATUS   ROLES           AGE   VERSION   INTERNAL-IP     EXTERNAL-IP   OS-IMAGE             KERNEL-VERSION     CONTAINER-RUNTIME",
                "master   Ready    control-plane   5d    v1.31.2   192.168.50.10   <none>        Ubuntu 24.04.1 LTS   6.8.0-49-generic   containerd://1.7.22",
                "w1       Ready    <none>          5d    v1.31.2   192.168.50.15   <none>        Ubuntu 24.04.1 LTS   6.8.0-49-generic   containerd://1.7.22",
                "w2       Ready    <none>          5d    v1.31.2   192.168.50.16   <none>        Ubuntu 24.04.1 LTS   6.8.0-49-generic   containerd://1.7.22",
            ])
    }

    @Test func getNamespacesAndAllNamespacesColumn() {
        var kubectl = Kubectl()
        Self.expectLines(
            kubectl.run("get ns").stdout,
            [
                "NAME              STATUS   AGE",
                "default           Active   5d",
                "kube-node-lease   Active   5d",
                "kube-public       Active   5d",
                "kube-system       Active   5d",
            ])
        let all = kubectl.run("get svc -A").stdout
        Self.expectLines(
            all,
            [
                "NAMESPACE     NAME         TYPE        CLUSTER-IP   EXTERNAL-IP   PORT(S)                  AGE",
                "default       kubernetes   ClusterIP   10.96.0.1    <none>        443/TCP                  5d",
                "kube-system   kube-dns     ClusterIP   10.96.0.10   <none>        53/UDP,53/TCP,9153/TCP   5d",
            ])
        // Nodes have no namespace: -A adds no column.
        #expect(kubectl.run("get nodes --all-namespaces").stdout.hasPrefix("NAME     STATUS"))
    }

    @Test func getAllPrintsOneTablePerKindWithKindPrefixes() throws {
        var kubectl = Self.cluster(Self.webDeployment)
        let output = kubectl.run("get all").stdout
        let tables = output.split(separator: "\n\n", omittingEmptySubsequences: false).map(String.init)
        try #require(tables.count == 4)
        #expect(tables[0].hasPrefix("NAME                       READY   STATUS    RESTARTS   AGE\npod/web-"))
        #expect(tables[1].hasPrefix("NAME                 TYPE        CLUSTER-IP   EXTERNAL-IP   PORT(S)   AGE\nservice/kubernetes   "))
        #expect(tables[2] == "NAME                  READY   UP-TO-DATE   AVAILABLE   AGE\ndeployment.apps/web   2/2     2            2           5s")
        #expect(tables[3].hasPrefix("NAME                             DESIRED   CURRENT   READY   AGE\nreplicaset.apps/web-"))
    }

    @Test func showLabelsAndLabelSelectorsFilterLikeKubectl() {
        var kubectl = Self.cluster([Self.webPod, Self.clientPod].joined(separator: "\n---\n"))
        Self.expectLines(
            kubectl.run("get pods --show-labels").stdout,
            [
                "NAME     READY   STATUS    RESTARTS   AGE   LABELS",
                "client   1/1     Running   0          5s    <none>",
                "web      1/1     Running   0          6s    app=web",
            ])
        Self.expectLines(
            kubectl.run("get pods -l app=web").stdout,
            [
                "NAME   READY   STATUS    RESTARTS   AGE",
                "web    1/1     Running   0          11s",
            ])
        #expect(kubectl.run("get pods -l app=nothing").stderr == "No resources found in default namespace.\n")
        #expect(kubectl.run("get pods -l app!=web -o name").stdout == "pod/client\n")
    }

    @Test func crashLoopRestartsShowCountAndHowLongAgo() {
        // Two nginx containers in one Pod: the second cannot bind port 80 and keeps crashing.
        var kubectl = Self.cluster(
            """
            apiVersion: v1
            kind: Pod
            metadata:
              name: twins
            spec:
              containers:
              - name: first
                image: nginx
              - name: second
                image: nginx
            """)
        for _ in 0..<6 { _ = kubectl.run("") }  // empty lines do not move the clock
        // Created at +6; now +10: the second container started at +8 and has not been restarted yet.
        #expect(kubectl.run("get pods").stdout.contains("twins   1/2     CrashLoopBackOff   0          5s"))
        for _ in 0..<8 { _ = kubectl.run("version") }
        // Now +56: started at +8, restarted after 10s (+18) and 20s (+38): 2 restarts, the last 18s ago.
        let line = kubectl.run("get pods").stdout.split(separator: "\n").last.map(String.init) ?? ""
        #expect(line == "twins   1/2     CrashLoopBackOff   2 (18s ago)   50s")
    }

    // MARK: get -o yaml, json, jsonpath

    @Test func serviceYAMLCarriesClusterIPNodePortAndLoadBalancerAddress() {
        var kubectl = Self.cluster(Self.threeServices)
        let yaml = kubectl.run("get svc web-lb -o yaml").stdout
        #expect(yaml.hasPrefix("apiVersion: v1\nkind: Service\nmetadata:\n  annotations:\n    kubectl.kubernetes.io/last-applied-configuration: |\n"))
        for line in [
            "  clusterIP: 10.96.0.13", "  clusterIPs:\n  - 10.96.0.13", "  - nodePort: 30080", "    port: 80", "    protocol: TCP",
            "  type: LoadBalancer", "status:\n  loadBalancer:\n    ingress:\n    - ip: 192.168.50.240\n      ipMode: VIP",
            "  allocateLoadBalancerNodePorts: true", "  externalTrafficPolicy: Cluster", "  sessionAffinity: None",
            "  creationTimestamp: \"2025-01-11T09:00:08Z\"",
        ] {
            #expect(yaml.contains(line + "\n"), "missing \(line)")
        }
        let clusterIP = kubectl.run("get svc web -o yaml").stdout
        #expect(clusterIP.contains("status:\n  loadBalancer: {}\n"))
    }

    @Test func podYAMLCarriesPodIPHostIPAndPhase() {
        var kubectl = Self.cluster(Self.webPod)
        let yaml = kubectl.run("get pod web -o yaml").stdout
        for line in [
            "  nodeName: w1", "  hostIP: 192.168.50.15", "  phase: Running", "  podIP: 10.244.1.2", "  podIPs:\n  - ip: 10.244.1.2",
            "    ready: true", "  - containerPort: 80", "    image: nginx:1.27",
        ] {
            #expect(yaml.contains(line + "\n"), "missing \(line)")
        }
        let list = kubectl.run("get pods -o yaml").stdout
        #expect(list.hasPrefix("apiVersion: v1\nitems:\n- apiVersion: v1\n  kind: Pod\n"))
        #expect(list.hasSuffix("kind: List\nmetadata:\n  resourceVersion: \"\"\n"))
    }

    @Test func jsonAndJsonPathReadTheSameObject() {
        var kubectl = Self.cluster([Self.webPod, Self.webService].joined(separator: "\n---\n"))
        #expect(kubectl.run("get svc web -o jsonpath='{.spec.clusterIP}'").stdout == "10.96.0.11")
        #expect(kubectl.run("get pods -o jsonpath={.items[*].status.podIP}").stdout == "10.244.1.2")
        #expect(
            kubectl.run(#"get pods -o jsonpath='{range .items[*]}{.metadata.name}{"\t"}{.spec.nodeName}{"\n"}{end}'"#).stdout
                == "web\tw1\n")
        let json = kubectl.run("get svc web -o json").stdout
        #expect(json.hasPrefix("{\n    \"apiVersion\": \"v1\",\n    \"kind\": \"Service\",\n"))
        #expect(json.contains("        \"clusterIP\": \"10.96.0.11\",\n"))
    }

    @Test func unknownOutputFormatListsTheAllowedOnes() {
        var kubectl = Kubectl()
        let output = kubectl.run("get pods -o table")
        #expect(output.exitCode == 1)
        #expect(
            output.stderr
                == "error: unable to match a printer suitable for the output format \"table\", allowed formats are: custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml\n"
        )
    }

    // MARK: describe

    @Test func describeServiceUsesKubectlsLayout() {
        var kubectl = Self.cluster([Self.webPod, Self.webService].joined(separator: "\n---\n"))
        Self.expectLines(
            kubectl.run("describe svc web").stdout,
            [
                "Name:                     web",
                "Namespace:                default",
                "Labels:                   <none>",
                "Annotations:              <none>",
                "Selector:                 app=web",
                "Type:                     ClusterIP",
                "IP Family Policy:         SingleStack",
                "IP Families:              IPv4",
                "IP:                       10.96.0.11",
                "IPs:                      10.96.0.11",
                "Port:                     <unset>  80/TCP",
                "TargetPort:               80/TCP",
                "Endpoints:                10.244.1.2:80",
                "Session Affinity:         None",
                "Internal Traffic Policy:  Cluster",
                "Events:                   <none>",
            ])
    }

    @Test func describeNodePortServiceShowsNodePortAndExternalTrafficPolicy() {
        var kubectl = Self.cluster(Self.threeServices)
        let text = kubectl.run("describe service web-np").stdout
        #expect(text.contains("\nNodePort:                 <unset>  30036/TCP\n"))
        #expect(text.contains("\nEndpoints:                <none>\n"))
        #expect(text.contains("\nExternal Traffic Policy:  Cluster\n"))
        let lb = kubectl.run("describe svc web-lb").stdout
        #expect(lb.contains("\nLoadBalancer Ingress:     192.168.50.240 (VIP)\n"))
    }

    @Test func describePodShowsNodeIPContainersConditionsAndEvents() {
        var kubectl = Self.cluster(Self.webPod)
        let text = kubectl.run("describe pod web").stdout
        let expectedStart = [
            "Name:             web",
            "Namespace:        default",
            "Priority:         0",
            "Service Account:  default",
            "Node:             w1/192.168.50.15",
            "Start Time:       Sat, 11 Jan 2025 09:00:06 +0000",
            "Labels:           app=web",
            "Annotations:      <none>",
            "Status:           Running",
            "IP:               10.244.1.2",
            "IPs:",
            "  IP:  10.244.1.2",
            "Containers:",
            "  web:",
        ]
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(Array(lines.prefix(expectedStart.count)) == expectedStart)
        for line in [
            "    Image:          nginx:1.27", "    Port:           80/TCP", "    Host Port:      0/TCP", "    State:          Running",
            "    Ready:          True", "    Restart Count:  0", "  Ready                       True ", "QoS Class:                   BestEffort",
            "Node-Selectors:              <none>", "Tolerations:                 node.kubernetes.io/not-ready:NoExecute op=Exists for 300s",
            "  Normal  Scheduled  5s    default-scheduler  Successfully assigned default/web to w1",
        ] {
            #expect(lines.contains(line), "missing \(line)")
        }
    }

    @Test func describePendingPodExplainsTheSchedulerInItsEvents() {
        var kubectl = Self.cluster(
            """
            apiVersion: v1
            kind: Pod
            metadata:
              name: picky
            spec:
              nodeSelector:
                disk: ssd
              containers:
              - name: app
                image: nginx
            """)
        let text = kubectl.run("describe po picky").stdout
        #expect(text.contains("\nNode:             <none>\n"))
        #expect(text.contains("\nStatus:           Pending\n"))
        #expect(text.contains("\nIPs:              <none>\n"))
        #expect(text.contains("\n  PodScheduled   False \n"))
        #expect(text.contains("\nNode-Selectors:              disk=ssd\n"))
        #expect(
            text.contains(
                "  Warning  FailedScheduling  5s    default-scheduler  0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 node(s) didn't match Pod's node affinity/selector. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.\n"
            ))
    }

    @Test func describeMatchesGeneratedPodNamesByPrefix() {
        var kubectl = Self.cluster(Self.webDeployment)
        let output = kubectl.run("describe pods web")
        #expect(output.exitCode == 0)
        #expect(output.stdout.components(separatedByString: "\nControlled By:  ReplicaSet/web-").count == 3)
        // Two descriptions are separated by two blank lines.
        #expect(output.stdout.contains("\n\n\nName:             web-"))
        let missing = kubectl.run("describe pod nothing")
        #expect(missing.exitCode == 1)
        #expect(missing.stderr == "Error from server (NotFound): pods \"nothing\" not found\n")
    }

    @Test func describeIngressListsRulesBackendsAndEndpoints() {
        var kubectl = Self.cluster(
            [
                Self.webPod, Self.webService,
                """
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata:
                  name: shop
                spec:
                  ingressClassName: nginx
                  rules:
                  - host: shop.example.com
                    http:
                      paths:
                      - path: /
                        pathType: Prefix
                        backend:
                          service:
                            name: web
                            port:
                              number: 80
                      - path: /api
                        pathType: Prefix
                        backend:
                          service:
                            name: api
                            port:
                              number: 8080
                """,
            ].joined(separator: "\n---\n"))
        Self.expectLines(
            kubectl.run("describe ingress shop").stdout,
            [
                "Name:             shop",
                "Labels:           <none>",
                "Namespace:        default",
                "Address:          ",
                "Ingress Class:    nginx",
                "Default backend:  <default>",
                "Rules:",
                "  Host              Path  Backends",
                "  ----              ----  --------",
                "  shop.example.com  ",
                "                    /      web:80 (10.244.1.2:80)",
                "                    /api   api:8080 (<error: services \"api\" not found>)",
                "Annotations:        <none>",
                "Events:             <none>",
            ])
    }

    @Test func describeNodeShowsRolesTaintsAddressesAndPodCIDR() {
        var kubectl = Kubectl()
        let master = kubectl.run("describe node master").stdout
        for line in [
            "Name:               master", "Roles:              control-plane",
            "Taints:             node-role.kubernetes.io/control-plane:NoSchedule", "  InternalIP:  192.168.50.10",
            "PodCIDR:                      10.244.0.0/24", "Non-terminated Pods:          (2 in total)",
            "                    flannel.alpha.coreos.com/backend-type: vxlan",
        ] {
            #expect(master.contains("\n" + line + "\n") || master.hasPrefix(line + "\n"), "missing \(line)")
        }
        let w1 = kubectl.run("describe no w1").stdout
        #expect(w1.contains("\nRoles:              <none>\n"))
        #expect(w1.contains("\nTaints:             <none>\n"))
        #expect(w1.contains("\nPodCIDR:                      10.244.1.0/24\n"))
        #expect(w1.hasSuffix("Events:              <none>\n"))
    }

    // MARK: apply

    @Test func applyPrintsCreatedThenUnchangedThenConfigured() {
        var kubectl = Kubectl(files: ["app.yaml": Array(Self.app.utf8)])
        let first = kubectl.run("kubectl apply -f app.yaml")
        #expect(first.stdout == "deployment.apps/web created\nservice/web created\npod/client created\n")
        #expect(first.stderr == "")
        #expect(first.exitCode == 0)
        let second = kubectl.run("kubectl apply -f app.yaml")
        #expect(second.stdout == "deployment.apps/web unchanged\nservice/web unchanged\npod/client unchanged\n")
        kubectl.files["app.yaml"] = Array(Self.app.replacing("replicas: 2", with: "replicas: 3").utf8)
        let third = kubectl.run("apply -f app.yaml")
        #expect(third.stdout == "deployment.apps/web configured\nservice/web unchanged\npod/client unchanged\n")
        #expect(kubectl.cluster.pods.filter { $0.owner == "web" }.count == 3)
    }

    @Test func applyPrintsKubectlErrorsAndStillAppliesTheValidObjects() {
        let yaml = """
            apiVersion: v1
            kind: Service
            metadata:
              name: bad
            spec:
              type: NodePort
              ports:
              - port: 80
                nodePort: 40000
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: broken
            spec:
              template:
                metadata:
                  labels:
                    app: broken
                spec:
                  containers:
                  - name: web
                    image: nginx
            ---
            \(Self.webService)
            """
        var kubectl = Kubectl(files: ["app.yaml": Array(yaml.utf8)])
        let output = kubectl.run("apply -f app.yaml")
        #expect(output.exitCode == 1)
        #expect(output.stdout == "service/web created\n")
        #expect(
            output.stderr == """
                The Service "bad" is invalid: spec.ports[0].nodePort: Invalid value: 40000: provided port is not in the valid range. The range of valid ports is 30000-32767
                The Deployment "broken" is invalid: 
                * spec.selector: Required value
                * spec.template.metadata.labels: Invalid value: map[string]string{"app":"broken"}: `selector` does not match template `labels`

                """)
        #expect(kubectl.cluster.service(named: "web") != nil)
        #expect(kubectl.cluster.service(named: "bad") == nil)
    }

    @Test func applyPrintsWarningsOnStandardError() {
        let yaml = """
            apiVersion: v1
            kind: Pod
            metadata:
              name: twins
            spec:
              containers:
              - name: a
                image: nginx
                ports:
                - containerPort: 80
              - name: b
                image: nginx
                ports:
                - containerPort: 80
            """
        var kubectl = Kubectl(files: ["twins.yaml": Array(yaml.utf8)])
        let output = kubectl.run("apply -f twins.yaml")
        #expect(output.exitCode == 0)
        #expect(output.stdout == "pod/twins created\n")
        #expect(output.stderr == "Warning: spec.containers[1].ports[0]: duplicate port definition with spec.containers[0].ports[0]\n")
    }

    @Test func applyNeedsAFileThatExists() {
        var kubectl = Kubectl()
        #expect(kubectl.run("apply -f nginx.yaml") == KubectlOutput(stderr: "error: the path \"nginx.yaml\" does not exist\n", exitCode: 1))
        #expect(kubectl.run("apply") == KubectlOutput(stderr: "error: must specify one of -f and -k\n", exitCode: 1))
    }

    @Test func applyIntoAMissingNamespaceIsNotFound() {
        var kubectl = Kubectl(files: ["app.yaml": Array(Self.webService.replacing("name: web\n", with: "name: web\n  namespace: shop\n").utf8)])
        let output = kubectl.run("apply -f app.yaml")
        #expect(output.exitCode == 1)
        #expect(output.stderr == "Error from server (NotFound): error when creating \"app.yaml\": namespaces \"shop\" not found\n")
    }

    // MARK: delete

    @Test func deleteFromAFileDeletesEachObjectAndReportsTheMissingOnes() {
        var kubectl = Self.cluster(Self.app)
        #expect(kubectl.run("delete svc web") == KubectlOutput(stdout: "service \"web\" deleted\n"))
        let output = kubectl.run("delete -f app.yaml")
        #expect(output.stdout == "deployment.apps \"web\" deleted\npod \"client\" deleted\n")
        #expect(output.stderr == "Error from server (NotFound): error when deleting \"app.yaml\": services \"web\" not found\n")
        #expect(output.exitCode == 1)
        #expect(kubectl.run("get pods").stderr == "No resources found in default namespace.\n")
    }

    @Test func deletingADeploymentsPodMakesItsReplicaSetReplaceIt() throws {
        var kubectl = Self.cluster(Self.webDeployment)
        let victim = try #require(kubectl.cluster.pods.first { $0.owner == "web" })
        #expect(kubectl.run("delete pod \(victim.name)").stdout == "pod \"\(victim.name)\" deleted\n")
        let pods = kubectl.cluster.pods.filter { $0.owner == "web" }
        #expect(pods.count == 2)
        #expect(!pods.contains { $0.name == victim.name })
        #expect(pods.allSatisfy { $0.isReady })
    }

    @Test func deletingWhatDoesNotExistIsNotFound() {
        var kubectl = Kubectl()
        #expect(kubectl.run("delete pod ghost") == KubectlOutput(stderr: "Error from server (NotFound): pods \"ghost\" not found\n", exitCode: 1))
        #expect(
            kubectl.run("delete deploy ghost")
                == KubectlOutput(stderr: "Error from server (NotFound): deployments.apps \"ghost\" not found\n", exitCode: 1))
        #expect(kubectl.run("delete svc").stderr == "error: resource(s) were provided, but no name was specified\n")
        #expect(
            kubectl.run("delete ns default").stderr
                == "Error from server (Forbidden): namespaces \"default\" is forbidden: this namespace may not be deleted\n")
    }

    // MARK: label and scale

    @Test func labellingANodeSchedulesThePodWaitingForIt() {
        var kubectl = Self.cluster(
            """
            apiVersion: v1
            kind: Pod
            metadata:
              name: picky
            spec:
              nodeSelector:
                disk: ssd
              containers:
              - name: app
                image: nginx
            """)
        #expect(kubectl.cluster.pod(named: "picky")?.isScheduled == false)
        #expect(kubectl.run("label node w2 disk=ssd") == KubectlOutput(stdout: "node/w2 labeled\n"))
        #expect(kubectl.cluster.pod(named: "picky")?.nodeName == "w2")
        #expect(kubectl.run("get pods -o wide").stdout.contains("picky   1/1     Running   0          10s   10.244.2.2   w2     "))
    }

    @Test func labelNeedsOverwriteToChangeAValueAndRemovesWithDash() {
        var kubectl = Kubectl()
        #expect(kubectl.run("label node w1 disk=ssd").stdout == "node/w1 labeled\n")
        #expect(
            kubectl.run("label node w1 disk=hdd")
                == KubectlOutput(stderr: "error: 'disk' already has a value (ssd), and --overwrite is false\n", exitCode: 1))
        #expect(kubectl.run("label node w1 disk=hdd --overwrite").stdout == "node/w1 labeled\n")
        #expect(kubectl.cluster.node(named: "w1")?.labels["disk"] == "hdd")
        #expect(kubectl.run("label node w1 disk-").stdout == "node/w1 unlabeled\n")
        #expect(kubectl.cluster.node(named: "w1")?.labels["disk"] == nil)
        #expect(kubectl.run("label nodes w9 a=b").stderr == "Error from server (NotFound): nodes \"w9\" not found\n")
        #expect(kubectl.run("label node w1").stderr == "error: at least one label update is required\n")
    }

    @Test func relabellingAPodTakesItOutOfTheServiceEndpoints() {
        var kubectl = Self.cluster([Self.webPod, Self.webService].joined(separator: "\n---\n"))
        #expect(kubectl.run("get ep web").stdout.contains("10.244.1.2:80"))
        #expect(kubectl.run("label pod web app=debug --overwrite").stdout == "pod/web labeled\n")
        #expect(kubectl.run("get ep web").stdout.contains("web    <none>"))
    }

    @Test func scaleChangesThePodCountAndReapplyKeepsIt() {
        var kubectl = Self.cluster(Self.webDeployment)
        #expect(kubectl.run("scale deployment web --replicas=4").stdout == "deployment.apps/web scaled\n")
        #expect(kubectl.cluster.pods.filter { $0.owner == "web" }.count == 4)
        // kubectl scale leaves the last-applied configuration alone: the same file is unchanged and keeps 4.
        #expect(kubectl.run("apply -f app.yaml").stdout == "deployment.apps/web unchanged\n")
        #expect(kubectl.cluster.pods.filter { $0.owner == "web" }.count == 4)
        #expect(kubectl.run("scale deploy/web --replicas 1").exitCode == 0)
        #expect(kubectl.run("get deploy").stdout.contains("web    1/1     1            1           "))
        #expect(kubectl.run("scale deploy web").stderr == "error: required flag(s) \"replicas\" not set\n")
    }

    // MARK: exec

    @Test func execCurlPrintsTheResponseBody() {
        var kubectl = Self.cluster(Self.app)
        let output = kubectl.run("kubectl exec client -- curl -s http://web")
        #expect(output.exitCode == 0)
        #expect(output.stderr == "")
        #expect(output.stdout.hasPrefix("<!DOCTYPE html>\n<html>\n<head>\n<title>Welcome to nginx!</title>"))
        #expect(output.stdout.hasSuffix("</html>\n"))
        #expect(kubectl.run("exec client -- curl -s -o /dev/null -w '%{http_code}' web").stdout == "200")
    }

    @Test func execCurlFailuresPrintCurlsMessageAndTheExitCode() {
        var kubectl = Self.cluster(
            [
                Self.clientPod, Self.webService,
                """
                apiVersion: v1
                kind: Service
                metadata:
                  name: ip
                spec:
                  clusterIP: 10.96.0.20
                  selector:
                    app: web
                  ports:
                  - port: 80
                """,
            ].joined(separator: "\n---\n"))
        // No Pod behind the Service: kube-proxy rejects the connection.
        #expect(
            kubectl.run("exec client -- curl http://web")
                == KubectlOutput(
                    stderr: "curl: (7) Failed to connect to web port 80 after 0 ms: Couldn't connect to server\ncommand terminated with exit code 7\n",
                    exitCode: 7))
        #expect(
            kubectl.run("exec client -- curl -sS http://nothing")
                == KubectlOutput(stderr: "curl: (6) Could not resolve host: nothing\ncommand terminated with exit code 6\n", exitCode: 6))
        // A port the Service does not have matches no kube-proxy rule: the connection times out.
        #expect(
            kubectl.run("exec client -- curl -sS http://10.96.0.20:8080")
                == KubectlOutput(
                    stderr:
                        "curl: (28) Failed to connect to 10.96.0.20 port 8080 after 10001 ms: Timeout was reached\ncommand terminated with exit code 28\n",
                    exitCode: 28))
        // -s alone hides curl's message, not the status.
        #expect(kubectl.run("exec client -- curl -s http://web") == KubectlOutput(stderr: "command terminated with exit code 7\n", exitCode: 7))
    }

    @Test func execCurlWithAHostHeaderGoesThroughTheIngressController() {
        var kubectl = Self.cluster(
            [
                Self.webPod, Self.webService, Self.clientPod,
                """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: ingress
                spec:
                  replicas: 1
                  selector:
                    matchLabels:
                      app: ingress
                  template:
                    metadata:
                      labels:
                        app: ingress
                    spec:
                      hostNetwork: true
                      nodeSelector:
                        kubernetes.io/hostname: w2
                      containers:
                      - name: controller
                        image: registry.k8s.io/ingress-nginx/controller:v1.11.3
                ---
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata:
                  name: shop
                spec:
                  ingressClassName: nginx
                  rules:
                  - host: shop.example.com
                    http:
                      paths:
                      - path: /
                        pathType: Prefix
                        backend:
                          service:
                            name: web
                            port:
                              number: 80
                """,
            ].joined(separator: "\n---\n"))
        #expect(kubectl.run("get ing shop").stdout.contains("shop   nginx   shop.example.com   192.168.50.16   80      "))
        let routed = kubectl.run("exec client -- curl -s -H 'Host: shop.example.com' http://192.168.50.16/")
        #expect(routed.stdout.contains("Welcome to nginx!"))
        let unmatched = kubectl.run("exec client -- curl -s http://192.168.50.16/")
        #expect(unmatched.exitCode == 0)
        #expect(unmatched.stdout.contains("<head><title>404 Not Found</title></head>"))
        let failing = kubectl.run("exec client -- curl -sSf http://192.168.50.16/")
        #expect(failing.stderr == "curl: (22) The requested URL returned error: 404\ncommand terminated with exit code 22\n")
    }

    @Test func execNslookupAnswersLikeBusybox() {
        var kubectl = Self.cluster([Self.clientPod, Self.webService].joined(separator: "\n---\n"))
        #expect(
            kubectl.run("exec client -- nslookup web").stdout
                == "Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\nName:\tweb.default.svc.cluster.local\nAddress: 10.96.0.11\n\n")
        #expect(kubectl.run("exec client -- nslookup kube-dns.kube-system").stdout.contains("Name:\tkube-dns.kube-system.svc.cluster.local\nAddress: 10.96.0.10\n"))
        let missing = kubectl.run("exec client -- nslookup webb")
        #expect(missing.exitCode == 1)
        #expect(
            missing.stdout == "Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\n** server can't find webb.default.svc.cluster.local: NXDOMAIN\n\n")
        #expect(missing.stderr == "command terminated with exit code 1\n")
    }

    @Test func execOfAProgramTheImageLacksFailsLikeContainerd() {
        var kubectl = Self.cluster(Self.webPod)
        let output = kubectl.run("exec web -- nslookup web")
        #expect(output.exitCode == 1)
        #expect(output.stderr.hasPrefix("error: Internal error occurred: error executing command in container: failed to exec in container: failed to start exec \""))
        #expect(output.stderr.hasSuffix("\": OCI runtime exec failed: exec failed: unable to start container process: exec: \"nslookup\": executable file not found in $PATH: unknown\n"))
        // nginx ships curl, and localhost is the Pod itself.
        #expect(kubectl.run("exec web -- curl -s localhost").stdout.contains("Welcome to nginx!"))
    }

    @Test func execInAMultiContainerPodDefaultsToTheFirstContainer() {
        var kubectl = Self.cluster(
            """
            apiVersion: v1
            kind: Pod
            metadata:
              name: pair
            spec:
              containers:
              - name: main
                image: busybox
              - name: helper
                image: curlimages/curl
            """)
        let output = kubectl.run("exec pair -- hostname")
        #expect(output.stdout == "pair\n")
        #expect(output.stderr == "Defaulted container \"main\" out of: main, helper\n")
        #expect(kubectl.run("exec pair -c helper -- hostname") == KubectlOutput(stdout: "pair\n"))
        #expect(
            kubectl.run("exec pair -c nope -- hostname")
                == KubectlOutput(stderr: "Error from server (BadRequest): container nope is not valid for pod pair\n", exitCode: 1))
    }

    @Test func execNeedsAPodDashDashAndACommand() {
        var kubectl = Self.cluster(Self.clientPod)
        #expect(kubectl.run("exec ghost -- ls") == KubectlOutput(stderr: "Error from server (NotFound): pods \"ghost\" not found\n", exitCode: 1))
        #expect(
            kubectl.run("exec client curl web").stderr
                == "error: exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead\nSee 'kubectl exec -h' for help and examples\n")
        #expect(kubectl.run("exec client --").stderr == "error: you must specify at least one command for the container\n")
    }

    @Test func execIntoAPendingPodCannotReachItsContainer() {
        var kubectl = Self.cluster(
            """
            apiVersion: v1
            kind: Pod
            metadata:
              name: picky
            spec:
              nodeSelector:
                disk: ssd
              containers:
              - name: app
                image: busybox
            """)
        #expect(
            kubectl.run("exec picky -- hostname")
                == KubectlOutput(stderr: "error: unable to upgrade connection: container not found (\"app\")\n", exitCode: 1))
    }

    @Test func aHeadlessServiceWithoutReadyPodsHasNoNameToResolve() {
        var kubectl = Self.cluster(
            [
                Self.clientPod,
                """
                apiVersion: v1
                kind: Service
                metadata:
                  name: db
                spec:
                  clusterIP: None
                  selector:
                    app: db
                  ports:
                  - port: 5432
                """,
            ].joined(separator: "\n---\n"))
        #expect(kubectl.run("get svc db").stdout.contains("db     ClusterIP   None         <none>        5432/TCP   "))
        #expect(kubectl.run("exec client -- curl -sS http://db:5432").stderr.hasPrefix("curl: (6) Could not resolve host: db\n"))
        #expect(kubectl.run("exec client -- nslookup db").stdout.contains("** server can't find db.default.svc.cluster.local: NXDOMAIN"))
    }

    @Test func getEventsShowsWhyAPodIsPending() {
        var kubectl = Self.cluster(
            """
            apiVersion: v1
            kind: Pod
            metadata:
              name: picky
            spec:
              nodeSelector:
                disk: ssd
              containers:
              - name: app
                image: nginx
            """)
        let lines = kubectl.run("get events").stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "LAST SEEN   TYPE      REASON             OBJECT      MESSAGE")
        #expect(lines.last?.hasPrefix("5s          Warning   FailedScheduling   pod/picky   0/3 nodes are available: ") == true)
    }

    @Test func describeDeploymentShowsReplicasTemplateAndReplicaSet() throws {
        var kubectl = Self.cluster(Self.webDeployment)
        let hash = try #require(kubectl.cluster.deployments.first { $0.name == "web" }?.templateHash)
        let text = kubectl.run("describe deployment web").stdout
        for line in [
            "Name:                   web", "Selector:               app=web",
            "Replicas:               2 desired | 2 updated | 2 total | 2 available | 0 unavailable",
            "StrategyType:           RollingUpdate", "  Labels:  app=web", "   web:", "    Image:         nginx:1.27",
            "NewReplicaSet:   web-\(hash) (2/2 replicas created)",
            "  Normal  ScalingReplicaSet  5s    deployment-controller  Scaled up replica set web-\(hash) to 2",
        ] {
            #expect(text.contains("\n" + line + "\n") || text.hasPrefix(line + "\n"), "missing \(line)")
        }
    }

    // MARK: errors and robustness

    @Test func kubectlsErrorTextsForUnknownThings() {
        var kubectl = Kubectl()
        #expect(kubectl.run("get svc web") == KubectlOutput(stderr: "Error from server (NotFound): services \"web\" not found\n", exitCode: 1))
        #expect(kubectl.run("get pod web") == KubectlOutput(stderr: "Error from server (NotFound): pods \"web\" not found\n", exitCode: 1))
        #expect(kubectl.run("get foo") == KubectlOutput(stderr: "error: the server doesn't have a resource type \"foo\"\n", exitCode: 1))
        #expect(kubectl.run("get pods") == KubectlOutput(stderr: "No resources found in default namespace.\n"))
        #expect(kubectl.run("get ing -n shop") == KubectlOutput(stderr: "No resources found in shop namespace.\n"))
        #expect(kubectl.run("get configmaps") == KubectlOutput(stderr: "No resources found in default namespace.\n"))
        #expect(kubectl.run("get pods -A").stdout.hasPrefix("NAMESPACE     NAME                       READY"))
        #expect(kubectl.run("frobnicate") == KubectlOutput(stderr: "error: unknown command \"frobnicate\" for \"kubectl\"\n", exitCode: 1))
        #expect(
            kubectl.run("gt pods")
                == KubectlOutput(stderr: "error: unknown command \"gt\" for \"kubectl\"\n\nDid you mean this?\n\tcp\n\tget\n\tset\n", exitCode: 1))
        #expect(kubectl.run("get pods --foo") == KubectlOutput(stderr: "error: unknown flag: --foo\nSee 'kubectl get --help' for usage.\n", exitCode: 1))
        #expect(
            kubectl.run("get pods -z") == KubectlOutput(stderr: "error: unknown shorthand flag: 'z' in -z\nSee 'kubectl get --help' for usage.\n", exitCode: 1))
        #expect(
            kubectl.run("get pods -n")
                == KubectlOutput(stderr: "error: flag needs an argument: 'n' in -n\nSee 'kubectl get --help' for usage.\n", exitCode: 1))
        #expect(kubectl.run("get").stderr.contains("error: Required resource not specified."))
    }

    @Test func leadingKubectlGlobalFlagsAndShellQuotingAreAccepted() {
        var kubectl = Kubectl()
        let plain = kubectl.run("get svc -n kube-system").stdout
        #expect(kubectl.run("kubectl -n kube-system get svc").stdout == plain.replacing("10s", with: "15s"))
        #expect(kubectl.run("  kubectl   get   'svc'   --namespace=\"kube-system\"  ").stdout.contains("kube-dns"))
        #expect(kubectl.run("kubectl get svc,pods -n kube-system -o name") == KubectlOutput(stdout: "service/kube-dns\npod/coredns-5d78c9869d-5nrdk\npod/coredns-5d78c9869d-vlmp9\n"))
    }

    @Test func emptyLinesUnbalancedQuotesPipesAndHugeInputDoNotCrash() {
        var kubectl = Kubectl()
        let clock = kubectl.cluster.clock
        #expect(kubectl.run("") == KubectlOutput())
        #expect(kubectl.run("   \t ") == KubectlOutput())
        #expect(kubectl.cluster.clock == clock)
        #expect(kubectl.run("get pods -l 'app=web") == KubectlOutput(stderr: "bash: unexpected EOF while looking for matching `''\n", exitCode: 2))
        #expect(kubectl.run("get pods | grep web").exitCode == 2)
        let huge = kubectl.run(String(repeating: "a", count: 100_000))
        #expect(huge.exitCode == 1)
        #expect(huge.stderr.hasPrefix("error: the command line is too long"))
        #expect(kubectl.run(String(repeating: "get ", count: 5000)).exitCode == 1)
        #expect(kubectl.run("kubectl").stdout.hasPrefix("kubectl controls the Kubernetes cluster manager."))
    }

    @Test func randomCommandLinesNeverCrash() {
        // A seeded generator over kubectl's vocabulary and odd characters: every line must come back with an answer.
        let words = [
            "get", "describe", "apply", "delete", "label", "exec", "scale", "pods", "po", "svc", "deploy", "ep", "ing", "no", "ns", "rs",
            "all", "events", "web", "client", "w1", "-o", "wide", "yaml", "json", "name", "jsonpath={.items[*]}", "-n", "-A", "-l", "app=web",
            "--show-labels", "--", "curl", "-s", "http://web", "nslookup", "wget", "-qO-", "-f", "app.yaml", "-c", "--replicas=2", "k=v",
            "k-", "'", "\"", "=", ",", "/", "pod/web", "deploy/web", "-", "--x", "-zz", "{", "}", "[", "]", "\\", "ping", "env", "cat",
            "/etc/resolv.conf", "--overwrite", "-L", "app", "--no-headers", "-h", "version", "cluster-info",
        ]
        var kubectl = Self.cluster(Self.app)
        var state: UInt64 = 42
        for _ in 0..<1500 {
            let count = Int(StableHash.splitMix(&state) % 8)
            let line = (0..<count).map { _ in words[Int(StableHash.splitMix(&state) % UInt64(words.count))] }.joined(separator: " ")
            let output = kubectl.run(line)
            #expect(output.exitCode >= 0)
        }
    }

    @Test func everyCommandMovesTheClockOnAFewSeconds() {
        var kubectl = Kubectl()
        let start = kubectl.cluster.clock
        _ = kubectl.run("get nodes")
        _ = kubectl.run("get nodes --no-such-flag")
        #expect(kubectl.cluster.clock == start + 2 * Kubectl.secondsPerCommand)
    }

    // MARK: building blocks

    @Test func tabWriterPadsLikeGosTabwriter() {
        // Column width = widest cell + padding, at least minwidth; the last cell of a line gets no padding.
        #expect(TabWriter.table.format("A\tB\tC\nxx\tyyyy\tz\n") == "A     B      C\nxx    yyyy   z\n")
        // A line with fewer cells ends a column block: the rows below are aligned on their own.
        #expect(TabWriter.describe.format("Name:\tweb\nRules:\n  Host\tPath\n  a-long-host\t\nLabels:\tnone\n")
                == "Name:  web\nRules:\n  Host         Path\n  a-long-host  \nLabels:        none\n")
        // Widths count characters, not bytes.
        #expect(TabWriter.table.format("é\tx\nab\ty\n") == "é     x\nab    y\n")
    }

    @Test func agesFollowApimachinerysHumanDuration() {
        let cases: [(Int, String)] = [
            (0, "0s"), (5, "5s"), (119, "119s"), (120, "2m"), (130, "2m10s"), (599, "9m59s"), (600, "10m"), (10_799, "179m"),
            (10_800, "3h"), (11_100, "3h5m"), (28_800, "8h"), (172_799, "47h"), (172_800, "2d"), (5 * 86_400, "5d"),
            (5 * 86_400 + 7200, "5d2h"), (8 * 86_400, "8d"), (800 * 86_400, "2y70d"), (3000 * 86_400, "8y"), (-1, "0s"), (-5, "<invalid>"),
        ]
        for (seconds, text) in cases {
            #expect(SimulatedTime.humanDuration(seconds) == text, "\(seconds)s")
        }
        #expect(SimulatedTime.rfc1123Z(0) == "Mon, 06 Jan 2025 09:00:00 +0000")
        #expect(SimulatedTime.rfc3339(Cluster.startTime + 65) == "2025-01-11T09:01:05Z")
    }

    @Test func shellWordsAndFlagsFollowShAndPflag() throws {
        #expect(try ShellWords.split(#"exec a -- curl -H 'Host: x y' "b c" d\ e"#).get() == ["exec", "a", "--", "curl", "-H", "Host: x y", "b c", "d e"])
        #expect(try ShellWords.split(#"echo "a\"b" 'c"d'"#).get() == ["echo", "a\"b", "c\"d"])
        let flags = try ParsedFlags.parse(["pods", "-owide", "-n=x", "--show-labels", "-Al", "app=web", "--", "z"], specs: Kubectl.getFlags + Kubectl.globalFlags).get()
        #expect(flags.value("output") == "wide")
        #expect(flags.value("namespace") == "x")
        #expect(flags.isSet("show-labels") && flags.isSet("all-namespaces"))
        #expect(flags.value("selector") == "app=web")
        #expect(flags.arguments == ["pods"])
        #expect(flags.afterDashDash == ["z"])
    }
}
