import ArgumentParser
import Batch
import Foundation

/// `ecgnarrator bench convert DATASET`: throughput and memory of a whole `convert`.
struct BenchConvert: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert",
        abstract: "Time `convert` over a dataset listed --repeat times: records/s, projected time for 800,000 records, peak memory.",
        discussion: """
        The conversion writes into a temporary folder, removed afterwards. The time is wall-clock \
        time of the whole run (opening the dataset, processing, joining the outputs), on --threads \
        workers.
        """)

    @Argument(help: "Dataset root, HDF5 file or record-list file.")
    var dataset: String

    @Option(help: "How many times to list the dataset's records.")
    var `repeat` = 4

    @Option(help: "Worker threads (default: every core).")
    var threads: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(help: "Records the projection is for.")
    var project = 800_000

    func run() throws {
        let start = Date()
        let plan0 = try ConversionPlan(opening: URL(fileURLWithPath: dataset))
        let entries = Array(repeatElement(plan0.entries, count: max(1, `repeat`)).joined())
        let plan = try ConversionPlan(source: dataset, entries: entries)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ecgnarrator-bench-\(getpid())")
        defer { try? FileManager.default.removeItem(at: folder) }
        let summary = try BatchConverter(processor: MeasurementProcessor(), threads: threads).run(plan, into: folder)
        let seconds = Date().timeIntervalSince(start)
        let rate = Double(summary.records) / seconds
        let processingRate = Double(summary.processedRecords) / summary.processingSeconds
        print("\(summary.records) records (\(plan0.entries.count) × \(max(1, `repeat`))) on \(threads) threads: "
              + "\(summary.converted) converted, \(summary.failed) errors")
        print(String(format: "wall %.2f s: %.0f records/s (processing alone %.0f records/s, joining outputs %.2f s)",
                     seconds, rate, processingRate, summary.finishingSeconds))
        print(String(format: "projected for %d records: %.1f min", project, Double(project) / rate / 60))
        if let peak = PeakMemory.residentBytes() {
            print(String(format: "peak resident memory %.0f MB", Double(peak) / 1_048_576))
        }
    }
}
