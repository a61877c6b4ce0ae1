import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Hostile YAML saved as the learner's exercise file while `kubetutor quiz` runs: each gets a clear answer in
/// the checker's words, nothing from the file reaches the terminal raw or at full size, the attempt is in the
/// progress file and `kubetutor progress export` still reads it, and the quiz goes on working.
///
/// Each step waits with a generous hang guard (20 s); how fast the answer comes is for the benchmarks.
@Suite(.serialized) struct QuizHostileInputTests {
    /// One hostile file, with what the quiz must say about it.
    enum Hostile: String, CaseIterable, Sendable, CustomTestStringConvertible {
        case billionLaughs, tenThousandDeepNesting, tenMegabyteDocument, nulByte, invalidUTF8, tenThousandDocuments
        case megabyteKey, megabyteExplicitKey, number1e309, twentyDigitNumber, pythonTag, mergeKey, duplicateKey
        case crlfLineEndings, byteOrderMark

        var testDescription: String { rawValue }

        /// The file's bytes, generated here.
        var bytes: [UInt8] {
            let right = QuizFixture.rightAnswer
            switch self {
            case .billionLaughs:
                var text = "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
                var previous = "a"
                for letter in "bcdefghij" {
                    text += "\(letter): &\(letter) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ",") + "]\n"
                    previous = String(letter)
                }
                return Array(text.utf8)
            case .tenThousandDeepNesting:
                return Array(("a: " + String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000) + "\n").utf8)
            case .tenMegabyteDocument:
                // A right answer followed by a 10 MB comment: only its size is wrong.
                return Array((right + "# " + String(repeating: "x", count: 10 * 1024 * 1024) + "\n").utf8)
            case .nulByte:
                return Array(right.replacingOccurrences(of: "name: web", with: "name: a\u{0}b").utf8)
            case .invalidUTF8:
                // A Latin-1 "é" (0xE9) in a comment: decoding it loosely would let the file pass, where kubectl refuses it.
                return Array("# caf".utf8) + [0xE9] + Array("\n".utf8) + Array(right.utf8)
            case .tenThousandDocuments:
                return Array(String(repeating: "---\na: 1\n", count: 10_000).utf8)
            case .megabyteKey:
                return Array((String(repeating: "k", count: 1_000_000) + ": v\n").utf8)
            case .megabyteExplicitKey:
                return Array(("? " + String(repeating: "k", count: 1_000_000) + "\n: v\n").utf8)
            case .number1e309:
                return Array(right.replacingOccurrences(of: "containerPort: 80", with: "containerPort: 1e309").utf8)
            case .twentyDigitNumber:
                return Array(right.replacingOccurrences(of: "containerPort: 80", with: "containerPort: 99999999999999999999").utf8)
            case .pythonTag:
                return Array(right.replacingOccurrences(of: "image: nginx:1.25", with: "image: !!python/object:os.system nginx:1.25").utf8)
            case .mergeKey:
                let merged = right.replacingOccurrences(of: "  name: web\n", with: "  name: web\n  labels:\n    <<: *b\n")
                return Array(("base: &b {app: web}\n" + merged).utf8)
            case .duplicateKey:
                return Array(right.replacingOccurrences(of: "  name: web\n", with: "  name: web\n  name: web2\n").utf8)
            case .crlfLineEndings:
                return Array(right.replacingOccurrences(of: "\n", with: "\r\n").utf8)
            case .byteOrderMark:
                return [0xEF, 0xBB, 0xBF] + Array(right.utf8)
            }
        }

        /// Whether the file passes: kubectl reads CRLF, a byte-order mark and an ignored tag.
        var passes: Bool { [.crlfLineEndings, .byteOrderMark, .pythonTag].contains(self) }

        /// What the quiz's answer about the file says, in the checker's words.
        var expected: [String] {
            switch self {
            case .billionLaughs:
                ["the YAML expands to more than 200000 values (aliases counted each time they are used), KubeTutor's limit", "billion laughs"]
            case .tenThousandDeepNesting: ["the YAML nests more than 100 levels deep, KubeTutor's limit"]
            case .tenMegabyteDocument: ["the file is \(bytes.count) bytes, more than KubeTutor's limit of 3145728 bytes"]
            case .nulByte: ["yaml: control characters are not allowed", "a control character (such as a NUL byte)"]
            case .invalidUTF8:
                ["Not checked: the file is not UTF-8 text (line 1, column 6)", "yaml: invalid trailing UTF-8 octet", "Save it as UTF-8"]
            case .tenThousandDocuments: ["the file holds 10000 YAML documents, more than KubeTutor's limit of 1000"]
            case .megabyteKey: ["yaml: mapping values are not allowed in this context"]
            case .megabyteExplicitKey: ["a key is 1000000 bytes long, more than KubeTutor's limit of 1024"]
            case .number1e309:
                ["json: cannot unmarshal string into Go struct field ContainerPort.spec.containers.ports.containerPort of type int32", "\"1e309\" is text"]
            case .twentyDigitNumber: ["json: cannot unmarshal number 100000000000000000000 into Go struct field", "fits in 32 bits"]
            case .pythonTag: ["warning: the YAML tag !!python/object:os.system is ignored: kubectl reads the value as plain YAML"]
            case .mergeKey: ["strict decoding error: unknown field \"base\""]
            case .duplicateKey: ["mapping key \"name\" already defined at line 4"]
            case .crlfLineEndings, .byteOrderMark: ["PASS valid: The API server accepts your YAML."]
            }
        }

        /// What the attempt should record as the first error.
        var firstError: String? {
            switch self {
            case .crlfLineEndings, .byteOrderMark, .pythonTag: nil
            case .invalidUTF8: "invalid trailing UTF-8 octet"
            case .number1e309, .twentyDigitNumber: "cannot unmarshal"
            default: expected[0]
            }
        }
    }

    static let arguments = ["quiz", "--lessons", "Lessons", "--db", "progress.db", "--learner", "mallory", "--lesson", "tiny-pod"]

    /// A workspace whose exercise file already holds `bytes`, and the quiz started on the exercise.
    static func quizOnTheExercise(holding bytes: [UInt8]?, lesson: String = QuizFixture.lesson) throws -> (dir: URL, session: QuizLineSession) {
        let dir = try QuizFixture.workspace()
        try Data(lesson.utf8).write(to: dir.appendingPathComponent("Lessons/01-tiny-pod.md"))
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("kubetutor-work/tiny-pod"), withIntermediateDirectories: true)
        if let bytes { try Data(bytes).write(to: dir.appendingPathComponent(QuizFixture.exerciseFile)) }
        let session = try QuizLineSession(arguments, in: dir)
        try session.waitFor("Keys: Enter/n next")
        session.send("n")
        try session.waitFor("Question 1 of 2")
        session.send("n")
        try session.waitFor("Exercise 1 of 1: web-port")
        return (dir, session)
    }

    /// The YAML of each attempt in an export, read with JSONDecoder: JSONSerialization on Linux drops a
    /// byte-order mark inside a JSON string.
    static func attemptTexts(_ json: String) throws -> [String] {
        struct Export: Decodable {
            struct Learner: Decodable { var attempts: [Attempt] }
            struct Attempt: Decodable { var yaml: String }
            var learners: [Learner]
        }
        return try JSONDecoder().decode(Export.self, from: Data(json.utf8)).learners.first?.attempts.map(\.yaml) ?? []
    }

    /// Whether `output` says `phrase`, however the lines were wrapped.
    static func says(_ output: String, _ phrase: String) -> Bool {
        func squeezed(_ text: String) -> String { text.split(whereSeparator: \.isWhitespace).joined(separator: " ") }
        return squeezed(output).contains(squeezed(phrase))
    }

    /// The transcript holds nothing a terminal would act on: no control character but the newline, no 8-bit control.
    static func expectPlainText(_ transcript: String, _ comment: Comment) {
        let controls = transcript.unicodeScalars.filter { ($0.value < 0x20 && $0 != "\n") || (0x7F..<0xA0).contains($0.value) }
        #expect(controls.isEmpty, "\(comment): the quiz printed control characters \(controls.map { String($0.value, radix: 16) })")
    }

    @Test(arguments: Hostile.allCases)
    func hostileYAMLGetsTheCheckersAnswerAndTheQuizGoesOn(_ hostile: Hostile) throws {
        let bytes = hostile.bytes
        let (dir, session) = try Self.quizOnTheExercise(holding: bytes)
        // Some of these files are megabytes: the folder goes when the test ends.
        defer { try? FileManager.default.removeItem(at: dir) }
        let summary = hostile.passes ? "All 2 checks pass." : "0 of 2 checks pass."

        // As the learner left it: graded on the screen, not counted.
        try session.waitFor("Your file, as you left it: \(QuizFixture.exerciseFile)")
        try session.waitFor("The file as it is now (not counted as an attempt):")
        let shown = try session.waitFor("Keys: save to check")
        for phrase in hostile.expected { #expect(Self.says(shown, phrase), "\(hostile): \(phrase.debugDescription) on opening") }
        #expect(shown.contains(summary), "\(hostile): \(shown)")

        // Checked on request: attempt 1, the same answer.
        session.send("c")
        try session.waitFor("\(QuizFixture.exerciseFile) checked on request, attempt 1:")
        let checked = try session.waitFor("Keys: save to check")
        for phrase in hostile.expected { #expect(Self.says(checked, phrase), "\(hostile): \(phrase.debugDescription) on c") }
        #expect(checked.contains(summary))

        // The quiz goes on: the right answer saved passes, then the hostile file saved again is checked again.
        try QuizFixture.save(QuizFixture.rightAnswer, in: dir)
        try session.waitFor("\(QuizFixture.exerciseFile) saved, attempt 2:")
        try session.waitFor("All 2 checks pass.")
        try Data(bytes).write(to: dir.appendingPathComponent(QuizFixture.exerciseFile))
        try session.waitFor("\(QuizFixture.exerciseFile) saved, attempt 3:")
        let saved = try session.waitFor("Keys: save to check")
        for phrase in hostile.expected { #expect(Self.says(saved, phrase), "\(hostile): \(phrase.debugDescription) on save") }
        session.send("?")
        try session.waitFor("check the exercise file now")
        session.send("q")
        try session.waitFor("Saved: your answers and attempts are in progress.db.")
        #expect(session.finish() == 0)

        // Clear and short: nothing of the file's bulk or its control bytes comes back.
        let transcript = session.transcript
        Self.expectPlainText(transcript, "\(hostile)")
        #expect(transcript.utf8.count < 20_000, "\(hostile): \(transcript.utf8.count) bytes printed")

        // The progress file holds the three attempts, and exports.
        let records = try QuizFixture.exported(db: "progress.db", learner: "mallory", in: dir)
        #expect(records.attempts.map { $0["passed"] as? Bool } == [hostile.passes, true, hostile.passes])
        let first = try #require(records.attempts.first)
        let yaml = try #require(try Self.attemptTexts(records.json).first)
        if let firstError = hostile.firstError {
            #expect((first["firstErrorMessage"] as? String)?.contains(firstError) == true, "\(hostile): \(first["firstErrorMessage"] ?? "none")")
            #expect((first["errorCount"] as? Int ?? 0) >= 1)
        } else {
            #expect(first["firstErrorMessage"] == nil || first["firstErrorMessage"] is NSNull)
        }
        switch hostile {
        case .tenMegabyteDocument:
            // Only the start of a file over the limit is kept, saying so.
            #expect(yaml.hasPrefix(QuizFixture.rightAnswer))
            // Cut at the last line end in the first 64 KiB: the 10 MB comment line is left out whole.
            let kept = QuizFixture.rightAnswer.utf8.count
            let note = "# kubetutor kept the first \(kept) of this file's \(bytes.count) bytes: it is over the limit of 3145728 bytes.\n"
            #expect(yaml == QuizFixture.rightAnswer + note)
        case .invalidUTF8:
            #expect(yaml == String(decoding: bytes, as: UTF8.self), "the bad byte is kept as U+FFFD")
        case .nulByte:
            #expect(yaml == String(decoding: bytes, as: UTF8.self), "the attempt keeps the YAML after its NUL byte")
        default:
            #expect(Array(yaml.utf8) == bytes, "\(hostile): the attempt holds the file as saved")
        }
    }

    @Test func aThousandBrokenObjectsListTwentyDiagnosticsAndCountTheRest() throws {
        let broken = (0..<1_000).map { "---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: Bad_\($0)\nspec:\n  containers: []\n" }.joined()
        let (_, session) = try Self.quizOnTheExercise(holding: Array(broken.utf8))
        let shown = try session.waitFor("Keys: save to check")
        #expect(Self.says(shown, "The API server refuses your YAML (2000 errors)."))
        #expect(Self.says(shown, "… and 1980 more; fix the first ones and save again, they often cause the rest."))
        #expect(shown.components(separatedBy: "\(QuizFixture.exerciseFile):").count - 1 == 20, "twenty diagnostics are listed")
        session.send("q")
        #expect(session.finish() == 0)
    }

    @Test func aFolderInPlaceOfTheFileIsNamedAndTheQuizGoesOn() throws {
        let dir = try QuizFixture.workspace()
        let file = dir.appendingPathComponent(QuizFixture.exerciseFile)
        try FileManager.default.createDirectory(at: file, withIntermediateDirectories: true)
        let session = try QuizLineSession(Self.arguments, in: dir)
        session.send("n")
        session.send("n")
        try session.waitFor("\(QuizFixture.exerciseFile) cannot be checked: it is a folder, not a file.")
        session.send("c")
        try session.waitFor("\(QuizFixture.exerciseFile) cannot be checked: it is a folder, not a file.")
        session.send("k get pods")
        try session.waitFor("No resources found in default namespace.")

        try FileManager.default.removeItem(at: file)
        try QuizFixture.save(QuizFixture.rightAnswer, in: dir)
        try session.waitFor("saved, attempt 1:")
        try session.waitFor("All 2 checks pass.")
        session.send("q")
        #expect(session.finish() == 0)
        let records = try QuizFixture.exported(db: "progress.db", learner: "mallory", in: dir)
        #expect(records.attempts.map { $0["passed"] as? Bool } == [true], "the folder was not counted as an attempt")
    }

    @Test func aNamedPipeInPlaceOfTheFileDoesNotBlockTheQuiz() throws {
        let dir = try QuizFixture.workspace()
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("kubetutor-work/tiny-pod"), withIntermediateDirectories: true)
        try #require(mkfifo(dir.appendingPathComponent(QuizFixture.exerciseFile).path, 0o600) == 0)
        let session = try QuizLineSession(Self.arguments, in: dir)
        session.send("n")
        session.send("n")
        try session.waitFor("\(QuizFixture.exerciseFile) cannot be checked: it is not a regular file.")
        session.send("h")
        try session.waitFor("Hint 1 of 1: containerPort is a number.")
        session.send("q")
        #expect(session.finish() == 0)
    }

    @Test func escapeSequencesAndHugeValuesFromTheFileAreShownNotPlayed() throws {
        // The lesson's check reads the image, so that its message quotes what the file says.
        let lesson = QuizFixture.lesson.replacingOccurrences(
            of: "path: \"spec.containers[0].ports[0].containerPort\", equals: \"80\"",
            with: "path: \"spec.containers[0].image\", equals: \"nginx:1.25\"")
        // YAML's own escapes put an ESC, a BEL and an 8-bit CSI into valid text.
        let hostile = QuizFixture.rightAnswer.replacingOccurrences(of: "image: nginx:1.25", with: "image: \"nginx\\e[2J\\a\\u009b31m\"")
        let (dir, session) = try Self.quizOnTheExercise(holding: Array(hostile.utf8), lesson: lesson)
        let shown = try session.waitFor("Keys: save to check")
        #expect(Self.says(shown, "has spec.containers[0].image `nginx\\x1b[2J\\x07\\u009b31m`; it should be `nginx:1.25`."), "\(shown)")
        session.send("k describe pod web")
        try session.waitFor("Image:          nginx\\x1b[2J\\x07\\u009b31m")
        session.send("x\u{1B}[31mred")
        try session.waitFor("“x\\x1b[31mred” means nothing here.")

        // A 1 MB name comes back in the API server's message: cut in the middle, saying how much.
        let huge = QuizFixture.rightAnswer.replacingOccurrences(of: "name: web", with: "name: " + String(repeating: "v", count: 1_000_000))
        try QuizFixture.save(huge, in: dir)
        try session.waitFor("saved, attempt 1:")
        let answer = try session.waitFor("Keys: save to check")
        #expect(answer.contains("vvvvvvvvvv…(9999") && answer.contains(" more characters)…vvvvvvvvv"), "\(answer)")
        #expect(answer.contains("must be no more than 253 characters"))
        session.send("q")
        #expect(session.finish() == 0)
        Self.expectPlainText(session.transcript, "escapes")
        #expect(session.transcript.utf8.count < 20_000)
        let records = try QuizFixture.exported(db: "progress.db", learner: "mallory", in: dir)
        #expect(try Self.attemptTexts(records.json) == [huge], "the attempt keeps the file whole: it is under the limit")
    }
}
