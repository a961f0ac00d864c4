import ECGModel
import Testing
@testable import Synthesis

@Suite("QRS morphology across the precordium")
struct MorphologyTests {
    @Test("Normal R-wave progression: rS in V1, RS around V3, qR in V5–V6")
    func rWaveProgression() throws {
        let (record, truth) = try SyntheticECG(name: "progression").generate()
        let a = truth.leadAmplitudes
        func ratio(_ lead: String) -> Double {
            let r = a[lead]!.qrsMaximum, s = -a[lead]!.qrsMinimum
            return r / (r + s)
        }
        #expect(ratio("V1") < 0.35)
        #expect(ratio("V2") < ratio("V3") && ratio("V3") < ratio("V4") && ratio("V4") < ratio("V5"))
        #expect(ratio("V3") > 0.3 && ratio("V3") < 0.7)
        #expect(ratio("V6") > 0.8 && ratio("V5") > 0.8)
        #expect(a["II"]!.qrsMaximum > 0.7 && a["II"]!.qrsMaximum < 2)
        // Septal q: V6 and I start negative; V1 starts positive.
        let beat = truth.beats[1]
        for (lead, sign) in [(Lead.v6, -1.0), (.i, -1), (.v1, 1)] {
            let s = Probe.samples(record, lead)
            #expect(Double(s[beat.qrsOnset + 2]) * sign > 0, "\(lead)")
        }
        // Upright T in I, II, V3–V6; negative T in aVR.
        for lead in ["I", "II", "V3", "V4", "V5", "V6"] { #expect(a[lead]!.tPeak > 0.05, "\(lead)") }
        #expect(a["aVR"]!.tPeak < 0)
        #expect(a["II"]!.pPeak! > 0.05 && a["aVR"]!.pPeak! < 0)
    }

    @Test("RBBB: RSR' in V1, broad terminal S in I and V6")
    func rightBundleBranchBlock() throws {
        let c = SyntheticECG(name: "rbbb", qrsDuration: Milliseconds(140), qtInterval: Milliseconds(420),
                             conduction: .rightBundleBranchBlock)
        let (record, truth) = try c.generate()
        let beat = truth.beats[1]
        let v1 = Probe.samples(record, .v1)[beat.qrsOnset...beat.qrsOffset]
        #expect(Probe.localMaxima(v1, above: 0.05) == 2)
        #expect(v1.min()! < -0.1)
        // R' is later than S and taller than r.
        let last = Array(v1)
        let rPrime = last.indices.max { last[$0] < last[$1] }!
        let s = last.indices.min { last[$0] < last[$1] }!
        #expect(rPrime > s)
        for lead in [Lead.i, .v6] {
            let x = Probe.samples(record, lead)
            // Last third of the QRS is negative (slurred S).
            let tail = (beat.qrsOffset - 20)...(beat.qrsOffset - 5)
            #expect(tail.allSatisfy { x[$0] < 0 }, "\(lead)")
        }
    }

    @Test("LBBB: QS in V1, broad notched R in V6 without septal q")
    func leftBundleBranchBlock() throws {
        let c = SyntheticECG(name: "lbbb", qrsDuration: Milliseconds(150), qtInterval: Milliseconds(440),
                             conduction: .leftBundleBranchBlock, qrsAxis: 0, tAxis: 180)
        let (record, truth) = try c.generate()
        let beat = truth.beats[1]
        let a = truth.leadAmplitudes
        #expect(a["V1"]!.qrsMaximum < 0.1 * -a["V1"]!.qrsMinimum)
        let v6 = Probe.samples(record, .v6)[beat.qrsOnset...beat.qrsOffset]
        #expect(v6.allSatisfy { $0 >= 0 })
        #expect(Probe.localMaxima(v6, above: 0.2) == 2)
        #expect(a["V6"]!.tPeak < 0 && a["I"]!.tPeak < 0)
    }

    @Test("Voltage scaling: LVH-like and low voltage")
    func voltage() throws {
        let lvh = try SyntheticECG(name: "lvh", amplitudes: WaveAmplitudes(r: 2.8, s: 0.6)).generate().truth
        let low = try SyntheticECG(name: "low", amplitudes: WaveAmplitudes().scaled(by: 0.3)).generate().truth
        // Sokolow–Lyon: S in V1 + R in V5 or V6 ≥ 3.5 mV.
        let sokolow = -lvh.leadAmplitudes["V1"]!.qrsMinimum
            + max(lvh.leadAmplitudes["V5"]!.qrsMaximum, lvh.leadAmplitudes["V6"]!.qrsMaximum)
        #expect(sokolow >= 3.5)
        // Low voltage: every limb lead's QRS peak-to-peak under 0.5 mV.
        for lead in ["I", "II", "III", "aVR", "aVL", "aVF"] {
            let x = low.leadAmplitudes[lead]!
            #expect(x.qrsMaximum - x.qrsMinimum < 0.5, "\(lead)")
        }
    }
}
