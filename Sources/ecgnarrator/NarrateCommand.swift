import ArgumentParser
import Foundation
import Datasets
import Interpretation
import Narrative

/// Options shared by `narrate` and `prompts`: language, template folder, patient data.
struct NarrativeOptions: ParsableArguments {
    @Option(help: "Language of the text: en or zh.")
    var lang: String = "en"

    @Option(help: "Folder holding the en/ and zh/ template sets (default: the package's Templates/).")
    var templates: String?

    @Option(help: "Dataset root for the longitudinal (ltd) narrative (a folder with record_list.csv).")
    var dataset: String?

    @Option(help: "Only this subject (ltd); all subjects when left out.")
    var subject: Int?

    @Option(help: "Patient sex for sex-specific criteria: male, female or unknown (default: what the dataset's index says, else unknown).")
    var sex: String?

    @OptionGroup var limits: ReadLimitOptions

    func narrator() async throws -> Narrator {
        guard let language = Language(rawValue: lang) else { throw ValidationError("--lang must be en or zh") }
        return try await Narrator(templates: try TemplateLocator.locate(explicit: templates), language: language)
    }

    func patientSex() throws -> Sex? {
        guard let sex else { return nil }
        guard let s = Sex(rawValue: sex.lowercased()) else { throw ValidationError("--sex must be male, female or unknown") }
        return s
    }

    /// The patients of --dataset, or of the records given (grouped by their subject ids).
    func patients(records: [String]) throws -> [Patient] {
        let entries = try dataset.map { try DatasetLoader.open(URL(fileURLWithPath: $0), limits: limits.value).entries }
            ?? RecordArguments.entries(for: records, limits: limits.value)
        var patients = Patient.grouping(entries)
        if let subject { patients = patients.filter { $0.subjectID == subject } }
        guard !patients.isEmpty else {
            throw ValidationError(subject.map { "no ECGs of subject \($0)" } ?? "no ECGs with a subject id (use --dataset ROOT)")
        }
        return patients
    }
}

/// `ecgnarrator narrate`: machine-style reports, cross-modal descriptions, longitudinal narratives.
struct NarrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "narrate",
        abstract: "Print narratives from the Mustache templates: report, cmd (one per record) or ltd (one per patient).",
        discussion: """
        narrate RECORD… --template report|cmd prints one narrative per record; \
        narrate --template ltd --dataset ROOT [--subject ID] prints the longitudinal narrative of each \
        patient (ECGs in record_list.csv ecg_time order).
        """)

    @Argument(help: "Records: WFDB paths, HDF5 files or dataset folders.")
    var records: [String] = []

    @Option(help: "report, cmd or ltd.")
    var template: String = "report"

    @OptionGroup var options: NarrativeOptions

    func run() async throws {
        let narrator = try await options.narrator()
        let pipeline = InterpretationPipeline()
        var failed = 0
        switch template {
        case "ltd":
            for patient in try options.patients(records: records) {
                let (loaded, failures) = patient.narrativeRecords(pipeline: pipeline, limits: options.limits.value)
                for (id, error) in failures { failed += 1; standardError("ecgnarrator narrate: \(id): \(error)") }
                guard !loaded.isEmpty else { continue }
                print(try narrator.longitudinal(subjectID: patient.subjectID, records: loaded))
            }
        case "report", "cmd":
            guard !records.isEmpty else { throw ValidationError("give at least one RECORD") }
            let sex = try options.patientSex()
            for entry in try RecordArguments.entries(for: records, limits: options.limits.value) {
                do {
                    print(try narrator.narrate(try NarrativeRecord.make(entry, pipeline: pipeline, sex: sex, limits: options.limits.value), template: template))
                } catch {
                    failed += 1
                    standardError("ecgnarrator narrate: \(entry.recordID): \(error)")
                }
            }
        default:
            throw ValidationError("--template must be report, cmd or ltd")
        }
        if failed > 0 { throw ExitCode(1) }
    }
}
