import ArgumentParser
import Foundation
import Testing

@testable import kubetutor

/// `kubetutor check FILE...` is read without ArgumentParser when the command line is plain; these tests hold it to
/// reading exactly what ArgumentParser reads, and to leaving everything else to ArgumentParser.
@Suite struct CheckFastPathTests {
    /// Command lines the fast path takes: ArgumentParser must read the same files and format from each.
    static let plain: [[String]] = [
        ["check", "svc.yaml"],
        ["check", "a.yaml", "b.yml", "dir/c.yaml"],
        ["check", "-"],
        ["check", "-", "svc.yaml", "-"],
        ["check", "--format", "json", "svc.yaml"],
        ["check", "--format", "text", "svc.yaml"],
        ["check", "--format=json", "svc.yaml"],
        ["check", "svc.yaml", "--format", "json"],
        ["check", "a.yaml", "--format=text", "b.yaml"],
        ["check", "help"],
        ["check", "check", "svc.yaml"],
        ["check", "with space.yaml", "ünïcode.yaml", "a=b.yaml"],
    ]

    /// Command lines the fast path must leave to ArgumentParser (help, errors, options it does not read).
    static let fallThrough: [[String]] = [
        [],
        ["check"],
        ["check", "--help"],
        ["check", "-h"],
        ["check", "svc.yaml", "--help"],
        ["help", "check"],
        ["--help"],
        ["trace", "svc.yaml"],
        ["check", "--", "svc.yaml"],
        ["check", "--", "-odd.yaml"],
        ["check", "--format", "yaml", "svc.yaml"],
        ["check", "--format=JSON", "svc.yaml"],
        ["check", "--format=", "svc.yaml"],
        ["check", "svc.yaml", "--format"],
        ["check", "--format", "json", "--format", "text", "svc.yaml"],
        ["check", "--format", "json"],
        ["check", "--bench-iterations", "10", "svc.yaml"],
        ["check", "--bench-iterations=10", "svc.yaml"],
        ["check", "-format", "json", "svc.yaml"],
        ["check", "--form", "json", "svc.yaml"],
        ["check", "-5"],
        ["check", ""],
        ["check", "svc.yaml", "---completion"],
        ["check", "--experimental-dump-help"],
    ]

    @Test(arguments: plain)
    func aPlainCheckIsReadAsArgumentParserReadsIt(arguments: [String]) throws {
        let fast = try #require(CheckInvocation(plainCheck: arguments))
        let parsed = try #require(try KubeTutor.parseAsRoot(arguments) as? KubeTutor.Check)
        #expect(fast.files == parsed.files)
        #expect(fast.format == parsed.format)
        #expect(fast.benchIterations == nil && parsed.benchIterations == nil)
    }

    @Test(arguments: fallThrough)
    func anythingElseIsLeftToArgumentParser(arguments: [String]) {
        #expect(CheckInvocation(plainCheck: arguments) == nil)
    }

    /// `--` before the files sends the same check through ArgumentParser: both ways must print and exit alike.
    @Test func theFastPathAndArgumentParserPrintTheSameAndExitAlike() throws {
        let dir = try CLIRunner.directory(with: [
            "good.yaml": CheckCommandTests.goodService,
            "bad.yaml": CheckCommandTests.nodePortService,
            "broken.yaml": "apiVersion: v1\nkind: Service\nmetadata:\n  name: [x\n",
        ])
        let cases: [(options: [String], files: [String])] = [
            ([], ["good.yaml"]),
            ([], ["good.yaml", "bad.yaml", "broken.yaml"]),
            (["--format", "json"], ["bad.yaml", "good.yaml"]),
            (["--format=text"], ["broken.yaml"]),
            ([], ["good.yaml", "missing.yaml"]),
            (["--format=json"], ["."]),
            ([], ["-"]),
        ]
        for (options, files) in cases {
            let fast = try CLIRunner.run(["check"] + options + files, in: dir, stdin: CheckCommandTests.nodePortService)
            let parsed = try CLIRunner.run(["check"] + options + ["--"] + files, in: dir, stdin: CheckCommandTests.nodePortService)
            let label = (options + files).joined(separator: " ")
            #expect(fast.status == parsed.status, "\(label)")
            #expect(fast.stdout == parsed.stdout, "\(label)")
            #expect(fast.stderr == parsed.stderr, "\(label)")
        }
    }
}
