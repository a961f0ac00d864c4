import ECGModel
import Foundation

/// How each lead sees the heart vector.
///
/// Limb leads: I and II are the projections on the hexaxial directions 0° and 60°, and the
/// other four are derived from them exactly as a recorder does (Einthoven and Goldberger), so
/// III = II − I, aVR = −(I + II)/2, aVL = I − II/2 and aVF = II − I/2 hold in the output floats.
/// Precordial leads: horizontal-plane directions from V1 (right of the sternum, anterior) to V6
/// (left, lateral), with a proximity gain that is largest over V2–V4.
enum LeadProjection {
    static func leadI(_ v: HeartVector) -> Double { v.x }

    static func leadII(_ v: HeartVector) -> Double { 0.5 * v.x + 0.75.squareRoot() * v.y }

    /// The precordial leads in order V1…V6 as (lead, lead vector including gain).
    static let precordial: [(lead: Lead, vector: HeartVector)] = [
        (.v1, precordialVector(angle: 115, inferior: 0, gain: 1.0)),
        (.v2, precordialVector(angle: 95, inferior: 0, gain: 1.3)),
        (.v3, precordialVector(angle: 75, inferior: 0.1, gain: 1.4)),
        (.v4, precordialVector(angle: 60, inferior: 0.15, gain: 1.4)),
        (.v5, precordialVector(angle: 30, inferior: 0.15, gain: 1.3)),
        (.v6, precordialVector(angle: 0, inferior: 0.15, gain: 1.1)),
    ]

    /// A lead direction `angle` degrees from the patient's left toward anterior in the
    /// horizontal plane, tilted slightly down for the lower-lateral electrodes.
    private static func precordialVector(angle: Double, inferior: Double, gain: Double) -> HeartVector {
        let r = angle * Double.pi / 180
        return HeartVector(x: gain * cos(r), y: gain * inferior, z: gain * sin(r))
    }

    static func project(_ v: HeartVector, on lead: HeartVector) -> Double {
        v.x * lead.x + v.y * lead.y + v.z * lead.z
    }

    /// The four derived limb leads from I and II, in the same arithmetic the output uses.
    static func derived<T: FloatingPoint>(i: T, ii: T) -> (iii: T, aVR: T, aVL: T, aVF: T) {
        (ii - i, -(i + ii) / 2, i - ii / 2, ii - i / 2)
    }
}
