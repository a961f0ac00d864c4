import Datasets
import ECGModel
import Measurement

/// Reads each record and writes what it holds (`records.csv`: record, leads, samples, frequency)
/// without processing it: the conversion machinery's own cost (reading, chunking, joining),
/// for benchmarks and for checking that a whole dataset is readable.
public struct ReadingProcessor: RecordProcessor {
    public static let outputName = "records.csv"

    public init() {}

    public var outputs: [BatchOutput] {
        [BatchOutput(name: Self.outputName, header: "record,leads,samples,fs_hz")]
    }

    public var signature: String { "reading 1" }

    public func process(_ record: ECGRecord, entry: DatasetEntry) throws -> ProcessedRecord {
        let fs = record.samplingFrequency.hertz
        let row = [MeasurementReport.csvEscape(record.id), String(record.leads.count), String(record.sampleCount),
                   fs == fs.rounded() ? String(Int(fs)) : String(fs)].joined(separator: ",")
        return ProcessedRecord(lines: [Self.outputName: row])
    }
}
