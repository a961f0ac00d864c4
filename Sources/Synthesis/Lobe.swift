import Foundation

/// One smooth deflection of the heart vector with compact support.
///
/// The time course is an asymmetric raised cosine: it rises from exactly zero at ``start`` to
/// 1 at ``peak`` and falls back to exactly zero at ``end``, with zero slope at all three points.
/// Outside the open interval (start, end) it is exactly zero, so a wave built from lobes has
/// an onset and offset that are known sample positions rather than estimates.
struct Lobe: Sendable, Equatable {
    /// Where the lobe leaves zero, in samples relative to its beat's QRS onset.
    var start: Double
    /// Where the lobe reaches its maximum.
    var peak: Double
    /// Where the lobe returns to zero.
    var end: Double
    /// Peak magnitude of the dipole, in millivolts.
    var amplitude: Double
    /// Unit direction of the dipole.
    var direction: HeartVector

    /// The time course (0…1) at `t` samples.
    func shape(at t: Double) -> Double {
        if t <= start || t >= end { return 0 }
        if t <= peak {
            return 0.5 * (1 - cos(Double.pi * (t - start) / (peak - start)))
        }
        return 0.5 * (1 + cos(Double.pi * (t - peak) / (end - peak)))
    }

    /// The integer sample positions where the lobe can be nonzero.
    var sampleRange: ClosedRange<Int> {
        Int(start.rounded(.down))...Int(end.rounded(.up))
    }

    /// Adds this lobe, shifted by `offset` samples, to the three vector components.
    func render(at offset: Int, into x: inout [Double], _ y: inout [Double], _ z: inout [Double]) {
        let first = max(sampleRange.lowerBound + offset, 0)
        let last = min(sampleRange.upperBound + offset, x.count - 1)
        guard first <= last else { return }
        for n in first...last {
            let value = amplitude * shape(at: Double(n - offset))
            if value == 0 { continue }
            x[n] += value * direction.x
            y[n] += value * direction.y
            z[n] += value * direction.z
        }
    }

    /// A lobe placed by fractions of a wave that occupies samples `onset...offset`.
    ///
    /// The wave's continuous support is [onset − ½, offset + ½], so its first nonzero sample is
    /// `onset`, its last is `offset`, and the samples just outside are exactly zero.
    static func spanning(_ onset: Int, _ offset: Int, from fStart: Double, peak fPeak: Double,
                         to fEnd: Double, amplitude: Double, direction: HeartVector) -> Lobe {
        let origin = Double(onset) - 0.5
        let width = Double(offset - onset + 1)
        return Lobe(start: origin + fStart * width, peak: origin + fPeak * width,
                    end: origin + fEnd * width, amplitude: amplitude, direction: direction)
    }
}
