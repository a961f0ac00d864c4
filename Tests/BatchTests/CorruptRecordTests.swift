import Batch
import Datasets
import Foundation
import Testing
import TestSupport

@Suite struct CorruptRecordTests {
    /// Corrupt records (truncated signal file, garbage header, missing signal file) land in
    /// errors.jsonl with the reader's message, and every other record is converted exactly as
    /// in a clean copy of the dataset, by the real measurement stage.
    @Test func corruptRecordsGoToErrorsAndTheRunGoesOn() throws {
        let clean = try SignalsDataset(count: 24, label: "clean")
        let damaged = try SignalsDataset(count: 24, label: "damaged")
        defer { clean.remove(); damaged.remove() }
        let truncated = 3, badHeader = 10, missing = 17
        let data = try Data(contentsOf: damaged.signalFile(truncated))
        try data.prefix(data.count / 2).write(to: damaged.signalFile(truncated))
        try Data("this is not a WFDB header\n".utf8).write(to: damaged.header(badHeader))
        try FileManager.default.removeItem(at: damaged.signalFile(missing))

        func convert(_ dataset: SignalsDataset) throws -> [String: Data] {
            let out = try RealData.temporaryDirectory("corrupt")
            defer { try? FileManager.default.removeItem(at: out) }
            _ = try BatchConverter(processor: MeasurementProcessor(), threads: 2)
                .run(try ConversionPlan(opening: dataset.root, chunkSize: 5), into: out)
            return try outputFiles(out)
        }
        let good = try convert(clean)
        let bad = try convert(damaged)

        let cleanFailures = Set(lines(good["errors.jsonl"]).compactMap(position))
        let errors = lines(bad["errors.jsonl"])
        let failed = errors.compactMap(position)
        #expect(Set(failed) == cleanFailures.union([truncated, badHeader, missing]))
        #expect(failed == failed.sorted())
        let expectations = [(truncated, "holds 2500 frames (60000 bytes) but the header declares 5000"),
                            (badHeader, damaged.records[badHeader].name + ".hea:1: "),
                            (missing, damaged.records[missing].name + ".dat: signal file not found")]
        for (k, expectedText) in expectations {
            let line = try #require(errors.first { position($0) == k })
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            let message = object["error"] as? String ?? ""
            #expect(message.contains(expectedText), "record \(k): \(message)")
            #expect(object["record"] as? String == damaged.records[k].name)
            #expect((object["subject_id"] as? NSNumber)?.intValue == damaged.records[k].subject)
            #expect((object["source"] as? String)?.hasSuffix(damaged.records[k].path + ".hea") == true)
        }
        // Every other record: the same measurement row as in the clean dataset.
        let goodRows = lines(good["measurements.csv"])
        let badRows = lines(bad["measurements.csv"])
        #expect(badRows.count == goodRows.count - 3)
        #expect(Set(badRows).isSubset(of: Set(goodRows)))
        #expect(badRows.count + errors.count == 24 + 1)
        let index = lines(bad["index.tsv"]).dropFirst()
        #expect(index.count == 24)
        #expect(index.filter { $0.hasSuffix("\terror") }.count == errors.count)
    }

    private func position(_ errorLine: String) -> Int? {
        guard let object = try? JSONSerialization.jsonObject(with: Data(errorLine.utf8)) as? [String: Any] else { return nil }
        return (object["position"] as? NSNumber)?.intValue
    }
}
