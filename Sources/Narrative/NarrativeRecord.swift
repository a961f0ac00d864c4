import Foundation
import Measurement
import Interpretation

/// One interpreted ECG with what narratives say about its acquisition.
public struct NarrativeRecord: Sendable {
    public var recordID: String
    public var subjectID: Int?
    /// When the ECG was taken (MIMIC `ecg_time`, shifted years kept), where known.
    public var date: Date?
    public var samplingFrequency: Double
    public var durationSeconds: Double
    public var leadLabels: [String]
    public var measurements: RecordMeasurements
    public var interpretation: Interpretation

    public init(recordID: String, subjectID: Int? = nil, date: Date? = nil, samplingFrequency: Double,
                durationSeconds: Double, leadLabels: [String], measurements: RecordMeasurements,
                interpretation: Interpretation) {
        self.recordID = recordID
        self.subjectID = subjectID
        self.date = date
        self.samplingFrequency = samplingFrequency
        self.durationSeconds = durationSeconds
        self.leadLabels = leadLabels
        self.measurements = measurements
        self.interpretation = interpretation
    }
}
