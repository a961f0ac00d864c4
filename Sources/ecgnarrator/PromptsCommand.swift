import ArgumentParser
import Foundation
import Datasets
import Interpretation
import Narrative

/// `ecgnarrator prompts --task …`: ECG-Expert-QA generation prompts as chat-message JSONL.
struct PromptsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "prompts",
        abstract: "Print ECG-Expert-QA prompts (one JSONL line per prompt, OpenAI-style messages).",
        discussion: """
        Tasks cmd, pp, mrod, mc, mee, gra, mco and mms take one record each (their narrative is the \
        cmd description; mms is the judge prompt, with --answer as the answer to score). Task ltd \
        takes one patient each (from --dataset ROOT, or the records given, grouped by subject).
        """)

    @Argument(help: "Records: WFDB paths, HDF5 files or dataset folders.")
    var records: [String] = []

    @Option(help: "cmd, ltd, pp, mrod, mc, mee, gra, mco or mms.")
    var task: String

    @Option(help: "The answer the mms judge scores (a placeholder when left out).")
    var answer: String?

    @OptionGroup var options: NarrativeOptions

    func run() async throws {
        guard let task = PromptTask(rawValue: task) else {
            throw ValidationError("--task must be one of " + PromptTask.allCases.map(\.rawValue).joined(separator: ", "))
        }
        let narrator = try await options.narrator()
        let pipeline = InterpretationPipeline()
        var failed = 0
        if task == .ltd {
            for patient in try options.patients(records: records) {
                let (loaded, failures) = patient.narrativeRecords(pipeline: pipeline)
                for (id, error) in failures { failed += 1; standardError("ecgnarrator prompts: \(id): \(error)") }
                guard !loaded.isEmpty else { continue }
                let ltd = try narrator.longitudinal(subjectID: patient.subjectID, records: loaded)
                print(try narrator.prompt(task: .ltd, id: "\(patient.subjectID)-ltd", narrative: ltd))
            }
        } else {
            guard !records.isEmpty else { throw ValidationError("give at least one RECORD") }
            let sex = try options.patientSex()
            for entry in try RecordArguments.entries(for: records, limits: options.limits.value) {
                do {
                    let cmd = try narrator.narrate(try NarrativeRecord.make(entry, pipeline: pipeline, sex: sex, limits: options.limits.value), template: "cmd")
                    print(try narrator.prompt(task: task, id: "\(entry.recordID)-\(task.rawValue)", narrative: cmd, answer: answer))
                } catch {
                    failed += 1
                    standardError("ecgnarrator prompts: \(entry.recordID): \(error)")
                }
            }
        }
        if failed > 0 { throw ExitCode(1) }
    }
}
