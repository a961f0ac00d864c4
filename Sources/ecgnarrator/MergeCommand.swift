import ArgumentParser
import Batch
import Foundation

/// `ecgnarrator merge SHARD_DIR… --out DIR`: joins `convert --shard` outputs.
struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Join the output folders of `convert --shard K/N` (all N shards) into one.",
        discussion: """
        The result is byte for byte what an unsharded `convert` of the same dataset writes: \
        records in dataset order, patients in subject order, one manifest.
        """)

    @Argument(help: "The shards' output folders (any order).")
    var shards: [String]

    @Option(help: "Output folder.")
    var out: String

    func run() throws {
        do {
            let summary = try BatchMerger.merge(shards.map { URL(fileURLWithPath: $0) }, into: URL(fileURLWithPath: out))
            print("merged \(shards.count) shards into \(out): \(summary.converted) records converted, \(summary.failed) in errors.jsonl, \(summary.patients) patients")
        } catch let error as BatchError {
            standardError("ecgnarrator merge: \(error)")
            throw ExitCode(1)
        }
    }
}
