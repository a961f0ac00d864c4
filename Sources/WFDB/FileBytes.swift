import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads part of a file with POSIX calls: `FileHandle` costs milliseconds per megabyte here,
/// `Data(contentsOf:)` reads a whole file however much the header needs.
enum FileBytes {
    /// The file's size, and up to `maximumBytes` bytes from `offset` (fewer if the file is
    /// shorter). Returns `nil` if the file cannot be opened or is not a regular file.
    static func read(_ url: URL, offset: Int, maximumBytes: Int) -> (size: Int, bytes: [UInt8])? {
        let fd = open(url.path, O_RDONLY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        let size = Int(info.st_size)
        let count = max(0, min(maximumBytes, size - offset))
        var failed = false
        let bytes = [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
            var done = 0
            while done < count, let base = buffer.baseAddress {
                let n = pread(fd, base + done, count - done, off_t(offset + done))
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { failed = n < 0; break }
                done += n
            }
            initialized = done
        }
        return failed ? nil : (size, bytes)
    }

    /// The size of a regular file, or `nil`.
    static func size(_ url: URL) -> Int? {
        var info = stat()
        guard stat(url.path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        return Int(info.st_size)
    }
}
