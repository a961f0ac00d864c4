/// A failure reading or writing an HDF5 file, naming the file and, where one applies, the dataset.
///
/// Every failing HDF5 call becomes one of these, carrying HDF5's own account of the failure in
/// ``hdf5Detail``; HDF5's error stack is cleared and never printed to stderr.
public struct HDF5TracingsError: Error, CustomStringConvertible, Sendable, Equatable {
    /// What went wrong, for callers that react differently to different failures.
    public enum Kind: Sendable, Equatable {
        /// The file is missing, unreadable, not HDF5, or truncated.
        case cannotOpenFile
        /// The file could not be created for writing.
        case cannotCreateFile
        /// No dataset exists at the path the layout names.
        case missingDataset
        /// The dataset has a different number of dimensions than the layout needs.
        case unexpectedRank
        /// The dataset's element type cannot hold what the layout says it holds.
        case unexpectedElementType
        /// The dataset's dimensions disagree with the layout or with another dataset.
        case unexpectedShape
        /// The dataset is larger than ``ECGModel/ReadLimits`` allow.
        case exceedsLimits
        /// An exam index outside `0..<count`.
        case indexOutOfRange
        /// The layout itself is inconsistent (no leads, non-positive frequency…).
        case invalidLayout
        /// A record cannot be written in the layout (wrong frequency, missing lead, too long…).
        case invalidRecord
        /// An HDF5 read call failed.
        case readFailed
        /// An HDF5 write or close call failed.
        case writeFailed
    }

    public var kind: Kind
    /// The file's path.
    public var file: String
    /// The dataset's path inside the file, where the failure concerns one.
    public var dataset: String?
    /// What went wrong, in words.
    public var message: String
    /// HDF5's error stack, outermost call first, when an HDF5 call failed.
    public var hdf5Detail: String?

    public init(_ kind: Kind, file: String, dataset: String? = nil, message: String, hdf5Detail: String? = nil) {
        self.kind = kind
        self.file = file
        self.dataset = dataset
        self.message = message
        self.hdf5Detail = hdf5Detail
    }

    public var description: String {
        var text = file
        if let dataset { text += " dataset '\(dataset)'" }
        text += ": \(message)"
        if let hdf5Detail, !hdf5Detail.isEmpty { text += " (HDF5: \(hdf5Detail))" }
        return text
    }
}
