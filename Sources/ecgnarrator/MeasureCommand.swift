import ArgumentParser
import Datasets
import Foundation
import Measurement

/// `ecgnarrator measure RECORD…`: intervals, axes and amplitudes per record.
struct MeasureCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "measure",
        abstract: "Delineate P/QRS/T and print intervals, rates, axes and amplitudes.",
        discussion: """
        RECORD is a WFDB record (with or without .hea), an HDF5 tracings file (every exam, or \
        file.hdf5#7) or a dataset folder. Without options a readable table is \
        printed per record (global measurements, then per lead). --csv prints one row per record \
        with MIMIC-IV-ECG machine_measurements column names; --json DIR writes DIR/<record>.json \
        with per-beat, per-lead fiducials (0-based samples, null where a wave is absent).
        """)

    @Argument(help: "Records, HDF5 files or dataset folders.")
    var records: [String]

    @Flag(help: "Print CSV (MIMIC-IV-ECG machine_measurements column names) instead of tables.")
    var csv = false

    @Option(help: "Write one <record>.json per record into this folder.")
    var json: String?

    @OptionGroup var limits: ReadLimitOptions

    func run() throws {
        let pipeline = MeasurementPipeline()
        if csv { print(MeasurementReport.csvHeader) }
        let (entries, unresolved) = RecordArguments.resolve(records, limits: limits.value)
        for (path, error) in unresolved {
            FileHandle.standardError.write(Data("ecgnarrator measure: \(path): \(error)\n".utf8))
        }
        var failed = unresolved.count
        for entry in entries {
            let path = entry.location.description
            do {
                let record = try entry.readRecord(limits: limits.value)
                let result = try pipeline.run(record)
                if csv {
                    print(MeasurementReport.csvRow(result.measurements))
                } else if json == nil {
                    print(MeasurementReport.table(result.measurements))
                }
                if let json {
                    let folder = URL(fileURLWithPath: json)
                    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                    let text = MeasurementReport.json(result.measurements, delineation: result.stage.delineation,
                                                      fiducials: result.stage.fiducials, cpuSeconds: result.cpuSeconds)
                    try Data(text.utf8).write(to: folder.appendingPathComponent("\(record.id).json"))
                }
            } catch {
                failed += 1
                FileHandle.standardError.write(Data("ecgnarrator measure: \(path): \(error)\n".utf8))
            }
        }
        if failed > 0 { throw ExitCode(1) }
    }
}
