import Foundation
import ECGModel
import Datasets
import Interpretation

extension NarrativeRecord {
    /// Reads, measures and interprets one dataset entry; `sex` and `age` default to what the
    /// dataset's index says (CODE-15% `exams.csv`), else unknown.
    public static func make(_ entry: DatasetEntry, pipeline: InterpretationPipeline, sex: Sex? = nil,
                            age: Int? = nil, limits: ReadLimits = .default) throws -> NarrativeRecord {
        let record = try entry.readRecord(limits: limits)
        let result = try pipeline.run(record, sex: sex ?? Sex(isMale: entry.isMale), age: age ?? entry.age)
        return NarrativeRecord(record: record, result: result, subjectID: entry.subjectID, date: entry.ecgTime)
    }

    /// A narrative record from an ECG and its interpretation.
    public init(record: ECGRecord, result: InterpretationPipeline.Result, subjectID: Int? = nil, date: Date? = nil) {
        let labels = result.measured.measurements.leads.map(\.lead.name)
        self.init(recordID: record.id, subjectID: subjectID, date: date ?? record.metadata.acquisitionTime,
                  samplingFrequency: record.samplingFrequency.hertz, durationSeconds: record.duration.seconds,
                  leadLabels: labels, measurements: result.measured.measurements,
                  interpretation: result.interpretation)
    }
}

extension Patient {
    /// This patient's ECGs read and interpreted, oldest first; ECGs that cannot be read are
    /// returned with their error instead of being silently left out.
    public func narrativeRecords(pipeline: InterpretationPipeline,
                                 limits: ReadLimits = .default) -> (records: [NarrativeRecord], failures: [(String, Error)]) {
        var records: [NarrativeRecord] = []
        var failures: [(String, Error)] = []
        for entry in ecgs {
            do { records.append(try NarrativeRecord.make(entry, pipeline: pipeline, limits: limits)) } catch { failures.append((entry.recordID, error)) }
        }
        return (records, failures)
    }
}
