import ArgumentParser
import Batch
import Foundation

/// `ecgnarrator convert DATASET --out DIR`: a whole dataset through the pipeline, resumably.
struct ConvertCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert",
        abstract: "Convert a whole dataset in parallel, resumably: measurements.csv, errors.jsonl, index.tsv.",
        discussion: """
        DATASET is a MIMIC-IV-ECG root (record_list.csv, or a walk of the tree without one), a \
        folder with a PhysioNet RECORDS file, a CODE-15%-layout HDF5 file, or a text file listing \
        record paths. Records are processed on all cores; a record that cannot be read or \
        processed goes to errors.jsonl with the reason and the run goes on.

        Killed at any moment (even kill -9), the same command started again continues where it \
        stopped; finished work is kept in DIR/.ecgnarrator-work until the final files are \
        written. The outputs are in dataset order and byte-identical whatever --threads is. \
        --shard K/N converts the records of 1/N of the patients; join the shards' folders with \
        `ecgnarrator merge`.
        """)

    @Argument(help: "Dataset root, HDF5 file or record-list file.")
    var dataset: String

    @Option(help: "Output folder.")
    var out: String

    @Option(help: "Worker threads (default: every core).")
    var threads: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(help: "Convert only shard K of N (0 ≤ K < N), by patient.")
    var shard: String?

    @Option(help: "Records per chunk (the unit of atomic output and of resumption); default ≈ 1/64 of the records, at most 256.")
    var chunkSize: Int?

    @Flag(help: "No progress display.")
    var quiet = false

    @OptionGroup var limits: ReadLimitOptions

    func run() throws {
        do {
            let plan = try ConversionPlan(opening: URL(fileURLWithPath: dataset),
                                          shard: try shard.map(Shard.init(parsing:)) ?? .all, chunkSize: chunkSize,
                                          limits: limits.value)
            let converter = BatchConverter(processor: MeasurementProcessor(), threads: threads, limits: limits.value)
            let bar = quiet ? nil : ProgressBar()
            var last: ConversionProgress?
            let summary = try converter.run(plan, into: URL(fileURLWithPath: out)) { progress in
                last = progress
                bar?.update(progress)
            }
            if let bar, let last { bar.finish(last) }
            print(ConversionReport.text(summary, folder: out))
        } catch let error as BatchError {
            standardError("ecgnarrator convert: \(error)")
            throw ExitCode(1)
        }
    }
}

/// The closing lines of `convert` and `bench convert`.
enum ConversionReport {
    static func text(_ s: ConversionSummary, folder: String) -> String {
        if s.wasAlreadyComplete {
            return "\(folder) already holds this conversion: \(s.converted) records converted, \(s.failed) in errors.jsonl"
        }
        var lines = ["converted \(s.converted) of \(s.records) records into \(folder) (\(s.failed) in errors.jsonl)"]
        if s.resumedRecords > 0 {
            lines.append("resumed: \(s.resumedRecords) records were already done, \(s.processedRecords) processed now")
        }
        let rate = s.processingSeconds > 0 ? Double(s.processedRecords) / s.processingSeconds : 0
        lines.append(String(format: "processing %.1f s (%.0f records/s), finishing %.2f s", s.processingSeconds,
                            rate, s.finishingSeconds))
        if let peak = PeakMemory.residentBytes() {
            lines.append(String(format: "peak resident memory %.0f MB", Double(peak) / 1_048_576))
        }
        return lines.joined(separator: "\n")
    }
}
