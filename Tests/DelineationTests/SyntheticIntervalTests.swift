import Testing
import ECGModel
import Delineation
import Synthesis

/// Global fiducials of every beat against the generator's exact truth.
///
/// The synthetic waves are raised-cosine lobes that leave zero with zero slope, so their first
/// nonzero sample is not visible at any threshold; and the 40 Hz conditioning low-pass spreads
/// each edge by about ±6 ms. The tolerances are therefore a few samples, not zero: P limits
/// 4 ms (2 samples), QRS onset 8 ms, QRS offset and T peak 14 ms, T offset 16 ms. Every truth
/// beat must be delineated, and the errors must not drift from beat to beat (same shape →
/// same answer within one sample).
struct SyntheticIntervalTests {
    static let records = ["sinus-normal", "sinus-bradycardia", "sinus-tachycardia", "first-degree-av-block",
                          "rbbb", "lbbb", "left-axis-deviation", "right-axis-deviation", "long-qt",
                          "low-voltage", "lvh-voltage", "flat-lead", "missing-lead"]

    @Test(arguments: records)
    func globalFiducialsMatchTruth(name: String) throws {
        let config = try #require(SyntheticECG.standard(named: name))
        let run = try SyntheticRun(config)
        #expect(run.delineation.beats.count == run.truth.beats.count)
        var spread: [String: [Int]] = [:]
        for (truth, beat) in run.pairs {
            let b = try #require(beat, "beat at \(truth.qrsOnset) not delineated")
            let g = b.global
            func check(_ label: String, _ found: Int?, _ expected: Int?, _ toleranceMs: Double) {
                guard let expected else { return }
                guard let found else {
                    Issue.record("\(name): \(label) missing at beat \(truth.index)")
                    return
                }
                let error = Double(found - expected) * run.msPerSample
                #expect(abs(error) <= toleranceMs, "\(name) beat \(truth.index): \(label) error \(error) ms")
                spread[label, default: []].append(found - expected)
            }
            check("P onset", g.pOnset, truth.pOnset, 4)
            check("P peak", g.pPeak, truth.pPeak, 4)
            check("P offset", g.pOffset, truth.pOffset, 4)
            check("QRS onset", g.qrsOnset, truth.qrsOnset, 8)
            check("QRS offset", g.qrsOffset, truth.qrsOffset, 14)
            check("T peak", g.tPeak, truth.tPeak, 14)
            check("T offset", g.tOffset, truth.tOffset, 16)
        }
        for (label, errors) in spread {
            #expect((errors.max() ?? 0) - (errors.min() ?? 0) <= 1, "\(name): \(label) errors vary \(errors)")
        }
    }

    @Test func atrialFibrillationHasNoPWaves() throws {
        let run = try SyntheticRun(try #require(SyntheticECG.standard(named: "atrial-fibrillation")))
        #expect(!run.delineation.beats.isEmpty)
        for beat in run.delineation.beats {
            #expect(beat.global.pPeak == nil)
            #expect(beat.leads.allSatisfy { $0.p == nil })
        }
        #expect(run.delineation.representative?.global.pPeak == nil)
    }

    /// Flutter waves are atrial activity but not P waves: none may be reported, at 4:1 (F waves
    /// in the TP segment) or 2:1 conduction.
    @Test(arguments: ["atrial-flutter", "atrial-flutter-2to1"])
    func atrialFlutterHasNoPWaves(name: String) throws {
        let run = try SyntheticRun(try #require(SyntheticECG.standard(named: name)))
        #expect(run.delineation.beats.count == run.truth.beats.count)
        #expect(run.delineation.representative?.global.pPeak == nil)
        for beat in run.delineation.beats { #expect(beat.global.pPeak == nil) }
    }

    @Test func pacedRhythmHasSpikesAndNoInventedP() throws {
        let run = try SyntheticRun(try #require(SyntheticECG.standard(named: "paced")))
        #expect(run.output.pacingSpikes.count == run.truth.beats.count)
        #expect(run.delineation.isVentricularPaced)
        for (truth, beat) in run.pairs {
            let b = try #require(beat)
            #expect(b.global.pPeak == nil, "P invented from the pacing spike at beat \(truth.index)")
            let spike = try #require(truth.pacingSpike)
            #expect(b.pacingSpike.map { abs($0 - spike) <= 1 } == true)
            // The QRS starts after the (blanked) stimulus, not at it.
            #expect(abs(b.global.qrsOnset - truth.qrsOnset) * 2 <= 14)
        }
    }
}
