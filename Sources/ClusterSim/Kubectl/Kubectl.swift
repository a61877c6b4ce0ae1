/// What one kubectl command printed, and how it ended.
public struct KubectlOutput: Sendable, Equatable {
    /// Standard output: tables, descriptions, `service/web created`, a curl response body.
    public var stdout: String
    /// Standard error: `Error from server (NotFound): ...`, `Warning: ...`, `command terminated with exit code 7`.
    public var stderr: String
    /// The process exit status: 0 on success, 1 for kubectl's errors, the remote command's status for `exec`.
    public var exitCode: Int32

    /// Creates an output.
    public init(stdout: String = "", stderr: String = "", exitCode: Int32 = 0) {
        self.stdout = stdout
        self.stderr = stderr
        self.exitCode = exitCode
    }
}

/// A kubectl interpreter on top of the simulated ``Cluster``: `apply`, `delete`, `get`,
/// `describe`, `label`, `scale`, `exec` (curl, wget, nslookup), answering with kubectl's own
/// columns, spacing and error texts.
///
/// It is a value: running a command changes ``cluster`` (and moves its clock on a few
/// seconds), nothing else. It reads no files itself; `apply -f NAME` looks NAME up in ``files``.
public struct Kubectl: Sendable {
    /// The simulated cluster the commands act on.
    public var cluster: Cluster
    /// Files `apply -f`/`delete -f` may name (name -> bytes); the CLI passes the files given with -f, the web console the exercise's YAML.
    public var files: [String: [UInt8]]
    /// The objects last applied, by `Kind/namespace/name`, as compact JSON: an identical re-apply is `unchanged`.
    var lastApplied: [String: String] = [:]
    /// The objects last applied, by the same key: `scale` re-applies them with a new replica count.
    var appliedObjects: [String: CheckedObject] = [:]

    /// The longest command line accepted, in bytes.
    public static let maxCommandLineBytes = 64 * 1024
    /// Seconds the simulated clock moves on per command (a learner reads and types between commands).
    public static let secondsPerCommand = 5
    /// The Kubernetes version of the simulated cluster and client.
    public static let version = "v1.31.2"

    /// Creates an interpreter for a cluster (a fresh default one unless given) and the files it may read.
    public init(cluster: Cluster = Cluster(), files: [String: [UInt8]] = [:]) {
        self.cluster = cluster
        self.files = files
    }

    /// Runs one command line (with or without a leading `kubectl`), shell-like quoting ('...' and "..."), and advances the cluster clock a little.
    public mutating func run(_ commandLine: String) -> KubectlOutput {
        if commandLine.utf8.count > Self.maxCommandLineBytes {
            return KubectlOutput(
                stderr: "error: the command line is too long (\(commandLine.utf8.count) bytes; the simulated console accepts up to \(Self.maxCommandLineBytes))\n",
                exitCode: 1)
        }
        switch ShellWords.split(commandLine) {
        case .failure(.unterminatedQuote(let quote)):
            return KubectlOutput(stderr: "bash: unexpected EOF while looking for matching `\(quote)'\n", exitCode: 2)
        case .failure(.shellOperator(let op)):
            return KubectlOutput(
                stderr:
                    "error: the console runs one kubectl command at a time; pipes, redirections and command separators (\(op)) are not available\n",
                exitCode: 2)
        case .success(let words):
            return run(arguments: words)
        }
    }

    /// Runs one command already split into words (the CLI's `kubetutor kubectl -- get svc`), with or without a leading `kubectl`.
    public mutating func run(arguments: [String]) -> KubectlOutput {
        var words = arguments
        if words.isEmpty { return KubectlOutput() }
        if words.first == "kubectl" || words.first == "k" { words.removeFirst() }
        cluster.tick(Self.secondsPerCommand)
        guard let (commandIndex, command) = Self.findCommand(words) else {
            if words.contains("--version") || words.contains("version") { return versionOutput() }
            if let problem = Self.globalFlagProblem(words) { return problem }
            return KubectlOutput(stdout: Self.help)
        }
        words.remove(at: commandIndex)
        switch command {
        case "get": return get(words)
        case "describe": return describe(words)
        case "apply": return apply(words)
        case "delete": return delete(words)
        case "label": return label(words)
        case "exec": return exec(words)
        case "scale": return scale(words)
        case "version": return versionOutput()
        case "cluster-info": return clusterInfo()
        case "help": return KubectlOutput(stdout: Self.help)
        default:
            if Self.allCommands.contains(command) {
                return KubectlOutput(
                    stderr:
                        "error: \"kubectl \(command)\" is not available in KubeTutor's simulated cluster; it knows apply, delete, get, describe, label, scale, exec, version and cluster-info\n",
                    exitCode: 1)
            }
            var text = "error: unknown command \(goQuote(command)) for \"kubectl\"\n"
            let suggestions = Self.allCommands.filter {
                editDistance(command, $0) <= 2 || $0.hasPrefix(command.lowercased())
            }
            if !suggestions.isEmpty {
                text += "\nDid you mean this?\n" + suggestions.map { "\t\($0)\n" }.joined()
            }
            return KubectlOutput(stderr: text, exitCode: 1)
        }
    }

    // MARK: Command discovery

    /// Every top-level kubectl command (cobra's list, for "unknown command" and its suggestions).
    static let allCommands = [
        "alpha", "annotate", "api-resources", "api-versions", "apply", "attach", "auth", "autoscale", "certificate",
        "cluster-info", "completion", "config", "cordon", "cp", "create", "debug", "delete", "describe", "diff", "drain",
        "edit", "events", "exec", "explain", "expose", "get", "help", "kustomize", "label", "logs", "options", "patch",
        "plugin", "port-forward", "proxy", "replace", "rollout", "run", "scale", "set", "taint", "top", "uncordon",
        "version", "wait",
    ]

    /// kubectl's global flags that take a value (they may come before the command: `kubectl -n kube-system get pods`).
    static let globalValueFlags: Set<String> = [
        "--namespace", "-n", "--context", "--kubeconfig", "--cluster", "--user", "--server", "-s", "--request-timeout", "-v",
        "--v", "--token", "--as", "--cache-dir",
    ]

    /// The global flags every command accepts.
    static let globalFlags: [FlagSpec] = [
        .value("namespace", "n"), .value("context"), .value("kubeconfig"), .value("cluster"), .value("user"), .value("server", "s"),
        .value("request-timeout"), .value("v", "v"), .value("token"), .value("as"), .value("cache-dir"),
        .bool("insecure-skip-tls-verify"), .bool("help", "h"), .bool("warnings-as-errors"),
    ]

    /// The first word that is not a flag (or a global flag's value): the command.
    static func findCommand(_ words: [String]) -> (Int, String)? {
        var index = 0
        while index < words.count {
            let word = words[index]
            if word == "--" { return nil }
            if word.hasPrefix("-") && word.count > 1 {
                if globalValueFlags.contains(word) { index += 1 }
                index += 1
                continue
            }
            return (index, word)
        }
        return nil
    }

    /// A flag error for `kubectl --foo` with no command.
    static func globalFlagProblem(_ words: [String]) -> KubectlOutput? {
        if case .failure(let problem) = ParsedFlags.parse(words, specs: globalFlags + [.bool("version")]) {
            return KubectlOutput(stderr: "error: \(problem.message)\nSee 'kubectl --help' for usage.\n", exitCode: 1)
        }
        return nil
    }

    /// Parses a command's flags; on failure the output is kubectl's flag error.
    func parseFlags(_ words: [String], command: String, specs: [FlagSpec]) -> Result<ParsedFlags, KubectlFailure> {
        switch ParsedFlags.parse(words, specs: Self.globalFlags + specs) {
        case .success(let flags): return .success(flags)
        case .failure(let problem):
            return .failure(KubectlFailure(stderr: "error: \(problem.message)\nSee 'kubectl \(command) --help' for usage.\n", exitCode: 1))
        }
    }

    /// The namespace a command works in: `-n`, else `default`.
    func namespace(_ flags: ParsedFlags) -> String {
        flags.value("namespace").flatMap { $0.isEmpty ? nil : $0 } ?? "default"
    }

    // MARK: Small commands

    func versionOutput() -> KubectlOutput {
        KubectlOutput(stdout: "Client Version: \(Self.version)\nKustomize Version: v5.4.2\nServer Version: \(Self.version)\n")
    }

    func clusterInfo() -> KubectlOutput {
        let master = cluster.nodes.first(where: \.controlPlane)?.ip.description ?? "192.168.50.10"
        var out = "Kubernetes control plane is running at https://\(master):6443\n"
        if cluster.service(named: "kube-dns", in: "kube-system") != nil {
            out += "CoreDNS is running at https://\(master):6443/api/v1/namespaces/kube-system/services/kube-dns:dns/proxy\n"
        }
        out += "\nTo further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.\n"
        return KubectlOutput(stdout: out)
    }

    /// A short usage text for `kubectl COMMAND --help`.
    static func usage(_ command: String) -> String {
        let lines: [String: String] = [
            "get": "Display one or many resources.\n\nExamples:\n  kubectl get pods -o wide\n  kubectl get svc web -o yaml\n  kubectl get all -A\n\nUsage:\n  kubectl get [(-o|--output=)wide|yaml|json|name|jsonpath=...] (TYPE[.VERSION][.GROUP] [NAME | -l label] | TYPE[.VERSION][.GROUP]/NAME ...) [flags] [options]\n",
            "describe": "Show details of a specific resource or group of resources.\n\nExamples:\n  kubectl describe svc web\n  kubectl describe pods web\n\nUsage:\n  kubectl describe (-f FILENAME | TYPE [NAME_PREFIX | -l label] | TYPE/NAME) [options]\n",
            "apply": "Apply a configuration to a resource by file name.\n\nExamples:\n  kubectl apply -f nginx.yaml\n\nUsage:\n  kubectl apply (-f FILENAME | -k DIRECTORY) [options]\n",
            "delete": "Delete resources by file names, resources and names, or by resources and label selector.\n\nExamples:\n  kubectl delete -f nginx.yaml\n  kubectl delete pod web-5d78c9869d-abcde\n\nUsage:\n  kubectl delete ([-f FILENAME] | TYPE [(NAME | -l label | --all)]) [options]\n",
            "label": "Update the labels on a resource.\n\nExamples:\n  kubectl label node w1 disktype=ssd\n  kubectl label node w1 disktype-\n\nUsage:\n  kubectl label [--overwrite] (-f FILENAME | TYPE NAME) KEY_1=VAL_1 ... KEY_N=VAL_N [options]\n",
            "scale": "Set a new size for a deployment.\n\nExamples:\n  kubectl scale deployment web --replicas=3\n\nUsage:\n  kubectl scale --replicas=COUNT (TYPE NAME | TYPE/NAME) [options]\n",
            "exec": "Execute a command in a container.\n\nExamples:\n  kubectl exec client -- curl -s http://web\n  kubectl exec client -c main -- nslookup web\n\nUsage:\n  kubectl exec (POD | TYPE/NAME) [-c CONTAINER] [flags] -- COMMAND [args...] [options]\n",
        ]
        return lines[command] ?? help
    }

    static let help = """
        kubectl controls the Kubernetes cluster manager.

         Find more information at: https://kubernetes.io/docs/reference/kubectl/

        Commands available in KubeTutor's simulated cluster:
          apply         Apply a configuration to a resource by file name (-f FILE)
          get           Display one or many resources (pods, deploy, svc, ep, ing, nodes, ns, rs, events, all)
          describe      Show details of a specific resource or group of resources
          delete        Delete resources by file names or by resources and names
          label         Update the labels on a resource
          scale         Set a new size for a deployment
          exec          Execute a command in a container (curl, wget, nslookup, cat, hostname)
          cluster-info  Display cluster information
          version       Print the client and server version information

        Usage:
          kubectl [flags] [options]

        Use "kubectl <command> --help" for more information about a given command.

        """
}

/// A command that stopped early, with what kubectl prints for it.
struct KubectlFailure: Error {
    var output: KubectlOutput

    init(stdout: String = "", stderr: String, exitCode: Int32) {
        output = KubectlOutput(stdout: stdout, stderr: stderr, exitCode: exitCode)
    }

    init(_ output: KubectlOutput) {
        self.output = output
    }
}
