import Foundation

/// One finished chunk: every output's lines for a run of consecutive records, in one file.
///
/// A chunk is written to a hidden temporary file, flushed to disk and renamed into place, so a
/// chunk file either exists complete or not at all, whenever the process is killed. The set of
/// chunk files is the manifest of finished work. Layout: a first line
/// `ECGNARRATOR-CHUNK 1 <index> <records>`, then sections `<name> <byte count>\n<bytes>`.
struct ChunkFile {
    static let magic = "ECGNARRATOR-CHUNK 1"

    var index: Int
    var recordCount: Int
    /// Section name → its bytes (whole lines, each ending in a newline).
    var sections: [(name: String, bytes: [UInt8])]

    func encoded() -> Data {
        var data = Data("\(Self.magic) \(index) \(recordCount)\n".utf8)
        for section in sections {
            data.append(contentsOf: Array("\(section.name) \(section.bytes.count)\n".utf8))
            data.append(contentsOf: section.bytes)
        }
        return data
    }

    static func fileName(_ index: Int) -> String {
        let digits = String(index)
        return String(repeating: "0", count: max(0, 8 - digits.count)) + digits + ".chunk"
    }

    /// The chunk index a file name stands for, or `nil` if it is not a chunk file's name.
    static func index(fromFileName name: String) -> Int? {
        guard name.hasSuffix(".chunk"), !name.hasPrefix(".") else { return nil }
        return Int(name.dropLast(6))
    }

    /// Writes the chunk atomically (temporary file, fsync, rename) into `folder`.
    func write(into folder: URL) throws {
        let target = folder.appendingPathComponent(Self.fileName(index))
        let temporary = folder.appendingPathComponent(".\(Self.fileName(index)).\(getpid()).tmp")
        try FileIO.writeDurably(encoded(), to: temporary)
        guard rename(temporary.path, target.path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary.path)
            throw BatchError("\(target.path): cannot move the finished chunk into place (\(reason))")
        }
    }

    /// Reads and checks a chunk file.
    static func read(_ url: URL, expectedIndex: Int) throws -> ChunkFile {
        let bytes: [UInt8]
        do {
            bytes = Array(try Data(contentsOf: url))
        } catch {
            throw BatchError("\(url.path): cannot read the chunk (\(error.localizedDescription))")
        }
        var cursor = 0
        func line() -> String? {
            guard let end = bytes[cursor...].firstIndex(of: 0x0A) else { return nil }
            defer { cursor = end + 1 }
            return String(decoding: bytes[cursor..<end], as: UTF8.self)
        }
        let damaged = BatchError("\(url.path): damaged chunk file; delete it and run the conversion again to redo it")
        guard let first = line(), first.hasPrefix(magic + " ") else { throw damaged }
        let fields = first.dropFirst(magic.count + 1).split(separator: " ")
        guard fields.count == 2, let index = Int(fields[0]), index == expectedIndex, let count = Int(fields[1]) else {
            throw damaged
        }
        var sections: [(String, [UInt8])] = []
        while cursor < bytes.count {
            guard let header = line() else { throw damaged }
            let parts = header.split(separator: " ")
            guard parts.count == 2, let length = Int(parts[1]), length >= 0, cursor + length <= bytes.count else {
                throw damaged
            }
            sections.append((String(parts[0]), Array(bytes[cursor..<cursor + length])))
            cursor += length
        }
        return ChunkFile(index: index, recordCount: count, sections: sections)
    }

    func section(_ name: String) -> [UInt8] {
        sections.first { $0.name == name }?.bytes ?? []
    }
}

/// Small POSIX file helpers: whole-file durable writes and an appending writer.
enum FileIO {
    /// Writes `data` to `url` (created or truncated) and flushes it to disk.
    static func writeDurably(_ data: Data, to url: URL) throws {
        let descriptor = open(url.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw BatchError("\(url.path): cannot create the file (\(String(cString: strerror(errno))))")
        }
        defer { close(descriptor) }
        try writeAll(descriptor, data, path: url.path)
        guard fsync(descriptor) == 0 else {
            throw BatchError("\(url.path): cannot flush the file to disk (\(String(cString: strerror(errno))))")
        }
    }

    static func writeAll(_ descriptor: Int32, _ data: Data, path: String) throws {
        try data.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Foundation.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw BatchError("\(path): cannot write (\(String(cString: strerror(errno))))")
                }
                offset += written
            }
        }
    }
}

/// A file being built in the output folder under a hidden name, renamed into place when done.
final class PendingFile {
    let target: URL
    let temporary: URL
    private let descriptor: Int32
    private var buffer = Data()

    init(_ target: URL) throws {
        self.target = target
        temporary = target.deletingLastPathComponent().appendingPathComponent(".\(target.lastPathComponent).\(getpid()).tmp")
        descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw BatchError("\(temporary.path): cannot create the file (\(String(cString: strerror(errno))))")
        }
    }

    deinit {
        close(descriptor)
    }

    func append<C: Collection>(_ bytes: C) throws where C.Element == UInt8 {
        buffer.append(contentsOf: bytes)
        if buffer.count >= 1 << 20 { try flush() }
    }

    func appendLine(_ line: String) throws {
        try append(Array(line.utf8) + [0x0A])
    }

    private func flush() throws {
        try FileIO.writeAll(descriptor, buffer, path: temporary.path)
        buffer.removeAll(keepingCapacity: true)
    }

    /// Writes what is buffered so that the temporary file can be read back.
    func flushToDisk() throws {
        try flush()
    }

    /// Flushes to disk and renames the file into place.
    func commit() throws {
        try flush()
        guard fsync(descriptor) == 0 else {
            throw BatchError("\(temporary.path): cannot flush the file to disk (\(String(cString: strerror(errno))))")
        }
        guard rename(temporary.path, target.path) == 0 else {
            throw BatchError("\(target.path): cannot move the file into place (\(String(cString: strerror(errno))))")
        }
    }

    func discard() {
        unlink(temporary.path)
    }
}

/// Reads a file line by line in bounded memory.
final class LineReader {
    private let handle: FileHandle
    private let path: String
    private var buffer: [UInt8] = []
    private var start = 0
    private var atEnd = false
    /// Lines returned so far (1-based number of the last one).
    private(set) var lineNumber = 0

    init(_ url: URL) throws {
        path = url.path
        do {
            handle = try FileHandle(forReadingFrom: url)
        } catch {
            throw BatchError("\(url.path): cannot open the file (\(error.localizedDescription))")
        }
    }

    deinit { try? handle.close() }

    /// The next line without its newline, or `nil` at the end of the file.
    func next() throws -> String? {
        while true {
            if let end = buffer[start...].firstIndex(of: 0x0A) {
                let line = String(decoding: buffer[start..<end], as: UTF8.self)
                start = end + 1
                lineNumber += 1
                return line
            }
            if atEnd {
                guard start < buffer.count else { return nil }
                throw BatchError("\(path):\(lineNumber + 1): the last line has no newline (a torn file?)")
            }
            buffer.removeFirst(start)
            start = 0
            let more: Data?
            do {
                more = try handle.read(upToCount: 1 << 20)
            } catch {
                throw BatchError("\(path): cannot read (\(error.localizedDescription))")
            }
            if let more, !more.isEmpty { buffer.append(contentsOf: more) } else { atEnd = true }
        }
    }
}
