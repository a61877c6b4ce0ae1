import Foundation
import Testing

@testable import ProgressStore

/// Export times keep the milliseconds the stores keep (a formatter once turned .168 into .167).
@Suite struct ExportDateTests {
    @Test func millisecondsSurviveTheRoundTripThroughText() throws {
        for ms: Int64 in [1_764_340_000_168, 1_764_340_000_001, 1_764_340_000_999, 1_764_340_000_000, 1_764_340_000_500] {
            let date = Timestamp.date(ms)
            let text = ExportDate.string(from: date)
            #expect(text.hasSuffix(String(format: ".%03dZ", Int(ms % 1000))), "\(text)")
            let back = try #require(ExportDate.date(from: text))
            #expect(Timestamp.milliseconds(back) == ms)
        }
        #expect(ExportDate.string(from: Timestamp.date(1_764_340_000_168)) == "2025-11-28T14:26:40.168Z")
    }
}
