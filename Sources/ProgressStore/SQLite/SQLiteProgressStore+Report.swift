import Foundation
internal import GRDB

extension SQLiteProgressStore {
    /// The instructor's report, in three queries whatever the number of learners: the learners (along the
    /// handle index), their exercise summaries (one scan of `exercise_summaries` in primary-key order, kept
    /// up to date by triggers as opens and attempts are written), and their completions.
    public func report(classCode: String?) async throws -> [LearnerReport] {
        try await read { db, _ in
            let code = try classCode.map { try Self.canonicalClassCode(db, $0) }
            let learners: [Learner]
            let membership: String
            let arguments: StatementArguments
            if let code {
                learners = try db.rows(
                    "SELECT \(Self.learnerColumns) FROM learners WHERE class_code = ? ORDER BY handle, id", arguments: [code]
                ).map(Self.learner(row:))
                membership = "WHERE learner_id IN (SELECT id FROM learners WHERE class_code = ?)"
                arguments = [code]
            } else {
                learners = try db.rows("SELECT \(Self.learnerColumns) FROM learners ORDER BY handle, id").map(Self.learner(row:))
                membership = ""
                arguments = []
            }

            var summaries: [Int64: [ExerciseSummary]] = [:]
            summaries.reserveCapacity(learners.count)
            var group = Group<ExerciseSummary>()
            let rows = try db.rowCursor(
                """
                SELECT learner_id, lesson_id, exercise_id, opened_at, attempts, first_attempt_at, passed_at, last_error_message,
                       attempts_to_pass
                FROM exercise_summaries \(membership)
                ORDER BY learner_id, lesson_id, exercise_id
                """,
                arguments: arguments)
            while let row = try rows.next() {
                group.add(
                    ExerciseSummary(
                        lesson: try row.decode(atIndex: 1), exercise: try row.decode(atIndex: 2), openedAt: try row.decode(atIndex: 3),
                        attempts: try row.decode(atIndex: 4), firstAttemptAt: try row.decode(atIndex: 5),
                        passedAt: try row.decode(atIndex: 6), lastErrorMessage: try row.decode(atIndex: 7),
                        attemptsToPass: try row.decode(atIndex: 8)),
                    of: try row.decode(atIndex: 0), into: &summaries)
            }
            group.flush(into: &summaries)

            var completed: [Int64: [String]] = [:]
            var lessons = Group<String>()
            let completions = try db.rowCursor(
                "SELECT learner_id, lesson_id FROM completions \(membership) ORDER BY learner_id, lesson_id", arguments: arguments)
            while let row = try completions.next() {
                lessons.add(try row.decode(atIndex: 1), of: try row.decode(atIndex: 0), into: &completed)
            }
            lessons.flush(into: &completed)

            // Kept by triggers as opens, attempts, answers and completions are written: one row per learner.
            var lastActivity: [Int64: Int64] = [:]
            lastActivity.reserveCapacity(learners.count)
            let latest = try db.rowCursor("SELECT learner_id, last_at FROM learner_activity \(membership)", arguments: arguments)
            while let row = try latest.next() {
                lastActivity[try row.decode(atIndex: 0)] = try row.decode(atIndex: 1)
            }

            return learners.map { learner in
                LearnerReport(
                    learner: learner, exercises: summaries[learner.id] ?? [], completedLessons: completed[learner.id] ?? [],
                    lastActivityAt: lastActivity[learner.id].map(Timestamp.date))
            }
        }
    }
}

/// Collects rows that arrive ordered by learner into one array per learner, touching the dictionary once per learner.
private struct Group<Element> {
    private var learnerID: Int64?
    private var elements: [Element] = []

    mutating func add(_ element: Element, of learnerID: Int64, into groups: inout [Int64: [Element]]) {
        if learnerID != self.learnerID {
            flush(into: &groups)
            self.learnerID = learnerID
        }
        elements.append(element)
    }

    mutating func flush(into groups: inout [Int64: [Element]]) {
        if let learnerID, !elements.isEmpty {
            groups[learnerID] = elements
        }
        elements = []
    }
}
