import Batch
import Datasets
import ECGModel
import Foundation
import Testing
import TestSupport

/// `convert` over a PhysioNet-style folder mixing every corruption of the list with
/// good records: each bad record is in errors.jsonl with the reason naming its file, every
/// readable one is converted (with its quality problems in the measurement row).
@Suite struct MixedDatasetConversionTests {
    /// Copies `Signals/sinus-normal` under `name` (header and signal file renamed to match).
    static func add(_ name: String, to folder: Scratch) throws {
        let signals = Scratch.signals
        let text = try String(contentsOf: signals.appendingPathComponent("sinus-normal.hea"), encoding: .utf8)
        try folder.write(text.replacingOccurrences(of: "sinus-normal", with: name), to: "\(name).hea")
        try FileManager.default.copyItem(at: signals.appendingPathComponent("sinus-normal.dat"), to: folder.url("\(name).dat"))
    }

    static func editHeader(_ name: String, in folder: Scratch, line: Int, _ edit: (String) -> String) throws {
        try folder.editHeaderLine("\(name).hea", line, edit)
    }

    /// Good records: read correctly whatever their oddity. Value: the text the measurement row
    /// must hold (its excluded leads), or nil.
    static let good: [String: String?] = [
        "clean": nil, "gain-zero": nil, "latin1-comment": nil, "crlf": nil, "duplicate-leads": nil,
        "nan-lead": "V2", "all-zero": nil, "frequency-zero": nil,
    ]
    /// Bad records and a fragment of the error each must give.
    static let bad: [String: String] = [
        "truncated": "holds 2500 frames", "format-17": "unknown format 17", "negative-count": "truncated.hea",
        "missing-dat": "missing-dat.dat: signal file not found", "absurd-frequency": "sampling frequency",
        "huge-count": "over the limit", "linked-dat": "outside",
    ]

    @Test func badRecordsAreLoggedAndGoodOnesConverted() throws {
        let folder = try Scratch()
        let outside = try Scratch()
        let out = try Scratch()
        defer { folder.remove(); outside.remove(); out.remove() }
        let names = (Array(Self.good.keys) + Array(Self.bad.keys)).sorted()
        for name in names { try Self.add(name, to: folder) }
        try folder.write(names.joined(separator: "\n") + "\n", to: "RECORDS")

        // The good ones.
        try Self.editHeader("gain-zero", in: folder, line: 1) { $0.replacingOccurrences(of: "1000(0)/mV", with: "0(0)/mV") }
        var latin1 = [UInt8](try Data(contentsOf: folder.url("latin1-comment.hea")))
        latin1 += Array("# patient: Jos".utf8) + [0xE9] + Array("\n".utf8)
        try folder.write(latin1, to: "latin1-comment.hea")
        try folder.write(try folder.text("crlf.hea").replacingOccurrences(of: "\n", with: "\r\n"), to: "crlf.hea")
        try Self.editHeader("duplicate-leads", in: folder, line: 2) { $0.replacingOccurrences(of: " II", with: " I") }
        var nan = [UInt8](try Data(contentsOf: folder.url("nan-lead.dat")))
        for frame in 0..<5000 { nan[frame * 24 + 7 * 2] = 0x00; nan[frame * 24 + 7 * 2 + 1] = 0x80 }  // V2 = -32768
        try folder.write(nan, to: "nan-lead.dat")
        try folder.write([UInt8](repeating: 0, count: 12 * 5000 * 2), to: "all-zero.dat")
        try Self.editHeader("frequency-zero", in: folder, line: 0) { _ in "frequency-zero 12 0 5000" }

        // The bad ones.
        let dat = try Data(contentsOf: folder.url("truncated.dat"))
        try dat.prefix(dat.count / 2).write(to: folder.url("truncated.dat"))
        try folder.write(try folder.text("format-17.hea").replacingOccurrences(of: ".dat 16 ", with: ".dat 17 "), to: "format-17.hea")
        try Self.editHeader("negative-count", in: folder, line: 0) { _ in "negative-count 12 500 -5000" }
        try FileManager.default.removeItem(at: folder.url("missing-dat.dat"))
        try Self.editHeader("absurd-frequency", in: folder, line: 0) { _ in "absurd-frequency 12 1e12 5000" }
        try Self.editHeader("huge-count", in: folder, line: 0) { _ in "huge-count 12 500 1000000000000" }
        try FileManager.default.moveItem(at: folder.url("linked-dat.dat"), to: outside.url("secret.dat"))
        try FileManager.default.createSymbolicLink(at: folder.url("linked-dat.dat"), withDestinationURL: outside.url("secret.dat"))

        let summary = try BatchConverter(processor: MeasurementProcessor(), threads: 2)
            .run(try ConversionPlan(opening: folder.directory, chunkSize: 4), into: out.directory)
        #expect(summary.records == names.count)
        #expect(summary.failed == Self.bad.count)

        // errors.jsonl: exactly the bad records, each with its reason and its file.
        let errors = try out.text("errors.jsonl").split(separator: "\n").map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        }
        #expect(Set(errors.compactMap { $0["record"] as? String }) == Set(Self.bad.keys))
        for error in errors {
            let record = error["record"] as? String ?? ""
            let message = error["error"] as? String ?? ""
            let fragment = Self.bad[record] ?? "?"
            #expect(message.contains(fragment) || (record == "negative-count" && message.contains("negative-count.hea:1")),
                    "\(record): \(message)")
            #expect(message.contains(folder.directory.lastPathComponent), "\(record): the message names the file: \(message)")
        }

        // measurements.csv: one row per good record, quality problems named.
        let rows = try out.text("measurements.csv").split(separator: "\n").map(String.init)
        let header = rows[0].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        let recordColumn = try #require(header.firstIndex(of: "record"))
        let excludedColumn = try #require(header.firstIndex(of: "excluded_leads"))
        let beatsColumn = try #require(header.firstIndex(of: "beats"))
        var byRecord: [String: [String]] = [:]
        for row in rows.dropFirst() {
            let cells = row.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            byRecord[cells[recordColumn]] = cells
        }
        #expect(Set(byRecord.keys) == Set(Self.good.keys))
        for (name, excluded) in Self.good {
            guard let cells = byRecord[name] else { continue }
            if let excluded { #expect(cells[excludedColumn] == excluded, "\(name): \(cells[excludedColumn])") }
        }
        #expect(byRecord["all-zero"]?[beatsColumn] == "0")
        #expect(byRecord["clean"]?[beatsColumn] == "12")
        // The measurements after the record name are those of the clean copy.
        func values(_ name: String) -> ArraySlice<String>? { byRecord[name]?.dropFirst(recordColumn + 1) }
        #expect(values("crlf") == values("clean"), "CRLF reads as LF")
        #expect(values("latin1-comment") == values("clean"))
        #expect(values("gain-zero") != values("clean"), "gain 0 means 200 units/mV, not the file's 1000")
    }
}
