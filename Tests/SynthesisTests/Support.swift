import ECGModel
import Foundation
import Testing
@testable import Synthesis

/// Helpers shared by the synthesis tests.
enum Probe {
    static func samples(_ record: ECGRecord, _ lead: Lead) -> [Float] {
        record[lead]?.samples ?? []
    }

    /// Net-area frontal axis computed from the generated Float limb leads I and II.
    static func axisFromLeadsIandII(_ record: ECGRecord, _ range: ClosedRange<Int>) -> Double {
        let i = samples(record, .i)
        let ii = samples(record, .ii)
        var areaI = 0.0, areaII = 0.0
        for n in range {
            areaI += Double(i[n])
            areaII += Double(ii[n])
        }
        return atan2((2 * areaII - areaI) / 3.0.squareRoot(), areaI) * 180 / .pi
    }

    /// Net-area frontal axis from leads I and aVF (aVF sees the vector at √3/2 gain).
    static func axisFromLeadsIandAVF(_ record: ECGRecord, _ range: ClosedRange<Int>) -> Double {
        let i = samples(record, .i)
        let f = samples(record, .aVF)
        var areaI = 0.0, areaF = 0.0
        for n in range {
            areaI += Double(i[n])
            areaF += Double(f[n])
        }
        return atan2(areaF / (3.0.squareRoot() / 2), areaI) * 180 / .pi
    }

    static func angleDifference(_ a: Double, _ b: Double) -> Double {
        var d = (a - b).truncatingRemainder(dividingBy: 360)
        if d > 180 { d -= 360 }
        if d < -180 { d += 360 }
        return abs(d)
    }

    /// Local maxima (strictly above both neighbours' plateau) of `values` above `threshold`.
    static func localMaxima(_ values: ArraySlice<Float>, above threshold: Float) -> Int {
        let v = Array(values)
        guard v.count > 2 else { return 0 }
        var count = 0
        for k in 1..<(v.count - 1) where v[k] > threshold && v[k] > v[k - 1] && v[k] >= v[k + 1] {
            count += 1
        }
        return count
    }
}

extension SyntheticECG: CustomTestStringConvertible {
    public var testDescription: String { name }
}
