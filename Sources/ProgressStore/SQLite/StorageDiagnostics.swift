import Foundation
internal import GRDB

/// How the SQLite file is set up, as the connection that writes it sees it: for `kubetutor` health output and tests.
public struct StorageDiagnostics: Sendable, Hashable {
    /// `PRAGMA journal_mode`: `wal`.
    public var journalMode: String
    /// `PRAGMA synchronous`, by name: `full`.
    public var synchronous: String
    /// `PRAGMA foreign_keys`.
    public var foreignKeysEnabled: Bool
    /// `PRAGMA integrity_check`: `ok`, or the problems found, one a line.
    public var integrityCheck: String
    /// `PRAGMA user_version`: the schema version the file is at.
    public var schemaVersion: Int
    /// The migrations applied, in the order they were registered.
    public var appliedMigrations: [String]

    /// Creates a diagnostics value.
    public init(
        journalMode: String, synchronous: String, foreignKeysEnabled: Bool, integrityCheck: String, schemaVersion: Int,
        appliedMigrations: [String]
    ) {
        self.journalMode = journalMode
        self.synchronous = synchronous
        self.foreignKeysEnabled = foreignKeysEnabled
        self.integrityCheck = integrityCheck
        self.schemaVersion = schemaVersion
        self.appliedMigrations = appliedMigrations
    }
}

extension SQLiteProgressStore {
    /// Reads the file's journal mode, durability, foreign-key setting, integrity and schema version.
    public func diagnostics() async throws -> StorageDiagnostics {
        let migrator = schema.migrator
        do {
            return try await pool.writeWithoutTransaction { db in
                let synchronous = try Int.fetchOne(db, sql: "PRAGMA synchronous") ?? -1
                return StorageDiagnostics(
                    journalMode: try String.fetchOne(db, sql: "PRAGMA journal_mode") ?? "",
                    synchronous: ["off", "normal", "full", "extra"].indices.contains(synchronous)
                        ? ["off", "normal", "full", "extra"][synchronous] : String(synchronous),
                    foreignKeysEnabled: try Bool.fetchOne(db, sql: "PRAGMA foreign_keys") ?? false,
                    integrityCheck: try String.fetchAll(db, sql: "PRAGMA integrity_check").joined(separator: "\n"),
                    schemaVersion: try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0,
                    appliedMigrations: try migrator.appliedMigrations(db))
            }
        } catch {
            throw Self.storeError(error, doing: "read the progress database's settings")
        }
    }
}
