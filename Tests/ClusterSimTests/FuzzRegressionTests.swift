import Foundation
import Testing

@testable import ClusterSim

/// Every input in Fixtures/fuzz (the hostile seeds of Scripts/fuzz.sh and each input the fuzzer found a crash,
/// a trap or a hang with) goes through the fuzzer's own path, `runCheckPath` (FuzzCheckPath.swift is the fuzz
/// target's file), and gets the answer a learner should see for it.
@Suite struct FuzzRegressionTests {
    /// What each file must produce: an error whose message holds the text, or a clean check (nil).
    /// Every file in the directory needs an entry, so that a new crash input comes with its expected answer.
    static let expected: [String: String?] = [
        "seed-alias-bomb.yaml": "more than \(ReadLimits.standard.maxNodes) values",
        "seed-bom-crlf.yaml": nil,
        "seed-deep-block.yaml": "more than \(ReadLimits.standard.maxDepth) levels",
        "seed-deep-flow.yaml": "more than \(ReadLimits.standard.maxDepth) levels",
        "seed-duplicate-keys.yaml": "mapping key \"name\" already defined at line 5",
        "seed-list-kind.yaml": "Invalid value: 30080: provided port is already allocated",
        // 1e309 overflows a float64, so the YAML-to-JSON step keeps it as a string, as kubectl's does.
        "seed-merge-tags.yaml": "cannot unmarshal string into Go struct field ServicePort.spec.ports.nodePort of type int32",
        "seed-nul.yaml": "yaml: control characters are not allowed",
        "seed-too-many-documents.yaml": "limit of \(ReadLimits.standard.maxDocuments)",
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
        let expectedError = try #require(Self.expected[fileName], "no expected answer for \(fileName)")
        if let text = expectedError {
            #expect(outcome.report.errors.contains { $0.message.contains(text) }, "\(outcome.report.findings)")
        } else {
            #expect(outcome.report.ok, "\(outcome.report.findings)")
            #expect(!outcome.report.objects.isEmpty)
        }
        // Whatever the input, each finding explains itself.
        #expect(outcome.report.diagnostics.allSatisfy { !$0.explanation.isEmpty })
    }
}
