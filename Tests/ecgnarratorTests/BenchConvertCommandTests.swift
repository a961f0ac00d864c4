import Foundation
import Testing
import TestSupport

/// `ecgnarrator bench convert` end to end: one line set per run, then the runs' median.
@Suite struct BenchConvertCommandTests {
    @Test func repeatedRunsEndWithTheirMedianAndRange() throws {
        let signals = RealData.packageRoot.appendingPathComponent("Signals").path
        let result = try CommandRunner.run(["bench", "convert", signals, "--repeat", "1", "--runs", "3", "--threads", "1"])
        #expect(result.status == 0, "\(result.standardError)")
        let lines = result.standardOutput.split(separator: "\n").map(String.init)
        #expect(lines.first == "22 records (22 × 1), stage full, 1 threads")
        #expect(lines.filter { $0.hasPrefix("run ") }.count == 3)
        #expect(lines.filter { $0 == "22 converted, 0 errors" }.count == 3)
        let rates = lines.filter { $0.hasPrefix("wall ") }.compactMap { line -> Double? in
            guard let colon = line.firstIndex(of: ":") else { return nil }
            return Double(line[line.index(after: colon)...].split(separator: " ").first ?? "")
        }
        #expect(rates.count == 3)
        // The summary's median is the middle run's rate, as printed (whole records/s).
        let summary = try #require(lines.first { $0.hasPrefix("3 runs: median ") })
        let median = rates.sorted()[1]
        #expect(summary.hasPrefix("3 runs: median \(Int(median.rounded())) records/s"))
        #expect(lines.last?.hasPrefix("peak resident memory ") == true)
    }
}
