import Foundation
internal import GRDB
internal import GRDBSQLite

extension SQLiteProgressStore {
    /// The instructor's report, in four queries whatever the number of learners: the learners (along the handle
    /// index), their exercise summaries (one scan of `exercise_summaries` in primary-key order, kept up to date by
    /// triggers as opens and attempts are written), their completions, and their last activity.
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

            // Lesson and exercise ids repeat on every row and are read once each (``Interner``), so 10,000 learners
            // share a few dozen strings; the other columns are read straight from the statement (``Columns``).
            var lessonIDs = Interner()
            var exerciseIDs = Interner()
            var summaries: [Int64: [ExerciseSummary]] = [:]
            summaries.reserveCapacity(learners.count)
            var group = Group<ExerciseSummary>()
            let statement = try db.cachedStatement(
                sql: """
                    SELECT learner_id, lesson_id, exercise_id, opened_at, attempts, first_attempt_at, passed_at, last_error_message,
                           attempts_to_pass
                    FROM exercise_summaries \(membership)
                    ORDER BY learner_id, lesson_id, exercise_id
                    """)
            let rows = try Row.fetchCursor(statement, arguments: arguments)
            let columns = Columns(statement: statement)
            while try rows.next() != nil {
                group.add(
                    ExerciseSummary(
                        lesson: lessonIDs.string(columns, 1), exercise: exerciseIDs.string(columns, 2), openedAt: columns.integer(3),
                        attempts: Int(columns.integer(4) ?? 0), firstAttemptAt: columns.integer(5), passedAt: columns.integer(6),
                        lastErrorMessage: columns.text(7), attemptsToPass: columns.integer(8).map { Int($0) }),
                    of: columns.integer(0) ?? 0, into: &summaries)
            }
            group.flush(into: &summaries)

            var completed: [Int64: [String]] = [:]
            var lessons = Group<String>()
            let completions = try db.cachedStatement(
                sql: "SELECT learner_id, lesson_id FROM completions \(membership) ORDER BY learner_id, lesson_id")
            let completionRows = try Row.fetchCursor(completions, arguments: arguments)
            let completionColumns = Columns(statement: completions)
            while try completionRows.next() != nil {
                lessons.add(lessonIDs.string(completionColumns, 1), of: completionColumns.integer(0) ?? 0, into: &completed)
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
            let capacity = elements.count
            groups[learnerID] = elements
            elements = []
            elements.reserveCapacity(capacity)
        }
    }
}

/// Reads the columns of the row a cursor over `statement` is on, straight from SQLite: the report reads 180,000 rows
/// for 10,000 learners, and this is where the time goes.
private struct Columns {
    let statement: Statement

    func isNull(_ index: CInt) -> Bool {
        sqlite3_column_type(statement.sqliteStatement, index) == SQLITE_NULL
    }

    func integer(_ index: CInt) -> Int64? {
        isNull(index) ? nil : sqlite3_column_int64(statement.sqliteStatement, index)
    }

    /// The text's UTF-8 bytes, in place (valid until the cursor moves on), or nil for NULL.
    func bytes(_ index: CInt) -> UnsafeBufferPointer<UInt8>? {
        guard let text = sqlite3_column_text(statement.sqliteStatement, index) else { return nil }
        return UnsafeBufferPointer(start: text, count: Int(sqlite3_column_bytes(statement.sqliteStatement, index)))
    }

    func text(_ index: CInt) -> String? {
        bytes(index).map { String(decoding: $0, as: UTF8.self) }
    }
}

/// Reads the few text values that repeat on every row (lesson and exercise ids) without making a new string each time:
/// the column's bytes, read from the statement in place, are compared with the strings already read, and a known one is
/// returned shared.
private struct Interner {
    private var known: [(bytes: [UInt8], string: String)] = []
    /// The entry matched last: rows come in lesson and exercise order, so the next match is usually this one or the next.
    private var last = 0

    /// The text in column `index` of the row `columns` is on, or "" for NULL.
    mutating func string(_ columns: Columns, _ index: CInt) -> String {
        guard let bytes = columns.bytes(index) else { return "" }
        for offset in 0..<known.count {
            let candidate = (last + offset) % known.count
            let matches = known[candidate].bytes.withUnsafeBufferPointer { known in
                known.count == bytes.count && (bytes.isEmpty || memcmp(known.baseAddress!, bytes.baseAddress!, bytes.count) == 0)
            }
            if matches {
                last = candidate
                return known[candidate].string
            }
        }
        let string = String(decoding: bytes, as: UTF8.self)
        // A course has a few dozen ids; a store with more (lessons since renamed) stops sharing beyond 256.
        if known.count < 256 { known.append((Array(string.utf8), string)) }
        return string
    }
}
