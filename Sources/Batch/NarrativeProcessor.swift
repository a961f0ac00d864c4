import Datasets
import ECGModel
import Foundation
import Interpretation
import Measurement
import Narrative

/// The whole per-record pipeline as a batch step: measure, interpret and narrate each record.
///
/// Every record gives one line to each of:
/// - `measurements.csv`: as ``MeasurementProcessor`` (MIMIC-IV-ECG `machine_measurements` names);
/// - `statements.jsonl`: `{"subject_id", "study_id", "ecg_time", "record", "summary",
///   "statements": [{code, text, certainty, …, "evidence": […]}]}`;
/// - `narratives.jsonl` (when record templates are chosen): the same identity, then one key per
///   template (`"report"`, `"cmd"`) holding the rendered text;
/// - `fiducials.jsonl` (when asked): the global fiducial points of every beat;
/// - `prompts-<task>.jsonl` for each chosen prompt task (`prompts-cmd.jsonl`, `prompts-pp.jsonl`…):
///   the record's ECG-Expert-QA chat prompt for that task, built around its `cmd` narrative (one
///   file per task keeps every file at one line per record, which is what resumption and
///   `merge` rely on; `cat prompts-*.jsonl` gives one file of all prompts).
///
/// With the longitudinal narrative chosen, each record also hands a ``LongitudinalEntry`` to
/// ``LongitudinalProcessor`` as its patient payload.
public struct NarrativeProcessor: RecordProcessor {
    public static let statementsFile = "statements.jsonl"
    public static let narrativesFile = "narratives.jsonl"

    /// The file of one prompt task's lines.
    public static func promptsFile(_ task: PromptTask) -> String { "prompts-\(task.rawValue).jsonl" }

    public var pipeline: InterpretationPipeline
    public var narrator: Narrator
    /// One-record templates rendered into `narratives.jsonl` (`report`, `cmd`).
    public var recordTemplates: [String]
    /// One-record prompt tasks, each written to its ``promptsFile(_:)`` (not ``PromptTask/ltd``,
    /// which is per patient, nor ``PromptTask/mms``, which needs an answer to judge).
    public var promptTasks: [PromptTask]
    /// Whether records give the longitudinal step its payload.
    public var longitudinal: Bool
    /// Whether `fiducials.jsonl` is written (the global fiducial points of every beat, which
    /// ``HDF5Export`` puts into `measurements.h5`).
    public var fiducials: Bool

    /// The one-record templates there are.
    public static let templateNames = ["report", "cmd"]

    public init(narrator: Narrator, recordTemplates: [String], promptTasks: [PromptTask] = [],
                longitudinal: Bool, fiducials: Bool = false,
                pipeline: InterpretationPipeline = InterpretationPipeline()) throws {
        for t in recordTemplates where !Self.templateNames.contains(t) {
            throw BatchError("unknown record template '\(t)' (there are \(Self.templateNames.joined(separator: ", ")))")
        }
        for task in promptTasks where task == .ltd || task == .mms {
            throw BatchError("prompt task '\(task.rawValue)' is not a one-record task")
        }
        self.narrator = narrator
        self.recordTemplates = recordTemplates
        self.promptTasks = promptTasks
        self.longitudinal = longitudinal
        self.fiducials = fiducials
        self.pipeline = pipeline
    }

    public var outputs: [BatchOutput] {
        var out = [BatchOutput(name: MeasurementProcessor.outputName, header: MeasurementProcessor.columns.joined(separator: ",")),
                   BatchOutput(name: Self.statementsFile)]
        if !recordTemplates.isEmpty { out.append(BatchOutput(name: Self.narrativesFile)) }
        out += promptTasks.map { BatchOutput(name: Self.promptsFile($0)) }
        if fiducials { out.append(BatchOutput(name: HDF5Export.fiducialsFile)) }
        return out
    }

    public var signature: String {
        "narrative 1 lang=\(narrator.language.rawValue) templates=\(recordTemplates.joined(separator: ","))"
            + " prompts=\(promptTasks.map(\.rawValue).joined(separator: ",")) ltd=\(longitudinal) fiducials=\(fiducials) digest=\(narrator.templateDigest)"
    }

    public func process(_ record: ECGRecord, entry: DatasetEntry) throws -> ProcessedRecord {
        let result = try pipeline.run(record, sex: Sex(isMale: entry.isMale), age: entry.age)
        let identity = RecordIdentity(record, entry: entry)
        let interpretation = result.interpretation
        var lines = [MeasurementProcessor.outputName: MeasurementProcessor.row(result.measured.measurements, identity: identity)]
        let summary = interpretation.statements.first { $0.category == .summary }
        lines[Self.statementsFile] = JSONLine.object(identity.jsonPairs + [
            ("summary", summary.map { JSONLine.string($0.text) } ?? "null"),
            ("statements", InterpretationJSON.statements(interpretation)),
        ])
        let narrative = NarrativeRecord(record: record, result: result, subjectID: entry.subjectID, date: entry.ecgTime)
        var templates = recordTemplates
        if !promptTasks.isEmpty, !templates.contains("cmd") { templates.append("cmd") }
        let rendered = Dictionary(zip(templates, try narrator.narrate(narrative, templates: templates)),
                                  uniquingKeysWith: { first, _ in first })
        func text(_ template: String) throws -> String {
            guard let done = rendered[template] else {
                throw BatchError("template '\(template)' was not rendered")
            }
            return done
        }
        if !recordTemplates.isEmpty {
            lines[Self.narrativesFile] = JSONLine.object(try identity.jsonPairs + recordTemplates.map {
                ($0, JSONLine.string(Narrator.trimmingLineBreaks(try text($0))))
            })
        }
        if !promptTasks.isEmpty {
            let cmd = try text("cmd")
            for task in promptTasks {
                lines[Self.promptsFile(task)] = try narrator.prompt(task: task, id: "\(entry.recordID)-\(task.rawValue)", narrative: cmd)
            }
        }
        if fiducials {
            lines[HDF5Export.fiducialsFile] = FiducialsLine.text(result.measured.stage.delineation, identity: identity)
        }
        let payload = longitudinal ? try LongitudinalEntry(narrative, vocabulary: narrator.vocabulary).jsonLine() : nil
        return ProcessedRecord(lines: lines, patientPayload: payload)
    }
}
