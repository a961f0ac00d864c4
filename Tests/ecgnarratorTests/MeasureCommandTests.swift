import Foundation
import Testing
import TestSupport

/// `ecgnarrator measure` end to end on the committed synthetic records (Signals/).
struct MeasureCommandTests {
    static let signals = RealData.packageRoot.appendingPathComponent("Signals")

    @Test func tableCSVAndJSON() throws {
        let records = ["sinus-normal", "atrial-fibrillation"].map { Self.signals.appendingPathComponent($0).path }
        let table = try CommandRunner.run(["measure"] + records)
        #expect(table.status == 0, "\(table.standardError)")
        #expect(table.standardOutput.contains("Record sinus-normal"))
        #expect(table.standardOutput.contains("QTc"))

        let csv = try CommandRunner.run(["measure", "--csv"] + records)
        #expect(csv.status == 0)
        let lines = csv.standardOutput.split(separator: "\n")
        #expect(lines.count == 3)
        #expect(lines.first?.hasPrefix("record,rr_interval,p_onset,p_end,qrs_onset,qrs_end,t_end,p_axis,qrs_axis,t_axis") == true)

        let folder = try RealData.temporaryDirectory("measure")
        defer { try? FileManager.default.removeItem(at: folder) }
        let json = try CommandRunner.run(["measure", "--json", folder.path] + records)
        #expect(json.status == 0)
        let data = try Data(contentsOf: folder.appendingPathComponent("sinus-normal.json"))
        let parsed = try JSONSerialization.jsonObject(with: data)
        let object = try #require(parsed as? [String: Any])
        let measurements = try #require(object["measurements"] as? [String: Any])
        let hr = try #require(measurements["hr_bpm"] as? Double)
        #expect(abs(hr - 72) <= 1)
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("atrial-fibrillation.json").path))
    }

    @Test func missingRecordFailsWithItsPath() throws {
        let result = try CommandRunner.run(["measure", "/nonexistent/record"])
        #expect(result.status != 0)
        #expect(result.standardError.contains("/nonexistent/record"))
    }
}
