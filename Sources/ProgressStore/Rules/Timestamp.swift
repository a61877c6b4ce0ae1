import Foundation

/// Times as the stores keep them: whole milliseconds since 1970 UTC.
///
/// Every date a store hands out went through ``date(_:)``, so a date read back from SQLite equals the
/// one the in-memory twin keeps, and both equal what an export/import round trip gives.
enum Timestamp {
    /// `date` in whole milliseconds since 1970, rounded to the nearest.
    static func milliseconds(_ date: Date) -> Int64 {
        Int64((date.timeIntervalSince1970 * 1000).rounded())
    }

    /// The date `milliseconds` after 1970.
    static func date(_ milliseconds: Int64) -> Date {
        Date(timeIntervalSince1970: Double(milliseconds) / 1000)
    }

    /// `date` cut to the milliseconds a store keeps.
    static func normalised(_ date: Date) -> Date {
        self.date(milliseconds(date))
    }

    /// Seconds from `start` to `end`, both in milliseconds.
    static func seconds(from start: Int64, to end: Int64) -> Double {
        Double(end - start) / 1000
    }
}

/// Orders text the way SQLite's `BINARY` collation does (UTF-8 bytes), so both stores sort alike.
func precedesInBinaryOrder(_ lhs: String, _ rhs: String) -> Bool {
    lhs.utf8.lexicographicallyPrecedes(rhs.utf8)
}
