import Testing
import ECGModel
import Delineation
import Synthesis

struct BeatTypingTests {
    @Test func prematureAtrialBeatsAreSupraventricular() throws {
        let run = try SyntheticRun(try #require(SyntheticECG.standard(named: "pac")))
        for (truth, beat) in run.pairs {
            let b = try #require(beat)
            if truth.type == .pac {
                #expect(b.type == .supraventricularPremature, "PAC at \(truth.index) typed \(b.type)")
            } else {
                #expect(b.type == .dominant, "beat \(truth.index) typed \(b.type)")
            }
        }
    }

    @Test func isolatedPVCIsVentricularAndDoesNotDistortTheMedianBeat() throws {
        let config = SyntheticECG(name: "pvc", heartRate: 70, ectopicBeats: [.pvc(at: 4, coupling: 0.7)], seed: 15)
        let run = try SyntheticRun(config)
        let pvc = try #require(run.pairs.first { $0.truth.type == .pvc })
        let beat = try #require(pvc.beat, "the PVC was not detected")
        #expect(beat.type == .ventricular)
        #expect(beat.global.pPeak == nil)
        #expect(run.pairs.filter { $0.truth.type == .normal }.allSatisfy { $0.beat?.type == .dominant })
        let rep = try #require(run.delineation.representative)
        let qrs = Double(rep.global.qrsOffset - rep.global.qrsOnset) * 2
        #expect(abs(qrs - run.truth.qrsDuration) <= 20)
    }
}
