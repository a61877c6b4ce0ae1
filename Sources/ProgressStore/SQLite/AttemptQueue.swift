import Foundation

/// Attempts waiting for their commit.
///
/// With `synchronous = FULL` every commit waits for an fsync (2-3 ms on a virtual disk), so one transaction per attempt
/// caps a server at a few hundred attempts a second however many cores it has. Instead, attempts that arrive while a
/// commit is under way wait here and then go in together: one transaction and one fsync for all of them. Each attempt
/// still gets its own answer (one for an unknown learner fails alone), and none is answered before its commit.
final class AttemptQueue: @unchecked Sendable {
    /// An attempt and the caller waiting for it.
    struct Waiting: Sendable {
        let submission: AttemptSubmission
        let checksJSON: String
        let continuation: CheckedContinuation<RecordedAttempt, any Error>
    }

    private let lock = NSLock()
    private var waiting: [Waiting] = []
    private var draining = false

    /// Adds an attempt; true when no commit is under way, so the caller must start draining.
    func add(_ attempt: Waiting) -> Bool {
        lock.withLock {
            waiting.append(attempt)
            guard !draining else { return false }
            draining = true
            return true
        }
    }

    /// Every attempt waiting, oldest first; when none is, draining stops (the next ``add(_:)`` starts it again).
    func takeAll() -> [Waiting] {
        lock.withLock {
            let batch = waiting
            waiting = []
            if batch.isEmpty { draining = false }
            return batch
        }
    }
}
