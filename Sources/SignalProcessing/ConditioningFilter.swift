import Synchronization

/// A zero-phase filter with a baseline-wander high-pass, computed as the full-rate filter
/// without the high-pass minus the baseline found at a reduced rate.
///
/// The response is the same as ``ZeroPhaseFilter``'s (up to the tail tolerance), but far
/// cheaper: the 0.5 Hz high-pass alone makes the full-rate impulse response seconds long, and
/// removing it leaves a low-pass whose support is a few hundred samples. With the high-pass's
/// complement (the baseline, below 1 Hz) written as `B`, the response `H·L` equals `L − B`
/// wherever `L` is 1 through the high-pass's transition band, which holds for the ECG low-pass
/// and mains notches. Short signals are filtered in one FFT block sized to the signal.
///
/// Responses that cannot be split that way (no high-pass, several, or a low sampling
/// frequency) are filtered by a plain ``ZeroPhaseFilter``.
public struct ConditioningFilter: Sendable {
    /// The response this filter applies.
    public let response: FrequencyResponse
    /// Sampling frequency the filter was built for.
    public let samplingFrequency: Double
    private let method: Method

    private enum Method: Sendable {
        case whole(ZeroPhaseFilter)
        case split(rest: RestFilters?, baseline: ReducedRateBaseline)
    }

    /// Builds the filter for `samplingFrequency` Hz.
    ///
    /// - Parameter tailTolerance: fraction of each impulse response's energy allowed outside
    ///   its block margin (see ``ZeroPhaseFilter/init(response:samplingFrequency:minimumBlockSize:rigor:tailTolerance:cache:)``).
    public init(response: FrequencyResponse, samplingFrequency fs: Double, rigor: FFTPlanningRigor = .measure,
                tailTolerance: Double = 1e-10, cache: FFTPlanCache = .shared) throws(FFTPlanningError) {
        self.response = response
        samplingFrequency = fs
        // About 50 Hz (and ≥ 60 × the pass edge) for the baseline: see ``ReducedRateBaseline``.
        let parts = Self.split(response)
        let decimation = parts.map { Int(fs / max(50, 60 * $0.1)) } ?? 1
        guard let (stop, pass, rest) = parts, decimation >= 2 else {
            method = .whole(try ZeroPhaseFilter(response: response, samplingFrequency: fs, rigor: rigor,
                                                tailTolerance: tailTolerance, cache: cache))
            return
        }
        let baseline = ReducedRateBaseline(stop: stop, pass: pass, samplingFrequency: fs, decimation: decimation,
                                           tailTolerance: tailTolerance, rigor: rigor, cache: cache)
        let restFilters = rest.stages.isEmpty
            ? nil
            : RestFilters(response: rest, samplingFrequency: fs, tailTolerance: tailTolerance,
                          rigor: rigor, cache: cache)
        method = .split(rest: restFilters, baseline: baseline)
    }

    /// The high-pass's edges and the other stages, when those are 1 through its transition.
    private static func split(_ response: FrequencyResponse) -> (Double, Double, FrequencyResponse)? {
        var edges: (Double, Double)?
        var rest: [FrequencyResponse.Stage] = []
        for stage in response.stages {
            switch stage {
            case let .highPass(stop, pass):
                guard edges == nil, stop >= 0, pass > stop else { return nil }
                edges = (stop, pass)
            default:
                rest.append(stage)
            }
        }
        guard let (stop, pass) = edges else { return nil }
        for stage in rest {
            switch stage {
            case .highPass: return nil
            case let .lowPass(passEdge, _): if passEdge < pass { return nil }
            case let .notch(center, halfWidth): if center - 2 * halfWidth < pass { return nil }
            }
        }
        return (stop, pass, FrequencyResponse(stages: rest))
    }

    /// Filters `signal` (finite samples) and returns a signal of the same length.
    public func apply(_ signal: [Float]) throws(FFTPlanningError) -> [Float] {
        // apply(_:into:) writes every output sample.
        var output = [Float](unsafeUninitializedCapacity: signal.count) { _, count in count = signal.count }
        try signal.withUnsafeBufferPointer { (input) throws(FFTPlanningError) in
            try output.withUnsafeMutableBufferPointer { (out) throws(FFTPlanningError) in
                try apply(input, into: out)
            }
        }
        return output
    }

    /// Filters `input` into `output` (same length).
    public func apply(_ input: UnsafeBufferPointer<Float>, into output: UnsafeMutableBufferPointer<Float>)
        throws(FFTPlanningError) {
        precondition(output.count == input.count, "output length must match input length")
        switch method {
        case let .whole(filter):
            filter.apply(input, into: output)
        case let .split(rest, baseline):
            if let rest {
                try rest.filter(forLength: input.count).apply(input, into: output)
            } else {
                for i in 0..<input.count { output[i] = input[i] }
            }
            try baseline.subtract(baselineOf: input, from: output)
        }
    }
}

/// The full-rate part of a split filter: one single-block filter per signal length class,
/// and an overlap-save filter for long signals, each planned when first needed.
private final class RestFilters: Sendable {
    private let response: FrequencyResponse
    private let fs: Double
    private let margin: Int
    private let tailTolerance: Double
    private let rigor: FFTPlanningRigor
    private let cache: FFTPlanCache
    /// The overlap-save filter's block (as ``ZeroPhaseFilter`` sizes it): signals that need
    /// at least this long a block are filtered block by block.
    private let longBlock: Int
    private let bySize = Mutex<[Int: ZeroPhaseFilter]>([:])

    init(response: FrequencyResponse, samplingFrequency: Double, tailTolerance: Double,
         rigor: FFTPlanningRigor, cache: FFTPlanCache) {
        self.response = response
        fs = samplingFrequency
        self.tailTolerance = tailTolerance
        self.rigor = rigor
        self.cache = cache
        margin = ZeroPhaseFilter.margin(of: response, samplingFrequency: samplingFrequency, tailTolerance: tailTolerance)
        var block = 8192
        while block < 4 * margin { block *= 2 }
        longBlock = block
    }

    /// The filter whose block holds a signal of `count` samples and its margins at once, or
    /// the overlap-save filter for longer signals.
    func filter(forLength count: Int) throws(FFTPlanningError) -> ZeroPhaseFilter {
        let single = FFTLength.atLeast(count + 2 * margin + 1)
        let size = single < longBlock ? single : 0
        if let existing = bySize.withLock({ $0[size] }) { return existing }
        let made = size > 0
            ? try ZeroPhaseFilter(response: response, samplingFrequency: fs, blockSize: size, margin: margin,
                                  rigor: rigor, cache: cache)
            : try ZeroPhaseFilter(response: response, samplingFrequency: fs, rigor: rigor,
                                  tailTolerance: tailTolerance, cache: cache)
        bySize.withLock { $0[size] = made }
        return made
    }
}
