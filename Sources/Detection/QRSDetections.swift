import ECGModel

/// The beats a QRS detector found: one fiducial sample per beat, in increasing order.
public struct QRSDetections: Sendable, Equatable {
    /// Sampling frequency of the record the samples index into.
    public var samplingFrequency: SamplingFrequency
    /// 0-based sample index of each beat's fiducial point (the peak of the combined,
    /// band-passed QRS amplitude), strictly increasing.
    public var samples: [Int]

    public init(samplingFrequency: SamplingFrequency, samples: [Int]) {
        self.samplingFrequency = samplingFrequency
        self.samples = samples
    }

    /// RR intervals between consecutive beats.
    public var rrIntervals: [Milliseconds] {
        zip(samples, samples.dropFirst()).map { samplingFrequency.duration(ofSamples: $1 - $0) }
    }
}

/// A record the detector cannot work on.
public struct QRSDetectionError: Error, CustomStringConvertible {
    public let record: String
    public let reason: String
    public var description: String { "QRS detection on \(record): \(reason)" }
}
