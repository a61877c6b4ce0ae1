import ClusterSim
import Foundation
import LessonKit
import Testing

/// The grader keeps the requests it traced for `reach` checks, so that the result panel draws them without tracing
/// again: what it keeps must be what tracing again would give, for every shipped exercise.
@Suite struct GradeTracesTests {
    static let shippedLessons = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Lessons").path

    @Test func theKeptTracesOfEveryShippedExerciseAreWhatTracingAgainGives() throws {
        let catalog = try LessonLoader().loadCatalog(fromDirectory: Self.shippedLessons)
        let grader = ExerciseGrader()
        var reachChecks = 0
        for lesson in catalog.lessons {
            for exercise in lesson.exercises {
                let answers = [exercise.starter, exercise.solution, "", "kind: ["] + exercise.wrong.map(\.yaml)
                for answer in answers {
                    let grade = grader.grade(exercise, answer: answer)
                    for (index, check) in exercise.checks.enumerated() {
                        let place = "\(lesson.id)/\(exercise.id) check \(index)"
                        guard case .reach(let from, let to, _, _, _, let resolve) = check.kind,
                            let source = TraceSource.parse(from), let target = TraceTarget.parse(to)
                        else {
                            #expect(grade.traces[index] == nil, "\(place) traces nothing")
                            continue
                        }
                        reachChecks += 1
                        let again = grade.cluster.trace(from: source, to: target, resolve: resolve.compactMapValues { IPv4($0) })
                        #expect(grade.traces[index] == again, "\(place)")
                    }
                }
            }
        }
        #expect(reachChecks > 0, "the shipped exercises have reach checks")
    }
}
