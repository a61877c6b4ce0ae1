import Foundation
import Testing

/// `kubetutor kubectl` as a learner runs it: files applied first, the kubectl command after `--`,
/// kubectl's output and exit status.
@Suite struct KubectlCommandTests {
    static let app = """
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
        ---
        apiVersion: v1
        kind: Service
        metadata:
          name: web
        spec:
          type: NodePort
          selector:
            app: web
          ports:
          - port: 80
            nodePort: 30036
        ---
        apiVersion: v1
        kind: Pod
        metadata:
          name: client
        spec:
          containers:
          - name: client
            image: curlimages/curl:8.11.0
        """

    static let broken = """
        apiVersion: v1
        kind: Service
        metadata:
          name: web
        spec:
          type: NodePort
          ports:
          - port: 80
            nodePort: 40000
        """

    @Test func appliesTheFilesSilentlyThenPrintsTheCommandsTable() throws {
        let dir = try CLIRunner.directory(with: ["app.yaml": Self.app])
        let output = try CLIRunner.run(["kubectl", "-f", "app.yaml", "--", "get", "svc", "-o", "wide"], in: dir)
        #expect(output.status == 0)
        #expect(output.stderr == "")
        let lines = output.stdout.split(separator: "\n").map(String.init)
        try #require(lines.count == 3)
        #expect(lines[0] == "NAME         TYPE        CLUSTER-IP   EXTERNAL-IP   PORT(S)        AGE   SELECTOR")
        #expect(lines[2].hasPrefix("web          NodePort    10.96.0.11   <none>        80:30036/TCP   "))
        #expect(lines[2].hasSuffix("   app=web"))
    }

    @Test func exitStatusIsTheRemoteCommandsStatus() throws {
        let dir = try CLIRunner.directory(with: ["app.yaml": Self.app])
        let ok = try CLIRunner.run(["kubectl", "-f", "app.yaml", "--", "exec", "client", "--", "curl", "-s", "http://web"], in: dir)
        #expect(ok.status == 0)
        #expect(ok.stdout.contains("<title>Welcome to nginx!</title>"))
        let unknown = try CLIRunner.run(["kubectl", "-f", "app.yaml", "--", "exec", "client", "--", "curl", "-sS", "http://nothing"], in: dir)
        #expect(unknown.status == 6)
        #expect(unknown.stderr == "curl: (6) Could not resolve host: nothing\ncommand terminated with exit code 6\n")
    }

    @Test func kubectlErrorsExitOneWithKubectlsText() throws {
        let output = try CLIRunner.run(["kubectl", "--", "get", "svc", "nothing"])
        #expect(output.status == 1)
        #expect(output.stderr == "Error from server (NotFound): services \"nothing\" not found\n")
        let command = try CLIRunner.run(["kubectl", "--", "frobnicate"])
        #expect(command.status == 1)
        #expect(command.stderr.hasPrefix("error: unknown command \"frobnicate\" for \"kubectl\""))
    }

    @Test func filesWithErrorsStopBeforeTheCommandWithStatusTwo() throws {
        let dir = try CLIRunner.directory(with: ["svc.yaml": Self.broken])
        let output = try CLIRunner.run(["kubectl", "-f", "svc.yaml", "--", "get", "svc"], in: dir)
        #expect(output.status == 2)
        #expect(output.stdout == "")
        #expect(
            output.stderr.contains(
                "svc.yaml:9:15: The Service \"web\" is invalid: spec.ports[0].nodePort: Invalid value: 40000: provided port is not in the valid range. The range of valid ports is 30000-32767"
            ))
    }

    @Test func aFileNamedInsideTheCommandIsReadFromDisk() throws {
        let dir = try CLIRunner.directory(with: ["app.yaml": Self.app, "svc.yaml": Self.broken])
        let output = try CLIRunner.run(["kubectl", "--", "apply", "-f", "app.yaml"], in: dir)
        #expect(output.status == 0)
        #expect(output.stdout == "pod/web created\nservice/web created\npod/client created\n")
        // Here kubectl itself reports the errors, as `kubectl apply` would.
        let broken = try CLIRunner.run(["kubectl", "--", "apply", "-f", "svc.yaml"], in: dir)
        #expect(broken.status == 1)
        #expect(
            broken.stderr
                == "The Service \"web\" is invalid: spec.ports[0].nodePort: Invalid value: 40000: provided port is not in the valid range. The range of valid ports is 30000-32767\n"
        )
        let missing = try CLIRunner.run(["kubectl", "--", "apply", "-f", "nope.yaml"], in: dir)
        #expect(missing.status == 1)
        #expect(missing.stderr == "error: the path \"nope.yaml\" does not exist\n")
    }

    @Test func aMissingFileOrCommandIsAUsageErrorWithStatusTwo() throws {
        let dir = try CLIRunner.directory(with: [:])
        let missing = try CLIRunner.run(["kubectl", "-f", "nope.yaml", "--", "get", "pods"], in: dir)
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("nope.yaml: no such file"))
        let noCommand = try CLIRunner.run(["kubectl"], in: dir)
        #expect(noCommand.status == 2)
        #expect(noCommand.stderr.contains("Give the kubectl command after --"))
    }

    @Test func standardInputCanBeTheManifest() throws {
        let output = try CLIRunner.run(["kubectl", "-f", "-", "--", "get", "pods"], stdin: Self.app)
        #expect(output.status == 0)
        #expect(output.stdout.hasPrefix("NAME     READY   STATUS    RESTARTS   AGE\nclient   1/1     Running   0          "))
    }

    @Test func helpExplainsTheExitStatus() throws {
        let output = try CLIRunner.run(["kubectl", "--help"])
        #expect(output.status == 0)
        #expect(output.stdout.contains("Exit status: the kubectl command's"))
    }
}
