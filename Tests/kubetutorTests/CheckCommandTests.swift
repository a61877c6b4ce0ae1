import Foundation
import Testing

/// `kubetutor check` as a learner runs it: exit codes, kubectl-like text, the JSON contract.
@Suite struct CheckCommandTests {
    static let nodePortService = """
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
            targetPort: 80
            nodePort: 40000
        """

    static let goodService = """
        apiVersion: v1
        kind: Service
        metadata:
          name: web
        spec:
          selector:
            app: web
          ports:
          - port: 80
        """

    @Test func anErrorExitsOneAndPrintsKubectlsLineWithFileLineColumn() throws {
        let dir = try CLIRunner.directory(with: ["svc.yaml": Self.nodePortService])
        let output = try CLIRunner.run(["check", "svc.yaml"], in: dir)
        #expect(output.status == 1)
        #expect(
            output.stdout.contains(
                "svc.yaml:12:15: The Service \"web\" is invalid: spec.ports[0].nodePort: Invalid value: 40000: provided port is not in the valid range. The range of valid ports is 30000-32767"
            ))
        #expect(output.stdout.contains("1 object in 1 file: 1 error, 0 warnings"))
    }

    @Test func aValidFileExitsZero() throws {
        let dir = try CLIRunner.directory(with: ["svc.yaml": Self.goodService])
        let output = try CLIRunner.run(["check", "svc.yaml"], in: dir)
        #expect(output.status == 0)
        #expect(output.stdout.contains("1 object in 1 file: no errors, 1 warning"))
        #expect(output.stdout.contains("warning: Service \"web\" selects app=web, but no Pod has these labels"))
    }

    @Test func jsonFollowsTheContract() throws {
        let dir = try CLIRunner.directory(with: ["svc.yaml": Self.nodePortService])
        let output = try CLIRunner.run(["check", "--format", "json", "svc.yaml"], in: dir)
        #expect(output.status == 1)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any])
        #expect(json["ok"] as? Bool == false)
        let objects = try #require(json["objects"] as? [[String: Any]])
        #expect(objects.count == 1)
        #expect(objects[0]["kind"] as? String == "Service")
        #expect(objects[0]["namespace"] as? String == "default")
        #expect(objects[0]["file"] as? String == "svc.yaml")
        let diagnostics = try #require(json["diagnostics"] as? [[String: Any]])
        let d = try #require(diagnostics.first)
        #expect(d["severity"] as? String == "error")
        #expect(d["line"] as? Int == 12)
        #expect(d["column"] as? Int == 15)
        #expect(d["field"] as? String == "spec.ports[0].nodePort")
        #expect(
            d["message"] as? String
                == "spec.ports[0].nodePort: Invalid value: 40000: provided port is not in the valid range. The range of valid ports is 30000-32767"
        )
        #expect((d["explanation"] as? String)?.contains("30000-32767") == true)
        // The keys come in the contract's order.
        let order = ["\"severity\"", "\"file\"", "\"line\"", "\"column\"", "\"kind\"", "\"name\"", "\"field\"", "\"message\"", "\"explanation\""]
        let diagnosticsText = try #require(output.stdout.range(of: "\"diagnostics\"")).upperBound
        let positions = order.compactMap { output.stdout.range(of: $0, range: diagnosticsText..<output.stdout.endIndex)?.lowerBound }
        #expect(positions.count == order.count && positions == positions.sorted())
    }

    @Test func benchIterationsTimesTheSameCheckAndRefusesTooFewRuns() throws {
        // `make bench` reads this line; the number itself is the benchmark's business, not the test's.
        let dir = try CLIRunner.directory(with: ["svc.yaml": Self.goodService, "bad.yaml": Self.nodePortService])
        let output = try CLIRunner.run(["check", "--bench-iterations", "10", "svc.yaml", "bad.yaml"], in: dir)
        #expect(output.status == 0)
        #expect(output.stdout.contains(" µs per object (2 objects in 2 files, 2 runs, best of 5; 2 diagnostics)"), "\(output.stdout)")
        let plain = try CLIRunner.run(["check", "svc.yaml", "bad.yaml"], in: dir)
        #expect(plain.stdout.hasSuffix("2 objects in 2 files: 1 error, 1 warning\n"), "the same two diagnostics as a plain check")
        let tooFew = try CLIRunner.run(["check", "--bench-iterations", "4", "svc.yaml"], in: dir)
        #expect(tooFew.status == 2)
        #expect(tooFew.stderr.contains("--bench-iterations needs at least 5"))
    }

    @Test func standardInputIsReadForADash() throws {
        let output = try CLIRunner.run(["check", "-"], stdin: Self.nodePortService)
        #expect(output.status == 1)
        #expect(output.stdout.contains("-:12:15: The Service \"web\" is invalid"))
    }

    @Test(arguments: ["check", "kubectl", "trace"])
    func standardInputThatIsAFolderIsRefusedNotACrash(command: String) throws {
        // `check - < folder` trapped inside FileHandle.readDataToEndOfFile ("Illegal instruction").
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kubetutor-stdin-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let arguments: [String] =
            switch command {
            case "check": ["check", "-"]
            case "kubectl": ["kubectl", "-f", "-", "--", "get", "pods"]
            default: ["trace", "-f", "-", "--from", "external", "--to", "http://10.96.0.1/"]
            }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", #"exec "$0" "$@" < "$KUBETUTOR_STDIN""#, CLIRunner.binary.path] + arguments
        process.environment = ["KUBETUTOR_STDIN": folder.path]
        let err = Pipe()
        process.standardError = err
        process.standardOutput = Pipe()
        try process.run()
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationReason == .exit, "not a crash: \(stderr)")
        #expect(process.terminationStatus == 2, "\(stderr)")
        #expect(stderr.contains("-: standard input is a directory, not a manifest file"), "\(stderr)")
    }

    @Test func noFilesIsAUsageErrorWithStatusTwo() throws {
        let output = try CLIRunner.run(["check"])
        #expect(output.status == 2)
        #expect(output.stderr.contains("Give at least one manifest file"))
    }

    @Test func anUnknownFormatIsAUsageErrorWithStatusTwo() throws {
        let output = try CLIRunner.run(["check", "--format", "yaml", "x.yaml"])
        #expect(output.status == 2)
    }

    @Test func aMissingFileOrADirectoryIsAnIOErrorWithStatusTwo() throws {
        let dir = try CLIRunner.directory(with: [:])
        let missing = try CLIRunner.run(["check", "nope.yaml"], in: dir)
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("nope.yaml: no such file"))
        let directory = try CLIRunner.run(["check", "."], in: dir)
        #expect(directory.status == 2)
        #expect(directory.stderr.contains("is a directory"))
    }

    @Test func anEmptyFileIsAnErrorAsInKubectl() throws {
        let dir = try CLIRunner.directory(with: ["empty.yaml": "# nothing here\n"])
        let output = try CLIRunner.run(["check", "empty.yaml"], in: dir)
        #expect(output.status == 1)
        #expect(output.stdout.contains("error: no objects passed to apply"))
    }

    @Test func helpDescribesTheExitStatus() throws {
        let output = try CLIRunner.run(["check", "--help"])
        #expect(output.status == 0)
        #expect(output.stdout.contains("Exit status: 0 no errors"))
        let root = try CLIRunner.run(["--help"])
        #expect(root.status == 0)
        #expect(root.stdout.contains("check"))
        #expect(root.stdout.contains("serve"))
    }

    @Test func hostileInputGetsOneClearErrorNotACrash() throws {
        var bomb = "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
        var previous = "a"
        for letter in "bcdefghij" {
            bomb += "\(letter): &\(letter) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ",") + "]\n"
            previous = String(letter)
        }
        let dir = try CLIRunner.directory(with: [
            "bomb.yaml": bomb,
            "deep.yaml": String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000),
        ])
        for file in ["bomb.yaml", "deep.yaml"] {
            let output = try CLIRunner.run(["check", file], in: dir)
            #expect(output.status == 1, "\(file)")
            #expect(output.stdout.contains("KubeTutor's limit"), "\(file)")
        }
        let binary = dir.appendingPathComponent("binary.yaml")
        try Data([0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x00, 0xFF, 0xFE]).write(to: binary)
        let output = try CLIRunner.run(["check", "binary.yaml"], in: dir)
        #expect(output.status == 1)
        #expect(output.stdout.contains("UTF-8"))
    }
}
