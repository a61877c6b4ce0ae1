import Foundation
import Testing

import ProgressStore

/// Learners, handles, classes and sessions, against both stores.
@Suite struct LearnerAndClassTests {
    @Test(arguments: StoreKind.allCases)
    func aLearnerIsFoundByHandleWhateverItsCase(kind: StoreKind) async throws {
        let fixture = try StoreFixture(kind)
        let ana = try await fixture.store.createLearner(handle: "Ana.K", displayName: "  Ana Kowalska ")
        _ = try await fixture.store.createLearner(handle: "k", displayName: "")
        #expect(ana.id == 1)
        #expect(ana.displayName == "Ana Kowalska")
        #expect(ana.classCode == nil)
        #expect(ana.createdAt == ManualClock.start)
        #expect(try await fixture.store.learner(handle: "ana.k") == ana)
        #expect(try await fixture.store.learner(handle: "ANA.K") == ana)
        #expect(try await fixture.store.learner(id: ana.id) == ana)
        #expect(try await fixture.store.learner(handle: "ben") == nil)
        #expect(try await fixture.store.learner(handle: "K")?.handle == "k")
        #expect(try await fixture.store.learner(handle: "\u{212A}") == nil, "only ASCII letters fold, as in SQLite")
        #expect(try await fixture.store.learner(id: 99) == nil)
    }

    @Test(arguments: StoreKind.allCases)
    func anEmptyDisplayNameBecomesTheHandle(kind: StoreKind) async throws {
        let fixture = try StoreFixture(kind)
        #expect(try await fixture.store.createLearner(handle: "ben_9", displayName: "   ").displayName == "ben_9")
        await #expect(throws: ProgressStoreError.invalidName) {
            try await fixture.store.createLearner(handle: "cy", displayName: String(repeating: "y", count: 81))
        }
    }

    @Test(arguments: StoreKind.allCases)
    func aHandleIsTakenWhateverItsCase(kind: StoreKind) async throws {
        let fixture = try StoreFixture(kind)
        _ = try await fixture.store.createLearner(handle: "ana", displayName: "Ana")
        let error = await #expect(throws: ProgressStoreError.handleTaken) {
            try await fixture.store.createLearner(handle: "ANA", displayName: "Another Ana")
        }
        #expect(error?.message == "the handle “ANA” is taken")
        #expect(try await fixture.store.createLearner(handle: "ana2", displayName: "").id == 2)
    }

    @Test(arguments: StoreKind.allCases, ["", " ", "ana smith", "ana/b", "ana@example", "añа", "ana\n", String(repeating: "a", count: 33)])
    func handlesOutsideTheRulesAreRefused(kind: StoreKind, handle: String) async throws {
        let fixture = try StoreFixture(kind)
        await #expect(throws: ProgressStoreError.invalidHandle) {
            try await fixture.store.createLearner(handle: handle, displayName: "x")
        }
        #expect(!HandleFormat.isValid(handle))
    }

    @Test(arguments: StoreKind.allCases, ["a", "Z", "0", "ana.b-c_9", "A.-_", String(repeating: "a", count: 32)])
    func handlesWithinTheRulesAreAccepted(kind: StoreKind, handle: String) async throws {
        let fixture = try StoreFixture(kind)
        #expect(try await fixture.store.createLearner(handle: handle, displayName: "").handle == handle)
    }

    @Test(arguments: StoreKind.allCases)
    func learnersJoinAClassByItsCodeInAnyCase(kind: StoreKind) async throws {
        let fixture = try StoreFixture(kind)
        let classroom = try await fixture.store.createClassroom(code: "K8s-A", name: " Networking, Monday ")
        #expect(classroom == Classroom(code: "K8s-A", name: "Networking, Monday", createdAt: ManualClock.start))
        fixture.clock.advance(by: 60)
        _ = try await fixture.store.createClassroom(code: "b-team", name: "B team")

        let ana = try await fixture.store.createLearner(handle: "ana", displayName: "Ana", classCode: "k8s-a")
        #expect(ana.classCode == "K8s-A")
        #expect(try await fixture.store.classroom(code: "K8S-A") == classroom)
        #expect(try await fixture.store.classroom(code: "nope") == nil)
        #expect(try await fixture.store.classrooms().map(\.code) == ["b-team", "K8s-A"])
    }

    @Test(arguments: StoreKind.allCases)
    func classCodesFollowTheHandleRulesAndAreUnique(kind: StoreKind) async throws {
        let fixture = try StoreFixture(kind)
        _ = try await fixture.store.createClassroom(code: "k8s-a", name: "A")
        await #expect(throws: ProgressStoreError.classCodeTaken) { try await fixture.store.createClassroom(code: "K8S-A", name: "again") }
        await #expect(throws: ProgressStoreError.invalidClassCode) { try await fixture.store.createClassroom(code: "k8s a", name: "A") }
        await #expect(throws: ProgressStoreError.invalidName) { try await fixture.store.createClassroom(code: "k8s-b", name: "  ") }
        await #expect(throws: ProgressStoreError.unknownClass) {
            try await fixture.store.createLearner(handle: "ana", displayName: "Ana", classCode: "k8s-z")
        }
        #expect(try await fixture.store.learner(handle: "ana") == nil)
    }

    @Test(arguments: StoreKind.allCases)
    func aSessionTokenSignsItsLearnerInUntilDeletedOrExpired(kind: StoreKind) async throws {
        let fixture = try StoreFixture(kind)
        let ana = try await fixture.store.createLearner(handle: "ana", displayName: "Ana")
        let ben = try await fixture.store.createLearner(handle: "ben", displayName: "Ben")

        let anaSession = try await fixture.store.createSession(for: ana.id, lifetime: 3600)
        let benSession = try await fixture.store.createSession(for: ben.id)
        #expect(anaSession.token.count == 43)
        #expect(anaSession.token != benSession.token)
        #expect(anaSession.expiresAt == ManualClock.start.plus(3600))
        #expect(benSession.expiresAt == ManualClock.start.plus(IssuedSession.defaultLifetime))

        #expect(try await fixture.store.learner(sessionToken: anaSession.token) == ana)
        #expect(try await fixture.store.learner(sessionToken: benSession.token) == ben)
        #expect(try await fixture.store.learner(sessionToken: "not-a-token") == nil)
        let altered = String(anaSession.token.dropLast()) + (anaSession.token.hasSuffix("A") ? "B" : "A")
        #expect(try await fixture.store.learner(sessionToken: altered) == nil)

        fixture.clock.advance(by: 3599)
        #expect(try await fixture.store.learner(sessionToken: anaSession.token) == ana)
        fixture.clock.advance(by: 1)
        #expect(try await fixture.store.learner(sessionToken: anaSession.token) == nil, "a session ends at its expiry")

        try await fixture.store.deleteSession(token: benSession.token)
        #expect(try await fixture.store.learner(sessionToken: benSession.token) == nil)
        try await fixture.store.deleteSession(token: "never-issued")

        await #expect(throws: ProgressStoreError.unknownLearner) { try await fixture.store.createSession(for: 42) }
    }
}
