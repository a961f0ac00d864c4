import ArgumentParser
import Foundation
import WFDB
import Measurement

/// `ecgnarrator measure RECORD…`: intervals, axes and amplitudes per record.
struct MeasureCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "measure",
        abstract: "Delineate P/QRS/T and print intervals, rates, axes and amplitudes.",
        discussion: """
        RECORD is a WFDB record path (with or without .hea). Without options a readable table is \
        printed per record (global measurements, then per lead). --csv prints one row per record \
        with MIMIC-IV-ECG machine_measurements column names; --json DIR writes DIR/<record>.json \
        with per-beat, per-lead fiducials (0-based samples, null where a wave is absent).
        """)

    @Argument(help: "WFDB record paths.")
    var records: [String]

    @Flag(help: "Print CSV (MIMIC-IV-ECG machine_measurements column names) instead of tables.")
    var csv = false

    @Option(help: "Write one <record>.json per record into this folder.")
    var json: String?

    func run() throws {
        let pipeline = MeasurementPipeline()
        if csv { print(MeasurementReport.csvHeader) }
        var failed = 0
        for path in records {
            do {
                let record = try WFDBRecord.read(from: URL(fileURLWithPath: path)).ecgRecord()
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
