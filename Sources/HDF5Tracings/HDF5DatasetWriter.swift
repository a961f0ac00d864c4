import CHDF5
import Foundation

/// Creates an HDF5 file and writes named numeric datasets into it.
///
/// Deliberately small and general: a dataset is a path (`"tracings"`, `"fiducials/qrs_onset"`;
/// groups are created as needed), a shape, and float32, float64 or int64 elements stored
/// little-endian, contiguous and uncompressed (as CODE-15% stores its files). Write a whole
/// dataset at once with ``write(_:shape:values:)``, or create one with
/// ``createDataset(_:of:shape:)`` and fill it block by block along its first axis, so that a
/// converter never has to hold every exam in memory.
public final class HDF5DatasetWriter {
    /// The file being written.
    public let url: URL
    private var file: HDF5Handle?

    /// Creates `url`, replacing any existing file.
    public init(url: URL) throws {
        self.url = url
        HDF5Library.silenceErrors()
        let id = H5Fcreate(url.path, chdf5_acc_trunc(), hid_t(H5P_DEFAULT), hid_t(H5P_DEFAULT))
        guard id >= 0 else {
            throw HDF5TracingsError(.cannotCreateFile, file: url.path, message: "cannot create the file",
                                    hdf5Detail: HDF5Library.takeErrorStack())
        }
        file = HDF5Handle(id, .file)
    }

    private func openFile(for path: String) throws -> HDF5Handle {
        guard let file else {
            throw HDF5TracingsError(.writeFailed, file: url.path, dataset: path, message: "the writer is already closed")
        }
        return file
    }

    /// Creates an empty dataset of `shape` (filled with zeros until written).
    public func createDataset<T: HDF5Element>(_ path: String, of _: T.Type,
                                              shape: [Int]) throws -> HDF5WritableDataset<T> {
        let file = try openFile(for: path)
        guard !shape.isEmpty, shape.allSatisfy({ $0 >= 0 }) else {
            throw HDF5TracingsError(.writeFailed, file: url.path, dataset: path,
                                    message: "shape \(shape) is not a list of non-negative dimensions")
        }
        let dataset = try HDF5Dataset.create(T.self, path, shape: shape, in: file, file: url.path)
        return HDF5WritableDataset(dataset: dataset, shape: shape)
    }

    /// Writes `values` (row-major, `shape.reduce(1, *)` of them) as a new dataset at `path`.
    public func write<T: HDF5Element>(_ path: String, shape: [Int], values: [T]) throws {
        let dataset = try createDataset(path, of: T.self, shape: shape)
        try dataset.write(values, at: 0, count: shape[0])
    }

    /// Writes `values` as a one-dimensional dataset of fixed-length, null-padded UTF-8 strings
    /// (the width of the longest value), which h5py and MATLAB read as an array of strings.
    public func writeStrings(_ path: String, _ values: [String]) throws {
        let file = try openFile(for: path)
        let bytes = values.map { Array($0.utf8) }
        let width = max(1, bytes.map(\.count).max() ?? 1)
        var buffer = [UInt8](repeating: 0, count: width * values.count)
        for (k, value) in bytes.enumerated() { buffer.replaceSubrange(k * width..<k * width + value.count, with: value) }
        try HDF5Dataset.writeStrings(buffer, width: width, count: values.count, path, in: file, file: url.path)
    }

    /// Flushes and closes the file, reporting a failure that closing on release would hide.
    public func close() throws {
        guard let file else { return }
        HDF5Library.silenceErrors()
        let status = H5Fflush(file.id, H5F_SCOPE_GLOBAL)
        self.file = nil
        guard status >= 0 else {
            throw HDF5TracingsError(.writeFailed, file: url.path, message: "cannot flush the file",
                                    hdf5Detail: HDF5Library.takeErrorStack())
        }
    }
}

/// A dataset created by ``HDF5DatasetWriter``, written in blocks along its first axis.
public struct HDF5WritableDataset<Element: HDF5Element> {
    let dataset: HDF5Dataset
    /// The dataset's dimensions.
    public let shape: [Int]

    /// Elements per index of the first axis.
    public var elementsPerRow: Int { shape.dropFirst().reduce(1, *) }

    /// Writes `count` consecutive entries of the first axis starting at `first`
    /// (`count × elementsPerRow` values, row-major).
    public func write(_ values: [Element], at first: Int, count: Int) throws {
        guard first >= 0, count >= 0, first + count <= shape[0] else {
            throw HDF5TracingsError(.writeFailed, file: dataset.file, dataset: dataset.path,
                                    message: "rows \(first)..<\(first + count) are outside 0..<\(shape[0])")
        }
        guard values.count == count * elementsPerRow else {
            throw HDF5TracingsError(.writeFailed, file: dataset.file, dataset: dataset.path,
                                    message: "\(values.count) values for \(count) rows of \(elementsPerRow)")
        }
        guard count > 0, elementsPerRow > 0 else { return }
        let start = [first] + Array(repeating: 0, count: shape.count - 1)
        try dataset.write(values, start: start, count: [count] + shape.dropFirst())
    }
}
