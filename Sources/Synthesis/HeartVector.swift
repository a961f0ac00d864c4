import Foundation

/// The cardiac dipole at one instant, in millivolts, in body axes.
///
/// `x` points to the patient's left (lead I's positive pole), `y` points down (aVF's positive
/// pole) and `z` points forward (anterior, toward V1–V2). Every lead is a projection of this
/// one vector, which is what makes the twelve synthetic leads mutually consistent.
struct HeartVector: Sendable, Equatable {
    var x: Double
    var y: Double
    var z: Double

    static let zero = HeartVector(x: 0, y: 0, z: 0)

    /// A unit vector whose frontal-plane projection points at `frontalDegrees` (hexaxial
    /// convention: 0° = lead I, +90° = aVF) and whose anterior component is `anterior` relative
    /// to a unit frontal part, before normalisation.
    static func direction(frontal frontalDegrees: Double, anterior: Double) -> HeartVector {
        let angle = frontalDegrees * .pi / 180
        let v = HeartVector(x: cos(angle), y: sin(angle), z: anterior)
        let norm = (v.x * v.x + v.y * v.y + v.z * v.z).squareRoot()
        return HeartVector(x: v.x / norm, y: v.y / norm, z: v.z / norm)
    }

    /// This vector with its frontal part turned by `degrees` (positive = clockwise on the
    /// hexaxial diagram, i.e. from lead I toward aVF); the anterior part is unchanged.
    func rotatedInFrontalPlane(by degrees: Double) -> HeartVector {
        let angle = degrees * .pi / 180
        return HeartVector(x: x * cos(angle) - y * sin(angle), y: x * sin(angle) + y * cos(angle), z: z)
    }

    /// The frontal-plane angle of this vector in degrees, in (-180, 180].
    var frontalAngle: Double { atan2(y, x) * 180 / .pi }

    var magnitude: Double { (x * x + y * y + z * z).squareRoot() }

    static func + (a: HeartVector, b: HeartVector) -> HeartVector {
        HeartVector(x: a.x + b.x, y: a.y + b.y, z: a.z + b.z)
    }

    static func * (a: HeartVector, k: Double) -> HeartVector {
        HeartVector(x: a.x * k, y: a.y * k, z: a.z * k)
    }
}
