import Foundation
import Testing

@testable import ClusterSim

/// Every input in Fixtures/fuzz (the hostile seeds of Scripts/fuzz.sh and each input the fuzzer found a crash,
/// a trap or a hang with) goes through the fuzzer's own path, `runCheckPath` (FuzzCheckPath.swift is the fuzz
/// target's file), and gets the answer a learner should see for it.
@Suite struct FuzzRegressionTests {
    /// What a file must produce.
    enum Expected: Sendable {
        /// An error whose message holds the text.
        case error(String)
        /// No error, at least one object, and, when given, a warning whose message holds the text.
        case passes(warning: String? = nil)
    }

    /// What each file must produce. Every file in the directory needs an entry, so that a new crash input comes
    /// with the answer a learner should get for it.
    static let expected: [String: Expected] = [
        "seed-alias-bomb.yaml": .error("more than \(ReadLimits.standard.maxNodes) values"),
        "seed-bom-crlf.yaml": .passes(),
        "seed-deep-block.yaml": .error("more than \(ReadLimits.standard.maxDepth) levels"),
        "seed-deep-flow.yaml": .error("more than \(ReadLimits.standard.maxDepth) levels"),
        "seed-duplicate-keys.yaml": .error("mapping key \"name\" already defined at line 5"),
        "seed-list-kind.yaml": .error("Invalid value: 30080: provided port is already allocated"),
        // 1e309 overflows a float64, so the YAML-to-JSON step keeps it as a string, as kubectl's does.
        "seed-merge-tags.yaml": .error("cannot unmarshal string into Go struct field ServicePort.spec.ports.nodePort of type int32"),
        "seed-nul.yaml": .error("yaml: control characters are not allowed"),
        "seed-too-many-documents.yaml": .error("limit of \(ReadLimits.standard.maxDocuments)"),
        // Found by reading the code while the fuzzer ran: the 242nd node's address was built as 192.168.50.256 and force-unwrapped.
        "review-260-nodes.yaml": .passes(),
        // Found the same way: the simulated ReplicaSet controller made two billion Pod records (a hang, then out of memory).
        "review-two-billion-replicas.yaml": .passes(warning: "\(Cluster.maxPods - 2) of the 2000000000 replicas of deployment.apps/web were simulated"),
        // Found the same way: every apply re-examined every Pending Pod against every Pod of each node (minutes).
        "review-998-pending-pods-then-900-namespaces.yaml": .passes(),
    ]

    static let directory = Bundle.module.resourceURL!.appendingPathComponent("Fixtures/fuzz")

    static var fileNames: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
    }

    @Test func everyInputHasAnExpectedAnswer() {
        #expect(!Self.fileNames.isEmpty)
        #expect(Set(Self.fileNames) == Set(Self.expected.keys))
    }

    @Test(arguments: fileNames)
    func inputGetsItsAnswer(_ fileName: String) throws {
        let bytes = Array(try Data(contentsOf: Self.directory.appendingPathComponent(fileName)))
        let outcome = runCheckPath(bytes, fileName: fileName)
        #expect(brokenPromise(of: outcome) == nil, "\(brokenPromise(of: outcome) ?? "")")
        switch try #require(Self.expected[fileName], "no expected answer for \(fileName)") {
        case .error(let text):
            #expect(outcome.report.errors.contains { $0.message.contains(text) }, "\(outcome.report.findings)")
        case .passes(let warning):
            #expect(outcome.report.ok, "\(outcome.report.findings)")
            #expect(!outcome.report.objects.isEmpty)
            if let warning {
                #expect(outcome.report.diagnostics.contains { $0.severity == .warning && $0.message.contains(warning) }, "\(outcome.report.findings)")
            }
        }
        // Whatever the input, each finding explains itself.
        #expect(outcome.report.diagnostics.allSatisfy { !$0.explanation.isEmpty })
    }
}
