import ECGModel
import Testing
@testable import Synthesis

@Suite("Frontal axes from limb-lead net areas")
struct AxisTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var hertz: Double
        var qrs: Double
        var t: Double
        var p: Double
        var conduction: VentricularConduction = .normal
        var testDescription: String { "\(Int(hertz)) Hz QRS \(qrs)° T \(t)° P \(p)° \(conduction.rawValue)" }
    }

    static let cases: [Case] = [
        Case(hertz: 500, qrs: 60, t: 45, p: 60),
        Case(hertz: 500, qrs: -45, t: 20, p: 50),
        Case(hertz: 360, qrs: 0, t: -10, p: 75),
        Case(hertz: 250, qrs: 90, t: 80, p: 30),
        Case(hertz: 1000, qrs: 120, t: 70, p: 60),
        Case(hertz: 500, qrs: 170, t: -170, p: 60),
        Case(hertz: 400, qrs: -100, t: 10, p: -60),
        Case(hertz: 500, qrs: 75, t: 50, p: 60, conduction: .rightBundleBranchBlock),
        Case(hertz: 500, qrs: -20, t: 160, p: 60, conduction: .leftBundleBranchBlock),
    ]

    @Test("Axis computed from the generated limb leads equals the configured axis", arguments: cases)
    func netAreaAxis(c: Case) throws {
        let wide = c.conduction != .normal
        let config = SyntheticECG(name: "axis", samplingFrequency: SamplingFrequency(hertz: c.hertz),
                                  qrsDuration: Milliseconds(wide ? 140 : 90), qtInterval: Milliseconds(wide ? 420 : 380),
                                  conduction: c.conduction, pAxis: c.p, qrsAxis: c.qrs, tAxis: c.t)
        let (record, truth) = try config.generate()
        let beat = truth.beats[2]
        let qrs = beat.qrsOnset...beat.qrsOffset
        #expect(Probe.angleDifference(Probe.axisFromLeadsIandII(record, qrs), c.qrs) < 1)
        #expect(Probe.angleDifference(Probe.axisFromLeadsIandAVF(record, qrs), c.qrs) < 1)
        #expect(Probe.angleDifference(Probe.axisFromLeadsIandII(record, beat.tOnset...beat.tOffset), c.t) < 1)
        #expect(Probe.angleDifference(Probe.axisFromLeadsIandII(record, beat.pOnset!...beat.pOffset!), c.p) < 1)
        #expect(Probe.angleDifference(truth.qrsAxis, c.qrs) < 0.01)
        #expect(Probe.angleDifference(truth.tAxis, c.t) < 0.01)
        #expect(Probe.angleDifference(try #require(truth.pAxis), c.p) < 0.01)
    }

    @Test("Arm electrode reversal mirrors the measured axis but not the truth")
    func reversal() throws {
        let (record, truth) = try SyntheticECG(name: "rev", qrsAxis: 60, leadFaults: [.armElectrodeReversal]).generate()
        let beat = truth.beats[1]
        let measured = Probe.axisFromLeadsIandII(record, beat.qrsOnset...beat.qrsOffset)
        #expect(Probe.angleDifference(measured, 120) < 1)
        #expect(truth.qrsAxis == 60)
    }
}
