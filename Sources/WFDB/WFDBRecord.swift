import Foundation
import ECGModel

/// A WFDB record as stored: its header and every signal's digital samples.
///
/// Digital samples are kept exactly as the signal files hold them (invalid-sample sentinels
/// included), so that conformance with the reference reader can be checked bit for bit;
/// ``ecgRecord()`` turns them into physical units for the rest of the pipeline.
public struct WFDBRecord: Sendable {
    /// The record's header (for a multi-segment record, the master header).
    public var header: WFDBHeader
    /// One specification per channel: the header's signals, or for a multi-segment record the
    /// layout's (variable layout) or first segment's (fixed layout) signals.
    public var signals: [WFDBSignalSpec]
    /// Per channel, every sample in order; with samples per frame > 1, all samples of each
    /// frame in turn. Skew is applied (samples shifted; frames past the file's end invalid).
    public var digital: [[Int32]]
    /// Frames in the record (the header's sample count, or the one inferred from file size).
    public var frameCount: Int
    /// Channel indices whose header checksum differs from the 16-bit sum of the stored samples.
    public var checksumMismatches: [Int]
    /// Physical values per channel, set only for a variable-layout multi-segment record, whose
    /// segments scale their samples differently so that no single digital scale exists (the
    /// reference reader refuses such records in digital form too). `nil` otherwise.
    public var variableLayoutPhysical: [[Double]]?
    /// The segments of a multi-segment record as the master header lists them.
    public var segments: [WFDBSegmentSpec]
    /// Where the header was read from.
    public var headerURL: URL

    public init(header: WFDBHeader, signals: [WFDBSignalSpec], digital: [[Int32]], frameCount: Int,
                checksumMismatches: [Int] = [], variableLayoutPhysical: [[Double]]? = nil,
                segments: [WFDBSegmentSpec] = [], headerURL: URL) {
        self.header = header
        self.signals = signals
        self.digital = digital
        self.frameCount = frameCount
        self.checksumMismatches = checksumMismatches
        self.variableLayoutPhysical = variableLayoutPhysical
        self.segments = segments
        self.headerURL = headerURL
    }

    /// Reads a record from its header (`x.hea`) or from the record path without extension.
    ///
    /// Single- and multi-segment records are both read; every signal file is checked against
    /// the header (size, path, format) and the limits before any sample buffer is allocated.
    public static func read(from url: URL, limits: ReadLimits = .default) throws -> WFDBRecord {
        let headerURL = url.pathExtension == "hea" ? url : url.appendingPathExtension("hea")
        let header = try WFDBHeader.read(from: headerURL, limits: limits)
        if header.isMultiSegment {
            return try MultiSegmentReader(masterHeader: header, headerURL: headerURL, limits: limits).read()
        }
        return try SignalFileReader(header: header, headerURL: headerURL, limits: limits).read()
    }

    /// The invalid-sample value of each channel's format (what ``digital`` holds for "no sample").
    public var invalidSampleValues: [Int32] {
        signals.map { SignalFormat(number: $0.format)?.invalidSample ?? Int32(-32768) }
    }

    /// The record's name.
    public var name: String { header.recordName }
}

public extension ECGRecord {
    /// Reads a WFDB record and converts it to physical units (see ``WFDBRecord/ecgRecord()``).
    static func readWFDB(at url: URL, limits: ReadLimits = .default) throws -> ECGRecord {
        try WFDBRecord.read(from: url, limits: limits).ecgRecord()
    }
}
