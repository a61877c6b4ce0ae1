import Foundation

/// A ``ClassReport`` as CSV: one row per learner × exercise of the course.
///
/// - Header: `learner,class,lesson,exercise,status,attempts,first_attempt_at,passed_at,seconds_to_pass,last_error`.
/// - `learner` is the display name (the JSON also gives the handle); `class` the class code, empty for none;
///   `status` one of `passed`, `attempted`, `opened`, `not-started`; times ISO 8601 UTC (``ReportTime/iso8601(_:)``);
///   empty fields for what did not happen.
/// - RFC 4180: lines end with CRLF; a field holding a comma, a double quote, CR or LF is put in double quotes,
///   its quotes doubled.
/// - Against spreadsheet formula injection, a field starting with `=`, `+`, `-`, `@`, a tab or CR gets a single
///   quote in front (`=HYPERLINK(...)` is written `'=HYPERLINK(...)`), as OWASP advises: spreadsheets then show it
///   as text. The quote is part of the value; the JSON carries the names unaltered.
public enum ReportCSV {
    /// The header line's fields.
    public static let header = [
        "learner", "class", "lesson", "exercise", "status", "attempts", "first_attempt_at", "passed_at", "seconds_to_pass", "last_error",
    ]

    /// The whole CSV document.
    public static func render(_ report: ClassReport) -> String {
        var text = line(header)
        text.reserveCapacity(report.rows.count * 96)
        for row in report.rows {
            text += line([
                row.learner.displayName, row.learner.classCode ?? "", row.lesson, row.exercise, row.status.rawValue, String(row.attempts),
                row.firstAttemptAt.map(ReportTime.iso8601) ?? "", row.passedAt.map(ReportTime.iso8601) ?? "",
                row.secondsToPass.map(ReportTime.seconds) ?? "", row.lastError ?? "",
            ])
        }
        return text
    }

    /// One record, CRLF-terminated.
    static func line(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",") + "\r\n"
    }

    /// One field, neutralised and quoted as needed.
    public static func field(_ value: String) -> String {
        var value = value
        if let first = value.utf8.first, formulaStarts.contains(first) {
            value = "'" + value
        }
        guard value.utf8.contains(where: needsQuotes.contains) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    private static let formulaStarts: Set<UInt8> = [UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 0x09, 0x0D]
    private static let needsQuotes: Set<UInt8> = [UInt8(ascii: ","), UInt8(ascii: "\""), 0x0D, 0x0A]
}
