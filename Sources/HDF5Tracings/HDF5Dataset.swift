import CHDF5

/// The kind of numbers a dataset stores, as far as the readers care.
enum HDF5ElementClass: Sendable, Equatable, CustomStringConvertible {
    case float(bytes: Int)
    case integer(bytes: Int)
    case other(String)

    var description: String {
        switch self {
        case .float(let bytes): "\(bytes * 8)-bit float"
        case .integer(let bytes): "\(bytes * 8)-bit integer"
        case .other(let name): name
        }
    }
}

/// The element types the writer stores (little-endian, as the readers expect).
public enum HDF5ElementType: Sendable, Equatable {
    case float32, float64, int64

    /// The native in-memory type (HDF5 converts to and from it on read and write).
    var memoryType: hid_t {
        switch self {
        case .float32: chdf5_native_float()
        case .float64: chdf5_native_double()
        case .int64: chdf5_native_int64()
        }
    }

    /// The type stored in files this project writes.
    var fileType: hid_t {
        switch self {
        case .float32: chdf5_ieee_f32le()
        case .float64: chdf5_ieee_f64le()
        case .int64: chdf5_std_i64le()
        }
    }
}

/// Swift types a dataset can be written from and read into.
public protocol HDF5Element: Sendable {
    /// How elements of this type are stored.
    static var hdf5ElementType: HDF5ElementType { get }
}

extension Float: HDF5Element {
    public static var hdf5ElementType: HDF5ElementType { .float32 }
}

extension Double: HDF5Element {
    public static var hdf5ElementType: HDF5ElementType { .float64 }
}

extension Int64: HDF5Element {
    public static var hdf5ElementType: HDF5ElementType { .int64 }
}

/// An open dataset: the thin layer where Swift arrays meet HDF5's pointers.
///
/// Every failure is turned into an ``HDF5TracingsError`` naming `file` and `path`.
struct HDF5Dataset: Sendable {
    let handle: HDF5Handle
    let path: String
    let file: String

    private func failure(_ kind: HDF5TracingsError.Kind, _ message: String) -> HDF5TracingsError {
        HDF5TracingsError(kind, file: file, dataset: path, message: message,
                          hdf5Detail: HDF5Library.takeErrorStack())
    }

    /// Opens `path` in `fileHandle`, telling a missing object apart from an unreadable one.
    static func open(_ path: String, in fileHandle: HDF5Handle, file: String) throws -> HDF5Dataset {
        HDF5Library.silenceErrors()
        // Check each link along the path: H5Lexists fails (rather than answering no) when an
        // intermediate group is missing, so walk the components one by one.
        var prefix = ""
        for component in path.split(separator: "/") {
            prefix += prefix.isEmpty ? String(component) : "/\(component)"
            let exists = H5Lexists(fileHandle.id, prefix, hid_t(H5P_DEFAULT))
            if exists <= 0 {
                HDF5Library.clearErrors()
                throw HDF5TracingsError(.missingDataset, file: file, dataset: path,
                                        message: "no dataset at this path")
            }
        }
        let id = H5Dopen2(fileHandle.id, path, hid_t(H5P_DEFAULT))
        guard id >= 0 else {
            throw HDF5TracingsError(.missingDataset, file: file, dataset: path,
                                    message: "the object at this path is not a readable dataset",
                                    hdf5Detail: HDF5Library.takeErrorStack())
        }
        return HDF5Dataset(handle: HDF5Handle(id, .dataset), path: path, file: file)
    }

    /// The dataset's current dimensions.
    func dimensions() throws -> [Int] {
        HDF5Library.silenceErrors()
        let space = H5Dget_space(handle.id)
        guard space >= 0 else { throw failure(.readFailed, "cannot read the dataspace") }
        let spaceHandle = HDF5Handle(space, .dataspace)
        let rank = H5Sget_simple_extent_ndims(spaceHandle.id)
        guard rank >= 0 else { throw failure(.readFailed, "cannot read the dataset's rank") }
        guard rank <= 32 else { throw failure(.unexpectedRank, "rank \(rank) is not a simple array") }
        var dims = [hsize_t](repeating: 0, count: Int(rank))
        if rank > 0 {
            let status = dims.withUnsafeMutableBufferPointer {
                H5Sget_simple_extent_dims(spaceHandle.id, $0.baseAddress, nil)
            }
            guard status >= 0 else { throw failure(.readFailed, "cannot read the dataset's dimensions") }
        }
        return try dims.map { dim in
            guard dim <= hsize_t(Int.max) else { throw failure(.exceedsLimits, "dimension \(dim) is too large") }
            return Int(dim)
        }
    }

    /// What kind of numbers the dataset stores.
    func elementClass() throws -> HDF5ElementClass {
        HDF5Library.silenceErrors()
        let type = H5Dget_type(handle.id)
        guard type >= 0 else { throw failure(.readFailed, "cannot read the element type") }
        let typeHandle = HDF5Handle(type, .datatype)
        let bytes = Int(H5Tget_size(typeHandle.id))
        switch H5Tget_class(typeHandle.id) {
        case H5T_FLOAT: return .float(bytes: bytes)
        case H5T_INTEGER: return .integer(bytes: bytes)
        case H5T_STRING: return .other("string")
        case H5T_COMPOUND: return .other("compound")
        case H5T_ENUM: return .other("enum")
        case H5T_ARRAY: return .other("array")
        case H5T_VLEN: return .other("variable-length")
        case H5T_OPAQUE: return .other("opaque")
        case H5T_REFERENCE: return .other("reference")
        case H5T_BITFIELD: return .other("bitfield")
        default: return .other("unknown type")
        }
    }

    /// Reads the block starting at `start` with extent `count` (row-major), converted to `T`.
    ///
    /// The caller has validated `start`/`count` against the dimensions and the limits; the
    /// product of `count` is the number of elements allocated.
    func read<T: HDF5Element>(_: T.Type, start: [Int], count: [Int], zero: T) throws -> [T] {
        HDF5Library.silenceErrors()
        let total = count.reduce(1, *)
        let fileSpace = H5Dget_space(handle.id)
        guard fileSpace >= 0 else { throw failure(.readFailed, "cannot read the dataspace") }
        let fileSpaceHandle = HDF5Handle(fileSpace, .dataspace)
        let starts = start.map { hsize_t($0) }
        let counts = count.map { hsize_t($0) }
        guard H5Sselect_hyperslab(fileSpaceHandle.id, H5S_SELECT_SET, starts, nil, counts, nil) >= 0 else {
            throw failure(.readFailed, "cannot select elements \(start) + \(count)")
        }
        var memoryDims = [hsize_t(total)]
        let memorySpace = H5Screate_simple(1, &memoryDims, nil)
        guard memorySpace >= 0 else { throw failure(.readFailed, "cannot create a memory dataspace") }
        let memorySpaceHandle = HDF5Handle(memorySpace, .dataspace)
        var values = [T](repeating: zero, count: total)
        let status = values.withUnsafeMutableBytes { buffer in
            H5Dread(handle.id, T.hdf5ElementType.memoryType, memorySpaceHandle.id, fileSpaceHandle.id,
                    hid_t(H5P_DEFAULT), buffer.baseAddress)
        }
        guard status >= 0 else { throw failure(.readFailed, "cannot read elements \(start) + \(count)") }
        return values
    }

    /// Creates a dataset of `T.hdf5ElementType.fileType` with `shape` at `path` (intermediate groups created).
    static func create<T: HDF5Element>(_: T.Type, _ path: String, shape: [Int], in fileHandle: HDF5Handle,
                                       file: String) throws -> HDF5Dataset {
        HDF5Library.silenceErrors()
        return try create(type: T.hdf5ElementType.fileType, path, shape: shape, in: fileHandle, file: file)
    }

    /// Creates a dataset of the element type `type` with `shape` at `path` (intermediate groups
    /// created), without modification times.
    private static func create(type: hid_t, _ path: String, shape: [Int], in fileHandle: HDF5Handle,
                               file: String) throws -> HDF5Dataset {
        let failure = writeFailure(path, file)
        var dims = shape.map { hsize_t($0) }
        let space = H5Screate_simple(Int32(dims.count), &dims, nil)
        guard space >= 0 else { throw failure("cannot create a dataspace of shape \(shape)") }
        let spaceHandle = HDF5Handle(space, .dataspace)
        let linkList = H5Pcreate(chdf5_plist_link_create())
        guard linkList >= 0 else { throw failure("cannot create a link property list") }
        let linkListHandle = HDF5Handle(linkList, .propertyList)
        guard H5Pset_create_intermediate_group(linkListHandle.id, 1) >= 0 else {
            throw failure("cannot ask for intermediate groups")
        }
        let creation = try untimedCreationList(failure)
        let id = H5Dcreate2(fileHandle.id, path, type, spaceHandle.id, linkListHandle.id, creation.id, hid_t(H5P_DEFAULT))
        guard id >= 0 else { throw failure("cannot create the dataset") }
        return HDF5Dataset(handle: HDF5Handle(id, .dataset), path: path, file: file)
    }

    private static func writeFailure(_ path: String, _ file: String) -> (String) -> HDF5TracingsError {
        { message in
            HDF5TracingsError(.writeFailed, file: file, dataset: path, message: message,
                              hdf5Detail: HDF5Library.takeErrorStack())
        }
    }

    /// Creates and writes a dataset of `count` fixed-length strings of `width` bytes each,
    /// UTF-8 and null-padded, from `buffer` (`count × width` bytes).
    static func writeStrings(_ buffer: [UInt8], width: Int, count: Int, _ path: String, in fileHandle: HDF5Handle,
                             file: String) throws {
        HDF5Library.silenceErrors()
        let failure = writeFailure(path, file)
        let type = H5Tcopy(chdf5_c_s1())
        guard type >= 0 else { throw failure("cannot create a string type") }
        let typeHandle = HDF5Handle(type, .datatype)
        guard H5Tset_size(typeHandle.id, width) >= 0, H5Tset_strpad(typeHandle.id, H5T_STR_NULLPAD) >= 0,
              H5Tset_cset(typeHandle.id, H5T_CSET_UTF8) >= 0 else {
            throw failure("cannot make a \(width)-byte UTF-8 string type")
        }
        let dataset = try create(type: typeHandle.id, path, shape: [count], in: fileHandle, file: file)
        guard count > 0 else { return }
        let status = buffer.withUnsafeBytes { raw in
            H5Dwrite(dataset.handle.id, typeHandle.id, chdf5_space_all(), chdf5_space_all(), hid_t(H5P_DEFAULT),
                     raw.baseAddress)
        }
        guard status >= 0 else { throw failure("cannot write the strings") }
    }

    /// A dataset-creation property list without modification times, which HDF5 otherwise
    /// stores in every dataset header: the same data then gives the same file bytes.
    static func untimedCreationList(_ failure: (String) -> HDF5TracingsError) throws -> HDF5Handle {
        let list = H5Pcreate(chdf5_plist_dataset_create())
        guard list >= 0 else { throw failure("cannot create a dataset-creation property list") }
        let handle = HDF5Handle(list, .propertyList)
        guard H5Pset_obj_track_times(handle.id, false) >= 0 else { throw failure("cannot turn off time tracking") }
        return handle
    }

    /// Writes `values` (row-major) into the block starting at `start` with extent `count`.
    func write<T: HDF5Element>(_ values: [T], start: [Int], count: [Int]) throws {
        HDF5Library.silenceErrors()
        let fileSpace = H5Dget_space(handle.id)
        guard fileSpace >= 0 else { throw failure(.writeFailed, "cannot read the dataspace") }
        let fileSpaceHandle = HDF5Handle(fileSpace, .dataspace)
        let starts = start.map { hsize_t($0) }
        let counts = count.map { hsize_t($0) }
        guard H5Sselect_hyperslab(fileSpaceHandle.id, H5S_SELECT_SET, starts, nil, counts, nil) >= 0 else {
            throw failure(.writeFailed, "cannot select elements \(start) + \(count)")
        }
        var memoryDims = [hsize_t(values.count)]
        let memorySpace = H5Screate_simple(1, &memoryDims, nil)
        guard memorySpace >= 0 else { throw failure(.writeFailed, "cannot create a memory dataspace") }
        let memorySpaceHandle = HDF5Handle(memorySpace, .dataspace)
        let status = values.withUnsafeBytes { buffer in
            H5Dwrite(handle.id, T.hdf5ElementType.memoryType, memorySpaceHandle.id, fileSpaceHandle.id,
                     hid_t(H5P_DEFAULT), buffer.baseAddress)
        }
        guard status >= 0 else { throw failure(.writeFailed, "cannot write elements \(start) + \(count)") }
    }
}
