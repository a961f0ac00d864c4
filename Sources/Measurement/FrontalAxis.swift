import Foundation
import ECGModel

/// Frontal-plane (hexaxial) axis from the net areas of a wave in the limb leads.
public enum FrontalAxis {
    /// The angle in degrees (−180…180, I = 0°, aVF = +90°) of the vector whose projections on the
    /// limb leads best match their net areas (least squares over the leads given).
    ///
    /// With only I and aVF this is the textbook `atan2(aVF, I)`; using all six limb leads makes
    /// the result robust to one noisy lead. `nil` when fewer than two distinct leads are given or
    /// the areas are all zero.
    public static func degrees(netAreas: [Lead: Double]) -> Double? {
        var sxx = 0.0, sxy = 0.0, syy = 0.0, bx = 0.0, by = 0.0
        var count = 0
        for (lead, area) in netAreas {
            guard let angle = lead.frontalAngle, area.isFinite else { continue }
            let c = cos(angle * .pi / 180), s = sin(angle * .pi / 180)
            sxx += c * c; sxy += c * s; syy += s * s
            bx += c * area; by += s * area
            count += 1
        }
        let det = sxx * syy - sxy * sxy
        guard count >= 2, abs(det) > 1e-9 else { return nil }
        let vx = (syy * bx - sxy * by) / det
        let vy = (sxx * by - sxy * bx) / det
        guard vx != 0 || vy != 0 else { return nil }
        return atan2(vy, vx) * 180 / .pi
    }
}
