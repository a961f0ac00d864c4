import Foundation
import Testing
import TestSupport
@testable import WFDB

/// Tables written by the original WFDB tools (rdsamp, rdann) that wfdb-python's own tests
/// compare against (see ../shared/data/wfdb-sample/SOURCE.md).
@Suite(.enabled(if: RealData.shouldRun("wfdb-sample/target-output")))
struct TargetOutputTests {
    static func table(_ text: String) -> [[Int]] {
        text.split(separator: "\n").map { $0.split(whereSeparator: { $0 == " " || $0 == "\t" }).compactMap { Int($0) } }
    }

    func sample(_ path: String) throws -> URL {
        try RealData.directory("wfdb-sample").appendingPathComponent(path)
    }

    func expectColumns(_ record: WFDBRecord, equal rows: [[Int]], from start: Int = 0, _ label: String) {
        #expect(!rows.isEmpty)
        for (c, digital) in record.digital.enumerated() {
            let column = rows.map { $0.count > c ? $0[c] : Int.min }
            let ours = digital[start...].prefix(column.count).map(Int.init)
            #expect(ours == column, "\(label) column \(c)")
        }
    }

    /// test_1f: every binary format (8, 16, 61, 80, 160, 212, 310, 311, 24, 32), digital.
    @Test func binformatsMatchRdsamp() throws {
        let rows = Self.table(try gunzip(try sample("target-output/record-1f.gz")))
        let record = try WFDBRecord.read(from: try sample("binformats"))
        #expect(rows.count == 499)
        #expect(record.digital.count == 10)
        expectColumns(record, equal: rows, "binformats")
        #expect(record.checksumMismatches.isEmpty)
    }

    /// test_read_write_flac: formats 508, 516, 524.
    @Test func flacFormatsMatchRdsamp() throws {
        let rows = Self.table(try gunzip(try sample("target-output/record-flac.gz")))
        let record = try WFDBRecord.read(from: try sample("flacformats.hea"))
        #expect(rows.count == 499)
        expectColumns(record, equal: rows, "flacformats")
        #expect(record.checksumMismatches.isEmpty)
    }

    /// test_1a: format 16, whole record.
    @Test func format16MatchesRdsamp() throws {
        let rows = Self.table(try String(contentsOf: try sample("target-output/record-1a"), encoding: .utf8))
        let record = try WFDBRecord.read(from: try sample("test01_00s"))
        #expect(rows.count == record.frameCount)
        expectColumns(record, equal: rows, "test01_00s")
    }

    /// test_2d: format 310 from sample 2.
    @Test func format310MatchesRdsamp() throws {
        let rows = Self.table(try String(contentsOf: try sample("target-output/record-2d"), encoding: .utf8))
        let record = try WFDBRecord.read(from: try sample("310derive"))
        #expect(rows.count == record.frameCount - 2)
        expectColumns(record, equal: rows, from: 2, "310derive")
    }

    /// ann-1, ann-2, ann-3: every field of every annotation as rdann prints it.
    @Test(arguments: [("100.atr", "ann-1"), ("12726.anI", "ann-2"), ("1003.atr", "ann-3")])
    func annotationsMatchRdann(file: String, table: String) throws {
        let annotations = try WFDBAnnotationFile.read(from: try sample(file))
        let lines = try String(contentsOf: try sample("target-output/" + table), encoding: .isoLatin1)
            .split(separator: "\n")
        #expect(annotations.count == lines.count)
        for (annotation, line) in zip(annotations, lines) {
            let parts = line.split(separator: "\t", maxSplits: 1, omittingEmptySubsequences: false)
            let fields = parts[0].split(separator: " ").suffix(5).map(String.init)
            #expect(fields == ["\(annotation.sample)", annotation.symbol, "\(annotation.subtype)",
                               "\(annotation.channel)", "\(annotation.number)"], "\(file): \(line)")
            let printed = parts.count > 1 ? String(parts[1]) : ""
            let ours = (annotation.auxiliary ?? "").trimmingCharacters(in: CharacterSet(charactersIn: "\0"))
            if !printed.trimmingCharacters(in: .whitespaces).isEmpty || !ours.isEmpty {
                #expect(ours == printed, "\(file): aux of \(line)")
            }
        }
    }
}
