import ArgumentParser
import Foundation
import Evaluation

/// `ecgnarrator evaluate statements DB_DIR`: statements against PTB-XL SCP codes or MIMIC machine reports.
struct EvaluateStatements: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "statements",
        abstract: "Score interpretive statements per class (Se, PPV, F1) against PTB-XL SCP codes or MIMIC-IV-ECG machine reports.")

    @Argument(help: "Database folder with ptbxl_database.csv (PTB-XL) and/or machine_measurements.csv (MIMIC-IV-ECG).")
    var database: String

    @Option(help: "Only the first N records.")
    var limit: Int?

    @Flag(help: "Also list the records where reference and statements disagree.")
    var verbose = false

    func run() throws {
        for evaluation in try StatementEvaluator().evaluate(directory: URL(fileURLWithPath: database), limit: limit) {
            print(evaluation.table())
            for f in evaluation.failures { standardError("failed: \(f.record): \(f.reason)") }
            if verbose { print(evaluation.disagreements()) }
        }
    }
}
