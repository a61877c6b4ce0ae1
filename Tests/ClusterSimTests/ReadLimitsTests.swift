import Testing

@testable import ClusterSim

/// Each read limit fires on the input it exists for, with a message naming the limit.
/// (How fast they fire is measured by `make bench`, not asserted here.)
@Suite struct ReadLimitsTests {
    let reader = YAMLReader()

    @Test func billionLaughsIsRefusedByTheNodeLimit() throws {
        var text = "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
        let letters = Array("bcdefghij")
        var previous = "a"
        for letter in letters {
            let name = String(letter)
            text += "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ",") + "]\n"
            previous = name
        }
        let problem = try #require(reader.read(text: text, fileName: "lol.yaml").problems.first)
        #expect(problem.reason == .tooManyNodes)
        #expect(problem.message.contains("more than \(ReadLimits.standard.maxNodes) values"))
        #expect(problem.explanation.contains("billion laughs"))
    }

    @Test func tenThousandDeepFlowNestingIsRefused() throws {
        let text = "a: " + String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000) + "\n"
        let problem = try #require(reader.read(text: text, fileName: "deep.yaml").problems.first)
        #expect(problem.reason == .tooDeep)
        #expect(problem.message.contains("more than \(ReadLimits.standard.maxDepth) levels"))
    }

    @Test func tenThousandDeepBlockNestingIsRefused() throws {
        let text = String(repeating: "- ", count: 10_000) + "x\n"
        let problem = try #require(reader.read(text: text, fileName: "deep.yaml").problems.first)
        #expect(problem.reason == .tooDeep)
    }

    @Test func nestingJustPastTheLimitIsRefusedAndJustUnderIsRead() throws {
        let limit = ReadLimits.standard.maxDepth
        let under = String(repeating: "[", count: limit - 1) + String(repeating: "]", count: limit - 1)
        #expect(reader.read(text: under, fileName: "ok.yaml").problems.isEmpty)
        let over = String(repeating: "[", count: limit + 1) + String(repeating: "]", count: limit + 1)
        #expect(reader.read(text: over, fileName: "over.yaml").problems.first?.reason == .tooDeep)
    }

    @Test func aFileOverThreeMebibytesIsRefusedBeforeParsing() throws {
        let bytes = [UInt8](repeating: UInt8(ascii: "a"), count: 10 * 1024 * 1024)
        let problem = try #require(reader.read(bytes: bytes, fileName: "huge.yaml").problems.first)
        #expect(problem.reason == .fileTooLarge)
        #expect(problem.message.contains("limit of 3145728 bytes"))
    }

    @Test func tenThousandDocumentsAreRefused() throws {
        let text = String(repeating: "---\na: 1\n", count: 10_000)
        let problem = try #require(reader.read(text: text, fileName: "many.yaml").problems.first)
        #expect(problem.reason == .tooManyDocuments)
        #expect(problem.message.contains("limit of \(ReadLimits.standard.maxDocuments)"))
    }

    @Test func aMegabyteKeyGetsAClearError() throws {
        let text = String(repeating: "k", count: 1_000_000) + ": v\n"
        let problem = try #require(reader.read(text: text, fileName: "key.yaml").problems.first)
        // libyaml itself refuses simple keys over 1024 characters; either way the learner gets one clear error.
        #expect(problem.reason == .syntax || problem.reason == .keyTooLong)
        #expect(!problem.message.isEmpty)
    }

    @Test func limitsAreConfigurable() throws {
        let small = YAMLReader(limits: ReadLimits(maxFileBytes: 10, maxDocuments: 1, maxDepth: 2, maxNodes: 5, maxKeyBytes: 4))
        #expect(small.read(text: "apiVersion: v1\n", fileName: "a").problems.first?.reason == .fileTooLarge)
        #expect(small.read(text: "a: [[[1]]]", fileName: "a").problems.first?.reason == .tooDeep)
        #expect(small.read(text: "longkey: 1", fileName: "a").problems.first?.reason == .keyTooLong)
    }
}
