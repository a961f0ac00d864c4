import ArgumentParser
import Evaluation
import Foundation

struct EvaluateQRSCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "qrs",
        abstract: "Score QRS detection against reference beats (.atr) as EC57/bxb do (±150 ms).")

    @Argument(help: "Database folder (records from RECORDS, or every .hea with an .atr).")
    var database: String

    @Flag(name: .long, help: "Print the report as JSON.")
    var json = false

    func run() throws {
        let report = try QRSEvaluator().evaluate(database: URL(fileURLWithPath: database))
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            print(String(decoding: try encoder.encode(report), as: UTF8.self))
        } else {
            print(report.table(), terminator: "")
        }
    }
}
