import Foundation
import ECGModel

/// Reads a multi-segment record: a master header listing segments, each a single-segment
/// record in the same directory, or `~` for a gap.
///
/// In a *fixed* layout every segment has the same signals with the same scaling, so the
/// segments' digital samples are concatenated. In a *variable* layout the first segment is a
/// layout header (length 0) naming the record's signals; each segment holds some of them,
/// matched by name, possibly with a different gain, so the record is assembled in physical
/// units (``WFDBRecord/variableLayoutPhysical``) with NaN where a segment lacks a signal.
struct MultiSegmentReader {
    let masterHeader: WFDBHeader
    let headerURL: URL
    let limits: ReadLimits

    func read() throws -> WFDBRecord {
        let segments = masterHeader.segments
        let file = headerURL.path
        let total = segments.reduce(Int64(0)) { $0 + $1.sampleCount }
        guard total <= Int64(limits.maximumTotalSamples),
              total * Int64(max(1, masterHeader.signalCount)) <= Int64(limits.maximumTotalSamples) else {
            throw WFDBError(.limitExceeded, file: file, "segments hold \(total) frames × \(masterHeader.signalCount) signals, over the read limit")
        }
        if let declared = masterHeader.sampleCount, declared != total {
            throw WFDBError(.inconsistentSegments, file: file,
                            "record line declares \(declared) samples but the segments add up to \(total)")
        }
        for segment in segments where !segment.isNull {
            try SignalFileReader.checkSafe(fileName: segment.recordName, header: file)
            guard !segment.recordName.contains("/") else {
                throw WFDBError(.unsafePath, file: file, "segment name '\(segment.recordName)' leaves the record's directory; refused")
            }
        }
        let directory = headerURL.deletingLastPathComponent()
        func segmentURL(_ name: String) -> URL { directory.appendingPathComponent(name + ".hea") }

        let isVariable = segments.first.map { $0.sampleCount == 0 && !$0.isNull } ?? false
        if isVariable {
            let layout = try WFDBHeader.read(from: segmentURL(segments[0].recordName), limits: limits)
            return try readVariable(layout: layout, segments: segments, frameCount: Int(total), segmentURL: segmentURL)
        }
        return try readFixed(segments: segments, frameCount: Int(total), segmentURL: segmentURL)
    }

    func readFixed(segments: [WFDBSegmentSpec], frameCount: Int, segmentURL: (String) -> URL) throws -> WFDBRecord {
        var parts: [(WFDBSegmentSpec, WFDBRecord?)] = []
        for segment in segments {
            guard !segment.isNull else { parts.append((segment, nil)); continue }
            let record = try readSegment(segment, url: segmentURL(segment.recordName))
            parts.append((segment, record))
        }
        guard let first = parts.compactMap(\.1).first else {
            throw WFDBError(.inconsistentSegments, file: headerURL.path, "fixed-layout record has no segment with signals")
        }
        let signals = first.signals
        let sameScale = parts.compactMap(\.1).allSatisfy { record in
            record.signals.count == signals.count && zip(record.signals, signals).allSatisfy {
                $0.adcGain == $1.adcGain && $0.baseline == $1.baseline && $0.format == $1.format
                    && $0.samplesPerFrame == $1.samplesPerFrame && $0.description == $1.description
            }
        }
        guard sameScale else {
            // Not truly fixed: assemble in physical units as for a variable layout.
            return try assemblePhysical(layoutSignals: signals, parts: parts, frameCount: frameCount)
        }
        var digital = [[Int32]](repeating: [], count: signals.count)
        for c in 0..<signals.count { digital[c].reserveCapacity(frameCount * signals[c].samplesPerFrame) }
        var mismatches = Set<Int>()
        let invalid = signals.map { SignalFormat(number: $0.format)?.invalidSample ?? -32768 }
        for (segment, record) in parts {
            for c in 0..<signals.count {
                let count = Int(segment.sampleCount) * signals[c].samplesPerFrame
                if let record {
                    digital[c].append(contentsOf: record.digital[c].prefix(count))
                } else {
                    digital[c].append(contentsOf: repeatElement(invalid[c], count: count))
                }
            }
            if let record { mismatches.formUnion(record.checksumMismatches) }
        }
        return WFDBRecord(header: masterHeader, signals: signals, digital: digital, frameCount: frameCount,
                          checksumMismatches: mismatches.sorted(), segments: segments, headerURL: headerURL)
    }

    func readVariable(layout: WFDBHeader, segments: [WFDBSegmentSpec], frameCount: Int,
                      segmentURL: (String) -> URL) throws -> WFDBRecord {
        var parts: [(WFDBSegmentSpec, WFDBRecord?)] = []
        for segment in segments.dropFirst() {
            guard !segment.isNull, segment.sampleCount > 0 else { parts.append((segment, nil)); continue }
            parts.append((segment, try readSegment(segment, url: segmentURL(segment.recordName))))
        }
        return try assemblePhysical(layoutSignals: layout.signals, parts: parts, frameCount: frameCount)
    }

    func assemblePhysical(layoutSignals: [WFDBSignalSpec], parts: [(WFDBSegmentSpec, WFDBRecord?)],
                          frameCount: Int) throws -> WFDBRecord {
        var physical = [[Double]](repeating: [], count: layoutSignals.count)
        for c in 0..<layoutSignals.count { physical[c].reserveCapacity(frameCount) }
        for (segment, record) in parts {
            let length = Int(segment.sampleCount)
            for (c, spec) in layoutSignals.enumerated() {
                guard let record, let index = record.signals.firstIndex(where: { $0.description == spec.description }) else {
                    physical[c].append(contentsOf: repeatElement(.nan, count: length))
                    continue
                }
                let own = record.signals[index]
                let values = PhysicalConversion.smoothed(record.digital[index], samplesPerFrame: own.samplesPerFrame,
                                                         gain: own.adcGain, baseline: own.baseline,
                                                         invalid: record.invalidSampleValues[index])
                physical[c].append(contentsOf: values.prefix(length))
                if values.count < length {
                    physical[c].append(contentsOf: repeatElement(.nan, count: length - values.count))
                }
            }
        }
        // Channels are reported at one sample per frame in the layout's signal specs.
        let signals = layoutSignals.map { spec -> WFDBSignalSpec in
            var s = spec
            s.samplesPerFrame = 1
            return s
        }
        return WFDBRecord(header: masterHeader, signals: signals,
                          digital: Array(repeating: [], count: signals.count), frameCount: frameCount,
                          variableLayoutPhysical: physical, segments: masterHeader.segments, headerURL: headerURL)
    }

    func readSegment(_ segment: WFDBSegmentSpec, url: URL) throws -> WFDBRecord {
        let header = try WFDBHeader.read(from: url, limits: limits)
        guard !header.isMultiSegment else {
            throw WFDBError(.inconsistentSegments, file: url.path, "a segment may not itself be a multi-segment record")
        }
        let record = try SignalFileReader(header: header, headerURL: url, limits: limits).read()
        guard record.frameCount >= segment.sampleCount else {
            throw WFDBError(.inconsistentSegments, file: url.path,
                            "segment holds \(record.frameCount) samples, the master header \(headerURL.lastPathComponent) says \(segment.sampleCount)")
        }
        return record
    }
}
