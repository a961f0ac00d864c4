import ArgumentParser
import Batch
import ECGModel
import Foundation
import Narrative

/// `ecgnarrator bench convert DATASET`: throughput and memory of a whole `convert`.
struct BenchConvert: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert",
        abstract: "Time `convert` over a dataset listed --repeat times: records/s, projected time for 800,000 records, peak memory.",
        discussion: """
        The conversion writes into a temporary folder, removed afterwards. The time is wall-clock \
        time of the whole run (opening the dataset, processing, joining the outputs) on --threads \
        workers; CPU time is the process's user + system time. --stage full (the default) is what \
        `convert` does by default (measurements, statements, report and cmd narratives, ltd per \
        patient); --stage measure stops after the measurements; --stage read only reads the \
        records (the batch machinery's own cost); --index-only opens the dataset and plans the \
        conversion, to measure the index's memory on a large record_list.csv. \
        --runs N converts N times in one process and ends with the median and range of the runs: \
        on a shared virtual machine one run says little (the host's load moves it by a quarter).
        """)

    enum Stage: String, ExpressibleByArgument, CaseIterable {
        case full, measure, read
    }

    @Argument(help: "Dataset root, HDF5 file or record-list file.")
    var dataset: String

    @Option(help: "How many times to list the dataset's records.")
    var `repeat` = 4

    @Option(help: "Worker threads (default: every core).")
    var threads: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(help: "What each record goes through: full (as convert), measure (measurements only) or read.")
    var stage: Stage = .full

    @Option(help: "Records the projection is for.")
    var project = 800_000

    @Option(help: "How many conversions to time, one after another (median and range at the end).")
    var runs = 1

    @Flag(help: "Only open the dataset and plan the conversion.")
    var indexOnly = false

    func run() async throws {
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
        let converter: BatchConverter
        switch stage {
        case .full:
            let narrator = try await Narrator(templates: try TemplateLocator.locate(), language: .en)
            converter = BatchConverter(
                processor: try NarrativeProcessor(narrator: narrator, recordTemplates: NarrativeProcessor.templateNames,
                                                  longitudinal: true),
                patientProcessor: LongitudinalProcessor(narrator: narrator, writesPrompts: false), threads: threads)
        case .measure: converter = BatchConverter(processor: MeasurementProcessor(), threads: threads)
        case .read: converter = BatchConverter(processor: ReadingProcessor(), threads: threads)
        }
        print("\(plan.recordCount) records (\(plan0.index.count) × \(copies)), stage \(stage.rawValue), \(threads) threads")
        var rates: [Double] = [], cpuPerRecord: [Double] = []
        for run in 1...max(1, runs) {
            // The first run also opened the dataset; later ones time the conversion alone.
            let runStart = run == 1 ? start : Date()
            let runCPU = run == 1 ? cpuStart : ProcessCPU.seconds()
            try? FileManager.default.removeItem(at: folder)
            let summary = try converter.run(plan, into: folder)
            let seconds = Date().timeIntervalSince(runStart)
            let cpu = ProcessCPU.seconds() - runCPU
            let rate = Double(summary.records) / seconds, msPerRecord = cpu * 1000 / Double(summary.records)
            rates.append(rate)
            cpuPerRecord.append(msPerRecord)
            if runs > 1 { print("run \(run):") }
            print("\(summary.converted) converted, \(summary.failed) errors")
            print(String(format: "wall %.2f s: %.0f records/s (processing alone %.0f records/s; joining outputs %.2f s)",
                         seconds, rate, Double(summary.processedRecords) / summary.processingSeconds,
                         summary.finishingSeconds))
            print(String(format: "CPU %.2f s = %.2f ms per record (%.0f records/s if %d cores were ours alone)",
                         cpu, msPerRecord, Double(summary.records) * Double(threads) / cpu, threads))
            print(String(format: "projected for %d records: %.1f min at the wall-clock rate", project, Double(project) / rate / 60))
        }
        if runs > 1, let rate = rates.median(), let cpu = cpuPerRecord.median(),
           let slowest = rates.min(), let fastest = rates.max() {
            print(String(format: "%d runs: median %.0f records/s (range %.0f–%.0f), median CPU %.2f ms per record (range %.2f–%.2f); "
                         + "projected for %d records at the median: %.1f min",
                         runs, rate, slowest, fastest, cpu, cpuPerRecord.min() ?? cpu, cpuPerRecord.max() ?? cpu,
                         project, Double(project) / rate / 60))
        }
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
