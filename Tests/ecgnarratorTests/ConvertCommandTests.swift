import Foundation
import Testing
import TestSupport

/// `ecgnarrator convert` and `merge` end to end, as a user (or a batch scheduler) runs them.
@Suite(.serialized) struct ConvertCommandTests {
    static func files(_ folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
            files[name] = try Data(contentsOf: folder.appendingPathComponent(name))
        }
        return files
    }

    static func chunkCount(_ out: URL) -> Int {
        let chunks = out.appendingPathComponent(".ecgnarrator-work/chunks")
        return ((try? FileManager.default.contentsOfDirectory(atPath: chunks.path)) ?? [])
            .filter { $0.hasSuffix(".chunk") }.count
    }

    /// Starts a conversion and SIGKILLs it once at least `chunks` chunk files are finished.
    /// Returns the number of finished chunks found after the kill.
    static func convertAndKill(_ arguments: [String], out: URL, afterChunks chunks: Int) throws -> Int {
        let process = Process()
        process.executableURL = CommandRunner.productsDirectory.appendingPathComponent("ecgnarrator")
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(300)
        while chunkCount(out) < chunks, process.isRunning, Date() < deadline {
            Thread.sleep(forTimeInterval: 0.005)
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal, "the conversion ended before it could be killed")
        return chunkCount(out)
    }

    @Test func killedTwiceWithSIGKILLAndResumedTheOutputsEqualAnUninterruptedRun() throws {
        let dataset = try SignalsDataset(count: 44, label: "kill")
        let reference = try RealData.temporaryDirectory("reference")
        let out = try RealData.temporaryDirectory("killed")
        defer { for url in [dataset.root, reference, out] { try? FileManager.default.removeItem(at: url) } }
        let base = ["convert", dataset.root.path, "--chunk-size", "2", "--prompts", "cmd,ltd", "--hdf5", "--quiet"]

        let uninterrupted = try CommandRunner.run(base + ["--out", reference.path, "--threads", "2"])
        #expect(uninterrupted.status == 0, "\(uninterrupted.standardError)")

        let first = try Self.convertAndKill(base + ["--out", out.path, "--threads", "2"], out: out, afterChunks: 3)
        #expect(first >= 3 && first < 22)
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("manifest.json").path))
        // Killed again, with another thread count: the chunks are the same whatever the threads.
        let second = try Self.convertAndKill(base + ["--out", out.path, "--threads", "1"], out: out, afterChunks: first + 3)
        #expect(second >= first + 3 && second < 22)

        let resumed = try CommandRunner.run(base + ["--out", out.path, "--threads", "2"])
        #expect(resumed.status == 0, "\(resumed.standardError)")
        #expect(resumed.standardOutput.contains("resumed: \(second * 2) records were already done, \(44 - second * 2) processed now"),
                "\(resumed.standardOutput)")

        let expected = try Self.files(reference)
        let actual = try Self.files(out)
        #expect(actual.keys.sorted() == ["errors.jsonl", "fiducials.jsonl", "index.tsv", "manifest.json", "measurements.csv", "measurements.h5",
                                         "narratives.jsonl", "patients.jsonl", "patients.tsv", "prompts-cmd.jsonl",
                                         "prompts-ltd.jsonl", "statements.jsonl"])
        #expect(actual == expected)
        // Every record exactly once: index positions 0..<44, and one output line per record.
        let index = String(decoding: actual["index.tsv"] ?? Data(), as: UTF8.self).split(separator: "\n").dropFirst()
        #expect(index.map { String($0.prefix { $0 != "\t" }) } == (0..<44).map(String.init))
        let rows = String(decoding: actual["measurements.csv"] ?? Data(), as: UTF8.self).split(separator: "\n").count - 1
        let errors = String(decoding: actual["errors.jsonl"] ?? Data(), as: UTF8.self).split(separator: "\n").count
        #expect(rows + errors == 44)
        #expect(index.filter { $0.hasSuffix("\tok") }.count == rows)
        // The record-level JSON Lines files: one line per converted record, in index order.
        let converted = index.filter { $0.hasSuffix("\tok") }.map { $0.split(separator: "\t")[3] }
        for name in ["statements.jsonl", "narratives.jsonl", "prompts-cmd.jsonl"] {
            let lines = String(decoding: actual[name] ?? Data(), as: UTF8.self).split(separator: "\n")
            #expect(lines.count == rows, "\(name)")
            #expect(zip(lines, converted).allSatisfy { $0.contains($1) }, "\(name) out of order")
        }
        // One longitudinal narrative (and prompt) per patient with a converted record.
        let subjects = Set(dataset.records.map(\.subject))
        for name in ["patients.jsonl", "prompts-ltd.jsonl"] {
            let lines = String(decoding: actual[name] ?? Data(), as: UTF8.self).split(separator: "\n")
            #expect(lines.count == subjects.count, "\(name)")
        }
        for (k, record) in dataset.records.enumerated() where index.count == 44 {
            #expect(index[index.startIndex + k].hasPrefix("\(k)\t\(record.subject)\t\(record.study)\t\(record.name)\t"))
        }

        // Sharded by patient and merged: the same bytes again.
        var shardFolders: [URL] = []
        defer { for url in shardFolders { try? FileManager.default.removeItem(at: url) } }
        for k in 0..<2 {
            let folder = try RealData.temporaryDirectory("shard\(k)")
            shardFolders.append(folder)
            let result = try CommandRunner.run(["convert", dataset.root.path, "--shard", "\(k)/2", "--prompts", "cmd,ltd", "--hdf5",
                                                "--out", folder.path, "--quiet"])
            #expect(result.status == 0, "\(result.standardError)")
        }
        let merged = try RealData.temporaryDirectory("merged")
        shardFolders.append(merged)
        let merge = try CommandRunner.run(["merge"] + shardFolders.dropLast().map(\.path) + ["--out", merged.path])
        #expect(merge.status == 0, "\(merge.standardError)")
        #expect(try Self.files(merged) == expected)
    }

    @Test func progressLinesWhenNotATerminalAndClearErrors() throws {
        let dataset = try SignalsDataset(count: 3, label: "plain")
        let out = try RealData.temporaryDirectory("plain")
        defer { for url in [dataset.root, out] { try? FileManager.default.removeItem(at: url) } }
        let result = try CommandRunner.run(["convert", dataset.root.path, "--out", out.path])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardError.contains("converted 3/3 records (100.0%)"))
        #expect(!result.standardError.contains("\u{1B}["))
        #expect(result.standardOutput.contains("converted 3 of 3 records"))

        let bad = try CommandRunner.run(["convert", dataset.root.path, "--out", out.path, "--shard", "2/2"])
        #expect(bad.status != 0)
        #expect(bad.standardError.contains("shard 2/2 is not valid"))
        let missing = try CommandRunner.run(["merge", out.appendingPathComponent("nothing").path, "--out", out.path])
        #expect(missing.status != 0)
        #expect(missing.standardError.contains("is not a finished conversion"))
    }
}
