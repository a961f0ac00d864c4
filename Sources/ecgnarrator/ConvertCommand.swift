import ArgumentParser
import Batch
import Foundation
import Narrative

/// `ecgnarrator convert DATASET --out DIR`: a whole dataset through the pipeline, resumably.
struct ConvertCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert",
        abstract: "Convert a whole dataset in parallel, resumably: measurements, statements, narratives, prompts.",
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

        Outputs: measurements.csv (MIMIC machine_measurements columns, then ours), \
        statements.jsonl (statements with their evidence), narratives.jsonl (the --template \
        record narratives), patients.jsonl (the ltd narrative per patient), one \
        prompts-<task>.jsonl per --prompts task (cat prompts-*.jsonl for one file), \
        fiducials.jsonl and measurements.h5 (with --hdf5), errors.jsonl, index.tsv, manifest.json.
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

    @Option(help: "Narratives, comma-separated: report, cmd (narratives.jsonl, per record), ltd (patients.jsonl, per patient); 'none' for neither.")
    var template = "report,cmd,ltd"

    @Option(help: "ECG-Expert-QA prompts, comma-separated: cmd, pp, mrod, mc, mee, gra, mco (one record each), ltd (one patient each); one prompts-<task>.jsonl per task.")
    var prompts: String?

    @Option(help: "Language of the text: en or zh.")
    var lang = "en"

    @Option(help: "Folder holding the en/ and zh/ template sets (default: the package's Templates/).")
    var templates: String?

    @Flag(help: "Also write fiducials.jsonl (global P/QRS/T points of every beat) and measurements.h5 (measurements and fiducials as HDF5).")
    var hdf5 = false

    @Flag(help: "No progress display.")
    var quiet = false

    @OptionGroup var limits: ReadLimitOptions

    func run() async throws {
        let choice = try NarrativeChoice(templates: template, prompts: prompts)
        guard let language = Language(rawValue: lang) else { throw ValidationError("--lang must be en or zh") }
        let narrator = try await Narrator(templates: try TemplateLocator.locate(explicit: templates), language: language)
        do {
            let plan = try ConversionPlan(opening: URL(fileURLWithPath: dataset),
                                          shard: try shard.map(Shard.init(parsing:)) ?? .all, chunkSize: chunkSize,
                                          limits: limits.value)
            let converter = BatchConverter(
                processor: try NarrativeProcessor(narrator: narrator, recordTemplates: choice.recordTemplates,
                                                  promptTasks: choice.recordPrompts, longitudinal: choice.needsPatients,
                                                  fiducials: hdf5),
                patientProcessor: choice.needsPatients
                    ? LongitudinalProcessor(narrator: narrator, writesPrompts: choice.patientPrompts) : nil,
                threads: threads, limits: limits.value)
            let bar = quiet ? nil : ProgressBar()
            var last: ConversionProgress?
            let summary = try converter.run(plan, into: URL(fileURLWithPath: out)) { progress in
                last = progress
                bar?.update(progress)
            }
            if let bar, let last { bar.finish(last) }
            if hdf5 { try HDF5Export.write(from: URL(fileURLWithPath: out)) }
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

/// What `convert --template … --prompts …` asked for.
struct NarrativeChoice {
    var recordTemplates: [String] = []
    var longitudinal = false
    var recordPrompts: [PromptTask] = []
    var patientPrompts = false

    var needsPatients: Bool { longitudinal || patientPrompts }

    init(templates: String, prompts: String?) throws {
        for name in Self.list(templates) where name != "none" {
            if name == "ltd" { longitudinal = true; continue }
            guard NarrativeProcessor.templateNames.contains(name) else {
                throw ValidationError("--template: unknown '\(name)' (report, cmd, ltd or none)")
            }
            if !recordTemplates.contains(name) { recordTemplates.append(name) }
        }
        for name in Self.list(prompts ?? "") {
            guard let task = PromptTask(rawValue: name), task != .mms else {
                throw ValidationError("--prompts: unknown '\(name)' (cmd, pp, mrod, mc, mee, gra, mco, ltd)")
            }
            if task == .ltd { patientPrompts = true } else if !recordPrompts.contains(task) { recordPrompts.append(task) }
        }
    }

    static func list(_ text: String) -> [String] {
        text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }.filter { !$0.isEmpty }
    }
}
