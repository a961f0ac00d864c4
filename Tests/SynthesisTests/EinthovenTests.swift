import ECGModel
import Testing
@testable import Synthesis

@Suite("Dipole model: lead consistency")
struct EinthovenTests {
    static let configurations: [SyntheticECG] = [
        SyntheticECG(name: "clean"),
        SyntheticECG(name: "noisy", noise: NoiseOptions(gaussianRMS: 0.05, muscleRMS: 0.02,
                                                        baselineWanderAmplitude: 0.3, powerlineAmplitude: 0.1)),
        SyntheticECG(name: "af", rhythm: .atrialFibrillation(fibrillatoryWaveAmplitude: 0.1)),
        SyntheticECG(name: "reversed", leadFaults: [.armElectrodeReversal]),
        SyntheticECG(name: "lad-360", samplingFrequency: SamplingFrequency(hertz: 360), qrsAxis: -45),
    ]

    @Test("Einthoven and Goldberger relations hold exactly in the output floats",
          arguments: configurations)
    func einthoven(configuration: SyntheticECG) throws {
        let (record, _) = try configuration.generate()
        let i = Probe.samples(record, .i), ii = Probe.samples(record, .ii), iii = Probe.samples(record, .iii)
        let aVR = Probe.samples(record, .aVR), aVL = Probe.samples(record, .aVL), aVF = Probe.samples(record, .aVF)
        #expect(i.count == record.sampleCount && i.count > 0)
        var worst: Float = 0
        for n in i.indices {
            worst = max(worst, abs(iii[n] - (ii[n] - i[n])), abs(aVR[n] + (i[n] + ii[n]) / 2),
                        abs(aVL[n] - (i[n] - ii[n] / 2)), abs(aVF[n] - (ii[n] - i[n] / 2)))
        }
        #expect(worst == 0)
        // And the limb leads actually carry signal (a trivially zero record would pass above).
        #expect(i.map { abs($0) }.max()! > 0.1 || ii.map { abs($0) }.max()! > 0.1)
    }

    @Test("Twelve standard leads named I … V6, in mV")
    func leadNames() throws {
        let (record, _) = try SyntheticECG().generate()
        #expect(record.leads.map(\.label) == ["I", "II", "III", "aVR", "aVL", "aVF", "V1", "V2", "V3", "V4", "V5", "V6"])
        #expect(record.leads.map(\.lead) == Lead.standard12)
        #expect(record.leads.allSatisfy { $0.units == "mV" && $0.samples.count == 5000 })
        #expect(record.samplingFrequency.hertz == 500)
    }
}
