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
    /// rescaled leads leave 0.2–2 % after the fit (their raw residual is 6–88 %); leads under
    /// wrong names or with other distortions than a gain do not come this close.
    public static let maximumFitResidual = 0.05

    /// The gains of `leads` (the six limb leads, equally long, finite), or `nil` when a gain is not
    /// positive (an inverted lead is not a rescaled one) or the fitted relations do not hold.
    /// `lag` is the interval of the signal changes, in samples.
    public static func estimate(i: [Float], ii: [Float], iii: [Float], aVR: [Float], aVL: [Float], aVF: [Float],
                                lag: Int) -> LimbLeadGains? {
        let n = i.count
        guard lag > 0, n > lag + 2, [ii, iii, aVR, aVL, aVF].allSatisfy({ $0.count == n }) else { return nil }
        func changes(_ x: [Float]) -> [Double] { (lag..<n).map { Double(x[$0]) - Double(x[$0 - lag]) } }
        let dI = changes(i), dII = changes(ii), dIII = changes(iii)
        guard (dI + dII + dIII).allSatisfy(\.isFinite) else { return nil }
        // III = α·II + β·I, with α = g_III / g_II and β = −g_III (lead I's gain is 1).
        var s11 = 0.0, s12 = 0.0, s22 = 0.0, b1 = 0.0, b2 = 0.0
        for k in dI.indices {
            s11 += dII[k] * dII[k]; s12 += dII[k] * dI[k]; s22 += dI[k] * dI[k]
            b1 += dII[k] * dIII[k]; b2 += dI[k] * dIII[k]
        }
        let det = s11 * s22 - s12 * s12
        guard det > 1e-12 * s11 * s22, det.isFinite else { return nil }
        let alpha = (s22 * b1 - s12 * b2) / det, beta = (s11 * b2 - s12 * b1) / det
        let gIII = -beta
        guard gIII > 0, alpha > 0 else { return nil }
        let gII = gIII / alpha
        // The two underlying signals at lead I's scale.
        let tI = dI, tII = dII.map { $0 / gII }
        func residual(_ observed: [Double], _ model: [Double]) -> Double? {
            var e = 0.0, o = 0.0
            for k in observed.indices { e += (observed[k] - model[k]) * (observed[k] - model[k]); o += observed[k] * observed[k] }
            return o > 0 ? (e / o).squareRoot() : nil
        }
        guard var worst = residual(dIII, tII.indices.map { gIII * (tII[$0] - tI[$0]) }) else { return nil }
        var gains: [Lead: Double] = [.i: 1, .ii: gII, .iii: gIII]
        // Each augmented lead: its gain times the combination of I and II it must equal.
        let augmented: [(Lead, [Float], (Double, Double))] = [
            (.aVR, aVR, (-0.5, -0.5)), (.aVL, aVL, (1, -0.5)), (.aVF, aVF, (-0.5, 1)),
        ]
        for (lead, samples, (wI, wII)) in augmented {
            let observed = changes(samples)
            guard observed.allSatisfy(\.isFinite) else { return nil }
            let model = tI.indices.map { wI * tI[$0] + wII * tII[$0] }
            var om = 0.0, mm = 0.0
            for k in model.indices { om += observed[k] * model[k]; mm += model[k] * model[k] }
            guard mm > 0 else { return nil }
            let g = om / mm
            guard g > 0, let r = residual(observed, model.map { g * $0 }) else { return nil }
            gains[lead] = g
            worst = max(worst, r)
        }
        guard worst <= maximumFitResidual else { return nil }
        return LimbLeadGains(gains: gains, fitResidual: worst)
    }
}
