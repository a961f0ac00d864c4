import Testing
import ECGModel
import Delineation
import Synthesis

/// The classic ways delineators fail, each on a synthetic record built to provoke it.
struct FailureModeTests {
    /// Leads whose QRS is only QR (V6, II) or only RS (V1, aVR): the lead's boundaries must
    /// still bracket the complex, and the deflections must be named as the truth's signs say.
    @Test func qrsEdgesOnQRAndRSLeads() throws {
        let run = try SyntheticRun(SyntheticECG(name: "qr-rs", seed: 7))
        for lead in [Lead.v1, .v2, .v6, .ii, .aVR] {
            let l = try #require(run.leadIndex(lead))
            let amp = try #require(run.truth.leadAmplitudes[lead.name])
            for (truth, beat) in run.pairs {
                let qrs = try #require(beat?.leads[l].qrs, "\(lead) beat \(truth.index): no QRS")
                #expect(abs(qrs.onset - truth.qrsOnset) * 2 <= 10, "\(lead) onset \(qrs.onset) vs \(truth.qrsOnset)")
                #expect(abs(qrs.offset - truth.qrsOffset) * 2 <= 14, "\(lead) offset \(qrs.offset) vs \(truth.qrsOffset)")
                // A lead whose QRS goes well positive has an R; one that goes well negative has Q or S.
                if amp.qrsMaximum > 0.1 { #expect(qrs.r != nil, "\(lead): R missing") }
                if amp.qrsMinimum < -0.1 { #expect(qrs.q != nil || qrs.s != nil, "\(lead): Q/S missing") }
                if amp.qrsMaximum < 0.02 { #expect(qrs.r == nil, "\(lead): R invented") }
            }
        }
    }

    /// At 150 bpm the P wave rides on the end of the previous T: both must be found in every
    /// beat, each where it is, not one taken for the other.
    @Test(arguments: [140.0, 150.0, 160.0])
    func pAndTAtHighHeartRates(rate: Double) throws {
        let qt = 250.0 + (160 - rate)
        let config = SyntheticECG(name: "tachy-\(Int(rate))", heartRate: rate, prInterval: Milliseconds(120),
                                  pDuration: Milliseconds(80), qtInterval: Milliseconds(qt), seed: 11)
        let run = try SyntheticRun(config)
        #expect(run.delineation.beats.count == run.truth.beats.count)
        for (truth, beat) in run.pairs {
            let g = try #require(beat?.global)
            let p = try #require(g.pPeak, "beat \(truth.index): P missed at \(rate) bpm")
            let t = try #require(g.tPeak, "beat \(truth.index): T missed at \(rate) bpm")
            #expect(abs(p - (truth.pPeak ?? -999)) * 2 <= 10, "P peak \(p) vs \(truth.pPeak ?? -1)")
            #expect(abs(t - truth.tPeak) * 2 <= 16, "T peak \(t) vs \(truth.tPeak)")
            #expect(abs(g.qrsOnset - truth.qrsOnset) * 2 <= 10)
            if let off = g.tOffset { #expect(abs(off - truth.tOffset) * 2 <= 24, "T end \(off) vs \(truth.tOffset)") }
        }
    }

    /// A flat T (no repolarisation deflection at all) must be reported absent, not found in
    /// the noise or in the next P.
    @Test func flatTIsNotInvented() throws {
        let config = SyntheticECG(name: "flat-t", amplitudes: WaveAmplitudes(t: 0), seed: 12)
        let run = try SyntheticRun(config)
        #expect(!run.delineation.beats.isEmpty)
        for beat in run.delineation.beats {
            #expect(beat.global.tPeak == nil)
            #expect(beat.leads.allSatisfy { $0.t == nil })
            #expect(beat.global.pPeak != nil)
        }
    }

    /// At 110 bpm the next beat's P lies inside the T search window: with a flat T it must stay
    /// the P of its own beat, not become the previous beat's T.
    @Test func flatTAtAFastRateLeavesThePAlone() throws {
        let config = SyntheticECG(name: "flat-t-fast", heartRate: 110, amplitudes: WaveAmplitudes(t: 0), seed: 12)
        let run = try SyntheticRun(config)
        #expect(run.delineation.beats.count == run.truth.beats.count)
        for (truth, beat) in run.pairs {
            let g = try #require(beat?.global)
            #expect(g.tPeak == nil, "beat \(truth.index): T invented at \(g.tPeak ?? -1)")
            let p = try #require(g.pPeak, "beat \(truth.index): P missed")
            #expect(abs(p - (truth.pPeak ?? -999)) * 2 <= 10, "P peak \(p) vs \(truth.pPeak ?? -1)")
        }
    }

    /// An inverted lead (and aVR, inverted by nature) keeps its boundaries; its waves are found
    /// with negative polarity.
    @Test func invertedLeads() throws {
        let normal = try SyntheticRun(SyntheticECG(name: "upright", seed: 13))
        let inverted = try SyntheticRun(SyntheticECG(name: "inverted-ii", leadFaults: [.inverted(.ii)], seed: 13))
        let ii = try #require(inverted.leadIndex(.ii))
        let aVR = try #require(inverted.leadIndex(.aVR))
        for ((_, a), (_, b)) in zip(normal.pairs, inverted.pairs) {
            let up = try #require(a?.leads[ii]), down = try #require(b?.leads[ii])
            #expect(up.qrs?.onset == down.qrs?.onset)
            #expect(up.qrs?.offset == down.qrs?.offset)
            let tUp = try #require(up.t), tDown = try #require(down.t)
            #expect(tUp.amplitude > 0 && tDown.amplitude < 0)
            #expect(abs(tUp.peak - tDown.peak) <= 1)
            let pDown = try #require(down.p)
            #expect(pDown.amplitude < 0)
            let tR = try #require(b?.leads[aVR].t)
            #expect(tR.amplitude < 0)
        }
    }

    /// A T wave taller than the R wave must not be counted as a beat or as the QRS.
    @Test func tallTNotTakenForR() throws {
        let config = SyntheticECG(name: "tall-t", amplitudes: WaveAmplitudes(r: 0.6, s: 0.2, t: 1.0), seed: 14)
        let run = try SyntheticRun(config)
        #expect(run.delineation.beats.count == run.truth.beats.count)
        for (truth, beat) in run.pairs {
            let g = try #require(beat?.global)
            #expect(abs(g.qrsOnset - truth.qrsOnset) * 2 <= 10)
            let t = try #require(g.tPeak)
            #expect(abs(t - truth.tPeak) * 2 <= 10)
        }
    }
}
