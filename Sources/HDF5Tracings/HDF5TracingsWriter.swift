import ECGModel
import Foundation

/// Writes ECG records into an HDF5 file in a tracings layout (CODE-15% by default).
///
/// Each record becomes one exam: its leads are picked by identity in the layout's lead order,
/// converted to the layout's units, and centred in `samplesPerExam` rows between zeros, the
/// way CODE-15% stores its 10-s (4000-sample) exams in rows 48…4047 of 4096. Exams are written
/// one at a time with ``append(_:examID:)``; ``close()`` checks that every exam was written.
public final class HDF5TracingsWriter {
    /// The layout written.
    public let layout: HDF5TracingsLayout
    /// Rows per exam.
    public let samplesPerExam: Int
    /// Exams the file holds.
    public let examCount: Int
    /// Exams written so far.
    public private(set) var written = 0

    private let writer: HDF5DatasetWriter
    private let tracings: HDF5WritableDataset<Float>
    private let examIDs: HDF5WritableDataset<Int64>?

    /// Creates `url` with room for `examCount` exams of `samplesPerExam` rows.
    public init(url: URL, layout: HDF5TracingsLayout = .code15, examCount: Int,
                samplesPerExam: Int = HDF5TracingsLayout.code15SamplesPerExam) throws {
        if let problem = layout.problem() {
            throw HDF5TracingsError(.invalidLayout, file: url.path, message: problem)
        }
        guard examCount >= 0, samplesPerExam > 0 else {
            throw HDF5TracingsError(.invalidLayout, file: url.path,
                                    message: "cannot hold \(examCount) exams of \(samplesPerExam) samples")
        }
        self.layout = layout
        self.samplesPerExam = samplesPerExam
        self.examCount = examCount
        let writer = try HDF5DatasetWriter(url: url)
        self.writer = writer
        let leads = layout.leadLabels.count
        let shape = layout.axisOrder == .examSampleLead
            ? [examCount, samplesPerExam, leads] : [examCount, leads, samplesPerExam]
        tracings = try writer.createDataset(layout.tracingsPath, of: Float.self, shape: shape)
        if let examIDPath = layout.examIDPath {
            examIDs = try writer.createDataset(examIDPath, of: Int64.self, shape: [examCount])
        } else {
            examIDs = nil
        }
    }

    /// Writes `record` as the next exam, identified by `examID` (ignored when the layout has
    /// no exam id dataset).
    ///
    /// - Throws: ``HDF5TracingsError/Kind/invalidRecord`` when the record's sampling frequency
    ///   is not the layout's, a layout lead is missing, or the record is longer than the rows
    ///   available; `.writeFailed` when the file is full or HDF5 fails.
    public func append(_ record: ECGRecord, examID: Int64) throws {
        let file = writer.url.path
        func invalid(_ message: String) -> HDF5TracingsError {
            HDF5TracingsError(.invalidRecord, file: file, dataset: layout.tracingsPath,
                              message: "record '\(record.id)': \(message)")
        }
        guard written < examCount else {
            throw HDF5TracingsError(.writeFailed, file: file, dataset: layout.tracingsPath,
                                    message: "all \(examCount) exams are already written")
        }
        guard record.samplingFrequency == layout.samplingFrequency else {
            throw invalid("sampled at \(record.samplingFrequency), the layout needs \(layout.samplingFrequency)")
        }
        let leads = try layout.leadLabels.map { label in
            let lead = Lead(label: label)
            guard let signal = record[lead] else { throw invalid("has no lead \(lead)") }
            return signal.samples
        }
        let length = leads.map(\.count).max() ?? 0
        guard leads.allSatisfy({ $0.count == length }) else { throw invalid("leads differ in length") }
        guard length <= samplesPerExam else {
            throw invalid("\(length) samples do not fit in \(samplesPerExam) rows")
        }
        let offset = (samplesPerExam - length) / 2
        let leadCount = leads.count
        var block = [Float](repeating: 0, count: samplesPerExam * leadCount)
        let scale = layout.millivoltsPerUnit
        for (leadIndex, samples) in leads.enumerated() {
            for (sampleIndex, value) in samples.enumerated() {
                let row = offset + sampleIndex
                let position = layout.axisOrder == .examSampleLead
                    ? row * leadCount + leadIndex : leadIndex * samplesPerExam + row
                block[position] = value / scale
            }
        }
        try tracings.write(block, at: written, count: 1)
        try examIDs?.write([examID], at: written, count: 1)
        written += 1
    }

    /// Closes the file; fails if fewer exams were appended than the file was created for.
    public func close() throws {
        try writer.close()
        guard written == examCount else {
            throw HDF5TracingsError(.writeFailed, file: writer.url.path, dataset: layout.tracingsPath,
                                    message: "only \(written) of \(examCount) exams were written")
        }
    }

    /// Writes `records` to `url` as one file (exam ids in order).
    public static func write(_ records: [ECGRecord], examIDs: [Int64], to url: URL,
                             layout: HDF5TracingsLayout = .code15,
                             samplesPerExam: Int = HDF5TracingsLayout.code15SamplesPerExam) throws {
        guard examIDs.count == records.count else {
            throw HDF5TracingsError(.invalidLayout, file: url.path,
                                    message: "\(examIDs.count) exam ids for \(records.count) records")
        }
        let writer = try HDF5TracingsWriter(url: url, layout: layout, examCount: records.count,
                                            samplesPerExam: samplesPerExam)
        for (record, examID) in zip(records, examIDs) {
            try writer.append(record, examID: examID)
        }
        try writer.close()
    }
}
