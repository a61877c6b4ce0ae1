import Foundation

/// How reports write times and durations: one format for the CSV, the JSON and the table.
public enum ReportTime {
    /// ISO 8601 in UTC (`2026-03-01T09:00:30Z`), with milliseconds only when the time has some
    /// (`2026-03-01T09:00:30.250Z`); the stores keep whole milliseconds, so nothing is lost.
    ///
    /// Computed from the milliseconds directly (no formatter, no calendar): a 10,000-learner CSV writes
    /// hundreds of thousands of times.
    public static func iso8601(_ date: Date) -> String {
        let milliseconds = Timestamp.milliseconds(date)
        let (days, millisecondOfDay) = floorDivision(milliseconds, 86_400_000)
        let (year, month, day) = civilDate(daysSince1970: days)
        let seconds = millisecondOfDay / 1000
        let fraction = millisecondOfDay % 1000
        var text = pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2) + "T"
        text += pad(seconds / 3600, 2) + ":" + pad(seconds / 60 % 60, 2) + ":" + pad(seconds % 60, 2)
        if fraction != 0 { text += "." + pad(fraction, 3) }
        return text + "Z"
    }

    /// A number of seconds as it is written in the CSV and the JSON: whole seconds without a decimal point,
    /// otherwise up to three decimals (the stores' precision), trailing zeros dropped.
    public static func seconds(_ value: Double) -> String {
        decimal(value, places: 3)
    }

    /// `value` with at most `places` decimals, trailing zeros (and a bare point) dropped.
    static func decimal(_ value: Double, places: Int) -> String {
        let scale = (0..<places).reduce(1.0) { value, _ in value * 10 }
        let scaled = (value * scale).rounded()
        if scaled == scaled.rounded(.towardZero), abs(scaled) < 9e15 {
            let whole = Int64(scaled)
            let unit = Int64(scale)
            let sign = whole < 0 ? "-" : ""
            let integer = abs(whole) / unit
            var fraction = pad(Int(abs(whole) % unit), places)
            while fraction.hasSuffix("0") { fraction.removeLast() }
            return sign + String(integer) + (fraction.isEmpty ? "" : "." + fraction)
        }
        return String(value)
    }

    /// A duration for people: `45s`, `4m 10s`, `2h 5m`, `3d 2h`.
    public static func humanDuration(_ seconds: Double) -> String {
        let total = Int(seconds.rounded())
        if total < 60 { return "\(total)s" }
        if total < 3600 { return "\(total / 60)m" + (total % 60 == 0 ? "" : " \(total % 60)s") }
        if total < 86_400 { return "\(total / 3600)h" + (total / 60 % 60 == 0 ? "" : " \(total / 60 % 60)m") }
        return "\(total / 86_400)d" + (total / 3600 % 24 == 0 ? "" : " \(total / 3600 % 24)h")
    }

    private static func floorDivision(_ value: Int64, _ divisor: Int64) -> (Int, Int) {
        var quotient = value / divisor
        var remainder = value % divisor
        if remainder < 0 {
            quotient -= 1
            remainder += divisor
        }
        return (Int(quotient), Int(remainder))
    }

    /// The proleptic Gregorian date `days` after 1970-01-01 (Howard Hinnant's `civil_from_days`).
    private static func civilDate(daysSince1970 days: Int) -> (Int, Int, Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }
}
