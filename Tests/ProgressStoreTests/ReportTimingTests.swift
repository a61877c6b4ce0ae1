import Foundation
import Testing

import ProgressStore

/// Seeds a class-sized database and prints how long the instructor's report takes. Nothing is asserted about
/// time (machines differ); the numbers are for reading. `KUBETUTOR_REPORT_LEARNERS` sets the size (default 1,000).
@Suite struct ReportTimingTests {
    static let lessons = ["pods", "pod-to-pod", "cross-node", "dns", "clusterip", "nodeport", "loadbalancer", "ingress", "network-policy"]

    /// Per learner and lesson: one open, two failed attempts then a pass, one quiz answer, a completion.
    static func classExport(learners count: Int) -> ProgressExport {
        let t0 = ManualClock.start
        let learners = (0..<count).map { index in
            var opens: [ExportedExerciseOpen] = []
            var attempts: [ExportedAttempt] = []
            var answers: [ExportedQuizAnswer] = []
            var completions: [ExportedCompletion] = []
            for (number, lesson) in lessons.enumerated() {
                let start = t0.plus(Double(number * 3600 + index % 600))
                opens.append(ExportedExerciseOpen(lesson: lesson, exercise: "main", openedAt: start))
                for step in 0..<3 {
                    let passed = step == 2
                    attempts.append(
                        ExportedAttempt(
                            lesson: lesson, exercise: "main", yaml: "apiVersion: v1\nkind: Service\n# step \(step)\n", passed: passed,
                            checks: [CheckResult(name: "selects the pods", passed: passed, message: passed ? "ok" : "no endpoints")],
                            errorCount: passed ? 0 : 1, warningCount: 0,
                            firstErrorMessage: passed ? nil : "spec.selector: Service selects no Pods (step \(step))",
                            secondsSinceOpened: Double(60 * (step + 1)), createdAt: start.plus(Double(60 * (step + 1)))))
                }
                answers.append(
                    ExportedQuizAnswer(lesson: lesson, quiz: "q1", chosenIndex: index % 3, correct: index % 3 == 0, createdAt: start.plus(200)))
                completions.append(ExportedCompletion(lesson: lesson, completedAt: start.plus(300)))
            }
            return ExportedLearner(
                handle: "learner-\(index)", displayName: "Learner \(index)", classCode: "big", createdAt: t0, exerciseOpens: opens,
                attempts: attempts, quizAnswers: answers, completions: completions)
        }
        return ProgressExport(exportedAt: t0, classes: [Classroom(code: "big", name: "Big class", createdAt: t0)], learners: learners)
    }

    @Test func reportOverAClassSizedDatabase() async throws {
        let count = ProcessInfo.processInfo.environment["KUBETUTOR_REPORT_LEARNERS"].flatMap(Int.init) ?? 1_000
        let directory = try TemporaryDirectory()
        let store = try SQLiteProgressStore(path: directory.path("kubetutor.db"), clock: ManualClock().reading)
        let clock = ContinuousClock()

        let export = Self.classExport(learners: count)
        let importTime = try await clock.measure {
            _ = try await store.importProgress(export)
        }
        var report: [LearnerReport] = []
        var times: [Duration] = []
        for _ in 0..<3 {
            times.append(try await clock.measure { report = try await store.report() })
        }
        let classTime = try await clock.measure { _ = try await store.report(classCode: "big") }

        #expect(report.count == count)
        #expect(report.first?.exercises.count == Self.lessons.count)
        #expect(report.first?.exercises.first?.attempts == 3)
        #expect(report.first?.exercises.first?.secondsToPass == 180)
        #expect(report.first?.exercises.first?.lastErrorMessage == "spec.selector: Service selects no Pods (step 1)")
        #expect(report.first?.completedLessons.count == Self.lessons.count)

        func ms(_ duration: Duration) -> String {
            String(format: "%.1f ms", Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15)
        }
        print(
            "ProgressStore report timing: \(count) learners × \(Self.lessons.count) lessons (\(count * Self.lessons.count * 3) attempts):",
            "import \(ms(importTime)); report \(times.map(ms).joined(separator: ", ")); class report \(ms(classTime))")
    }
}
