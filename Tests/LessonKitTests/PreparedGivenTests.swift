import ClusterSim
import Foundation
import Testing

@testable import LessonKit

/// The grader checks each exercise's given manifests once and every answer on top of them. That must be the same as
/// checking the given manifests and the answer together, which is how `kubetutor check given.yaml answer.yaml` reads them.
@Suite struct PreparedGivenTests {
    static let catalog: LessonCatalog = {
        let lessons = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Lessons").path
        return try! LessonLoader().loadCatalog(fromDirectory: lessons)
    }()

    /// What a learner might send: the starter, the solution, each wrong answer, nothing, broken YAML, the given
    /// manifests again (every name taken), and an answer whose Service takes a port the given objects may hold.
    static func answers(for exercise: Exercise) -> [String] {
        [exercise.starter, exercise.solution, "", "kind: [", exercise.given,
         "apiVersion: v1\nkind: Service\nmetadata:\n  name: extra\nspec:\n  type: NodePort\n  ports:\n  - port: 80\n    nodePort: 30080\n"]
            + exercise.wrong.map(\.yaml)
    }

    /// The cluster as kubectl shows it, every kind, so that two clusters can be compared.
    static func picture(_ cluster: Cluster) -> String {
        var kubectl = Kubectl(cluster: cluster)
        return ["get nodes -o wide", "get pods -A -o wide", "get svc -A -o wide", "get endpoints -A", "get deploy -A", "get ingress -A"]
            .map { command in let output = kubectl.run(command); return output.stdout + output.stderr }
            .joined(separator: "\n")
    }

    @Test func everyShippedExerciseGradesAsIfTheGivenManifestsWereCheckedWithTheAnswer() throws {
        let exercises = Self.catalog.lessons.flatMap(\.exercises)
        #expect(exercises.count >= 20)
        let grader = ExerciseGrader()
        var compared = 0
        for exercise in exercises {
            for answer in Self.answers(for: exercise) {
                var files: [(name: String, bytes: [UInt8])] = []
                if !exercise.given.isEmpty { files.append((ExerciseGrader.givenFile, Array(exercise.given.utf8))) }
                files.append((ExerciseGrader.answerFile, Array(answer.utf8)))
                let whole = ManifestChecker().checkAndSimulate(files: files)
                let prepared = ManifestChecker().checkAndSimulate(
                    files: [(ExerciseGrader.answerFile, Array(answer.utf8))],
                    after: ManifestChecker().prepare(files: Array(files.dropLast())))
                #expect(prepared.report == whole.report, "\(exercise.id): \(answer.prefix(40))")
                #expect(Self.picture(prepared.cluster) == Self.picture(whole.cluster), "\(exercise.id): \(answer.prefix(40))")

                let first = grader.grade(exercise, answer: answer)
                let again = grader.grade(exercise, answer: answer)
                #expect(first.diagnostics == whole.report.diagnostics.filter { $0.file == ExerciseGrader.answerFile })
                #expect(again.checks == first.checks && again.diagnostics == first.diagnostics, "a second grade from the kept givens")
                #expect(Self.picture(again.cluster) == Self.picture(whole.cluster))
                compared += 1
            }
        }
        #expect(compared > 150)
        #expect(Self.picture(grader.grade(exercises[0], answer: "").cluster).contains("kube-dns"), "the pictures show the cluster")
    }

    @Test func answersDoNotLeakIntoTheKeptGivens() {
        // The kept state is a value: an answer applied on top of it must not be there for the next answer.
        let exercise = Self.catalog.lessons.flatMap(\.exercises).first { !$0.given.isEmpty }!
        let grader = ExerciseGrader()
        let extra = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: leaked\nspec:\n  containers:\n  - name: c\n    image: nginx:1.25\n"
        _ = grader.grade(exercise, answer: extra)
        var kubectl = Kubectl(cluster: grader.grade(exercise, answer: "").cluster)
        #expect(!kubectl.run("get pods -A").stdout.contains("leaked"))
    }
}
