import ArgumentParser
import Foundation
import Evaluation

struct DetectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "detect",
        abstract: "Detect QRS complexes; write <record>.qrs (WFDB annotations) and <record>.json per record.")

    @Argument(help: "WFDB record paths (with or without .hea).")
    var records: [String]

    @Option(name: .long, help: "Output folder (default: the current folder).")
    var out: String = "."

    func run() throws {
        let runner = QRSDetectionRun()
        let directory = URL(fileURLWithPath: out)
        for path in records {
            let output = try runner.run(recordPath: URL(fileURLWithPath: path), outputDirectory: directory)
            print("\(output.record): \(output.qrs.count) beats, \(String(format: "%.4f", output.cpu_s)) s CPU")
        }
    }
}
