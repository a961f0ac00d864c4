import Foundation
import Synchronization

/// Baseline wander (everything below a high-pass's pass band) estimated at a reduced rate.
///
/// A diagnostic 0.5 Hz high-pass has an impulse response seconds long, so filtering it at the
/// full rate needs FFT blocks several times the record. Its complement, the baseline, is
/// band-limited to under 1 Hz: it is computed on a copy of the signal smoothed by a triangle
/// (two cascaded boxcars of `decimation` samples, which null every multiple of the reduced
/// rate) and sampled every `decimation` samples, filtered there with the triangle's own gain
/// divided out of the mask, and brought back to the full rate by cubic (4-point Lagrange)
/// interpolation. At about 50 Hz the reduced rate leaves interpolation errors near 10⁻⁶ of the
/// baseline and attenuates what folds into the sub-hertz band by about 10⁻⁴.
///
/// Both the smoothing and the block filtering see the signal's mirror extension about its
/// first and last samples, like ``ZeroPhaseFilter``.
struct ReducedRateBaseline: Sendable {
    /// The baseline's gain at the full rate: the complement of a raised-cosine high-pass.
    let response: FrequencyResponse
    let samplingFrequency: Double
    let decimation: Int
    /// Context on each side of a reduced-rate block (reduced-rate samples).
    let margin: Int
    /// Longest reduced-rate block; longer signals are filtered block by block.
    let longBlock: Int
    private let rigor: FFTPlanningRigor
    private let blocks: BlockFilters
    /// Lagrange weights for the nodes −1, 0, 1, 2 (four runs of `decimation`), at each phase
    /// `r / decimation` of the interval between nodes 0 and 1.
    private let weights: [Float]

    /// - Parameters:
    ///   - stop, pass: the high-pass's edges (Hz); the baseline is its complement.
    ///   - decimation: full-rate samples per reduced-rate sample (≥ 2).
    init(stop: Double, pass: Double, samplingFrequency fs: Double, decimation: Int, tailTolerance: Double,
         rigor: FFTPlanningRigor, cache: FFTPlanCache) {
        precondition(decimation >= 2, "the reduced rate must be lower than the signal's")
        response = FrequencyResponse(stages: [.lowPass(pass: stop, stop: pass)])
        samplingFrequency = fs
        self.decimation = decimation
        self.rigor = rigor
        let reduced = fs / Double(decimation)
        // The margin the high-pass itself needs: the baseline's impulse response is the
        // high-pass's without its central impulse, and judged against its own (small) peak
        // its tail criterion would ask for several times more context than the filtered
        // signal can show. Two more samples for the interpolation's outer nodes.
        let highPass = FrequencyResponse(stages: [.highPass(stop: stop, pass: pass)])
        margin = ZeroPhaseFilter.margin(of: highPass, samplingFrequency: reduced, tailTolerance: tailTolerance) + 2
        longBlock = FFTLength.atLeast(max(4096, 4 * margin))
        blocks = BlockFilters(response: response, samplingFrequency: fs, decimation: decimation, cache: cache)
        let phases = (0..<decimation).map { Double($0) / Double(decimation) }
        weights = (phases.map { t in -t * (t - 1) * (t - 2) / 6 } + phases.map { t in (t + 1) * (t - 1) * (t - 2) / 2 }
                   + phases.map { t in -(t + 1) * t * (t - 2) / 2 } + phases.map { t in (t + 1) * t * (t - 1) / 6 })
            .map { Float($0) }
    }

    /// Subtracts the baseline of `x` from `output` (same length).
    func subtract(baselineOf x: UnsafeBufferPointer<Float>, from output: UnsafeMutableBufferPointer<Float>)
        throws(FFTPlanningError) {
        let n = x.count
        guard n > 0 else { return }
        let d = decimation
        let smooth = triangleSmoothed(x)
        // Reduced-rate samples k·d for k in first...last cover every output sample's 4 nodes.
        let first = -1, last = (n - 1) / d + 2
        let count = last - first + 1
        let size = min(longBlock, FFTLength.atLeast(count + 2 * margin))
        let block = try blocks.block(size: size, rigor: rigor)
        let hop = size - 2 * margin
        // Every element is written below (block after block from `first` to `last`).
        var reduced = [Double](unsafeUninitializedCapacity: count) { _, initialized in initialized = count }
        let time = FFTBuffer(uninitializedCount: size)
        let spectrum = FFTBuffer(uninitializedCount: 2 * (size / 2 + 1))
        smooth.withUnsafeBufferPointer { smooth in
            reduced.withUnsafeMutableBufferPointer { reduced in
                var start = first
                while start <= last {
                    let origin = start - margin
                    // The triangle-smoothed mirror extension is the mirror extension of the
                    // smoothed signal (the kernel is symmetric), so out-of-range samples reflect.
                    var walk = MirrorWalk(start: origin * d, stride: d, count: n)
                    for j in 0..<size { time.pointer[j] = smooth[walk.next()] }
                    block.filter(time.pointer, spectrum: spectrum.pointer)
                    let valid = min(hop, last + 1 - start)
                    for i in 0..<valid { reduced[start - first + i] = time.pointer[margin + i] }
                    start += valid
                }
            }
        }
        reduced.withUnsafeBufferPointer { f in
            weights.withUnsafeBufferPointer { w in
                let w0 = w.baseAddress!, w1 = w0 + d, w2 = w1 + d, w3 = w2 + d
                var i = 0
                var k = 0
                if d <= 16, n >= 16 {
                    // Sixteen lanes at a time, lanes past `d` weighted 0, written to a scratch
                    // baseline in which the next interval's store overwrites them; then one
                    // straight subtraction. (Subtracting in place loaded each interval right
                    // after the overlapping store of the one before, which stalls the load.)
                    var v0 = SIMD16<Float>(), v1 = v0, v2 = v0, v3 = v0
                    for r in 0..<d { v0[r] = w0[r]; v1[r] = w1[r]; v2[r] = w2[r]; v3[r] = w3[r] }
                    let stride = MemoryLayout<Float>.stride
                    withUnsafeTemporaryAllocation(of: Float.self, capacity: n) { scratch in
                        let baseline = UnsafeMutableRawPointer(scratch.baseAddress!)
                        while i + 16 <= n {
                            let a = Float(f[k]), b = Float(f[k + 1]), c = Float(f[k + 2]), e = Float(f[k + 3])
                            baseline.storeBytes(of: v0 * a + v1 * b + v2 * c + v3 * e,
                                                toByteOffset: i * stride, as: SIMD16<Float>.self)
                            i += d
                            k += 1
                        }
                        // The last store reached i − d + 16 > i: samples before i are done.
                        let done = scratch.baseAddress!, out = output.baseAddress!
                        for j in 0..<i { out[j] -= done[j] }
                    }
                }
                while i < n {
                    // Nodes k−1 … k+2 sit at f[k … k+3] (f starts at reduced-rate index −1).
                    let a = Float(f[k]), b = Float(f[k + 1]), c = Float(f[k + 2]), e = Float(f[k + 3])
                    let out = output.baseAddress! + i
                    for r in 0..<min(d, n - i) {
                        out[r] -= w0[r] * a + w1[r] * b + w2[r] * c + w3[r] * e
                    }
                    i += d
                    k += 1
                }
            }
        }
    }

    /// `x` smoothed by the centred triangle of `2·decimation − 1` samples (gain 1 at 0 Hz),
    /// the signal mirrored about its ends where the triangle overhangs them.
    private func triangleSmoothed(_ x: UnsafeBufferPointer<Float>) -> [Double] {
        let n = x.count
        let d = decimation
        // padded[j] = x[j − (d − 1)] on the mirror extension (one spare sample at the end).
        let paddedCount = n + 2 * (d - 1) + 1
        return withUnsafeTemporaryAllocation(of: Double.self, capacity: paddedCount + n + d) { scratch in
            let p = scratch.baseAddress!, box = p + paddedCount
            MirrorExtension.fill(p, count: paddedCount, from: x, origin: -(d - 1))
            // box[i] = Σ x[i − d + 1 … i], then out[i] = Σ box[i … i + d − 1] / d².
            Self.slidingSums(p, width: d, count: n + d - 1, into: box)
            box[n + d - 1] = 0
            return [Double](unsafeUninitializedCapacity: n) { out, count in
                Self.slidingSums(box, width: d, count: n, into: out.baseAddress!)
                let scale = 1 / Double(d * d)
                for i in 0..<n { out[i] *= scale }
                count = n
            }
        }
    }

    /// `out[i] = Σ p[i … i + width − 1]` for `i < count` (`p` holds `count + width` samples).
    /// Four running sums over four quarters, so that additions do not wait on each other.
    private static func slidingSums(_ p: UnsafePointer<Double>, width: Int, count: Int,
                                    into out: UnsafeMutablePointer<Double>) {
        let quarter = count / 4
        var sums = (0.0, 0.0, 0.0, 0.0)
        for j in 0..<width {
            sums.0 += p[j]; sums.1 += p[quarter + j]; sums.2 += p[2 * quarter + j]; sums.3 += p[3 * quarter + j]
        }
        for j in 0..<quarter {
            let a = j, b = quarter + j, c = 2 * quarter + j, e = 3 * quarter + j
            out[a] = sums.0; sums.0 += p[a + width] - p[a]
            out[b] = sums.1; sums.1 += p[b + width] - p[b]
            out[c] = sums.2; sums.2 += p[c + width] - p[c]
            out[e] = sums.3; sums.3 += p[e + width] - p[e]
        }
        for i in (4 * quarter)..<count {
            out[i] = sums.3; sums.3 += p[i + width] - p[i]
        }
    }
}

/// Reduced-rate FFT blocks (plan and mask) per length, built on first use.
private final class BlockFilters: Sendable {
    struct Block: Sendable {
        let plan: RealFFTPlan
        /// Baseline gain over the triangle's gain, pre-divided by the block length.
        let mask: [Double]

        /// Filters `count` reduced-rate samples in place (`spectrum` is scratch).
        func filter(_ time: UnsafeMutablePointer<Double>, spectrum: UnsafeMutablePointer<Double>) {
            plan.forward(time, spectrum)
            mask.withUnsafeBufferPointer { gains in
                for k in 0..<gains.count {
                    spectrum[2 * k] *= gains[k]
                    spectrum[2 * k + 1] *= gains[k]
                }
            }
            plan.backward(spectrum, time)
        }
    }

    private let response: FrequencyResponse
    private let fs: Double
    private let decimation: Int
    private let cache: FFTPlanCache
    private let built = Mutex<[Int: Block]>([:])

    init(response: FrequencyResponse, samplingFrequency: Double, decimation: Int, cache: FFTPlanCache) {
        self.response = response
        fs = samplingFrequency
        self.decimation = decimation
        self.cache = cache
    }

    func block(size: Int, rigor: FFTPlanningRigor) throws(FFTPlanningError) -> Block {
        if let existing = built.withLock({ $0[size] }) { return existing }
        let plan = try cache.plan(count: size, rigor: rigor)
        let reduced = fs / Double(decimation)
        let d = Double(decimation)
        let mask = (0..<(size / 2 + 1)).map { k -> Double in
            let f = Double(k) * reduced / Double(size)
            let g = response.gain(at: f)
            guard g > 0 else { return 0 }
            // The triangle is the square of a d-sample boxcar's Dirichlet kernel.
            let x = Double.pi * f / fs
            let box = x == 0 ? 1 : sin(d * x) / (d * sin(x))
            return g / (box * box) / Double(size)
        }
        let made = Block(plan: plan, mask: mask)
        built.withLock { $0[size] = made }
        return made
    }
}
