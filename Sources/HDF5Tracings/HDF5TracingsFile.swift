import CHDF5
import ECGModel
import Foundation

/// An HDF5 file of ECG exams (CODE-15% or a similar layout), read one exam at a time.
///
/// Opening validates the tracings dataset (rank 3, numeric, lead axis matching the layout,
/// one exam's size within ``ECGModel/ReadLimits``) and reads the exam ids; nothing else is
/// loaded. ``record(at:)`` then reads a single exam by hyperslab, so files of hundreds of
/// thousands of exams are processed in constant memory. The file stays open until the value
/// is released. Reading from several threads is safe (HDF5 serialises calls internally).
public final class HDF5TracingsFile: Sendable {
    /// The file read.
    public let url: URL
    /// How the file stores its exams.
    public let layout: HDF5TracingsLayout
    /// Number of exams in the file.
    public let count: Int
    /// Rows (samples per lead) each exam occupies in the file, padding included.
    public let samplesPerExam: Int
    /// The exam id of each exam, in file order (the indices `0..<count` when the layout has no
    /// exam id dataset).
    public let examIDs: [Int64]

    private let file: HDF5Handle
    private let tracings: HDF5Dataset

    /// Opens `url` and validates it against `layout` and `limits`.
    ///
    /// - Throws: ``HDF5TracingsError`` when the file cannot be opened, a dataset is missing or
    ///   of the wrong rank, type or shape, or an exam would exceed `limits`.
    public init(url: URL, layout: HDF5TracingsLayout = .code15, limits: ReadLimits = .default) throws {
        let path = url.path
        if let problem = layout.problem() {
            throw HDF5TracingsError(.invalidLayout, file: path, message: problem)
        }
        HDF5Library.silenceErrors()
        guard FileManager.default.isReadableFile(atPath: path) else {
            throw HDF5TracingsError(.cannotOpenFile, file: path, message: "no readable file at this path")
        }
        let id = H5Fopen(path, chdf5_acc_rdonly(), hid_t(H5P_DEFAULT))
        guard id >= 0 else {
            throw HDF5TracingsError(.cannotOpenFile, file: path,
                                    message: "not a readable HDF5 file (not HDF5, truncated or damaged)",
                                    hdf5Detail: HDF5Library.takeErrorStack())
        }
        let file = HDF5Handle(id, .file)
        let tracings = try HDF5Dataset.open(layout.tracingsPath, in: file, file: path)
        let dims = try tracings.dimensions()
        func shapeError(_ kind: HDF5TracingsError.Kind, _ message: String) -> HDF5TracingsError {
            HDF5TracingsError(kind, file: path, dataset: layout.tracingsPath, message: message)
        }
        guard dims.count == 3 else {
            throw shapeError(.unexpectedRank, "expected 3 dimensions (exam, \(layout.axisOrder == .examSampleLead ? "sample, lead" : "lead, sample")), found \(dims.count) \(dims)")
        }
        switch try tracings.elementClass() {
        case .float(let bytes) where bytes == 4 || bytes == 8: break
        case .integer(let bytes) where bytes <= 8: break
        case let other:
            throw shapeError(.unexpectedElementType, "expected 32- or 64-bit floats (or integers), found \(other)")
        }
        let (leadCount, sampleCount) = layout.axisOrder == .examSampleLead ? (dims[2], dims[1]) : (dims[1], dims[2])
        guard leadCount == layout.leadLabels.count else {
            throw shapeError(.unexpectedShape, "the lead axis has \(leadCount) entries but the layout names \(layout.leadLabels.count) leads; shape \(dims)")
        }
        guard sampleCount > 0 else {
            throw shapeError(.unexpectedShape, "the sample axis is empty; shape \(dims)")
        }
        guard leadCount <= limits.maximumSignals else {
            throw shapeError(.exceedsLimits, "\(leadCount) leads exceed the limit of \(limits.maximumSignals)")
        }
        let (perExam, overflow) = leadCount.multipliedReportingOverflow(by: sampleCount)
        guard !overflow, perExam <= limits.maximumTotalSamples else {
            throw shapeError(.exceedsLimits, "one exam of \(sampleCount) samples × \(leadCount) leads exceeds the limit of \(limits.maximumTotalSamples) samples")
        }
        // The exam ids are the only per-file array held in memory (8 bytes per exam).
        guard dims[0] <= limits.maximumTotalSamples else {
            throw shapeError(.exceedsLimits, "\(dims[0]) exams exceed the limit of \(limits.maximumTotalSamples)")
        }

        var examIDs: [Int64]
        if let examIDPath = layout.examIDPath {
            let ids = try HDF5Dataset.open(examIDPath, in: file, file: path)
            let idDims = try ids.dimensions()
            guard idDims.count == 1 else {
                throw HDF5TracingsError(.unexpectedRank, file: path, dataset: examIDPath,
                                        message: "expected 1 dimension (exam), found \(idDims.count) \(idDims)")
            }
            guard case .integer = try ids.elementClass() else {
                throw HDF5TracingsError(.unexpectedElementType, file: path, dataset: examIDPath,
                                        message: "expected integer exam ids, found \(try ids.elementClass())")
            }
            guard idDims[0] == dims[0] else {
                throw HDF5TracingsError(.unexpectedShape, file: path, dataset: examIDPath,
                                        message: "\(idDims[0]) exam ids for \(dims[0]) exams in '\(layout.tracingsPath)'")
            }
            examIDs = dims[0] == 0 ? [] : try ids.read(Int64.self, start: [0], count: [dims[0]], zero: 0)
        } else {
            examIDs = (0..<dims[0]).map { Int64($0) }
        }

        self.url = url
        self.layout = layout
        self.count = dims[0]
        self.samplesPerExam = sampleCount
        self.examIDs = examIDs
        self.file = file
        self.tracings = tracings
    }

    /// The index of the first exam with this id, if the file has it.
    public func index(ofExamID examID: Int64) -> Int? {
        examIDs.firstIndex(of: examID)
    }

    /// Reads exam `index` as a record: leads named by the layout's labels, samples in mV,
    /// padding trimmed if the layout asks for it, `recordID` = the exam id, `source` =
    /// `"<path>#<index>"`.
    ///
    /// - Throws: ``HDF5TracingsError`` for an index outside `0..<count` or a failed read.
    public func record(at index: Int) throws -> ECGRecord {
        guard index >= 0, index < count else {
            throw HDF5TracingsError(.indexOutOfRange, file: url.path, dataset: layout.tracingsPath,
                                    message: "exam index \(index) is outside 0..<\(count)")
        }
        let leadCount = layout.leadLabels.count
        let rows = samplesPerExam
        let block: [Float]
        switch layout.axisOrder {
        case .examSampleLead:
            block = try tracings.read(Float.self, start: [index, 0, 0], count: [1, rows, leadCount], zero: 0)
        case .examLeadSample:
            block = try tracings.read(Float.self, start: [index, 0, 0], count: [1, leadCount, rows], zero: 0)
        }
        // Element (row, lead) of the block is at row * rowStride + lead * leadStride.
        let (rowStride, leadStride) = layout.axisOrder == .examSampleLead ? (leadCount, 1) : (1, rows)
        let range = layout.trimsZeroPadding
            ? ZeroPadding.contentRows(block, rows: rows, leads: leadCount, rowStride: rowStride, leadStride: leadStride)
            : 0..<rows
        let scale = layout.millivoltsPerUnit
        let leads = layout.leadLabels.enumerated().map { lead, label in
            var samples = [Float]()
            samples.reserveCapacity(range.count)
            for row in range {
                samples.append(block[row * rowStride + lead * leadStride] * scale)
            }
            return LeadSignal(label: label, samples: samples, units: "mV")
        }
        let metadata = RecordMetadata(recordID: String(examIDs[index]), source: "\(url.path)#\(index)")
        return ECGRecord(metadata: metadata, samplingFrequency: layout.samplingFrequency, leads: leads)
    }
}
