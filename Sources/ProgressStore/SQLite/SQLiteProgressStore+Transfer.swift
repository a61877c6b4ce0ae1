import Foundation
internal import GRDB

extension SQLiteProgressStore {
    /// Everything recorded about one learner, or all of them, read from one snapshot.
    public func exportProgress(handle: String?) async throws -> ProgressExport {
        try await read { db, now in
            let learners: [Learner]
            let classrooms: [Classroom]
            if let handle {
                guard let learner = try Self.learner(db, handle: handle) else { throw Admission.unknownLearner(handle: handle) }
                learners = [learner]
                classrooms = try learner.classCode.flatMap { try Self.classroom(db, code: $0) }.map { [$0] } ?? []
            } else {
                learners = try db.rows("SELECT \(Self.learnerColumns) FROM learners ORDER BY handle, id").map(Self.learner(row:))
                classrooms = try db.rows("SELECT code, name, created_at FROM classes ORDER BY code").map(Self.classroom(row:))
            }
            return ProgressExport(
                exportedAt: Timestamp.date(now), classes: classrooms, learners: try learners.map { try Self.exported(db, $0) })
        }
    }

    /// Merges an export in one transaction: all of it is imported, or none.
    public func importProgress(_ export: ProgressExport) async throws -> ImportSummary {
        try export.validate()
        return try await write { db, _ in
            var summary = ImportSummary()
            for classroom in export.classes {
                guard try Self.classroom(db, code: classroom.code) == nil else { continue }
                let name = NameFormat.normalised(classroom.name) ?? classroom.code
                _ = try Self.insertClassroom(db, Classroom(code: classroom.code, name: name, createdAt: Timestamp.normalised(classroom.createdAt)))
                summary.classesAdded += 1
            }
            for incoming in export.learners {
                let learner: Learner
                if let existing = try Self.learner(db, handle: incoming.handle) {
                    learner = existing
                } else {
                    let code = try incoming.classCode.map { code in
                        guard let classroom = try Self.classroom(db, code: code) else {
                            throw ImportRule.unknownClass(code, handle: incoming.handle)
                        }
                        return classroom.code
                    }
                    learner = try Self.insertLearner(
                        db, handle: incoming.handle, displayName: ImportRule.displayName(incoming), classCode: code,
                        createdAt: Timestamp.milliseconds(incoming.createdAt))
                    summary.learnersAdded += 1
                }
                let merge = LearnerMerge(incoming: incoming, existing: try Self.exported(db, learner))
                try Self.apply(merge, to: learner, in: db)
                summary.exerciseOpensAdded += merge.opens.count
                summary.attemptsAdded += merge.attempts.count
                summary.quizAnswersAdded += merge.quizAnswers.count
                summary.completionsAdded += merge.completions.count
            }
            return summary
        }
    }

    private static func apply(_ merge: LearnerMerge, to learner: Learner, in db: Database) throws {
        for open in merge.opens {
            try db.execute(
                cached: """
                    INSERT INTO exercise_opens (learner_id, lesson_id, exercise_id, opened_at) VALUES (?, ?, ?, ?)
                    ON CONFLICT (learner_id, lesson_id, exercise_id) DO UPDATE SET opened_at = MIN(opened_at, excluded.opened_at)
                    """,
                arguments: [learner.id, open.lesson, open.exercise, Timestamp.milliseconds(open.openedAt)])
        }
        for attempt in merge.attempts {
            let stored = Attempt(
                id: 0, learnerID: learner.id, lesson: attempt.lesson, exercise: attempt.exercise, yaml: attempt.yaml, passed: attempt.passed,
                checks: attempt.checks, errorCount: attempt.errorCount, warningCount: attempt.warningCount,
                firstErrorMessage: attempt.firstErrorMessage, secondsSinceOpened: attempt.secondsSinceOpened, createdAt: attempt.createdAt)
            _ = try insertAttempt(db, stored, checksJSON: try CheckResultsJSON.encode(attempt.checks))
        }
        for answer in merge.quizAnswers {
            let stored = QuizAnswer(
                id: 0, learnerID: learner.id, lesson: answer.lesson, quiz: answer.quiz, chosenIndex: answer.chosenIndex, correct: answer.correct,
                createdAt: answer.createdAt)
            _ = try insertQuizAnswer(db, stored)
        }
        for completion in merge.completions {
            try db.execute(
                cached: """
                    INSERT INTO completions (learner_id, lesson_id, completed_at) VALUES (?, ?, ?)
                    ON CONFLICT (learner_id, lesson_id) DO UPDATE SET completed_at = MIN(completed_at, excluded.completed_at)
                    """,
                arguments: [learner.id, completion.lesson, Timestamp.milliseconds(completion.completedAt)])
        }
    }

    /// Everything recorded about `learner`, in export form and order.
    static func exported(_ db: Database, _ learner: Learner) throws -> ExportedLearner {
        ExportedLearner(
            handle: learner.handle, displayName: learner.displayName, classCode: learner.classCode, createdAt: learner.createdAt,
            exerciseOpens: try db.rows(
                "SELECT lesson_id, exercise_id, opened_at FROM exercise_opens WHERE learner_id = ? ORDER BY opened_at, lesson_id, exercise_id",
                arguments: [learner.id]
            ).map { row in
                ExportedExerciseOpen(
                    lesson: try row.decode(atIndex: 0), exercise: try row.decode(atIndex: 1), openedAt: Timestamp.date(try row.decode(atIndex: 2)))
            },
            attempts: try attempts(db, of: learner.id).map(ExportedAttempt.init),
            quizAnswers: try quizAnswers(db, of: learner.id).map(ExportedQuizAnswer.init),
            completions: try db.rows(
                "SELECT lesson_id, completed_at FROM completions WHERE learner_id = ? ORDER BY completed_at, lesson_id",
                arguments: [learner.id]
            ).map { row in ExportedCompletion(lesson: try row.decode(atIndex: 0), completedAt: Timestamp.date(try row.decode(atIndex: 1))) })
    }
}
