import ArgumentParser
import Foundation
import Datasets
import Interpretation

/// `ecgnarrator interpret RECORD…`: rule-based statements with their evidence.
struct InterpretCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "interpret",
        abstract: "Print interpretive statements (MIMIC-IV-ECG wording) with the evidence behind each.",
        discussion: """
        RECORD is a WFDB record (with or without .hea), an HDF5 file (or file#index), or a dataset folder. \
        Each statement is followed by its evidence: the measurement, the leads, the threshold and the \
        published criterion. --sex and --age refine sex- and age-dependent limits (Cornell, QTc, ST).
        """)

    @Argument(help: "Records: WFDB paths, HDF5 files or dataset folders.")
    var records: [String]

    @Option(help: "Patient sex for sex-specific criteria: male, female or unknown (default: what the dataset's index says, else unknown).")
    var sex: String?

    @Option(help: "Patient age in years (ST-elevation limits in V2–V3).")
    var age: Int?

    @OptionGroup var limits: ReadLimitOptions

    func run() throws {
        let given = try sex.map { text in
            guard let s = Sex(rawValue: text.lowercased()) else { throw ValidationError("--sex must be male, female or unknown") }
            return s
        }
        let pipeline = InterpretationPipeline()
        var failed = 0
        for entry in try RecordArguments.entries(for: records, limits: limits.value) {
            do {
                let result = try pipeline.run(try entry.readRecord(limits: limits.value), sex: given ?? Sex(isMale: entry.isMale), age: age ?? entry.age)
                print(InterpretationReport.text(result.interpretation))
            } catch {
                failed += 1
                standardError("ecgnarrator interpret: \(entry.recordID): \(error)")
            }
        }
        if failed > 0 { throw ExitCode(1) }
    }
}
