import CHDF5
import ECGModel
import Foundation

/// Reads whole named datasets of any HDF5 file: numbers, and fixed-length strings.
///
/// The counterpart of ``HDF5DatasetWriter`` for files the project writes itself (conversion
/// outputs) and small side tables; large tracings go through ``HDF5TracingsFile``, which reads
/// one exam at a time. Every dataset read is checked against `maximumElements` first.
public final class HDF5DatasetReader {
    public let url: URL
    private let file: HDF5Handle
    /// The most elements one read may allocate.
    public let maximumElements: Int

    public init(url: URL, maximumElements: Int = 100_000_000) throws {
        self.url = url
        self.maximumElements = maximumElements
        HDF5Library.silenceErrors()
        let id = H5Fopen(url.path, chdf5_acc_rdonly(), hid_t(H5P_DEFAULT))
        guard id >= 0 else {
            throw HDF5TracingsError(.cannotOpenFile, file: url.path, message: "not a readable HDF5 file",
                                    hdf5Detail: HDF5Library.takeErrorStack())
        }
        file = HDF5Handle(id, .file)
    }

    /// The dimensions of the dataset at `path`.
    public func shape(_ path: String) throws -> [Int] {
        try HDF5Dataset.open(path, in: file, file: url.path).dimensions()
    }

    /// The whole dataset at `path`, row-major, converted to `T`.
    public func read<T: HDF5Element & Numeric>(_ path: String, as _: T.Type) throws -> [T] {
        let dataset = try HDF5Dataset.open(path, in: file, file: url.path)
        let dims = try checked(dataset)
        return try dataset.read(T.self, start: dims.map { _ in 0 }, count: dims, zero: 0)
    }

    /// The fixed-length strings of the one-dimensional dataset at `path` (padding removed).
    public func readStrings(_ path: String) throws -> [String] {
        let dataset = try HDF5Dataset.open(path, in: file, file: url.path)
        let dims = try checked(dataset)
        guard dims.count == 1, try dataset.elementClass() == .other("string") else {
            throw HDF5TracingsError(.unexpectedElementType, file: url.path, dataset: path,
                                    message: "expected a one-dimensional dataset of strings")
        }
        return try dataset.readFixedLengthStrings(count: dims[0])
    }

    private func checked(_ dataset: HDF5Dataset) throws -> [Int] {
        let dims = try dataset.dimensions()
        let (total, overflow) = dims.reduce((1, false)) { acc, d in
            let (p, o) = acc.0.multipliedReportingOverflow(by: d)
            return (p, acc.1 || o)
        }
        guard !overflow, total <= maximumElements else {
            throw HDF5TracingsError(.exceedsLimits, file: url.path, dataset: dataset.path,
                                    message: "\(dims) elements exceed the limit of \(maximumElements)")
        }
        return dims
    }
}

extension HDF5Dataset {
    /// Reads `count` fixed-length strings in the dataset's own string type.
    func readFixedLengthStrings(count: Int) throws -> [String] {
        HDF5Library.silenceErrors()
        let type = H5Dget_type(handle.id)
        guard type >= 0 else {
            throw HDF5TracingsError(.readFailed, file: file, dataset: path, message: "cannot read the element type",
                                    hdf5Detail: HDF5Library.takeErrorStack())
        }
        let typeHandle = HDF5Handle(type, .datatype)
        guard H5Tis_variable_str(typeHandle.id) == 0 else {
            throw HDF5TracingsError(.unexpectedElementType, file: file, dataset: path,
                                    message: "variable-length strings are not read here")
        }
        let width = Int(H5Tget_size(typeHandle.id))
        guard width > 0, count > 0 else { return [] }
        var buffer = [UInt8](repeating: 0, count: width * count)
        let status = buffer.withUnsafeMutableBytes {
            H5Dread(handle.id, typeHandle.id, chdf5_space_all(), chdf5_space_all(), hid_t(H5P_DEFAULT), $0.baseAddress)
        }
        guard status >= 0 else {
            throw HDF5TracingsError(.readFailed, file: file, dataset: path, message: "cannot read the strings",
                                    hdf5Detail: HDF5Library.takeErrorStack())
        }
        return (0..<count).map { k in
            let slice = buffer[k * width..<(k + 1) * width]
            return String(decoding: slice.prefix { $0 != 0 }, as: UTF8.self)
        }
    }
}
