import ECGModel
import Foundation

/// A defect that makes a lead's samples unfit (or less fit) for measurement.
public enum SignalProblem: String, Sendable, Equatable, CaseIterable, CustomStringConvertible {
    /// Most samples are missing (`NaN`: the lead was not recorded or the sample was invalid).
    case missing
    /// The lead barely moves: electrode off, or a zeroing amplifier.
    case flat
    /// The amplifier clipped: the signal sits at its extreme value for stretches of time.
    case saturated
    /// The baseline drifts far more than an ECG's own slow content (respiration, movement).
    case baselineWander = "baseline wander"
    /// Broadband noise above the ECG's band (muscle tremor, poor contact).
    case highFrequencyNoise = "high-frequency noise"
    /// The lead's beats do not resemble each other (see ``BeatConsistency``): what it shows is
    /// not the heart's repeating waveform (noise, a loose electrode).
    case inconsistentBeats = "inconsistent beats"

    public var description: String { rawValue }

    /// Problems after which the lead's waveform cannot be measured at all.
    public var excludesLead: Bool { self == .missing || self == .flat || self == .saturated || self == .inconsistentBeats }
}

/// The quality index of one lead: the figures it rests on and the problems they show.
public struct LeadQuality: Sendable, Equatable {
    /// The lead's label as the record names it.
    public var label: String
    /// Fraction of samples that are `NaN` or infinite.
    public var missingFraction: Double
    /// Peak-to-peak amplitude of the valid samples (mV); 0 for a lead with none.
    public var peakToPeak: Double
    /// Fraction of samples in runs held at the lead's extreme value.
    public var saturatedFraction: Double
    /// Spread of the slow baseline (5th to 95th percentile of a 1 s running mean, mV).
    public var baselineWander: Double
    /// Robust RMS of the content above ≈ 40 Hz (1.4826 × median absolute residual, mV).
    public var highFrequencyNoise: Double
    /// Median correlation of the lead's beats with its average beat (``BeatConsistency``);
    /// `nil` until beats are known, or with too few of them.
    public var beatConsistency: Double? = nil
    /// The problems the figures show, in ``SignalProblem`` order.
    public var problems: [SignalProblem]

    public init(label: String, missingFraction: Double = 0, peakToPeak: Double = 0, saturatedFraction: Double = 0,
                baselineWander: Double = 0, highFrequencyNoise: Double = 0, beatConsistency: Double? = nil,
                problems: [SignalProblem] = []) {
        self.label = label
        self.missingFraction = missingFraction
        self.peakToPeak = peakToPeak
        self.saturatedFraction = saturatedFraction
        self.baselineWander = baselineWander
        self.highFrequencyNoise = highFrequencyNoise
        self.beatConsistency = beatConsistency
        self.problems = problems
    }

    /// Whether global measurements may use this lead (no missing, flat, saturated or
    /// inconsistent signal).
    public var isUsable: Bool { !problems.contains { $0.excludesLead } }

    /// An index from 0 (unusable) to 1 (clean): each noise problem halves it.
    public var index: Double {
        guard isUsable else { return 0 }
        return problems.reduce(1) { score, _ in score / 2 }
    }
}

/// Computes a per-lead signal-quality index from the samples alone, in O(n) per lead.
///
/// The thresholds are in physical units so that they mean the same at any sampling rate:
/// a diagnostic ECG lead moves by at least a few tenths of a millivolt, its baseline by less
/// than a millivolt, and its content above 40 Hz (outside the QRS) is tens of microvolts.
public struct SignalQualityAssessor: Sendable {
    /// Below this peak-to-peak amplitude (mV) a lead is flat.
    public var flatPeakToPeak: Double
    /// Above this fraction of `NaN` samples a lead is missing.
    public var maximumMissingFraction: Double
    /// Above this fraction of clipped samples a lead is saturated.
    public var maximumSaturatedFraction: Double
    /// Shortest run at the extreme value (ms) counted as clipping rather than a sharp peak.
    public var saturationRun: Milliseconds
    /// Above this baseline spread (mV) the lead has baseline wander.
    public var maximumBaselineWander: Double
    /// Above this robust high-frequency RMS (mV) the lead is noisy.
    public var maximumHighFrequencyNoise: Double

    public init(flatPeakToPeak: Double = 0.02, maximumMissingFraction: Double = 0.5,
                maximumSaturatedFraction: Double = 0.02, saturationRun: Milliseconds = Milliseconds(20),
                maximumBaselineWander: Double = 1.0, maximumHighFrequencyNoise: Double = 0.05) {
        self.flatPeakToPeak = flatPeakToPeak
        self.maximumMissingFraction = maximumMissingFraction
        self.maximumSaturatedFraction = maximumSaturatedFraction
        self.saturationRun = saturationRun
        self.maximumBaselineWander = maximumBaselineWander
        self.maximumHighFrequencyNoise = maximumHighFrequencyNoise
    }

    /// The quality of every lead of `record`, in the record's order.
    public func assess(_ record: ECGRecord) -> [LeadQuality] {
        // The running sums of all leads together (see ``prefixSums(ofEach:)``); a lead with
        // invalid samples sums its valid ones itself.
        let finite = record.leads.map { SignalSanitizer.allFinite($0.samples) }
        let together = finite.allSatisfy { $0 } ? Self.prefixSums(ofEach: record.leads.map(\.samples)) : nil
        return record.leads.indices.map { l in
            let lead = record.leads[l]
            return assess(lead.samples, label: lead.label, samplingFrequency: record.samplingFrequency.hertz,
                          allFinite: finite[l], prefix: together?[l])
        }
    }

    /// The leads of `record` that global measurements may use.
    public func usableLeads(of record: ECGRecord) -> [LeadSignal] {
        zip(record.leads, assess(record)).filter { $0.1.isUsable }.map(\.0)
    }

    /// The quality of one lead sampled at `samplingFrequency` Hz (samples in mV).
    public func assess(_ samples: [Float], label: String, samplingFrequency fs: Double) -> LeadQuality {
        assess(samples, label: label, samplingFrequency: fs, allFinite: SignalSanitizer.allFinite(samples), prefix: nil)
    }

    /// ``assess(_:label:samplingFrequency:)`` given whether every sample is finite and, for such
    /// a lead, possibly its ``prefixSums(_:)`` already.
    func assess(_ samples: [Float], label: String, samplingFrequency fs: Double, allFinite: Bool,
                prefix known: [Double]?) -> LeadQuality {
        let n = samples.count
        // Almost every lead is entirely finite: then no copy is made.
        let valid = allFinite ? samples : samples.filter { $0.isFinite }
        let missing = n == 0 ? 1 : Double(n - valid.count) / Double(n)
        var quality = LeadQuality(label: label, missingFraction: missing, peakToPeak: 0, saturatedFraction: 0,
                                  baselineWander: 0, highFrequencyNoise: 0, problems: [])
        guard let (low, high) = Self.extremes(valid), missing <= maximumMissingFraction else {
            quality.problems = [.missing]
            return quality
        }
        quality.peakToPeak = Double(high - low)
        if quality.peakToPeak < flatPeakToPeak {
            quality.problems = [.flat]
            return quality
        }
        let rate = fs.isFinite && fs > 0 ? fs : 1
        quality.saturatedFraction = Self.clippedFraction(valid, low: low, high: high,
                                                         run: max(3, Int(saturationRun.value * rate / 1000)))
        // Both statistics from about 500 evenly spaced samples (every 20 ms of a 10-s
        // record): the 1 s baseline barely moves between them, and a median of five hundred
        // residuals is as good as one of all; the running means are evaluated only there.
        let count = valid.count
        let step = max(1, count / 500)
        let oneSecond = max(1, Int(rate)), shortWindow = max(1, Int(rate / 40)) | 1
        var baseline: [Float] = [], residual: [Float] = []
        baseline.reserveCapacity(count / step + 1)
        residual.reserveCapacity(count / step + 1)
        let prefix = allFinite ? known ?? Self.prefixSums(valid) : Self.prefixSums(valid)
        prefix.withUnsafeBufferPointer { prefix in
            func mean(at i: Int, window: Int) -> Float {
                let a = max(0, i - window / 2), b = min(count, i + window / 2 + 1)
                return Float((prefix[b] - prefix[a]) / Double(b - a))
            }
            for i in stride(from: 0, to: count, by: step) {
                baseline.append(mean(at: i, window: oneSecond))
                residual.append(abs(valid[i] - mean(at: i, window: shortWindow)))
            }
        }
        quality.baselineWander = Self.percentileSpread(baseline)
        quality.highFrequencyNoise = 1.4826 * Double(Self.median(residual))

        var problems: [SignalProblem] = []
        if quality.saturatedFraction > maximumSaturatedFraction { problems.append(.saturated) }
        if quality.baselineWander > maximumBaselineWander { problems.append(.baselineWander) }
        if quality.highFrequencyNoise > maximumHighFrequencyNoise { problems.append(.highFrequencyNoise) }
        quality.problems = problems
        return quality
    }

    /// The smallest and largest sample, in one pass (eight lanes at a time); `nil` for no
    /// samples. The samples are finite here, so the lanes' order does not matter.
    static func extremes(_ x: [Float]) -> (Float, Float)? {
        guard !x.isEmpty else { return nil }
        return x.withUnsafeBufferPointer { x in
            var low = x[0], high = x[0]
            var i = 0
            if let raw = UnsafeRawPointer(x.baseAddress), x.count >= 8 {
                var lows = SIMD8<Float>(repeating: low), highs = lows
                while i + 8 <= x.count {
                    let v = raw.loadUnaligned(fromByteOffset: i * MemoryLayout<Float>.stride, as: SIMD8<Float>.self)
                    // Compare and blend (`pointwiseMin` orders NaNs lane by lane, far slower).
                    lows.replace(with: v, where: v .< lows)
                    highs.replace(with: v, where: v .> highs)
                    i += 8
                }
                low = lows.min(); high = highs.max()
            }
            while i < x.count {
                low = Swift.min(low, x[i])
                high = Swift.max(high, x[i])
                i += 1
            }
            return (low, high)
        }
    }

    /// Fraction of samples in runs of at least `run` samples within 0.1 % of the range of
    /// the minimum or maximum.
    static func clippedFraction(_ x: [Float], low: Float, high: Float, run: Int) -> Double {
        let tolerance = (high - low) * 0.001
        // Most leads touch their extremes only at a few peak samples: when fewer samples than
        // one run lie near either extreme, no run can be long enough (a branch-free count).
        let near = x.withUnsafeBufferPointer { x in
            let top = high - tolerance, bottom = low + tolerance
            var count = 0, i = 0
            if let raw = UnsafeRawPointer(x.baseAddress) {
                // Eight samples at a time: lanes count 1 at each extreme they are near.
                let one = SIMD8<Int32>(repeating: 1), none = SIMD8<Int32>(repeating: 0)
                var lanes = none
                let tops = SIMD8<Float>(repeating: top), bottoms = SIMD8<Float>(repeating: bottom)
                while i + 8 <= x.count {
                    let v = raw.loadUnaligned(fromByteOffset: i * MemoryLayout<Float>.stride, as: SIMD8<Float>.self)
                    lanes &+= none.replacing(with: one, where: v .>= tops) &+ none.replacing(with: one, where: v .<= bottoms)
                    i += 8
                }
                count = Int(lanes.wrappedSum())
            }
            while i < x.count {
                count &+= (x[i] >= top ? 1 : 0) &+ (x[i] <= bottom ? 1 : 0)
                i += 1
            }
            return count
        }
        if near < run { return 0 }
        var clipped = 0
        var length = 0
        var atHigh = false
        func close() { if length >= run { clipped += length }; length = 0 }
        for v in x {
            let isHigh = v >= high - tolerance, isLow = v <= low + tolerance
            if (isHigh || isLow) && (length == 0 || atHigh == isHigh) {
                length += 1
                atHigh = isHigh
            } else {
                close()
                if isHigh || isLow { length = 1; atHigh = isHigh }
            }
        }
        close()
        return Double(clipped) / Double(max(1, x.count))
    }

    /// Centred running mean over `window` samples (shrinking at the ends), via prefix sums.
    static func runningMean(_ x: [Float], window: Int) -> [Float] {
        let prefix = prefixSums(x)
        let half = window / 2, n = x.count
        return prefix.withUnsafeBufferPointer { prefix in
            [Float](unsafeUninitializedCapacity: n) { out, initialized in
                for i in 0..<n {
                    let a = max(0, i - half), b = min(n, i + half + 1)
                    out[i] = Float((prefix[b] - prefix[a]) / Double(b - a))
                }
                initialized = n
            }
        }
    }

    /// ``prefixSums(_:)`` of each signal. Four signals of one length are summed in one loop:
    /// each sum still adds its samples in order (the same numbers), but the four chains of
    /// additions overlap instead of each waiting out the previous addition's latency.
    static func prefixSums(ofEach signals: [[Float]]) -> [[Double]] {
        var out: [[Double]] = []
        out.reserveCapacity(signals.count)
        var l = 0
        while l < signals.count {
            let count = signals[l].count
            // Two or three last signals share a loop too (the free slots repeat the last one).
            let group = min(4, signals.count - l)
            let members = (0..<4).map { signals[l + min($0, group - 1)] }
            guard group >= 2, members.allSatisfy({ $0.count == count }) else {
                out.append(prefixSums(signals[l]))
                l += 1
                continue
            }
            let zeros = [Double](repeating: 0, count: count + 1)
            var p0 = zeros, p1 = zeros, p2 = zeros, p3 = zeros
            members[0].withUnsafeBufferPointer { a in members[1].withUnsafeBufferPointer { b in
                members[2].withUnsafeBufferPointer { c in members[3].withUnsafeBufferPointer { d in
                    p0.withUnsafeMutableBufferPointer { pa in p1.withUnsafeMutableBufferPointer { pb in
                        p2.withUnsafeMutableBufferPointer { pc in p3.withUnsafeMutableBufferPointer { pd in
                            var sa = 0.0, sb = 0.0, sc = 0.0, sd = 0.0
                            for i in 0..<count {
                                sa += Double(a[i]); pa[i + 1] = sa
                                sb += Double(b[i]); pb[i + 1] = sb
                                sc += Double(c[i]); pc[i + 1] = sc
                                sd += Double(d[i]); pd[i + 1] = sd
                            }
                        } }
                    } }
                } }
            } }
            out += [p0, p1, p2, p3].prefix(group)
            l += group
        }
        return out
    }

    /// `prefix[i]` = the sum of the first `i` samples, accumulated in order in `Double`.
    static func prefixSums(_ x: [Float]) -> [Double] {
        let count = x.count
        return [Double](unsafeUninitializedCapacity: count + 1) { buffer, initialized in
            x.withUnsafeBufferPointer { x in
                var sum = 0.0
                buffer[0] = 0
                for i in 0..<count {
                    sum += Double(x[i])
                    buffer[i + 1] = sum
                }
            }
            initialized = count + 1
        }
    }

    static func percentileSpread(_ x: [Float]) -> Double {
        guard !x.isEmpty else { return 0 }
        let (low, high) = RankSelection.values(ofRanks: Int(0.05 * Double(x.count - 1)),
                                               Int(0.95 * Double(x.count - 1)), in: x)
        return Double(high - low)
    }

    static func median(_ x: [Float]) -> Float {
        guard !x.isEmpty else { return 0 }
        return RankSelection.value(ofRank: x.count / 2, in: x)
    }
}
