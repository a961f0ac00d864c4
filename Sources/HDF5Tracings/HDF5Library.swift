import CHDF5

/// The few process-wide facts about the HDF5 C library the wrappers rely on.
enum HDF5Library {
    /// Turns off HDF5's printing of its error stack to stderr for the calling thread.
    ///
    /// Debian's HDF5 is built thread-safe, where the automatic printing is a per-thread setting,
    /// so every entry point calls this before its first HDF5 call.
    static func silenceErrors() {
        chdf5_silence_errors()
    }

    /// HDF5's error stack for the calling thread as one line, then cleared.
    ///
    /// Clearing matters: a stack left behind on a worker thread can make the library report
    /// "infinite loop closing library" at process exit.
    static func takeErrorStack() -> String {
        var text = [CChar](repeating: 0, count: 1024)
        text.withUnsafeMutableBufferPointer { buffer in
            chdf5_take_error_stack(buffer.baseAddress, buffer.count)
        }
        let bytes = text.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Clears the calling thread's error stack without reading it (after an expected failure).
    static func clearErrors() {
        H5Eclear2(hid_t(H5E_DEFAULT))
    }
}

/// An open HDF5 identifier closed when the last reference goes away.
///
/// Identifiers are plain integers, and Debian's thread-safe build serialises every call behind
/// one global lock, so sharing a handle between threads is safe.
final class HDF5Handle: Sendable {
    enum Kind: Sendable { case file, dataset, dataspace, datatype, propertyList }

    let id: hid_t
    let kind: Kind

    init(_ id: hid_t, _ kind: Kind) {
        self.id = id
        self.kind = kind
    }

    deinit {
        HDF5Library.silenceErrors()
        let status: herr_t
        switch kind {
        case .file: status = H5Fclose(id)
        case .dataset: status = H5Dclose(id)
        case .dataspace: status = H5Sclose(id)
        case .datatype: status = H5Tclose(id)
        case .propertyList: status = H5Pclose(id)
        }
        if status < 0 { HDF5Library.clearErrors() }
    }
}
