internal import GRDB

extension Database {
    // Every statement goes through the connection's statement cache: SQLite compiles each one (with the
    // triggers it fires) once per connection instead of on every call, which keeps imports and reports fast.

    /// Runs one statement.
    func execute(cached sql: String, arguments: StatementArguments = []) throws {
        try cachedStatement(sql: sql).execute(arguments: arguments)
    }

    /// Every row `sql` selects.
    func rows(_ sql: String, arguments: StatementArguments = []) throws -> [Row] {
        try Row.fetchAll(cachedStatement(sql: sql), arguments: arguments)
    }

    /// The first row `sql` selects, or nil.
    func row(_ sql: String, arguments: StatementArguments = []) throws -> Row? {
        try Row.fetchOne(cachedStatement(sql: sql), arguments: arguments)
    }

    /// The rows `sql` selects, one at a time.
    func rowCursor(_ sql: String, arguments: StatementArguments = []) throws -> RowCursor {
        try Row.fetchCursor(cachedStatement(sql: sql), arguments: arguments)
    }

    /// The first column of the first row `sql` selects, or nil when there is no row or it is NULL.
    func value<Value: DatabaseValueConvertible & StatementColumnConvertible>(
        _ type: Value.Type, _ sql: String, arguments: StatementArguments = []
    ) throws -> Value? {
        try Value.fetchOne(cachedStatement(sql: sql), arguments: arguments)
    }
}
