import Foundation

/// Where one record's waveforms live: a WFDB header, or an exam inside an HDF5 file.
public enum RecordLocation: Sendable, Hashable, CustomStringConvertible {
    /// A WFDB record, by the URL of its `.hea` header.
    case wfdb(header: URL)
    /// Exam `index` (0-based) of an HDF5 tracings file.
    case hdf5(file: URL, index: Int)

    /// `path/to/record.hea` or `path/to/file.hdf5#index` (the form `RecordMetadata.source` uses).
    public var description: String {
        switch self {
        case .wfdb(let header): header.path
        case .hdf5(let file, let index): "\(file.path)#\(index)"
        }
    }
}
