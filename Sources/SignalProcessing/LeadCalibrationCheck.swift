import ECGModel

/// Whether a record's lead amplitudes are physical millivolts, as axes and voltage criteria
/// assume.
///
/// The six limb leads are two independent signals: III = II − I (Einthoven), aVR = −(I + II)/2,
/// aVL = (I − III)/2 and aVF = (II + III)/2 (Goldberger) hold for any recording, whether the cart
/// computes four of them or records them. A record whose limb leads break these relations has
/// been rescaled lead by lead, or carries leads under wrong names; a frontal axis computed from
/// it is meaningless. Some published datasets scale every lead to the same range (all twelve
/// leads of LUDB 1.0.1 span exactly 1 mV), which also makes voltage criteria (low voltage, LVH)
/// meaningless. Both are checked here; a recording that passes says nothing more.
public struct LeadCalibrationCheck: Sendable {
    /// Largest residual of the limb-lead relations, relative to the limb leads' own size, for
    /// consistent leads. Residuals are computed on the changes over ``changeInterval`` (baseline
    /// offsets drop out, and sample quantisation weighs less than in first differences): on
    /// PTB-XL they stay below 0.01, on LUDB's rescaled leads they are 0.16–0.88
    /// (`lead_calibration` in `ecgnarrator measure --json`).
    public var maximumLimbLeadResidual: Double
    /// Largest over smallest peak-to-peak amplitude of the usable leads below which every lead
    /// is taken to be scaled to the same range (real leads differ by a factor of 2 or more).
    public var normalisedSpread: Double
    /// Fewest usable leads for the same-range test.
    public var minimumLeadsForSpread: Int

    /// The interval (s) over which signal changes are compared.
    static let changeInterval = 0.02

    public init(maximumLimbLeadResidual: Double = 0.1, normalisedSpread: Double = 1.01, minimumLeadsForSpread: Int = 6) {
        self.maximumLimbLeadResidual = maximumLimbLeadResidual
        self.normalisedSpread = normalisedSpread
        self.minimumLeadsForSpread = minimumLeadsForSpread
    }

    /// What the check found.
    public struct Finding: Sendable, Equatable {
        /// Largest relative residual of the limb-lead relations; `nil` without usable I, II, III.
        public var limbLeadResidual: Double?
        /// The relation with that residual ("III = II − I", "aVR = −(I + II)/2", …).
        public var limbLeadRelation: String?
        /// Largest over smallest peak-to-peak amplitude of the usable leads.
        public var peakToPeakSpread: Double?
        /// The limb leads do not satisfy Einthoven's and Goldberger's relations.
        public var limbLeadsInconsistent: Bool
        /// Every usable lead has the same peak-to-peak amplitude.
        public var amplitudesNormalised: Bool
        /// For inconsistent limb leads that were only rescaled one by one: their gains relative
        /// to lead I (dividing by them restores the relations).
        public var limbLeadGains: LimbLeadGains?

        /// Whether axes and voltages can be read from the amplitudes.
        public var amplitudesArePhysical: Bool { !limbLeadsInconsistent && !amplitudesNormalised }
        /// Whether frontal axes can be read: the limb leads agree with each other as recorded, or
        /// once their gains are divided out (an axis needs their relative calibration only).
        public var axesDeterminable: Bool { !limbLeadsInconsistent || limbLeadGains != nil }

        public init(limbLeadResidual: Double?, limbLeadRelation: String?, peakToPeakSpread: Double?,
                    limbLeadsInconsistent: Bool, amplitudesNormalised: Bool, limbLeadGains: LimbLeadGains? = nil) {
            self.limbLeadResidual = limbLeadResidual
            self.limbLeadRelation = limbLeadRelation
            self.peakToPeakSpread = peakToPeakSpread
            self.limbLeadsInconsistent = limbLeadsInconsistent
            self.amplitudesNormalised = amplitudesNormalised
            self.limbLeadGains = limbLeadGains
        }
    }

    /// The finding for `record`; `quality` is the leads' quality index in record order (unusable
    /// leads take no part).
    public func check(_ record: ECGRecord, quality: [LeadQuality]) -> Finding {
        func usable(_ index: Int) -> Bool { index >= quality.count || quality[index].isUsable }
        func samples(_ lead: Lead) -> [Float]? {
            guard let index = record.leads.firstIndex(where: { $0.lead == lead }), usable(index) else { return nil }
            return record.leads[index].samples
        }
        var residual: Double?, relation: String?
        var gains: LimbLeadGains?
        let lag = max(1, Int((record.samplingFrequency.hertz * Self.changeInterval).rounded()))
        if let i = samples(.i), let ii = samples(.ii), let iii = samples(.iii) {
            // Each relation as weights on (I, II, III) that the lead must equal.
            var relations: [(String, [Float], (Float, Float, Float))] = [("III = II − I", iii, (-1, 1, 0))]
            if let v = samples(.aVR) { relations.append(("aVR = −(I + II)/2", v, (-0.5, -0.5, 0))) }
            if let v = samples(.aVL) { relations.append(("aVL = (I − III)/2", v, (0.5, 0, -0.5))) }
            if let v = samples(.aVF) { relations.append(("aVF = (II + III)/2", v, (0, 0.5, 0.5))) }
            if let scale = Self.rootMeanSquareChange([i, ii, iii], lag: lag), scale > 0 {
                for (name, lead, w) in relations {
                    guard let r = Self.relativeResidual(lead, i, ii, iii, weights: w, lag: lag, scale: scale) else { continue }
                    if r > (residual ?? -1) { residual = r; relation = name }
                }
            }
            if (residual ?? 0) > maximumLimbLeadResidual, let aVR = samples(.aVR), let aVL = samples(.aVL),
               let aVF = samples(.aVF) {
                gains = LimbLeadGains.estimate(i: i, ii: ii, iii: iii, aVR: aVR, aVL: aVL, aVF: aVF, lag: lag)
            }
        }
        let ranges = quality.filter(\.isUsable).map(\.peakToPeak).filter { $0 > 0 }
        var spread: Double?
        if ranges.count >= minimumLeadsForSpread, let low = ranges.min(), let high = ranges.max() { spread = high / low }
        return Finding(limbLeadResidual: residual, limbLeadRelation: relation, peakToPeakSpread: spread,
                       limbLeadsInconsistent: (residual ?? 0) > maximumLimbLeadResidual,
                       amplitudesNormalised: (spread ?? .infinity) < normalisedSpread, limbLeadGains: gains)
    }

    /// RMS of the changes over `lag` samples, over all finite samples of `leads`.
    static func rootMeanSquareChange(_ leads: [[Float]], lag: Int) -> Double? {
        var total = ChangeEnergy()
        for x in leads where x.count > lag {
            x.withUnsafeBufferPointer { x in
                total.add(count: x.count, lag: lag, eight: { k in x.load8(k) }, one: { k in x[k] })
            }
        }
        return total.rootMeanSquare
    }

    /// RMS of the changes over `lag` samples of `lead − (w0·I + w1·II + w2·III)`, over `scale`;
    /// `nil` when the leads differ in length or have no finite sample in common.
    static func relativeResidual(_ lead: [Float], _ i: [Float], _ ii: [Float], _ iii: [Float],
                                 weights w: (Float, Float, Float), lag: Int, scale: Double) -> Double? {
        let n = lead.count
        guard i.count == n, ii.count == n, iii.count == n, n > lag else { return nil }
        var total = ChangeEnergy()
        lead.withUnsafeBufferPointer { lead in i.withUnsafeBufferPointer { i in
            ii.withUnsafeBufferPointer { ii in iii.withUnsafeBufferPointer { iii in
                // The difference signal is formed where it is read, not stored (the same Float
                // arithmetic per sample, eight samples at a time).
                total.add(count: n, lag: lag,
                          eight: { k in lead.load8(k) - (w.0 * i.load8(k) + w.1 * ii.load8(k) + w.2 * iii.load8(k)) },
                          one: { k in lead[k] - (w.0 * i[k] + w.1 * ii[k] + w.2 * iii[k]) })
            } }
        } }
        return total.rootMeanSquare.map { $0 / scale }
    }

    /// Sum of squared changes over a lag and how many were finite, eight changes at a time (the
    /// additions into one running sum would wait on each other; eight lanes do not).
    struct ChangeEnergy {
        var sum = 0.0
        var count = 0

        var rootMeanSquare: Double? { count > 0 ? (sum / Double(count)).squareRoot() : nil }

        /// Adds the changes `value(k) − value(k − lag)` for `lag ≤ k < n`, each in `Double`;
        /// `eight(k)` gives samples `k … k + 7`, `one(k)` sample `k`.
        @inline(__always)
        mutating func add(count n: Int, lag: Int, eight: (Int) -> SIMD8<Float>, one: (Int) -> Float) {
            var sums = SIMD8<Double>(repeating: 0), counts = SIMD8<Double>(repeating: 0)
            var k = lag
            while k + 8 <= n {
                let d = SIMD8<Double>(eight(k)) - SIMD8<Double>(eight(k - lag))
                // x − x is 0 for finite x and NaN otherwise.
                let finite = (d - d) .== 0
                sums += (d * d).replacing(with: 0, where: .!finite)
                counts += SIMD8(repeating: 1).replacing(with: 0, where: .!finite)
                k += 8
            }
            while k < n {
                let d = Double(one(k)) - Double(one(k - lag))
                if d.isFinite { sums[0] += d * d; counts[0] += 1 }
                k += 1
            }
            sum += sums.sum()
            count += Int(counts.sum())
        }
    }
}

private extension UnsafeBufferPointer<Float> {
    /// Samples `k … k + 7` (the caller keeps `k + 8 ≤ count`).
    @inline(__always)
    func load8(_ k: Int) -> SIMD8<Float> {
        UnsafeRawPointer(baseAddress!).loadUnaligned(fromByteOffset: k * MemoryLayout<Float>.stride, as: SIMD8<Float>.self)
    }
}
