import ECGModel
import Testing
@testable import Synthesis

@Suite("Truth after 1 µV quantisation (as stored in WFDB format 16 at gain 1000)")
struct QuantizationTests {
    /// Waves start with zero slope, so their first samples are sub-microvolt: after rounding to
    /// 1 µV the first stored nonzero sample lags the truth onset slightly. Bound that lag.
    @Test("First and last stored nonzero samples lie within 2 samples of the truth", arguments: SyntheticECG.standardSet.filter {
        $0.noise.isSilent && $0.leadFaults.isEmpty && $0.rhythm.label != .atrialFibrillation && $0.rhythm.label != .atrialFlutter
    })
    func quantisedBoundaries(configuration: SyntheticECG) throws {
        let (record, truth) = try configuration.generate()
        let active = (0..<record.sampleCount).map { n in
            record.leads.contains { ($0.samples[n] * 1000).rounded() != 0 }
        }
        var worst = 0
        for beat in truth.beats {
            var spans = [beat.qrsOnset...beat.qrsOffset, beat.tOnset...beat.tOffset]
            if let on = beat.pOnset, let off = beat.pOffset { spans.append(on...off) }
            for span in spans {
                let first = try #require(span.first { active[$0] })
                let last = try #require(span.last { active[$0] })
                worst = max(worst, first - span.lowerBound, span.upperBound - last)
                #expect(!active[span.lowerBound - 1] && !active[span.upperBound + 1])
            }
        }
        #expect(worst <= 2)
    }
}
