import ProgressStore
import Testing

@Suite struct InMemoryProgressStoreTests {
    func attempt(_ learner: String, passed: Bool) -> Attempt {
        Attempt(learner: learner, lesson: "pod-network-namespace", exercise: "sidecar", yaml: "kind: Pod", passed: passed, errors: passed ? 0 : 1, warnings: 0)
    }

    @Test func aLearnerSeesOnlyTheirOwnAttemptsInOrder() async throws {
        let store = InMemoryProgressStore()
        #expect(try await store.record(attempt("ana", passed: false)) == 1)
        #expect(try await store.record(attempt("ben", passed: true)) == 2)
        #expect(try await store.record(attempt("ana", passed: true)) == 3)
        let ana = try await store.attempts(of: "ana")
        #expect(ana.map(\.passed) == [false, true])
        #expect(try await store.attempts(of: "ben").count == 1)
        #expect(try await store.attempts(of: "nobody").isEmpty)
    }
}
