import ClusterSim
import LessonKit

extension ExerciseGrader {
    /// Grades the learner's file as the bytes on disk.
    ///
    /// The grader takes text, and decoding bytes that are not UTF-8 would replace them quietly (a stray Latin-1
    /// byte in a comment would then pass, where kubectl refuses the file). Such a file gets the checker's own
    /// encoding diagnostic instead, and no check passes.
    func grade(_ exercise: Exercise, answerBytes bytes: [UInt8]) -> GradeResult {
        if let text = String(validating: bytes, as: UTF8.self) { return grade(exercise, answer: text) }
        // The exercise's given objects alone, so that kubectl still shows the cluster.
        var result = grade(exercise, answer: "")
        result.diagnostics = ManifestChecker().check(bytes: bytes, fileName: Self.answerFile).diagnostics.filter { $0.file == Self.answerFile }
        let place = result.diagnostics.first.map { " (line \($0.line), column \($0.column))" } ?? ""
        result.checks = result.checks.map { check in
            var check = check
            check.passed = false
            check.message = "Not checked: the file is not UTF-8 text\(place), so kubectl cannot read it."
            return check
        }
        result.passed = false
        return result
    }
}
