import ECGModel
import Foundation

/// Evidence that the left- and right-arm electrodes were swapped, a common recording error
/// that mimics a lateral infarct or dextrocardia if it is read at face value.
///
/// The sign used is the disagreement of the two lateral leads: swapped arm electrodes invert
/// lead I (and make aVR look like aVL) but leave the precordial leads untouched, so lead I
/// points down while V6 points up. A right axis deviation turns lead I down too, but then V6
/// follows it; dextrocardia inverts lead I and V6 together. The check states a suspicion only
/// when all three leads are clearly polarised, and says nothing otherwise.
public struct LimbLeadReversalCheck: Sendable {
    /// A lead is "clearly negative" when its upward deflection is below this fraction of its
    /// downward one (and "clearly positive" when above the reciprocal).
    public var polarityRatio: Double

    public init(polarityRatio: Double = 0.5) {
        self.polarityRatio = polarityRatio
    }

    /// What the check found: the polarity ratios it used, and whether they show reversal.
    public struct Finding: Sendable, Equatable {
        /// Upward over downward deflection (from the 1 s running baseline) of lead I, aVR, V6.
        public var leadI: Double
        public var aVR: Double
        public var v6: Double
        /// Whether the evidence for LA/RA reversal is clear.
        public var suspectsArmElectrodeReversal: Bool

        public init(leadI: Double, aVR: Double, v6: Double, suspectsArmElectrodeReversal: Bool) {
            self.leadI = leadI
            self.aVR = aVR
            self.v6 = v6
            self.suspectsArmElectrodeReversal = suspectsArmElectrodeReversal
        }
    }

    /// The finding for `record`, or `nil` when lead I, aVR or V6 is absent or unusable.
    ///
    /// `quality` is the leads' quality index in the record's order when already computed
    /// (``SignalQualityAssessor``); otherwise the three leads are assessed here.
    public func check(_ record: ECGRecord, quality: [LeadQuality]? = nil) -> Finding? {
        let assessor = SignalQualityAssessor()
        let fs = record.samplingFrequency.hertz
        func ratio(_ lead: Lead) -> Double? {
            guard let index = record.leads.firstIndex(where: { $0.lead == lead }) else { return nil }
            let signal = record.leads[index]
            let usable = if let quality, index < quality.count { quality[index].isUsable }
                else { assessor.assess(signal.samples, label: signal.label, samplingFrequency: fs).isUsable }
            guard usable else { return nil }
            // Pacemaker stimuli are taller than any wave and of either sign: remove them first.
            var samples = SignalSanitizer.allFinite(signal.samples) ? signal.samples : signal.samples.filter(\.isFinite)
            SpikeSuppressor().apply(to: &samples, samplingFrequency: fs)
            return Self.polarity(samples, window: max(1, Int(fs)))
        }
        guard let i = ratio(.i), let r = ratio(.aVR), let v6 = ratio(.v6) else { return nil }
        let clearlyUp = 1 / polarityRatio
        let suspected = i < polarityRatio && v6 > clearlyUp && r > polarityRatio
        return Finding(leadI: i, aVR: r, v6: v6, suspectsArmElectrodeReversal: suspected)
    }

    /// Largest rise over largest fall from the running baseline (∞-safe: a fall of 0 counts as
    /// a tiny one).
    static func polarity(_ x: [Float], window: Int) -> Double {
        // The baseline is ``SignalQualityAssessor/runningMean(_:window:)``, evaluated in the
        // same loop instead of stored.
        let prefix = SignalQualityAssessor.prefixSums(x)
        let half = window / 2, n = x.count
        var up: Float = 0, down: Float = 0
        prefix.withUnsafeBufferPointer { prefix in
            x.withUnsafeBufferPointer { x in
                func visit(_ i: Int) {
                    let a = max(0, i - half), b = min(n, i + half + 1)
                    let baseline = Float((prefix[b] - prefix[a]) / Double(b - a))
                    up = max(up, x[i] - baseline)
                    down = max(down, baseline - x[i])
                }
                // Where the window is whole, four samples at a time: the same quotient per
                // sample (one divisor), and maxima are exact in any order (NaN differences
                // are skipped either way: `max` and `pointwiseMax` keep the running value).
                let interiorEnd = n - half - 1
                guard half < interiorEnd, let p = UnsafeRawPointer(prefix.baseAddress),
                      let samples = UnsafeRawPointer(x.baseAddress) else {
                    for i in 0..<n { visit(i) }
                    return
                }
                for i in 0..<half { visit(i) }
                let width = SIMD4<Double>(repeating: Double(2 * half + 1))
                var ups = SIMD4<Float>(repeating: 0), downs = ups
                var i = half
                while i + 4 <= interiorEnd + 1 {
                    let hi = p.loadUnaligned(fromByteOffset: (i + half + 1) * MemoryLayout<Double>.stride, as: SIMD4<Double>.self)
                    let lo = p.loadUnaligned(fromByteOffset: (i - half) * MemoryLayout<Double>.stride, as: SIMD4<Double>.self)
                    let baseline = SIMD4<Float>((hi - lo) / width)
                    let v = samples.loadUnaligned(fromByteOffset: i * MemoryLayout<Float>.stride, as: SIMD4<Float>.self)
                    ups = pointwiseMax(ups, v - baseline)
                    downs = pointwiseMax(downs, baseline - v)
                    i += 4
                }
                up = max(up, ups.max())
                down = max(down, downs.max())
                while i < n { visit(i); i += 1 }
            }
        }
        return Double(up) / Double(max(down, 1e-6))
    }
}
