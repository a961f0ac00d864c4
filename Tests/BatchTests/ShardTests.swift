import Batch
import Datasets
import Foundation
import Testing
import TestSupport

@Suite struct ShardTests {
    @Test func fnv1aMatchesThePublishedTestVectors() {
        // FNV-1a 64-bit test vectors (Fowler–Noll–Vo reference): "" and "a".
        #expect(StableHash.fnv1a("") == 0xcbf2_9ce4_8422_2325)
        #expect(StableHash.fnv1a("a") == 0xaf63_dc4c_8601_ec8c)
    }

    @Test func parsesAndRefusesShardSpecifications() throws {
        let shard = try Shard(parsing: "2/5")
        #expect(shard.index == 2 && shard.count == 5 && shard.description == "2/5")
        for bad in ["5/5", "-1/3", "1/0", "a/b", "1", "1/2/3", ""] {
            #expect(throws: BatchError.self, "\(bad)") { try Shard(parsing: bad) }
        }
    }

    @Test func shardsPartitionTheRecordsByPatient() throws {
        let dataset = try SignalsDataset(count: 40)
        defer { dataset.remove() }
        let n = 3
        let plans = try (0..<n).map { try ConversionPlan(opening: dataset.root, shard: Shard(index: $0, count: n)) }
        let all = plans.flatMap(\.positions)
        #expect(all.sorted() == Array(0..<40))
        #expect(Set(all).count == 40)
        for plan in plans {
            #expect(plan.positions == plan.positions.sorted())
            #expect(!plan.positions.isEmpty, "with 14 patients every one of 3 shards should get some")
        }
        // A patient's records are all in one shard.
        var shardOfSubject: [Int: Int] = [:]
        for (k, plan) in plans.enumerated() {
            for position in plan.positions {
                let subject = try #require(plan.index.subjectID(at: position))
                #expect(shardOfSubject.updateValue(k, forKey: subject).map { $0 == k } ?? true)
            }
        }
        #expect(Set(plans.map(\.fingerprint)).count == 1)
    }

    @Test func mergeOfShardsEqualsTheUnshardedConversion() throws {
        let dataset = try SignalsDataset(count: 31)
        defer { dataset.remove() }
        // One corrupt record so that errors.jsonl takes part in the merge too.
        try FileManager.default.removeItem(at: dataset.signalFile(7))
        func run(_ shard: Shard, threads: Int) throws -> URL {
            let out = try RealData.temporaryDirectory("shard")
            _ = try BatchConverter(processor: SampleSumProcessor(), patientProcessor: RecordListPatientProcessor(),
                                   threads: threads)
                .run(try ConversionPlan(opening: dataset.root, shard: shard), into: out)
            return out
        }
        let whole = try run(.all, threads: 2)
        let shards = try (0..<4).map { try run(Shard(index: $0, count: 4), threads: 1 + $0 % 2) }
        let merged = try RealData.temporaryDirectory("merged")
        defer { for url in [whole, merged] + shards { try? FileManager.default.removeItem(at: url) } }
        let summary = try BatchMerger.merge(shards.reversed(), into: merged)
        #expect(summary.converted == 30 && summary.failed == 1 && summary.patients == 11)
        let expected = try outputFiles(whole)
        #expect(lines(expected["errors.jsonl"]).count == 1)
        #expect(try outputFiles(merged) == expected)

        // Incomplete or mixed sets are refused.
        let error = #expect(throws: BatchError.self) { try BatchMerger.merge(Array(shards.dropLast()), into: merged) }
        #expect(error?.message.contains("3/4") == true)
        #expect(throws: BatchError.self) { try BatchMerger.merge(shards + [shards[0]], into: merged) }
        #expect(throws: BatchError.self) { try BatchMerger.merge([whole] + shards, into: merged) }
    }
}
