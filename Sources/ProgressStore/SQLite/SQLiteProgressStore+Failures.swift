import Foundation
internal import GRDB

extension SQLiteProgressStore {
    /// How the learners (of the class with code `classCode`, when given) failed each exercise, from the per-class
    /// counts the triggers keep beside `exercise_failures`.
    public func failurePatterns(classCode: String?) async throws -> [FailurePattern] {
        try await read { db, _ in
            let code = try classCode.map { try Self.canonicalClassCode(db, $0) }
            // Summed over the classes' rows of exercise_failure_counts: a few hundred rows, not one per learner.
            let rows = try db.rowCursor(
                """
                SELECT lesson_id, exercise_id, kind, pattern, SUM(learners), SUM(attempts), MIN(example)
                FROM exercise_failure_counts \(code == nil ? "" : "WHERE class_code = ?")
                GROUP BY lesson_id, exercise_id, kind, pattern HAVING SUM(learners) > 0
                ORDER BY lesson_id, exercise_id, kind, pattern
                """,
                arguments: code.map { [$0] } ?? [])
            var patterns: [FailurePattern] = []
            while let row = try rows.next() {
                let kind: String = try row.decode(atIndex: 2)
                patterns.append(
                    FailurePattern(
                        lesson: try row.decode(atIndex: 0), exercise: try row.decode(atIndex: 1), kind: FailurePattern.Kind(rawValue: kind) ?? .message,
                        pattern: try row.decode(atIndex: 3), learners: try row.decode(atIndex: 4), attempts: try row.decode(atIndex: 5),
                        example: try row.decode(atIndex: 6)))
            }
            return patterns
        }
    }

    /// Counts an attempt's failures towards its learner's rows in `exercise_failures`; runs in the attempt's transaction.
    static func recordFailures(_ db: Database, learnerID: Int64, lesson: String, exercise: String, checks: [CheckResult], firstErrorMessage: String?)
        throws
    {
        for mark in FailureMark.marks(checks: checks, firstErrorMessage: firstErrorMessage) {
            try db.execute(
                cached: """
                    INSERT INTO exercise_failures (lesson_id, exercise_id, kind, pattern, learner_id, attempts, example)
                    VALUES (?, ?, ?, ?, ?, 1, ?)
                    ON CONFLICT (lesson_id, exercise_id, kind, pattern, learner_id)
                    DO UPDATE SET attempts = attempts + 1, example = MIN(example, excluded.example)
                    """,
                arguments: [lesson, exercise, mark.kind.rawValue, mark.pattern, learnerID, mark.message])
        }
    }

    /// Fills `exercise_failures` from the attempts already stored (the schema's version-2 migration).
    static let backfillExerciseFailures: @Sendable (Database) throws -> Void = { db in
        let rows = try Row.fetchCursor(
            db,
            sql: "SELECT learner_id, lesson_id, exercise_id, check_results, first_error_message FROM attempts ORDER BY id")
        while let row = try rows.next() {
            try recordFailures(
                db, learnerID: try row.decode(atIndex: 0), lesson: try row.decode(atIndex: 1), exercise: try row.decode(atIndex: 2),
                checks: try CheckResultsJSON.decode(try row.decode(atIndex: 3)), firstErrorMessage: try row.decode(atIndex: 4))
        }
    }
}
