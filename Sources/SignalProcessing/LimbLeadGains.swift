import ECGModel

/// The relative gains of the six limb leads of a record whose leads were rescaled one by one.
///
/// Einthoven's and Goldberger's relations tie the six limb leads to two signals. A record whose
/// leads were each multiplied by a gain of its own (a dataset that scales every lead to one
/// range, or normalises each lead for machine learning) breaks the relations, but satisfies
/// them again once every lead is divided by its gain. The gains follow, up to one common factor,
/// from least squares on the signal changes (offsets drop out): III = α·II + β·I gives lead
/// III's and II's gains relative to lead I, then each augmented lead's gain is its
/// projection on the combination of I and II it must equal. When the fitted relations hold
/// (``maximumFitResidual``) the leads' relative calibration is restored, which is all a frontal
/// axis needs; absolute amplitudes (voltage criteria) stay unknown.
public struct LimbLeadGains: Sendable, Equatable {
    /// Gain of each limb lead relative to lead I (lead I is 1).
    public var gains: [Lead: Double]
    /// Largest RMS residual of the four fitted relations over the RMS of the lead fitted.
    public var fitResidual: Double

    public init(gains: [Lead: Double], fitResidual: Double) {
        self.gains = gains
        self.fitResidual = fitResidual
    }

    /// Largest residual of the fitted relations for which the gains are trusted. LUDB 1.0.1's
    /// rescaled leads leave 0.2–2 % after the fit (16–88 % before it, `limb_lead_residual`); leads under
    /// wrong names or with other distortions than a gain do not come this close.
    public static let maximumFitResidual = 0.05

    /// The gains of `leads` (the six limb leads, equally long, finite), or `nil` when a gain is not
    /// positive (an inverted lead is not a rescaled one) or the fitted relations do not hold.
    /// `lag` is the interval of the signal changes, in samples.
    public static func estimate(i: [Float], ii: [Float], iii: [Float], aVR: [Float], aVL: [Float], aVF: [Float],
                                lag: Int) -> LimbLeadGains? {
        let n = i.count
        let leads = [i, ii, iii, aVR, aVL, aVF]
        guard lag > 0, n > lag + 2, leads.allSatisfy({ $0.count == n }) else { return nil }
        // Every least-squares fit and residual below needs only these sums of products of the
        // signal changes over `lag` (d = x[k] − x[k − lag]), gathered in one pass.
        var sums = ChangeProducts()
        i.withUnsafeBufferPointer { i in ii.withUnsafeBufferPointer { ii in iii.withUnsafeBufferPointer { iii in
            aVR.withUnsafeBufferPointer { aVR in aVL.withUnsafeBufferPointer { aVL in aVF.withUnsafeBufferPointer { aVF in
                for k in lag..<n {
                    func d(_ x: UnsafeBufferPointer<Float>) -> Double { Double(x[k]) - Double(x[k - lag]) }
                    sums.add(i: d(i), ii: d(ii), iii: d(iii), augmented: (d(aVR), d(aVL), d(aVF)))
                }
            } } }
        } } }
        guard sums.isFinite else { return nil }
        // III = α·II + β·I, with α = g_III / g_II and β = −g_III (lead I's gain is 1).
        let det = sums.iiSquared * sums.iSquared - sums.iiTimesI * sums.iiTimesI
        guard det > 1e-12 * sums.iiSquared * sums.iSquared, det.isFinite else { return nil }
        let alpha = (sums.iSquared * sums.iiTimesIII - sums.iiTimesI * sums.iiiTimesI) / det
        let beta = (sums.iiSquared * sums.iiiTimesI - sums.iiTimesI * sums.iiTimesIII) / det
        let gIII = -beta
        guard gIII > 0, alpha > 0, sums.iiiSquared > 0 else { return nil }
        let gII = gIII / alpha
        // Residual energy of the fit, expanded in the sums.
        let residualIII = sums.iiiSquared - 2 * alpha * sums.iiTimesIII - 2 * beta * sums.iiiTimesI
            + alpha * alpha * sums.iiSquared + 2 * alpha * beta * sums.iiTimesI + beta * beta * sums.iSquared
        var worst = (max(0, residualIII) / sums.iiiSquared).squareRoot()
        var gains: [Lead: Double] = [.i: 1, .ii: gII, .iii: gIII]
        // Each augmented lead: its gain times the combination wI·I + wII·II/g_II it must equal.
        let augmented: [(Lead, (Double, Double), ChangeProducts.Augmented)] = [
            (.aVR, (-0.5, -0.5), sums.aVR), (.aVL, (1, -0.5), sums.aVL), (.aVF, (-0.5, 1), sums.aVF),
        ]
        for (lead, (wI, wII), a) in augmented {
            let v = wII / gII
            let modelEnergy = wI * wI * sums.iSquared + 2 * wI * v * sums.iiTimesI + v * v * sums.iiSquared
            let projection = wI * a.withI + v * a.withII
            guard modelEnergy > 0, a.energy > 0 else { return nil }
            let g = projection / modelEnergy
            guard g > 0 else { return nil }
            worst = max(worst, (max(0, a.energy - g * projection) / a.energy).squareRoot())
            gains[lead] = g
        }
        guard worst <= maximumFitResidual else { return nil }
        return LimbLeadGains(gains: gains, fitResidual: worst)
    }

    /// Sums of products of the limb leads' signal changes.
    struct ChangeProducts {
        struct Augmented {
            var energy = 0.0, withI = 0.0, withII = 0.0
        }
        var iSquared = 0.0, iiTimesI = 0.0, iiSquared = 0.0, iiTimesIII = 0.0, iiiTimesI = 0.0, iiiSquared = 0.0
        var aVR = Augmented(), aVL = Augmented(), aVF = Augmented()

        var isFinite: Bool {
            [iSquared, iiTimesI, iiSquared, iiTimesIII, iiiTimesI, iiiSquared, aVR.energy, aVL.energy, aVF.energy].allSatisfy(\.isFinite)
        }

        mutating func add(i: Double, ii dII: Double, iii dIII: Double, augmented: (Double, Double, Double)) {
            iSquared += i * i; iiTimesI += dII * i; iiSquared += dII * dII
            iiTimesIII += dII * dIII; iiiTimesI += dIII * i; iiiSquared += dIII * dIII
            func add(_ a: inout Augmented, _ o: Double) { a.energy += o * o; a.withI += o * i; a.withII += o * dII }
            add(&aVR, augmented.0); add(&aVL, augmented.1); add(&aVF, augmented.2)
        }
    }
}
