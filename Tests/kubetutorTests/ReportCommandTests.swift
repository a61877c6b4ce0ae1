import Foundation
import ProgressStore
import Testing

/// `kubetutor report` run as an instructor would, on a real SQLite file the test writes through ``SQLiteProgressStore``.
@Suite struct ReportCommandTests {
    /// 2026-03-01T09:00:00Z.
    static let t0 = Date(timeIntervalSince1970: 1_772_355_600)

    /// A clock the seeding moves by hand.
    final class Clock: @unchecked Sendable {
        private let lock = NSLock()
        private var current = ReportCommandTests.t0
        func set(_ seconds: TimeInterval) { lock.withLock { current = ReportCommandTests.t0.addingTimeInterval(seconds) } }
        var reading: @Sendable () -> Date { { [self] in lock.withLock { current } } }
    }

    static let lessons = [
        "01-pods.md": """
            ---
            id: pods
            title: Pods share a network namespace
            order: 1
            summary: Two containers, one localhost.
            minutes: 5
            ---
            # Pods

            ```exercise
            id: sidecar
            prompt: |
              Add a sidecar.
            solution: |
              apiVersion: v1
              kind: Pod
              metadata:
                name: web
              spec:
                containers:
                - name: nginx
                  image: nginx:1.27
            checks:
              - valid
            ```
            """,
        "02-services.md": """
            ---
            id: services
            title: NodePort
            order: 2
            summary: One port on every node.
            minutes: 5
            ---
            # Services

            ```exercise
            id: nodeport
            prompt: |
              Open port 30080.
            solution: |
              apiVersion: v1
              kind: Service
              metadata:
                name: web
              spec:
                type: NodePort
                ports:
                - port: 80
                  nodePort: 30080
            checks:
              - valid
            ```
            """,
    ]

    static let nodePortError =
        "spec.ports[0].nodePort: Invalid value: 40000: provided port is not in the valid range. The range of valid ports is 30000-32767"

    /// A folder with the lessons and `kubetutor.db`:
    /// - ana `Ana, "the quick"` (k8s-a) opens pods/sidecar at 0, fails at 30, passes at 90; completes pods at 100.
    /// - ben `=cmd|' /C calc'!A0` (k8s-a) fails services/nodeport at 40, 50, 60, 70, 80 (stuck).
    /// - cy `Cy⏎Newline, a very long display name indeed` (k8s-b) opens pods/sidecar at 10; nothing since (idle).
    static func workspace() async throws -> URL {
        let directory = try CLIRunner.directory(with: [:])
        let lessonsDirectory = directory.appendingPathComponent("lessons")
        try FileManager.default.createDirectory(at: lessonsDirectory, withIntermediateDirectories: true)
        for (name, text) in lessons {
            try Data(text.utf8).write(to: lessonsDirectory.appendingPathComponent(name))
        }
        let clock = Clock()
        let store = try SQLiteProgressStore(path: directory.appendingPathComponent("kubetutor.db").path, clock: clock.reading)
        _ = try await store.createClassroom(code: "k8s-a", name: "Networking A")
        _ = try await store.createClassroom(code: "k8s-b", name: "Networking B")
        let ana = try await store.createLearner(handle: "ana", displayName: #"Ana, "the quick""#, classCode: "k8s-a")
        let ben = try await store.createLearner(handle: "ben", displayName: #"=cmd|' /C calc'!A0"#, classCode: "k8s-a")
        let cy = try await store.createLearner(handle: "cy", displayName: "Cy\nNewline, a very long display name indeed", classCode: "k8s-b")

        func attempt(_ learner: Learner, _ lesson: String, _ exercise: String, error: String?) -> AttemptSubmission {
            AttemptSubmission(
                learnerID: learner.id, lesson: lesson, exercise: exercise, yaml: "kind: Pod\n", passed: error == nil,
                checks: [CheckResult(name: "valid", passed: error == nil, message: error ?? "The API server accepts your YAML.")],
                errorCount: error == nil ? 0 : 1, firstErrorMessage: error)
        }
        clock.set(0)
        _ = try await store.recordExerciseOpen(learnerID: ana.id, lesson: "pods", exercise: "sidecar")
        clock.set(10)
        _ = try await store.recordExerciseOpen(learnerID: cy.id, lesson: "pods", exercise: "sidecar")
        clock.set(30)
        _ = try await store.recordAttempt(attempt(ana, "pods", "sidecar", error: "-spec.containers: Required value"))
        for second in [40.0, 50, 60, 70, 80] {
            clock.set(second)
            _ = try await store.recordAttempt(attempt(ben, "services", "nodeport", error: nodePortError))
        }
        clock.set(90)
        _ = try await store.recordAttempt(attempt(ana, "pods", "sidecar", error: nil))
        clock.set(100)
        _ = try await store.markLessonCompleted(learnerID: ana.id, lesson: "pods")
        try store.close()
        return directory
    }

    /// Three days after the class started.
    static let now = "2026-03-04T09:00:00Z"

    static func report(_ directory: URL, _ arguments: [String]) throws -> CLIRunner.Output {
        try CLIRunner.run(["report", "--db", "kubetutor.db", "--lessons", "lessons", "--now", now] + arguments, in: directory)
    }

    @Test func theCSVIsOneQuotedNeutralisedRowPerLearnerAndExercise() async throws {
        let directory = try await Self.workspace()
        let output = try Self.report(directory, ["--format", "csv"])
        #expect(output.status == 0, "\(output.stderr)")
        #expect(
            output.stdout
                == [
                    "learner,class,lesson,exercise,status,attempts,first_attempt_at,passed_at,seconds_to_pass,last_error",
                    #""Ana, ""the quick""",k8s-a,pods,sidecar,passed,2,2026-03-01T09:00:30Z,2026-03-01T09:01:30Z,90,'-spec.containers: Required value"#,
                    #""Ana, ""the quick""",k8s-a,services,nodeport,not-started,0,,,,"#,
                    #"'=cmd|' /C calc'!A0,k8s-a,pods,sidecar,not-started,0,,,,"#,
                    #"'=cmd|' /C calc'!A0,k8s-a,services,nodeport,attempted,5,2026-03-01T09:00:40Z,,,"# + Self.nodePortError,
                    "\"Cy\nNewline, a very long display name indeed\",k8s-b,pods,sidecar,opened,0,,,,",
                    "\"Cy\nNewline, a very long display name indeed\",k8s-b,services,nodeport,not-started,0,,,,",
                ].map { $0 + "\r\n" }.joined())
        #expect(output.stderr.isEmpty)
    }

    @Test func theJSONHasTheRowsTheStatisticsAndTheStuckLearnersOfOneClass() async throws {
        let directory = try await Self.workspace()
        let output = try Self.report(directory, ["--format", "json", "--class", "K8S-A", "--idle-days", "4"])
        #expect(output.status == 0, "\(output.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any])
        #expect(json["class"] as? String == "k8s-a")
        #expect((json["rows"] as? [[String: Any]])?.compactMap { $0["handle"] as? String } == ["ana", "ana", "ben", "ben"])
        let exercises = try #require(json["exercises"] as? [[String: Any]])
        #expect(exercises.map { "\($0["lesson"]!)/\($0["exercise"]!)" } == ["pods/sidecar", "services/nodeport"])
        #expect(exercises[0]["tried"] as? Int == 1 && exercises[0]["passed"] as? Int == 1)
        #expect(exercises[0]["median_attempts_to_pass"] as? Int == 2 && exercises[0]["median_seconds_to_pass"] as? Int == 90)
        #expect(exercises[1]["tried"] as? Int == 1 && exercises[1]["passed"] as? Int == 0 && exercises[1]["pass_rate"] as? Int == 0)
        let messages = try #require(exercises[1]["checker_messages"] as? [[String: Any]])
        #expect(messages.count == 1)
        #expect(messages.first?["pattern"] as? String == "spec.ports[0].nodePort: Invalid value: …: provided port is not in the valid range. The range of valid ports is 30000-32767")
        #expect(messages.first?["learners"] as? Int == 1 && messages.first?["attempts"] as? Int == 5)
        let stuck = try #require(json["stuck"] as? [[String: Any]])
        #expect(stuck.compactMap { $0["handle"] as? String } == ["ben"], "nobody is idle for 4 days; cy is in another class")
        #expect(output.stdout.hasSuffix("}\n"))
    }

    @Test func theTableFitsEightyColumns() async throws {
        let directory = try await Self.workspace()
        let output = try Self.report(directory, [])
        #expect(output.status == 0, "\(output.stderr)")
        let lines = output.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.allSatisfy { $0.count <= 80 }, "\(lines.filter { $0.count > 80 })")
        #expect(lines.first == "KubeTutor report: all learners, 3 learners, 2026-03-04T09:00:00Z")
        #expect(lines.contains(#"Ana, "the quick"     ana          done    ."#))
        #expect(lines.contains("Cy Newline, a very … cy             ~0    ."), "names are cut to fit, on one line")
        #expect(lines.contains { $0.hasPrefix("  Cy Newline, a very long… cy: idle 2d 23h") })
        #expect(lines.contains { $0.contains("ben: services/nodeport 5 attempts, no pass") })
    }

    @Test func aMissingDatabaseIsAnErrorAndIsNotCreated() async throws {
        let directory = try CLIRunner.directory(with: [:])
        let output = try CLIRunner.run(["report", "--db", "nothing.db"], in: directory)
        #expect(output.status == 2)
        #expect(output.stderr.contains("nothing.db: no such database file"))
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("nothing.db").path))
    }

    @Test func anUnknownClassIsAnErrorNamingTheClasses() async throws {
        let directory = try await Self.workspace()
        let output = try Self.report(directory, ["--class", "k8s-z"])
        #expect(output.status == 2)
        #expect(output.stderr == "kubetutor report: no class has the code k8s-z; classes: k8s-a, k8s-b\n")
    }

    @Test func withoutALessonsFolderTheCourseComesFromTheDatabase() async throws {
        let directory = try await Self.workspace()
        let output = try CLIRunner.run(["report", "--db", "kubetutor.db", "--format", "csv", "--now", Self.now], in: directory)
        #expect(output.status == 0)
        #expect(output.stderr.contains("the course is taken from the database"))
        #expect(output.stdout.split(separator: "\r\n").count == 1 + 3 * 2)

        let named = try CLIRunner.run(["report", "--db", "kubetutor.db", "--lessons", "missing"], in: directory)
        #expect(named.status == 2, "a lessons folder that was named must exist")
    }
}
