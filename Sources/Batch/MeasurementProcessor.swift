import Datasets
import ECGModel
import Foundation
import Measurement

/// The measurement stage as a batch step: filter, detect, delineate and measure each record,
/// one `measurements.csv` row per record.
///
/// The row starts with MIMIC-IV-ECG's identifying columns (`subject_id`, `study_id`,
/// `ecg_time`), then ``MeasurementReport/csvColumns`` (the `machine_measurements` names
/// `rr_interval`, `p_onset`, `p_end`, `qrs_onset`, `qrs_end`, `t_end`, `p_axis`, `qrs_axis`,
/// `t_axis`, then our own intervals, rates, QTc formulas, voltage criteria and beat counts).
public struct MeasurementProcessor: RecordProcessor {
    public static let outputName = "measurements.csv"

    public var pipeline: MeasurementPipeline

    public init(pipeline: MeasurementPipeline = MeasurementPipeline()) {
        self.pipeline = pipeline
    }

    /// The CSV columns: identity first, then the measurement stage's.
    public static var columns: [String] {
        ["subject_id", "study_id", "ecg_time"] + MeasurementReport.csvColumns
    }

    public var outputs: [BatchOutput] {
        [BatchOutput(name: Self.outputName, header: Self.columns.joined(separator: ","))]
    }

    public var signature: String { "measurements 1" }

    public func process(_ record: ECGRecord, entry: DatasetEntry) throws -> ProcessedRecord {
        let result = try pipeline.run(record)
        return ProcessedRecord(lines: [Self.outputName: Self.row(result.measurements, identity: RecordIdentity(record, entry: entry))])
    }

    static func row(_ measurements: RecordMeasurements, identity: RecordIdentity) -> String {
        identity.csvCells + "," + MeasurementReport.csvRow(measurements)
    }
}
