import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// A small course written by the tests, so that they do not depend on the real lessons (which change).
enum QuizFixture {
    static let lesson = """
        ---
        id: tiny-pod
        title: A tiny Pod
        order: 1
        summary: One Pod, one port.
        minutes: 3
        ---

        ## Reading

        A **Pod** has *one* IP address. Read `kubectl get pods`.

        ## Quiz

        ```quiz
        id: one-ip
        question: How many IP addresses does a Pod with two containers have?
        choices:
          - text: Two, one per container.
            why: Containers have no IP of their own.
          - text: One, shared by both.
            why: "Right: the Pod's network namespace holds it."
        answer: 1
        explanation: The IP belongs to the Pod's network namespace, which every container joins.
        ```

        ## Exercise

        ```exercise
        id: web-port
        prompt: |
          Give the Pod web an nginx container that documents port 80.
        starter: |
          apiVersion: v1
          kind: Pod
          metadata:
            name: web
          spec:
            containers:
            - name: nginx
              image: nginx:1.25
              ports:
              - containerPort: eighty
        checks:
          - valid
          - name: port is 80
            field: {object: Pod/web, path: "spec.containers[0].ports[0].containerPort", equals: "80"}
        hints:
          - containerPort is a number.
        solution: |
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
        ```

        ## Last question

        ```quiz
        id: localhost
        question: Where does localhost go from inside a Pod?
        choices:
          - To the Pod itself.
          - To the node.
        answer: 0
        explanation: localhost is the Pod's own loopback.
        ```

        """

    /// The learner's file with a wrong port: `containerPort: "80"` as a string draws an error on line 13 (after the 4 comment lines).
    static let wrongAnswer = """
        apiVersion: v1
        kind: Pod
        metadata:
          name: web
        spec:
          containers:
          - name: nginx
            image: nginx:1.25
            ports:
            - containerPort: "80"

        """

    static let rightAnswer = """
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

        """

    /// A fresh folder with `Lessons/01-tiny-pod.md`, to run `kubetutor quiz` in.
    static func workspace() throws -> URL {
        let dir = try CLIRunner.directory(with: [:])
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("Lessons"), withIntermediateDirectories: true)
        try Data(lesson.utf8).write(to: dir.appendingPathComponent("Lessons/01-tiny-pod.md"))
        return dir
    }

    static let exerciseFile = "kubetutor-work/tiny-pod/web-port.yaml"

    /// Saves the learner's file, as an editor would.
    static func save(_ text: String, in dir: URL) throws {
        try Data(text.utf8).write(to: dir.appendingPathComponent(exerciseFile))
    }

    /// The learner's records, read back through `kubetutor progress export`.
    static func exported(db: String, learner: String, in dir: URL) throws -> (attempts: [[String: Any]], answers: [[String: Any]], json: String) {
        let output = try CLIRunner.run(["progress", "export", "--db", db, "--learner", learner], in: dir)
        try #require(output.status == 0, "export failed: \(output.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any]
        let learners = try #require(object?["learners"] as? [[String: Any]])
        let first = try #require(learners.first)
        return (first["attempts"] as? [[String: Any]] ?? [], first["quizAnswers"] as? [[String: Any]] ?? [], output.stdout)
    }
}

/// `kubetutor quiz` running with its standard input and output on pipes: the plain line protocol.
final class QuizLineSession: @unchecked Sendable {
    private let process = Process()
    private let input = Pipe()
    private let lock = NSLock()
    /// Everything printed so far, as bytes: a read may end inside a character, so text is decoded from the whole.
    private var output: [UInt8] = []
    /// Where the next wait starts reading (a UTF-8 offset), so that each step waits for new text.
    private var mark = 0

    init(_ arguments: [String], in directory: URL) throws {
        process.executableURL = CLIRunner.binary
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var environment = ProcessInfo.processInfo.environment
        environment["EDITOR"] = nil
        process.environment = environment
        let out = Pipe()
        process.standardOutput = out
        process.standardError = out
        process.standardInput = input
        out.fileHandleForReading.readabilityHandler = { [weak self] handle in
            let data = handle.availableData
            guard let self, !data.isEmpty else { return }
            self.lock.withLock { self.output += data }
        }
        try process.run()
    }

    /// Everything printed so far.
    var transcript: String { lock.withLock { String(decoding: output, as: UTF8.self) } }

    /// Sends one command line.
    func send(_ line: String) {
        input.fileHandleForWriting.write(Data((line + "\n").utf8))
    }

    /// Waits until `text` appears after the previous wait's match; returns the output from there.
    @discardableResult
    func waitFor(_ text: String, timeout: TimeInterval = 20) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            let found: String? = lock.withLock {
                let bytes = output
                // Lines are wrapped to the width, so a sentence may span two: newlines count as spaces.
                let fresh = String(decoding: bytes[min(mark, bytes.count)...].map { $0 == 10 ? 32 : $0 }, as: UTF8.self)
                guard let range = fresh.range(of: text) else { return nil }
                mark += fresh[..<range.upperBound].utf8.count
                return String(fresh[..<range.upperBound])
            }
            if let found { return found }
            Thread.sleep(forTimeInterval: 0.05)
        }
        Issue.record("timed out waiting for \(text.debugDescription); the output was:\n\(transcript)")
        throw CancellationError()
    }

    /// Closes standard input and waits for the process to end; returns its exit status.
    func finish(timeout: TimeInterval = 20) -> Int32 {
        try? input.fileHandleForWriting.close()
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        return process.terminationStatus
    }
}

/// `kubetutor quiz` in a real pseudo-terminal: a detached tmux session whose screen the test reads.
final class QuizTmuxSession {
    private let socket = "kubetutor-test-\(UUID().uuidString.prefix(8))"
    private let name = "quiz"
    private var seenLines = 0

    /// The tmux binary; the pseudo-terminal tests need it and fail, saying so, when it is missing.
    static let tmux: String? = ["/usr/bin/tmux", "/usr/local/bin/tmux", "/bin/tmux"].first { FileManager.default.isExecutableFile(atPath: $0) }

    /// Starts `command` (a shell command line) in a 100x40 terminal in `directory`; the pane stays after it exits.
    init(_ command: String, in directory: URL) throws {
        let tmux = try #require(Self.tmux, "tmux is not installed: the pseudo-terminal tests need it (apt-get install -y tmux)")
        _ = tmux
        try run(capturing: false, ["-f", "/dev/null", "new-session", "-d", "-s", name, "-x", "100", "-y", "40", "-c", directory.path, command])
        try run(["set-option", "-t", name, "remain-on-exit", "on"])
        try run(["set-option", "-t", name, "history-limit", "20000"])
    }

    deinit {
        _ = try? run(capturing: false, ["kill-server"])
    }

    /// Presses keys, in tmux's names (`Enter`, `C-c`) or as literal text.
    func press(_ keys: String...) throws {
        try run(["send-keys", "-t", name] + keys)
    }

    /// The whole pane with its history, as the learner would see it scrolling back.
    func screen() throws -> String {
        try run(["capture-pane", "-p", "-J", "-t", name, "-S", "-"])
    }

    /// Waits until `text` appears on lines after those matched by the previous wait.
    @discardableResult
    func waitFor(_ text: String, timeout: TimeInterval = 20) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        while Date() < deadline {
            last = try screen()
            let lines = last.split(separator: "\n", omittingEmptySubsequences: false)
            let fresh = lines.dropFirst(min(seenLines, lines.count))
            if let index = fresh.firstIndex(where: { $0.contains(text) }) {
                seenLines = index + 1
                return fresh[fresh.startIndex...index].joined(separator: "\n")
            }
            // Text may wrap across lines: find the first line where the fresh text joined so far holds it.
            var joined = ""
            for index in fresh.indices {
                joined += (joined.isEmpty ? "" : " ") + fresh[index]
                if joined.contains(text) {
                    seenLines = index + 1
                    return fresh[fresh.startIndex...index].joined(separator: "\n")
                }
            }
            Thread.sleep(forTimeInterval: 0.1)
        }
        Issue.record("timed out waiting for \(text.debugDescription) on the screen:\n\(last)")
        throw CancellationError()
    }

    /// Runs a tmux command and returns what it printed.
    ///
    /// Through posix_spawn and waitpid rather than Foundation's Process: the tmux client that starts the server
    /// forks the server off, and Process then never saw the client end. Output goes through a file for the same
    /// reason: the server would hold a pipe open.
    @discardableResult
    private func run(capturing: Bool = true, _ arguments: [String]) throws -> String {
        let outputPath = FileManager.default.temporaryDirectory.appendingPathComponent("tmux-\(UUID().uuidString).out").path
        defer { try? FileManager.default.removeItem(atPath: outputPath) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, capturing ? outputPath : "/dev/null", O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        let tmux = Self.tmux ?? "/usr/bin/tmux"
        let argv = ([tmux, "-L", socket] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, tmux, &actions, nil, argv, environ)
        guard spawned == 0 else { throw CocoaError(.fileNoSuchFile) }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        return (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
    }
}
