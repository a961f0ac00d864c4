import ArgumentParser
import Datasets
import Foundation

extension RecordExport.Format: ExpressibleByArgument {}

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write a record's physical samples (mV for ECG leads) as CSV or JSON."
    )

    @Argument(help: "A WFDB record or `file.hdf5#index`.")
    var record: String

    @Option(help: "csv or json.")
    var format: RecordExport.Format = .csv

    @Option(name: .shortAndLong, help: "Output file (default: standard output).")
    var out: String?

    @OptionGroup var limits: ReadLimitOptions

    func run() throws {
        let entries = try RecordArguments.entries(for: record, limits: limits.value)
        guard entries.count == 1, let entry = entries.first else {
            throw ValidationError("'\(record)' holds \(entries.count) records; export takes one (use file.hdf5#index)")
        }
        let ecg = try entry.readRecord(limits: limits.value)
        if let out {
            try AtomicFile.write(to: URL(fileURLWithPath: out)) { handle in
                try RecordExport.write(ecg, as: format, to: handle)
            }
        } else {
            try RecordExport.write(ecg, as: format, to: .standardOutput)
        }
    }
}
