import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ECGModel

/// Reads the signal files of a single-segment record into per-channel digital samples.
struct SignalFileReader {
    let header: WFDBHeader
    let headerURL: URL
    let limits: ReadLimits

    var directory: URL { headerURL.deletingLastPathComponent() }

    /// Signals that share one file: consecutive header lines naming the same file.
    struct Group {
        var fileName: String
        var channels: [Int]
        var format: SignalFormat
        var formatNumber: Int
        var frameSize: Int
        var byteOffset: Int
        var maximumSkew: Int
    }

    func read() throws -> WFDBRecord {
        let groups = try makeGroups()
        let frameCount = try resolveFrameCount(groups)
        guard frameCount > 0 else {
            throw WFDBError(.malformedHeader, file: headerURL.path,
                            "record has no samples (a multi-segment layout header is not a record of its own)")
        }
        var total = 0
        for spec in header.signals {
            let (product, overflow) = frameCount.multipliedReportingOverflow(by: spec.samplesPerFrame)
            let (sum, overflow2) = total.addingReportingOverflow(product)
            guard !overflow, !overflow2, sum <= limits.maximumTotalSamples else {
                throw WFDBError(.limitExceeded, file: headerURL.path,
                                "record declares \(frameCount) frames × \(header.signals.count) signals, over the limit of \(limits.maximumTotalSamples) samples")
            }
            total = sum
        }
        var digital = [[Int32]](repeating: [], count: header.signals.count)
        var mismatches: [Int] = []
        for group in groups {
            try readGroup(group, frameCount: frameCount, into: &digital, mismatches: &mismatches)
        }
        return WFDBRecord(header: header, signals: header.signals, digital: digital, frameCount: frameCount,
                          checksumMismatches: mismatches.sorted(), headerURL: headerURL)
    }

    func makeGroups() throws -> [Group] {
        var groups: [Group] = []
        for (index, spec) in header.signals.enumerated() {
            if var last = groups.last, last.fileName == spec.fileName {
                guard spec.format == last.formatNumber else {
                    throw WFDBError(.unsupportedFormat, file: headerURL.path, line: nil,
                                    "signals \(last.channels[0]) and \(index) share \(spec.fileName) but have formats \(last.formatNumber) and \(spec.format)")
                }
                last.channels.append(index)
                last.frameSize += spec.samplesPerFrame
                last.maximumSkew = max(last.maximumSkew, spec.skew)
                groups[groups.count - 1] = last
                continue
            }
            let format: SignalFormat
            if spec.isNull || spec.format == 0 {
                format = .littleEndian16
            } else {
                guard let known = SignalFormat(number: spec.format) else {
                    throw WFDBError(.unsupportedFormat, file: headerURL.path,
                                    "signal \(index) (\(spec.description)) has unknown format \(spec.format)")
                }
                format = known
                try Self.checkSafe(fileName: spec.fileName, header: headerURL.path)
            }
            groups.append(Group(fileName: spec.fileName, channels: [index], format: format,
                                formatNumber: spec.format, frameSize: spec.samplesPerFrame,
                                byteOffset: spec.byteOffset, maximumSkew: spec.skew))
        }
        return groups
    }

    /// Refuses names that would reach outside the record's directory.
    static func checkSafe(fileName: String, header: String) throws {
        let components = fileName.split(separator: "/", omittingEmptySubsequences: false)
        guard !fileName.isEmpty, !fileName.hasPrefix("/"), !fileName.hasPrefix("~/"), !fileName.contains("\\"),
              !components.contains(where: { $0 == ".." || $0.isEmpty }), !fileName.contains("\0") else {
            throw WFDBError(.unsafePath, file: header,
                            "signal file name '\(fileName)' leaves the record's directory; refused")
        }
    }

    /// The signal file's URL, refusing a symbolic link that resolves outside the record's
    /// directory (a name can be safe while the file it names links to `/etc` or another dataset).
    func signalURL(_ fileName: String) throws -> URL {
        let url = directory.appendingPathComponent(fileName)
        // A regular file named without a folder is in the directory itself whatever the
        // directory resolves to: one lstat instead of resolving both paths, component by
        // component, for every record.
        if !fileName.contains("/"), Self.isPlainFile(url.path) { return url }
        // A file that does not exist is reported as missing where it is opened.
        guard let target = Self.realPath(url.path), let root = Self.realPath(directory.path) else { return url }
        guard target.hasPrefix(root.hasSuffix("/") ? root : root + "/") else {
            throw WFDBError(.unsafePath, file: headerURL.path,
                            "signal file '\(fileName)' is a link to \(target), outside the record's directory; refused")
        }
        return url
    }

    /// Whether `path` is a regular file itself (not a symbolic link, not a folder).
    static func isPlainFile(_ path: String) -> Bool {
        var status = stat()
        return lstat(path, &status) == 0 && (status.st_mode & S_IFMT) == S_IFREG
    }

    /// The canonical path (every link resolved), or `nil` if it does not exist.
    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    func resolveFrameCount(_ groups: [Group]) throws -> Int {
        if let declared = header.sampleCount {
            guard declared <= Int64(limits.maximumTotalSamples) else {
                throw WFDBError(.limitExceeded, file: headerURL.path,
                                "record declares \(declared) samples per signal, over the limit of \(limits.maximumTotalSamples)")
            }
            return Int(declared)
        }
        // As wfdb does: the first signal file's size over the bytes one frame occupies.
        guard let group = groups.first(where: { !$0.fileName.isEmpty && $0.fileName != "~" }) else { return 0 }
        let url = try signalURL(group.fileName)
        if group.format.isFLAC {
            throw WFDBError(.malformedHeader, file: headerURL.path,
                            "the record line gives no sample count, which cannot be inferred for FLAC file \(group.fileName)")
        }
        let size = try Self.fileSize(url)
        let bytes = Double(max(0, size - group.byteOffset))
        return Int(bytes / (group.format.bytesPerSampleForInference * Double(group.frameSize)))
    }

    static func fileSize(_ url: URL) throws -> Int {
        guard let size = FileBytes.size(url) else {
            throw WFDBError(.missingFile, file: url.path, "signal file not found")
        }
        return size
    }

    func readGroup(_ group: Group, frameCount: Int, into digital: inout [[Int32]], mismatches: inout [Int]) throws {
        let specs = group.channels.map { header.signals[$0] }
        if group.fileName == "~" || specs[0].format == 0 {
            for (k, channel) in group.channels.enumerated() {
                digital[channel] = [Int32](repeating: group.format.invalidSample, count: frameCount * specs[k].samplesPerFrame)
            }
            return
        }
        let url = try signalURL(group.fileName)
        // As wfdb-python: skew never reads past the declared length; those samples are invalid.
        var channels: [([Int32], Int)]
        if group.format.isFLAC {
            let decoded = try FLACSignalFile.decode(url: url, channels: group.channels.count,
                                                    samplesPerFrame: specs.map(\.samplesPerFrame),
                                                    format: group.formatNumber, sampleOffset: group.byteOffset,
                                                    maximumFrames: frameCount, limits: limits)
            guard decoded.frames >= frameCount else {
                throw WFDBError(.truncatedSignalFile, file: url.path,
                                "holds \(decoded.frames) frames but the header declares \(frameCount)")
            }
            channels = []
            var offset = 0
            for spec in specs {
                channels.append(Self.extract(decoded.stream, frames: frameCount, frameSize: group.frameSize,
                                             offset: offset, samplesPerFrame: spec.samplesPerFrame))
                offset += spec.samplesPerFrame
            }
        } else {
            let bytes = try readBytes(url, group: group, frameCount: frameCount)
            channels = bytes.withUnsafeBufferPointer { buffer -> [([Int32], Int)] in
                guard let base = buffer.baseAddress else {
                    return specs.map { _ in ([], 0) }
                }
                var result: [([Int32], Int)] = []
                var offset = 0
                for spec in specs {
                    result.append(group.format.channel(from: base, frames: frameCount, frameSize: group.frameSize,
                                                       offset: offset, samplesPerFrame: spec.samplesPerFrame))
                    offset += spec.samplesPerFrame
                }
                return result
            }
        }
        // Accumulate format 8 differences, check the checksum, then apply the skew.
        for (k, channel) in group.channels.enumerated() {
            let spec = specs[k]
            var (values, checksum) = channels[k]
            channels[k] = ([], 0)
            if case .difference8 = group.format {
                checksum = Self.accumulate(&values, from: spec.initialValue)
            }
            if spec.skew > 0 {
                values = Self.skewed(values, by: spec.skew * spec.samplesPerFrame, invalid: group.format.invalidSample)
            }
            digital[channel] = values
            if let expected = spec.checksum, UInt16(truncatingIfNeeded: expected) != UInt16(truncatingIfNeeded: checksum) {
                mismatches.append(channel)
            }
        }
    }

    /// One signal's samples out of an interleaved stream (FLAC), with their sum.
    static func extract(_ stream: [Int32], frames: Int, frameSize: Int, offset: Int,
                        samplesPerFrame spf: Int) -> ([Int32], Int) {
        var values = [Int32]()
        values.reserveCapacity(frames * spf)
        var sum = 0
        for f in 0..<frames {
            for j in 0..<spf {
                let v = stream[f * frameSize + offset + j]
                values.append(v)
                sum &+= Int(v)
            }
        }
        return (values, sum)
    }

    /// Format 8: running sums of the differences from the initial value; returns their sum.
    static func accumulate(_ values: inout [Int32], from initial: Int) -> Int {
        var value = Int32(truncatingIfNeeded: initial)
        var sum = 0
        for i in values.indices {
            value = value &+ values[i]
            values[i] = value
            sum &+= Int(value)
        }
        return sum
    }

    /// Shifts samples earlier by `shift` (the skew), padding the end with `invalid`.
    static func skewed(_ values: [Int32], by shift: Int, invalid: Int32) -> [Int32] {
        let count = values.count
        return [Int32](unsafeUninitializedCapacity: count) { out, initialized in
            for i in 0..<count {
                let j = i + shift
                out[i] = j < count ? values[j] : invalid
            }
            initialized = count
        }
    }

    /// Reads the bytes of `frameCount` frames after the byte offset, refusing a file too short.
    func readBytes(_ url: URL, group: Group, frameCount: Int) throws -> [UInt8] {
        let needed = group.format.byteCount(samples: frameCount * group.frameSize)
        guard let (size, bytes) = FileBytes.read(url, offset: group.byteOffset, maximumBytes: needed) else {
            throw WFDBError(.missingFile, file: url.path, "signal file not found or unreadable (needed by \(headerURL.lastPathComponent))")
        }
        guard bytes.count >= needed else {
            let framesThere = group.format.sampleCount(bytes: bytes.count) / max(1, group.frameSize)
            throw WFDBError(.truncatedSignalFile, file: url.path,
                            "holds \(framesThere) frames (\(size) bytes) but the header declares \(frameCount)")
        }
        return bytes
    }
}
