import Batch
import Datasets
import Foundation
import Testing
import TestSupport

@Suite struct ConversionTests {
    func convert(_ dataset: SignalsDataset, threads: Int, chunkSize: Int? = nil, shard: Shard = .all,
                 patients: Bool = true) throws -> (URL, ConversionSummary) {
        let out = try RealData.temporaryDirectory("out")
        let plan = try ConversionPlan(opening: dataset.root, shard: shard, chunkSize: chunkSize)
        let converter = BatchConverter(processor: SampleSumProcessor(),
                                       patientProcessor: patients ? RecordListPatientProcessor() : nil,
                                       threads: threads)
        return (out, try converter.run(plan, into: out))
    }

    @Test func everyRecordOnceInDatasetOrder() throws {
        let dataset = try SignalsDataset(count: 30)
        defer { dataset.remove() }
        let (out, summary) = try convert(dataset, threads: 2, chunkSize: 4)
        defer { try? FileManager.default.removeItem(at: out) }
        #expect(summary.records == 30 && summary.converted == 30 && summary.failed == 0)
        let files = try outputFiles(out)
        #expect(!files.keys.contains(BatchConverter.workFolderName))
        let sums = lines(files["sums.csv"])
        #expect(sums.first == "record,subject_id,leads,samples,sum_uV")
        #expect(sums.dropFirst().map { $0.split(separator: ",")[0] } .map(String.init) == dataset.records.map(\.name))
        let index = lines(files["index.tsv"]).dropFirst().map { $0.split(separator: "\t").map(String.init) }
        #expect(index.map { $0[0] } == (0..<30).map(String.init))
        #expect(index.allSatisfy { $0.last == "ok" })
        #expect(lines(files["leads.jsonl"]).count == 30)
        #expect(files["errors.jsonl"]?.isEmpty == true)
        // Three ECGs per patient, listed oldest first (the dataset gives them increasing times).
        let patients = lines(files["patients.jsonl"])
        #expect(patients.count == 10)
        #expect(patients.first == "{\"subject_id\":10000000,\"records\":[\"\(dataset.records[0].name)@0\",\"\(dataset.records[1].name)@1\",\"\(dataset.records[2].name)@2\"]}")
        #expect(lines(files["patients.tsv"]) == ["subject_id"] + (0..<10).map { String(10_000_000 + $0) })
        let manifest = try #require(try JSONSerialization.jsonObject(with: files["manifest.json"] ?? Data()) as? [String: Any])
        #expect((manifest["converted"] as? NSNumber)?.intValue == 30)
        #expect((manifest["patients"] as? NSNumber)?.intValue == 10)
    }

    @Test func sameBytesWhateverTheThreadsAndChunks() throws {
        let dataset = try SignalsDataset(count: 25)
        defer { dataset.remove() }
        var results: [[String: Data]] = []
        for (threads, chunk) in [(1, 25), (2, 1), (3, 4), (8, nil)] as [(Int, Int?)] {
            let (out, _) = try convert(dataset, threads: threads, chunkSize: chunk)
            results.append(try outputFiles(out))
            try? FileManager.default.removeItem(at: out)
        }
        #expect(results[0].keys.sorted() == ["errors.jsonl", "index.tsv", "leads.jsonl", "manifest.json",
                                             "patients.jsonl", "patients.tsv", "sums.csv"])
        for result in results.dropFirst() { #expect(result == results[0]) }
    }

    @Test func rerunOfAFinishedConversionDoesNothing() throws {
        let dataset = try SignalsDataset(count: 6)
        defer { dataset.remove() }
        let (out, _) = try convert(dataset, threads: 2)
        defer { try? FileManager.default.removeItem(at: out) }
        let before = try outputFiles(out)
        let again = try BatchConverter(processor: SampleSumProcessor(), patientProcessor: RecordListPatientProcessor())
            .run(try ConversionPlan(opening: dataset.root), into: out)
        #expect(again.wasAlreadyComplete && again.converted == 6 && again.processedRecords == 0)
        #expect(try outputFiles(out) == before)
        // A finished folder given to another conversion is converted afresh.
        let other = try BatchConverter(processor: SampleSumProcessor()).run(try ConversionPlan(opening: dataset.root), into: out)
        #expect(!other.wasAlreadyComplete && other.processedRecords == 6)
        #expect(try outputFiles(out).keys.sorted() == ["errors.jsonl", "index.tsv", "leads.jsonl", "manifest.json", "sums.csv"])
    }

    /// An interrupted run keeps its finished chunks; a torn temporary chunk (what a kill
    /// in the middle of writing leaves) is ignored; the next run does only the rest and ends
    /// with the same bytes as an uninterrupted run. (The kill -9 version of this test runs the
    /// real executable: ecgnarratorTests/ConvertCommandTests.)
    @Test func resumesFromFinishedChunksAndIgnoresTornTemporaries() throws {
        let dataset = try SignalsDataset(count: 20)
        defer { dataset.remove() }
        let (reference, _) = try convert(dataset, threads: 2, chunkSize: 3)
        defer { try? FileManager.default.removeItem(at: reference) }

        let out = try RealData.temporaryDirectory("resume")
        defer { try? FileManager.default.removeItem(at: out) }
        let plan = try ConversionPlan(opening: dataset.root, chunkSize: 3)
        let converter = BatchConverter(processor: SampleSumProcessor(), patientProcessor: RecordListPatientProcessor(),
                                       threads: 2)
        let chunks = out.appendingPathComponent(BatchConverter.workFolderName).appendingPathComponent("chunks")
        let finishedChunks: @Sendable () -> Int = {
            ((try? FileManager.default.contentsOfDirectory(atPath: chunks.path)) ?? []).filter { $0.hasSuffix(".chunk") }.count
        }
        #expect(throws: BatchError.self) {
            _ = try converter.run(plan, into: out, isCancelled: { finishedChunks() >= 3 })
        }
        let kept = finishedChunks()
        #expect(kept >= 3 && kept < plan.chunkCount)
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("manifest.json").path))
        try Data("ECGNARRATOR-CHUNK 1 6 3\nindex.tsv 999\n6\t1".utf8)
            .write(to: chunks.appendingPathComponent(".00000006.chunk.12345.tmp"))

        let resumed = try converter.run(plan, into: out)
        #expect(resumed.resumedRecords == kept * 3)
        #expect(resumed.processedRecords == 20 - kept * 3)
        #expect(try outputFiles(out) == (try outputFiles(reference)))
    }

    /// A different conversion is refused in a folder holding an unfinished one.
    @Test func refusesToMixTwoConversions() throws {
        let dataset = try SignalsDataset(count: 8)
        defer { dataset.remove() }
        let out = try RealData.temporaryDirectory("mix")
        defer { try? FileManager.default.removeItem(at: out) }
        let plan = try ConversionPlan(opening: dataset.root, chunkSize: 2)
        #expect(throws: BatchError.self) {
            _ = try BatchConverter(processor: SampleSumProcessor(), threads: 1).run(plan, into: out, isCancelled: { true })
        }
        let error = #expect(throws: BatchError.self) {
            _ = try BatchConverter(processor: SampleSumProcessor(), threads: 1)
                .run(try ConversionPlan(opening: dataset.root, chunkSize: 4), into: out)
        }
        #expect(error?.message.contains("unfinished conversion of other input or options") == true)
    }
}
