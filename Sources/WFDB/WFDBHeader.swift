import Foundation

/// How one signal is stored and scaled, as a header(5) signal specification line declares it.
public struct WFDBSignalSpec: Sendable, Equatable {
    /// The signal file's name relative to the header's directory (`~` for a null signal).
    public var fileName: String
    /// The storage format number (16, 212, 516 …).
    public var format: Int
    /// Samples of this signal in each frame (the `x` suffix; 1 when absent).
    public var samplesPerFrame: Int
    /// Frames by which this signal lags the others in its file (the `:` suffix).
    public var skew: Int
    /// Bytes to skip at the start of the signal file before the first sample (the `+` suffix).
    public var byteOffset: Int
    /// ADC units per physical unit. Absent or zero in the header means 200, as wfdb reads it.
    public var adcGain: Double
    /// The digital value that corresponds to 0 physical units (defaults to ``adcZero``).
    public var baseline: Int
    /// Physical units as written (`mV`, `uV`, `mmHg` …; `mV` when absent).
    public var units: String
    /// ADC resolution in bits (0 when absent).
    public var adcResolution: Int
    /// The ADC's mid-range digital value.
    public var adcZero: Int
    /// The value of the first sample (also the starting point of format 8's differences).
    public var initialValue: Int
    /// The 16-bit sum of all the signal's samples, when the header gives it.
    public var checksum: Int?
    /// The block size for special files (0 for ordinary files).
    public var blockSize: Int
    /// The signal's description, which doubles as its name (`MLII`, `V5`, `aVR` …).
    public var description: String

    /// Whether the header wrote a gain (wfdb distinguishes "absent" from 200 only for display).
    public var gainWasGiven: Bool

    public init(fileName: String, format: Int, samplesPerFrame: Int = 1, skew: Int = 0,
                byteOffset: Int = 0, adcGain: Double = 200, baseline: Int = 0, units: String = "mV",
                adcResolution: Int = 0, adcZero: Int = 0, initialValue: Int = 0,
                checksum: Int? = nil, blockSize: Int = 0, description: String = "",
                gainWasGiven: Bool = true) {
        self.fileName = fileName
        self.format = format
        self.samplesPerFrame = samplesPerFrame
        self.skew = skew
        self.byteOffset = byteOffset
        self.adcGain = adcGain
        self.baseline = baseline
        self.units = units
        self.adcResolution = adcResolution
        self.adcZero = adcZero
        self.initialValue = initialValue
        self.checksum = checksum
        self.blockSize = blockSize
        self.description = description
        self.gainWasGiven = gainWasGiven
    }

    /// Whether this is a null signal (`~`), which has no file: its samples are all invalid.
    public var isNull: Bool { fileName == "~" }
}

/// One segment of a multi-segment record: a record name (or `~` for a gap) and its length.
public struct WFDBSegmentSpec: Sendable, Equatable {
    /// The segment's record name, or `~` for a null segment (a gap with no signal).
    public var recordName: String
    /// Frames in the segment.
    public var sampleCount: Int64

    public init(recordName: String, sampleCount: Int64) {
        self.recordName = recordName
        self.sampleCount = sampleCount
    }

    /// Whether this is a null segment (`~`).
    public var isNull: Bool { recordName == "~" }
}

/// The contents of a WFDB header (`.hea`) file, as header(5) defines it.
public struct WFDBHeader: Sendable, Equatable {
    /// The record name on the record line.
    public var recordName: String
    /// Number of segments for a multi-segment record (the `/n` suffix), else `nil`.
    public var segmentCount: Int?
    /// Number of signals.
    public var signalCount: Int
    /// Frames per second (250 when absent, as wfdb defaults).
    public var samplingFrequency: Double
    /// Counter ticks per second (the `/` suffix of the frequency), when given.
    public var counterFrequency: Double?
    /// The counter value of the first sample (the `(…)` suffix), when given.
    public var baseCounter: Double?
    /// Frames per signal, or `nil` when the header leaves it out (then inferred from file size).
    public var sampleCount: Int64?
    /// Time of day of the first sample, as written (`HH:MM:SS[.fff]`).
    public var baseTime: String?
    /// Date of the first sample, as written (`DD/MM/YYYY`).
    public var baseDate: String?
    /// Signal specifications (for a multi-segment record, none: see ``segments``).
    public var signals: [WFDBSignalSpec]
    /// Segment specifications of a multi-segment record.
    public var segments: [WFDBSegmentSpec]
    /// Text of the `#` comment lines, without the `#` and the blanks after it.
    public var comments: [String]

    public init(recordName: String, segmentCount: Int? = nil, signalCount: Int,
                samplingFrequency: Double = 250, counterFrequency: Double? = nil,
                baseCounter: Double? = nil, sampleCount: Int64? = nil, baseTime: String? = nil,
                baseDate: String? = nil, signals: [WFDBSignalSpec] = [],
                segments: [WFDBSegmentSpec] = [], comments: [String] = []) {
        self.recordName = recordName
        self.segmentCount = segmentCount
        self.signalCount = signalCount
        self.samplingFrequency = samplingFrequency
        self.counterFrequency = counterFrequency
        self.baseCounter = baseCounter
        self.sampleCount = sampleCount
        self.baseTime = baseTime
        self.baseDate = baseDate
        self.signals = signals
        self.segments = segments
        self.comments = comments
    }

    /// Whether this is the master header of a multi-segment record.
    public var isMultiSegment: Bool { segmentCount != nil }

    /// The signal names (descriptions) in order.
    public var signalNames: [String] { signals.map(\.description) }

    /// Base time as seconds since midnight, if the header gives a parseable time.
    public var baseTimeOfDay: Double? {
        guard let baseTime else { return nil }
        let parts = baseTime.split(separator: ":").map(String.init)
        guard (1...3).contains(parts.count) else { return nil }
        var seconds = 0.0
        for part in parts {
            guard let value = Double(part), value >= 0 else { return nil }
            seconds = seconds * 60 + value
        }
        return seconds
    }

    /// The acquisition instant (UTC) from base date and time, when both are present and valid.
    public var baseDateTime: Date? {
        guard let baseDate, let time = baseTimeOfDay else { return nil }
        let parts = baseDate.split(separator: "/").compactMap { Int($0) }
        guard parts.count == 3 else { return nil }
        var components = DateComponents()
        components.day = parts[0]
        components.month = parts[1]
        components.year = parts[2]
        components.timeZone = .gmt
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .gmt
        guard (1...12).contains(parts[1]), (1...31).contains(parts[0]),
              let midnight = calendar.date(from: components) else { return nil }
        return midnight.addingTimeInterval(time)
    }
}
