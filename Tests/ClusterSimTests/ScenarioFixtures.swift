@testable import ClusterSim

/// Small manifests in the shapes of the seed article's examples, shared by the cluster and trace tests.
enum Scenario {
    static let nginxDeployment = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: nginx-deployment
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
                image: nginx:1.27
                ports:
                - containerPort: 80
        """

    static func service(name: String = "nginx-service", selector: String = "nginx", type: String = "ClusterIP", port: Int = 80, targetPort: String = "80", nodePort: Int? = nil) -> String {
        """
        apiVersion: v1
        kind: Service
        metadata:
          name: \(name)
        spec:
          type: \(type)
          selector:
            app: \(selector)
          ports:
          - port: \(port)
            targetPort: \(targetPort)\(nodePort.map { "\n    nodePort: \($0)" } ?? "")
        """
    }

    static func clientPod(name: String = "client", nodeName: String? = nil) -> String {
        """
        apiVersion: v1
        kind: Pod
        metadata:
          name: \(name)
        spec:\(nodeName.map { "\n  nodeName: \($0)" } ?? "")
          containers:
          - name: curl
            image: curlimages/curl:8.10.1
            command: ["sleep", "infinity"]
        """
    }

    static let tomcat = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: tomcat
        spec:
          replicas: 2
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
                image: tomcat:10
                ports:
                - containerPort: 8080
        """

    static let ingressNode = """
        apiVersion: v1
        kind: Node
        metadata:
          name: w1
          labels:
            name: ingress
        """

    static let ingressController = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: ingress-nginx-controller
          namespace: default
        spec:
          replicas: 1
          selector:
            matchLabels:
              app: ingress-nginx
          template:
            metadata:
              labels:
                app: ingress-nginx
            spec:
              hostNetwork: true
              nodeSelector:
                name: ingress
              containers:
              - name: controller
                image: registry.k8s.io/ingress-nginx/controller:v1.11.3
                ports:
                - containerPort: 80
                - containerPort: 443
        """

    static func tomcatIngress(host: String = "tomcat.example.com", className: String? = nil) -> String {
        """
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata:
          name: nginx-ingress
        spec:\(className.map { "\n  ingressClassName: \($0)" } ?? "")
          rules:
          - host: \(host)
            http:
              paths:
              - path: /
                pathType: Prefix
                backend:
                  service:
                    name: tomcat
                    port:
                      number: 8080
        """
    }

    static let sidecarPod = """
        apiVersion: v1
        kind: Pod
        metadata:
          name: web
        spec:
          containers:
          - name: nginx
            image: nginx:1.27
            ports:
            - containerPort: 80
          - name: sidecar
            image: curlimages/curl:8.10.1
            command: ["sleep", "infinity"]
        """

    /// Checks and applies the documents (joined with `---`), failing the test on any checker error.
    static func cluster(_ documents: String..., file: String = "scenario.yaml") -> (Cluster, CheckReport) {
        let text = documents.joined(separator: "\n---\n")
        let (report, cluster) = ManifestChecker().checkAndSimulate(files: [(file, Array(text.utf8))])
        return (cluster, report)
    }

    static func target(_ text: String) -> TraceTarget { TraceTarget.parse(text)! }
}
