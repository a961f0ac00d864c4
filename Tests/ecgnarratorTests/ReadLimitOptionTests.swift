import Foundation
import Testing
import TestSupport

/// Every command that reads records takes the reader limits as options: a record over a tiny
/// --max-samples is refused with an error naming its header, and nothing is written for it.
@Suite struct ReadLimitOptionTests {
    static let header = RealData.packageRoot.appendingPathComponent("Signals/sinus-normal.hea").path

    static func scratch() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("limits-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Each command's arguments for one record (`OUT` is replaced by a scratch folder).
    static let commands: [[String]] = [
        ["info", header], ["export", header, "--format", "csv"], ["measure", header, "--csv"],
        ["interpret", header], ["narrate", header, "--template", "cmd"], ["prompts", "--task", "cmd", header],
        ["detect", header, "--out", "OUT"], ["plot", header, "--out", "OUT/plot.svg"],
    ]

    @Test(arguments: commands.indices)
    func tinyMaxSamplesRefusesTheRecordNamingIt(_ k: Int) throws {
        let out = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: out) }
        let arguments = Self.commands[k].map { $0.replacingOccurrences(of: "OUT", with: out.path) }
        let refused = try CommandRunner.run(arguments + ["--max-samples", "1000"])
        #expect(refused.status == 1, "\(arguments[0]): \(refused.standardError)")
        #expect(refused.standardError.contains(Self.header), "\(arguments[0]): \(refused.standardError)")
        #expect(refused.standardError.contains("over the limit of 1000"), "\(arguments[0]): \(refused.standardError)")
        #expect(!refused.standardError.contains("Fatal error"))
        // Nothing was written for the refused record.
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).isEmpty)
        // The same command within the limits reads it.
        let accepted = try CommandRunner.run(arguments + ["--max-samples", "60000"])
        #expect(accepted.status == 0, "\(arguments[0]): \(accepted.standardError)")
    }

    @Test func maxSignalsAndMaxHeaderLineAreEnforced() throws {
        let signals = try CommandRunner.run(["info", Self.header, "--max-signals", "4"])
        #expect(signals.status == 1)
        #expect(signals.standardError.contains("\(Self.header):1: 12 signals exceed the limit of 4"), "\(signals.standardError)")
        let line = try CommandRunner.run(["measure", Self.header, "--max-header-line", "20"])
        #expect(line.status == 1)
        #expect(line.standardError.contains("\(Self.header):1: line longer than 20 bytes"), "\(line.standardError)")
    }

    @Test func convertLogsTheRefusedRecordAndGoesOn() throws {
        let work = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: work) }
        let list = work.appendingPathComponent("records.txt")
        try Data((Self.header + "\n").utf8).write(to: list)
        let out = work.appendingPathComponent("out")
        let result = try CommandRunner.run(["convert", list.path, "--out", out.path, "--quiet", "--max-samples", "1000"])
        #expect(result.status == 0, "\(result.standardError)")
        let errors = try String(contentsOf: out.appendingPathComponent("errors.jsonl"), encoding: .utf8)
        #expect(errors.contains("over the limit of 1000"), "\(errors)")
        #expect(errors.contains("sinus-normal"))
    }

    @Test func nonPositiveLimitIsAUsageError() throws {
        let result = try CommandRunner.run(["info", Self.header, "--max-samples", "0"])
        #expect(result.status == 64)
        #expect(result.standardError.contains("--max-samples must be at least 1"))
    }
}
