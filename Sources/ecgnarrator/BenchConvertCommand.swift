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
        time of the whole run (opening the dataset, processing, joining the outputs) on --threads \
        workers; CPU time is the process's user + system time. --stage read only reads the \
        records (the batch machinery's own cost); --index-only opens the dataset and plans the \
        conversion, to measure the index's memory on a large record_list.csv.
        """)

    enum Stage: String, ExpressibleByArgument, CaseIterable {
        case measure, read
    }

    @Argument(help: "Dataset root, HDF5 file or record-list file.")
    var dataset: String

    @Option(help: "How many times to list the dataset's records.")
    var `repeat` = 4

    @Option(help: "Worker threads (default: every core).")
    var threads: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(help: "What each record goes through: measure (the full measurement stage) or read.")
    var stage: Stage = .measure

    @Option(help: "Records the projection is for.")
    var project = 800_000

    @Flag(help: "Only open the dataset and plan the conversion.")
    var indexOnly = false

    func run() throws {
        let start = Date()
        let cpuStart = ProcessCPU.seconds()
        let plan0 = try ConversionPlan(opening: URL(fileURLWithPath: dataset))
        if indexOnly {
            print(String(format: "%d records of %d patients indexed in %.2f s", plan0.recordCount,
                         Set((0..<plan0.index.count).compactMap(plan0.index.subjectID(at:))).count,
                         Date().timeIntervalSince(start)))
            if let peak = PeakMemory.residentBytes() {
                print(String(format: "peak resident memory %.0f MB", Double(peak) / 1_048_576))
            }
            return
        }
        let copies = max(1, `repeat`)
        let plan = try ConversionPlan(source: dataset, index: plan0.index.repeated(copies))
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ecgnarrator-bench-\(getpid())")
        try? FileManager.default.removeItem(at: folder)
        defer { try? FileManager.default.removeItem(at: folder) }
        let processor: any RecordProcessor = stage == .measure ? MeasurementProcessor() : ReadingProcessor()
        let summary = try BatchConverter(processor: processor, threads: threads).run(plan, into: folder)
        let seconds = Date().timeIntervalSince(start)
        let cpu = ProcessCPU.seconds() - cpuStart
        let rate = Double(summary.records) / seconds
        print("\(summary.records) records (\(plan0.index.count) × \(copies)), stage \(stage.rawValue), "
              + "\(threads) threads: \(summary.converted) converted, \(summary.failed) errors")
        print(String(format: "wall %.2f s: %.0f records/s (processing alone %.0f records/s; joining outputs %.2f s)",
                     seconds, rate, Double(summary.processedRecords) / summary.processingSeconds,
                     summary.finishingSeconds))
        print(String(format: "CPU %.2f s = %.2f ms per record (%.0f records/s if %d cores were ours alone)",
                     cpu, cpu * 1000 / Double(summary.records), Double(summary.records) * Double(threads) / cpu, threads))
        print(String(format: "projected for %d records: %.1f min at the wall-clock rate", project, Double(project) / rate / 60))
        if let peak = PeakMemory.residentBytes() {
            print(String(format: "peak resident memory %.0f MB", Double(peak) / 1_048_576))
        }
    }
}

/// CPU time (user + system) the process has used.
enum ProcessCPU {
    static func seconds() -> Double {
        var usage = rusage()
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
            + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
    }
}
