import ArgumentParser
import Datasets
import Evaluation
import Foundation

struct DetectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "detect",
        abstract: "Detect QRS complexes; write <record>.qrs (WFDB annotations) and <record>.json per record.",
        discussion: "A record that cannot be read or processed is reported on standard error and the others go on; the exit status is then 1.")

    @Argument(help: "WFDB records (with or without .hea), HDF5 files (file.hdf5 or file.hdf5#index) or dataset folders.")
    var records: [String]

    @Option(name: .long, help: "Output folder (default: the current folder).")
    var out: String = "."

    @OptionGroup var limits: ReadLimitOptions

    func run() throws {
        let runner = QRSDetectionRun()
        let directory = URL(fileURLWithPath: out)
        let (entries, unresolved) = RecordArguments.resolve(records, limits: limits.value)
        for (_, error) in unresolved { standardError("error: \(error)") }
        var failures = unresolved.count
        for entry in entries {
            do {
                let output = try runner.run(entry: entry, outputDirectory: directory, limits: limits.value)
                print("\(output.record): \(output.qrs.count) beats, \(String(format: "%.4f", output.cpu_s)) s CPU")
            } catch {
                failures += 1
                standardError("error: \(entry.location): \(error)")
            }
        }
        if failures > 0 { throw ExitCode(1) }
    }
}
