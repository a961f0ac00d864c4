import Foundation
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
        let url = directory.appendingPathComponent(group.fileName)
        if group.format.isFLAC {
            throw WFDBError(.malformedHeader, file: headerURL.path,
                            "the record line gives no sample count, which cannot be inferred for FLAC file \(group.fileName)")
        }
        let size = try Self.fileSize(url)
        let bytes = Double(max(0, size - group.byteOffset))
        return Int(bytes / (group.format.bytesPerSampleForInference * Double(group.frameSize)))
    }

    static func fileSize(_ url: URL) throws -> Int {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: url.path),
              let size = attributes[.size] as? NSNumber else {
            throw WFDBError(.missingFile, file: url.path, "signal file not found")
        }
        return size.intValue
    }

    func readGroup(_ group: Group, frameCount: Int, into digital: inout [[Int32]], mismatches: inout [Int]) throws {
        let specs = group.channels.map { header.signals[$0] }
        if group.fileName == "~" || specs[0].format == 0 {
            for (k, channel) in group.channels.enumerated() {
                digital[channel] = [Int32](repeating: group.format.invalidSample, count: frameCount * specs[k].samplesPerFrame)
            }
            return
        }
        let url = directory.appendingPathComponent(group.fileName)
        // As wfdb-python: skew never reads past the declared length; those samples are invalid.
        let framesWanted = frameCount
        var stream: [Int32]
        var framesRead: Int
        if group.format.isFLAC {
            let decoded = try FLACSignalFile.decode(url: url, channels: group.channels.count,
                                                    samplesPerFrame: specs.map(\.samplesPerFrame),
                                                    format: group.formatNumber, sampleOffset: group.byteOffset,
                                                    maximumFrames: framesWanted, limits: limits)
            framesRead = decoded.frames
            stream = decoded.stream
        } else {
            let data = try readBytes(url, group: group, framesWanted: framesWanted, frameCount: frameCount)
            framesRead = min(framesWanted, group.format.sampleCount(bytes: data.count) / group.frameSize)
            let count = framesRead * group.frameSize
            stream = [Int32](unsafeUninitializedCapacity: count) { buffer, initialized in
                if let base = buffer.baseAddress {
                    data.withUnsafeBytes { group.format.decode($0, count: count, into: base) }
                }
                initialized = count
            }
        }
        guard framesRead >= frameCount else {
            throw WFDBError(.truncatedSignalFile, file: url.path,
                            "holds \(framesRead) frames but the header declares \(frameCount)")
        }
        // Deinterleave, accumulate format 8 differences, checksum, then skew.
        var offsetInFrame = 0
        for (k, channel) in group.channels.enumerated() {
            let spec = specs[k]
            let spf = spec.samplesPerFrame
            let frameSize = group.frameSize
            let invalid = group.format.invalidSample
            let outputCount = frameCount * spf
            let skewSamples = spec.skew * spf
            let offset = offsetInFrame
            var checksum = 0
            let values = stream.withUnsafeBufferPointer { input -> [Int32] in
                guard let source = input.baseAddress else {
                    return [Int32](repeating: invalid, count: outputCount)
                }
                let storedCount = framesRead * spf
                @inline(__always) func stored(_ i: Int) -> Int32 {
                    source[(i / spf) * frameSize + offset + i % spf]
                }
                if case .difference8 = group.format {
                    var accumulated = [Int32](repeating: 0, count: storedCount)
                    var value = Int32(truncatingIfNeeded: spec.initialValue)
                    for i in 0..<storedCount {
                        value = value &+ stored(i)
                        // wfdb keeps format 8 values within 8 bits' reach of the previous one
                        accumulated[i] = value
                    }
                    for i in 0..<min(outputCount, storedCount) { checksum &+= Int(accumulated[i]) }
                    return [Int32](unsafeUninitializedCapacity: outputCount) { out, n in
                        for i in 0..<outputCount {
                            let j = i + skewSamples
                            out[i] = j < storedCount ? accumulated[j] : invalid
                        }
                        n = outputCount
                    }
                }
                return [Int32](unsafeUninitializedCapacity: outputCount) { out, n in
                    if spf == 1 {
                        for i in 0..<outputCount { checksum &+= Int(source[i * frameSize + offset]) }
                        for i in 0..<outputCount {
                            let j = i + skewSamples
                            out[i] = j < storedCount ? source[j * frameSize + offset] : invalid
                        }
                    } else {
                        for i in 0..<outputCount { checksum &+= Int(stored(i)) }
                        for i in 0..<outputCount {
                            let j = i + skewSamples
                            out[i] = j < storedCount ? stored(j) : invalid
                        }
                    }
                    n = outputCount
                }
            }
            digital[channel] = values
            if let expected = spec.checksum, UInt16(truncatingIfNeeded: expected) != UInt16(truncatingIfNeeded: checksum) {
                mismatches.append(channel)
            }
            offsetInFrame += spf
        }
    }

    /// Reads the bytes of `framesWanted` frames after the byte offset, refusing a file too
    /// short for `frameCount` frames before reading it.
    func readBytes(_ url: URL, group: Group, framesWanted: Int, frameCount: Int) throws -> Data {
        guard let handle = try? FileHandle(forReadingFrom: url) else {
            throw WFDBError(.missingFile, file: url.path, "signal file not found (needed by \(headerURL.lastPathComponent))")
        }
        defer { try? handle.close() }
        let size: Int
        do {
            size = Int(try handle.seekToEnd())
        } catch {
            throw WFDBError(.missingFile, file: url.path, "cannot read signal file: \(error)")
        }
        let available = max(0, size - group.byteOffset)
        let needed = group.format.byteCount(samples: frameCount * group.frameSize)
        guard available >= needed else {
            let framesThere = group.format.sampleCount(bytes: available) / max(1, group.frameSize)
            throw WFDBError(.truncatedSignalFile, file: url.path,
                            "holds \(framesThere) frames (\(size) bytes) but the header declares \(frameCount)")
        }
        let wanted = min(available, group.format.byteCount(samples: framesWanted * group.frameSize))
        do {
            try handle.seek(toOffset: UInt64(group.byteOffset))
            let data = try handle.read(upToCount: wanted) ?? Data()
            guard data.count >= needed else {
                throw WFDBError(.truncatedSignalFile, file: url.path, "short read: \(data.count) of \(needed) bytes")
            }
            return data
        } catch let error as WFDBError {
            throw error
        } catch {
            throw WFDBError(.missingFile, file: url.path, "cannot read signal file: \(error)")
        }
    }
}
