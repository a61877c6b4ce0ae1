import Foundation
import Testing

@testable import ProgressStore

/// What only the SQLite store has: a real file in a temporary directory, its settings, its schema, its bytes.
@Suite struct SQLiteFileTests {
    let directory: TemporaryDirectory
    let path: String
    let clock = ManualClock()

    init() throws {
        directory = try TemporaryDirectory()
        path = directory.path("kubetutor.db")
    }

    @Test func aNewFileIsInWALModeWithForeignKeysFullSyncAndTheCurrentSchema() async throws {
        let store = try SQLiteProgressStore(path: path, clock: clock.reading)
        let diagnostics = try await store.diagnostics()
        #expect(diagnostics.journalMode == "wal")
        #expect(diagnostics.foreignKeysEnabled)
        #expect(diagnostics.synchronous == "full")
        #expect(diagnostics.integrityCheck == "ok")
        #expect(diagnostics.schemaVersion == SQLiteProgressStore.schemaVersion)
        #expect(diagnostics.appliedMigrations == ["v1-progress", "v2-report-statistics"])
        #expect(FileManager.default.fileExists(atPath: path + "-wal"))
    }

    @Test func progressSurvivesClosingAndReopeningTheFile() async throws {
        let store = try SQLiteProgressStore(path: path, clock: clock.reading)
        try await ReportTests.seed(store, clock: clock)
        let report = try await store.report()
        let token = try await store.createSession(for: 1).token
        try store.close()

        let reopened = try SQLiteProgressStore(path: path, clock: clock.reading)
        #expect(try await reopened.report() == report)
        #expect(try await reopened.learner(sessionToken: token)?.handle == "ana")
        #expect(try await reopened.diagnostics().appliedMigrations == ["v1-progress", "v2-report-statistics"])
        #expect(try await reopened.diagnostics().integrityCheck == "ok")
    }

    @Test func theRawSessionTokenIsNeverWrittenOnlyItsHash() async throws {
        let store = try SQLiteProgressStore(path: path, clock: clock.reading)
        let ana = try await store.createLearner(handle: "ana", displayName: "Ana")
        let tokens = [
            try await store.createSession(for: ana.id).token,
            try await store.createSession(for: ana.id).token,
        ]

        func fileBytes() throws -> [UInt8] {
            try [path, path + "-wal"].filter { FileManager.default.fileExists(atPath: $0) }
                .flatMap { Array(try Data(contentsOf: URL(fileURLWithPath: $0))) }
        }
        var bytes = try fileBytes()
        for token in tokens {
            #expect(!bytes.contains(Array(token.utf8)), "the token is not in the file")
            #expect(bytes.contains(SessionToken.hash(token)), "its SHA-256 is")
        }
        try store.close()
        bytes = try fileBytes()
        for token in tokens {
            #expect(!bytes.contains(Array(token.utf8)))
            #expect(bytes.contains(SessionToken.hash(token)))
        }
    }

    @Test func aDatabaseMigratedByANewerBinaryIsRefusedUntouched() async throws {
        var future = Schema.current
        future.migrations.append(
            Schema.Migration(identifier: "v2-hints", sql: "CREATE TABLE hints (id INTEGER PRIMARY KEY, text TEXT NOT NULL);"))
        let newer = try SQLiteProgressStore(path: path, clock: clock.reading, schema: future)
        _ = try await newer.createLearner(handle: "ana", displayName: "Ana")
        #expect(try await newer.diagnostics().schemaVersion == Schema.current.version + 1)
        try newer.close()

        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let error = #expect(throws: ProgressStoreError.newerSchema) { try SQLiteProgressStore(path: path, clock: self.clock.reading) }
        #expect(
            error?.message
                == "this database was written by a newer KubeTutor (schema \(Schema.current.version + 1)); this binary knows up to \(Schema.current.version)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before, "the file is not touched")

        // The newer binary still opens it.
        let again = try SQLiteProgressStore(path: path, clock: clock.reading, schema: future)
        #expect(try await again.learner(handle: "ana") != nil)
    }

    @Test func aHigherUserVersionWrittenIntoTheHeaderIsRefused() async throws {
        let store = try SQLiteProgressStore(path: path, clock: clock.reading)
        _ = try await store.createLearner(handle: "ana", displayName: "Ana")
        try store.close()
        try #require(!FileManager.default.fileExists(atPath: path + "-wal"), "closing checkpoints the log into the file")

        // user_version is the big-endian 32-bit integer at offset 60 of the database header.
        var bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(Array(bytes[60..<64]) == [0, 0, 0, UInt8(Schema.current.version)])
        bytes.replaceSubrange(60..<64, with: [0, 0, 0, 7])
        try bytes.write(to: URL(fileURLWithPath: path))

        let error = #expect(throws: ProgressStoreError.newerSchema) { try SQLiteProgressStore(path: path, clock: self.clock.reading) }
        #expect(error?.message == "this database was written by a newer KubeTutor (schema 7); this binary knows up to \(Schema.current.version)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == bytes)
    }

    @Test func aFileThatIsNotADatabaseIsAStorageFailure() throws {
        try Data("apiVersion: v1\nkind: Pod\n".utf8).write(to: URL(fileURLWithPath: path))
        let error = #expect(throws: ProgressStoreError.storageFailure) { try SQLiteProgressStore(path: path, clock: self.clock.reading) }
        #expect(error?.message.contains(path) == true)
    }

    @Test func concurrentAttemptsLeaveAFileThatPassesTheIntegrityCheck() async throws {
        let store = try SQLiteProgressStore(path: path, clock: clock.reading)
        let learners = try await (0..<4).asyncMap { try await store.createLearner(handle: "l\($0)", displayName: "") }
        try await withThrowingTaskGroup(of: Void.self) { group in
            for learner in learners {
                for index in 0..<20 {
                    group.addTask {
                        _ = try await store.recordExerciseOpen(learnerID: learner.id, lesson: "pods", exercise: "e\(index % 3)")
                        _ = try await store.recordAttempt(submission(learner, "pods", "e\(index % 3)", passed: index.isMultiple(of: 2)))
                        _ = try await store.recordQuizAnswer(
                            QuizSubmission(learnerID: learner.id, lesson: "pods", quiz: "q", chosenIndex: index % 4, correct: index % 4 == 1))
                        _ = try await store.progress(of: learner.id)
                    }
                }
            }
            try await group.waitForAll()
        }
        #expect(try await store.diagnostics().integrityCheck == "ok")
        for learner in learners {
            #expect(try await store.timeline(of: learner.id).count == 40)
        }
    }
}

extension Sequence {
    /// The results of `transform` on each element, one after the other.
    func asyncMap<T>(_ transform: (Element) async throws -> T) async rethrows -> [T] {
        var results: [T] = []
        for element in self {
            results.append(try await transform(element))
        }
        return results
    }
}

extension Array where Element == UInt8 {
    /// Whether `needle` occurs as a contiguous run.
    func contains(_ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty, needle.count <= count else { return needle.isEmpty }
        let first = needle[0]
        var index = 0
        while index <= count - needle.count {
            if self[index] == first && self[index..<index + needle.count].elementsEqual(needle) {
                return true
            }
            index += 1
        }
        return false
    }
}
