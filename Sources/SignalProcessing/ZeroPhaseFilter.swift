import Foundation

/// A zero-phase linear filter applied in the frequency domain with FFTW, block by block.
///
/// The response is sampled on a fixed power-of-two block, so the same FFTW plan serves
/// every record of a sampling frequency. Long signals are filtered by overlap-save: each block
/// carries `margin` samples of context on each side, at least the span over which the
/// impulse response has any weight, so the output equals filtering the whole signal at once
/// (up to FFT rounding) while memory stays bounded by the block size. The signal is extended
/// past its ends by mirror reflection, which keeps edges free of step transients.
public struct ZeroPhaseFilter: Sendable {
    /// The response this filter applies.
    public let response: FrequencyResponse
    /// Sampling frequency the mask was built for.
    public let samplingFrequency: Double
    /// FFT block length.
    public let blockSize: Int
    /// Context samples on each side of a block's valid part.
    public let margin: Int
    /// Single precision: the samples are `Float`, and FFTW's rounding (≈ 10⁻⁷ of the block's
    /// largest sample) stays far below a microvolt.
    private let plan: SinglePrecisionFFTPlan
    private let rigor: FFTPlanningRigor
    private let cache: FFTPlanCache
    /// Real gains per bin, pre-divided by the block size (FFTW's backward is unnormalised),
    /// each written twice to scale a bin's real and imaginary parts in one pass.
    private let mask: [Float]

    /// Builds the filter for `samplingFrequency` Hz.
    ///
    /// - Parameters:
    ///   - minimumBlockSize: smallest FFT length used (a power of two); larger when the impulse
    ///     response is long (a 0.5 Hz high-pass at 1 kHz).
    ///   - rigor: FFTW planning effort (planning happens once per length per process).
    ///   - tailTolerance: fraction of the impulse response's energy allowed outside the block
    ///     margin (1e-10: block edges are invisible; detection can afford 1e-7).
    public init(response: FrequencyResponse, samplingFrequency: Double,
                minimumBlockSize: Int = 8192, rigor: FFTPlanningRigor = .measure,
                tailTolerance: Double = 1e-10,
                cache: FFTPlanCache = .shared) throws(FFTPlanningError) {
        // Find the impulse response's support on a long probe block, then pick the block.
        // Multiples of 8 let ``apply(_:decimation:)`` keep block boundaries on output samples.
        let support = Self.margin(of: response, samplingFrequency: samplingFrequency,
                                  tailTolerance: tailTolerance)
        var size = max(minimumBlockSize, 1024)
        size = 1 << Int((Double(size).log2).rounded(.up))
        while size < 4 * support { size *= 2 }
        try self.init(response: response, samplingFrequency: samplingFrequency, blockSize: size,
                      margin: support, rigor: rigor, cache: cache)
    }

    /// A filter on a block of exactly `blockSize` samples with `margin` samples of context
    /// (the impulse response's support, a multiple of 8, found once by the caller).
    init(response: FrequencyResponse, samplingFrequency: Double, blockSize size: Int, margin: Int,
         rigor: FFTPlanningRigor, cache: FFTPlanCache) throws(FFTPlanningError) {
        precondition(size > 2 * margin, "the block must be longer than its two margins")
        self.response = response
        self.samplingFrequency = samplingFrequency
        blockSize = size
        self.margin = margin
        self.rigor = rigor
        self.cache = cache
        plan = try cache.singlePrecisionPlan(count: size, rigor: rigor)
        let bins = size / 2 + 1
        var gains = [Float](repeating: 0, count: 2 * bins)
        for k in 0..<bins {
            let g = Float(response.gain(at: Double(k) * samplingFrequency / Double(size)) / Double(size))
            gains[2 * k] = g
            gains[2 * k + 1] = g
        }
        mask = gains
    }

    /// The support (samples, a multiple of 8) outside which `response`'s impulse response holds
    /// less than `tolerance` of its energy: the margin a block needs on each side.
    static func margin(of response: FrequencyResponse, samplingFrequency: Double,
                       tailTolerance: Double) -> Int {
        let probeSize = Self.probeSize(for: response, samplingFrequency: samplingFrequency)
        let support = Self.support(of: response, samplingFrequency: samplingFrequency, size: probeSize,
                                   tolerance: tailTolerance)
        return (support + 7) / 8 * 8
    }

    /// Filters `signal` (finite samples) and returns a signal of the same length.
    public func apply(_ signal: [Float]) -> [Float] {
        // apply(_:into:) writes every output sample.
        var output = [Float](unsafeUninitializedCapacity: signal.count) { _, count in count = signal.count }
        signal.withUnsafeBufferPointer { input in
            output.withUnsafeMutableBufferPointer { out in
                apply(input, into: out)
            }
        }
        return output
    }

    /// Filters `input` into `output` (same length) without allocating per sample.
    public func apply(_ input: UnsafeBufferPointer<Float>, into output: UnsafeMutableBufferPointer<Float>) {
        let n = input.count
        precondition(output.count == n, "output length must match input length")
        guard n > 0 else { return }
        let time = SinglePrecisionFFTBuffer(uninitializedCount: blockSize)
        let spectrum = SinglePrecisionFFTBuffer(uninitializedCount: 2 * (blockSize / 2 + 1))
        let hop = blockSize - 2 * margin
        var start = 0
        while start < n {
            let valid = min(hop, n - start)
            fill(time.pointer, from: input, origin: start - margin)
            plan.forward(time.pointer, spectrum.pointer)
            applyMask(to: spectrum.pointer, values: mask.count)
            plan.backward(spectrum.pointer, time.pointer)
            (output.baseAddress! + start).update(from: time.pointer + margin, count: valid)
            start += valid
        }
    }

    /// Filters `input` and returns every `decimation`-th output sample (`⌈n / decimation⌉`
    /// samples), computed by an inverse FFT of only the low bins: exact, and cheaper than
    /// filtering at the full rate, provided the response is zero above `fs / (2 · decimation)`.
    ///
    /// - Precondition: `decimation` is a power of two dividing 8 (1, 2, 4, 8).
    public func apply(_ input: UnsafeBufferPointer<Float>, decimation: Int) throws(FFTPlanningError) -> [Float] {
        precondition([1, 2, 4, 8].contains(decimation), "decimation must be 1, 2, 4 or 8")
        let n = input.count
        let outCount = (n + decimation - 1) / decimation
        var output = [Float](repeating: 0, count: outCount)
        guard n > 0 else { return output }
        let small = try cache.singlePrecisionPlan(count: blockSize / decimation, rigor: rigor)
        let time = SinglePrecisionFFTBuffer(uninitializedCount: blockSize)
        let spectrum = SinglePrecisionFFTBuffer(uninitializedCount: 2 * (blockSize / 2 + 1))
        let smallTime = SinglePrecisionFFTBuffer(uninitializedCount: blockSize / decimation)
        let keptBins = blockSize / (2 * decimation) + 1
        let hop = blockSize - 2 * margin
        var start = 0
        output.withUnsafeMutableBufferPointer { out in
            while start < n {
                let valid = min(hop, n - start)
                fill(time.pointer, from: input, origin: start - margin)
                plan.forward(time.pointer, spectrum.pointer)
                applyMask(to: spectrum.pointer, values: 2 * keptBins)
                small.backward(spectrum.pointer, smallTime.pointer)
                let first = start / decimation
                let last = min(outCount, (start + valid + decimation - 1) / decimation)
                (out.baseAddress! + first).update(from: smallTime.pointer + margin / decimation,
                                                  count: last - first)
                start += valid
            }
        }
        return output
    }

    /// Scales the first `values` floats of an interleaved spectrum by the mask.
    private func applyMask(to spectrum: UnsafeMutablePointer<Float>, values: Int) {
        mask.withUnsafeBufferPointer { gains in
            for j in 0..<values { spectrum[j] *= gains[j] }
        }
    }

    /// Copies `blockSize` samples starting at `origin` (possibly negative or past the end),
    /// mirroring the signal about its first and last samples.
    private func fill(_ block: UnsafeMutablePointer<Float>, from x: UnsafeBufferPointer<Float>, origin: Int) {
        MirrorExtension.fill(block, count: blockSize, from: x, origin: origin)
    }

    static func reflect(_ index: Int, count n: Int) -> Int {
        if n == 1 { return 0 }
        let period = 2 * (n - 1)
        var i = index % period
        if i < 0 { i += period }
        return i < n ? i : period - i
    }

    /// A block long enough to resolve the narrowest transition band of `response`.
    static func probeSize(for response: FrequencyResponse, samplingFrequency fs: Double) -> Int {
        var narrowest = fs / 2
        for stage in response.stages {
            switch stage {
            case let .highPass(stop, pass): narrowest = min(narrowest, pass - stop)
            case let .lowPass(pass, stop): narrowest = min(narrowest, stop - pass)
            case let .notch(_, halfWidth): narrowest = min(narrowest, halfWidth)
            }
        }
        let samples = 32 * fs / max(narrowest, 1e-3)
        var size = 1024
        while Double(size) < samples && size < 1 << 22 { size *= 2 }
        return size
    }

    /// Half-width (samples) outside which the impulse response holds less than `tolerance` of
    /// its energy and no tap exceeds √tolerance / 100 of the largest.
    static func support(of response: FrequencyResponse, samplingFrequency fs: Double, size: Int,
                                tolerance: Double) -> Int {
        let bins = size / 2 + 1
        // The impulse response of a real, even gain is the inverse cosine transform; evaluate
        // it with one backward FFT (estimate-planned: probes are rare).
        guard let plan = try? FFTPlanCache.shared.plan(count: size, rigor: .estimate) else { return size / 4 }
        let spectrum = FFTBuffer(count: 2 * bins)
        let h = FFTBuffer(count: size)
        for k in 0..<bins {
            spectrum.pointer[2 * k] = response.gain(at: Double(k) * fs / Double(size)) / Double(size)
            spectrum.pointer[2 * k + 1] = 0
        }
        plan.backward(spectrum.pointer, h.pointer)
        var total = 0.0, peak = 0.0
        for i in 0..<size { total += h.pointer[i] * h.pointer[i]; peak = max(peak, abs(h.pointer[i])) }
        guard total > 0 else { return 1 }
        // Walk inwards from the middle (the farthest lag) until the tail becomes significant.
        var tail = 0.0
        var lag = size / 2
        while lag > 1 {
            let a = h.pointer[lag], b = h.pointer[size - lag]
            tail += a * a + b * b
            if tail > tolerance * total || max(abs(a), abs(b)) > tolerance.squareRoot() / 100 * peak { break }
            lag -= 1
        }
        return min(lag + 1, size / 2)
    }
}

private extension Double {
    var log2: Double { Foundation.log2(self) }
}
