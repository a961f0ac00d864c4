import ArgumentParser
import Foundation
import Evaluation

/// `ecgnarrator evaluate delineation DB_DIR`: per-lead delineation against LUDB-style marks.
struct EvaluateDelineation: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "delineation",
        abstract: "Score P/QRS/T onsets, peaks and offsets against per-lead manual annotations (LUDB).")

    @Argument(help: "Database folder (with RECORDS, records and per-lead annotation files N.i … N.v6).")
    var database: String

    @Option(help: "Only the first N records.")
    var limit: Int?

    @Flag(help: "Pooled table only (no per-lead tables).")
    var pooledOnly = false

    func run() throws {
        let result = try DelineationEvaluator().evaluate(directory: URL(fileURLWithPath: database), limit: limit)
        print(result.table(perLead: !pooledOnly), terminator: "")
        print(String(format: "CPU %.3f s for %d records (filter + detect + delineate)", result.cpuSeconds, result.records))
    }
}

/// `ecgnarrator evaluate measurements DB_DIR`: global intervals against a reference.
struct EvaluateMeasurements: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "measurements",
        abstract: "Compare heart rate, PR, QRS, QT (and axes) with machine_measurements.csv or LUDB-derived references.")

    @Argument(help: "Database folder (MIMIC-IV-ECG layout with machine_measurements.csv, or LUDB).")
    var database: String

    @Option(help: "Only the first N records.")
    var limit: Int?

    @Flag(help: "Also print one line per record and quantity.")
    var verbose = false

    func run() throws {
        let result = try MeasurementEvaluator().evaluate(directory: URL(fileURLWithPath: database), limit: limit)
        print(result.table(), terminator: "")
        if verbose {
            for row in result.rows {
                print(String(format: "%@ %@ tool %.1f reference %.1f", row.record, row.quantity.rawValue, row.tool, row.reference))
            }
        }
    }
}
