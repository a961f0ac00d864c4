import Foundation
import Testing
import ECGModel

/// FixedPoint replaces `String(format:)` in the outputs: it must give the same bytes for every value.
@Suite struct FixedPointTests {
    private func printf(_ v: Double, _ decimals: Int, plus: Bool = false) -> String {
        String(format: plus ? "%+.\(decimals)f" : "%.\(decimals)f", v)
    }

    @Test func matchesPrintfOnValuesOfEveryMagnitude() {
        var state: UInt64 = 17
        func random() -> Double {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(state >> 11) / Double(1 << 53)
        }
        for _ in 0..<20_000 {
            let magnitude = [1e-6, 1e-3, 0.1, 1, 10, 1000, 1e6, 1e10][Int(random() * 8)]
            let v = (random() - 0.5) * 2 * magnitude
            for decimals in [0, 1, 2, 3, 6] {
                #expect(FixedPoint.text(v, decimals: decimals) == printf(v, decimals), "\(v) %.\(decimals)f")
                #expect(FixedPoint.text(v, decimals: decimals, plus: true) == printf(v, decimals, plus: true),
                        "\(v) %+.\(decimals)f")
            }
        }
    }

    @Test func roundsTiesAndSignsAsPrintfDoes() {
        let values: [Double] = [0, -0.0, 0.5, 1.5, 2.5, -2.5, 0.125, 0.375, -0.125, 2.675, 1.005, 0.045, -0.001,
                                -0.004999, 0.004999, 0.005, 99.995, 1e-300, -1e-300, 123456.789, 999999999.9,
                                .infinity, -.infinity, .nan, 1e20, -1e20, Double.greatestFiniteMagnitude]
        for v in values {
            for decimals in 0...4 {
                #expect(FixedPoint.text(v, decimals: decimals) == printf(v, decimals), "\(v) %.\(decimals)f")
                #expect(FixedPoint.text(v, decimals: decimals, plus: true) == printf(v, decimals, plus: true),
                        "\(v) %+.\(decimals)f")
            }
        }
    }
}
