import Foundation
import Testing

@testable import ProgressStore

/// A clock that stands still until a test moves it, so both stores see exactly the same times.
final class ManualClock: @unchecked Sendable {
    private let lock = NSLock()
    private var current: Date

    /// 2026-03-01T09:00:00Z, a Sunday morning class.
    static let start = Date(timeIntervalSince1970: 1_772_355_600)

    init(_ start: Date = ManualClock.start) {
        current = start
    }

    func now() -> Date {
        lock.withLock { current }
    }

    func advance(by seconds: TimeInterval) {
        lock.withLock { current += seconds }
    }

    func set(_ date: Date) {
        lock.withLock { current = date }
    }

    var reading: @Sendable () -> Date {
        { [self] in now() }
    }
}

/// The two implementations every behavioural test runs against.
enum StoreKind: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case sqlite
    case inMemory

    var testDescription: String {
        switch self {
        case .sqlite: "SQLite"
        case .inMemory: "in memory"
        }
    }
}

/// A temporary directory removed when the value goes away.
final class TemporaryDirectory: Sendable {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("kubetutor-store-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func path(_ name: String) -> String {
        url.appendingPathComponent(name).path
    }

    deinit {
        try? FileManager.default.removeItem(at: url)
    }
}

/// A fresh store of one kind with its clock; an SQLite store lives in its own temporary directory.
struct StoreFixture {
    let kind: StoreKind
    let clock: ManualClock
    let store: any ProgressStore
    let directory: TemporaryDirectory

    init(_ kind: StoreKind, clock: ManualClock = ManualClock()) throws {
        self.kind = kind
        self.clock = clock
        directory = try TemporaryDirectory()
        switch kind {
        case .sqlite:
            store = try SQLiteProgressStore(path: directory.path("kubetutor.db"), clock: clock.reading)
        case .inMemory:
            store = InMemoryProgressStore(clock: clock.reading)
        }
    }
}

/// An attempt with sensible defaults, as the grader would hand it over.
func submission(
    _ learner: Learner, _ lesson: String, _ exercise: String, passed: Bool, error: String? = nil, yaml: String = "kind: Pod\n"
) -> AttemptSubmission {
    AttemptSubmission(
        learnerID: learner.id, lesson: lesson, exercise: exercise, yaml: yaml, passed: passed,
        checks: [
            CheckResult(name: "applies cleanly", passed: error == nil, message: error ?? "ok"),
            CheckResult(name: "serves on port 80", passed: passed, message: passed ? "curl answered 200" : "connection refused"),
        ],
        errorCount: error == nil ? 0 : 1, warningCount: passed ? 0 : 1, firstErrorMessage: error)
}

extension Date {
    /// This date plus `seconds`.
    func plus(_ seconds: TimeInterval) -> Date {
        addingTimeInterval(seconds)
    }
}
