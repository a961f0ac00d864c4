import ArgumentParser
import Datasets
import ECGModel
import Foundation

struct InfoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "info",
        abstract: "Show what a record holds: leads, frequency, duration, format, gains, units, comments, checksums.",
        discussion: """
        RECORD is a WFDB record (`100` or `100.hea`), an HDF5 tracings file (`exams.hdf5`, every \
        exam; `exams.hdf5#7`, one exam), or a dataset folder (MIMIC-IV-ECG tree or a folder \
        with a RECORDS file).
        """
    )

    @Argument(help: "Records, HDF5 files or dataset folders.")
    var records: [String]

    @Flag(help: "Print one JSON object per record (a JSON array when there are several).")
    var json = false

    @OptionGroup var limits: ReadLimitOptions

    func run() throws {
        let (entries, unresolved) = RecordArguments.resolve(records, limits: limits.value)
        for (_, error) in unresolved { standardError("error: \(error)") }
        var failures = unresolved.count
        var summaries: [String] = []
        for entry in entries {
            do {
                let summary = try RecordSummary(entry: entry, limits: limits.value)
                if json { summaries.append(try summary.encodedJSON()) } else { print(summary.text) }
            } catch {
                failures += 1
                standardError("error: \(entry.location): \(error)")
            }
        }
        if json {
            print(summaries.count == 1 && entries.count == 1 ? summaries[0] : "[" + summaries.joined(separator: ",\n") + "]")
        }
        if failures > 0 { throw ExitCode(1) }
    }
}
