import Foundation
import Testing
import ECGModel
import Measurement
import Synthesis

/// Record-level measurements against the generator's truth.
///
/// Tolerances: heart rate 1 bpm (the truth rate is realised in whole samples); PR 10 ms and
/// QT 15 ms (the P and T boundaries come within a few samples, see DelineationTests); QRS 20 ms
/// (the global QRS is the union of the leads' limits, which on raised-cosine lobes filtered
/// at 40 Hz lies up to 6 ms before and 12 ms after the exact support); axes 5°.
struct SyntheticMeasurementTests {
    static let records = ["sinus-normal", "sinus-bradycardia", "sinus-tachycardia", "first-degree-av-block",
                          "rbbb", "lbbb", "left-axis-deviation", "right-axis-deviation", "long-qt",
                          "lvh-voltage", "low-voltage", "pac"]

    @Test(arguments: records)
    func intervalsRatesAndAxes(name: String) throws {
        let (record, truth) = try #require(SyntheticECG.standard(named: name)).generate()
        let g = try MeasurementPipeline().run(record).measurements.global
        let hr = try #require(g.heartRate), pr = try #require(g.pr).value, qrs = try #require(g.qrs).value
        let qtValue = try #require(g.qt).value
        let qrsAxis = try #require(g.qrsAxis), tAxis = try #require(g.tAxis), pAxis = try #require(g.pAxis)
        #expect(abs(hr - truth.heartRate) <= 1)
        #expect(abs(pr - (truth.prInterval ?? .nan)) <= 10)
        #expect(abs(qrs - truth.qrsDuration) <= 20)
        #expect(abs(qtValue - truth.qtInterval) <= 15)
        #expect(abs(qrsAxis - truth.qrsAxis) <= 5)
        #expect(abs(tAxis - truth.tAxis) <= 5)
        #expect(abs(pAxis - (truth.pAxis ?? .nan)) <= 5)
        let qtc = try #require(g.qtc)
        let qt = try #require(g.qt).value, rr = try #require(g.rrMean).value
        #expect(abs(qtc.bazett.value - qt / (rr / 1000).squareRoot()) < 1e-9)
        // One typical lead's QRS lies closer to the exact support than the twelve-lead union,
        // and its QT (that lead's T end − its QRS onset) holds the same 15 ms.
        let medianLeadQRS = try #require(g.medianLeadQRS).value, medianLeadQT = try #require(g.medianLeadQT).value
        #expect(abs(medianLeadQRS - truth.qrsDuration) <= 10, "median-lead QRS \(medianLeadQRS)")
        #expect(medianLeadQRS <= qrs)
        #expect(abs(medianLeadQT - truth.qtInterval) <= 15, "median-lead QT \(medianLeadQT)")
        let medianLeadQTc = try #require(g.medianLeadQTc)
        #expect(abs(medianLeadQTc.bazett.value - medianLeadQT / (rr / 1000).squareRoot()) < 1e-9)
    }

    @Test func atrialFibrillationHasNoPRAndNoAtrialRate() throws {
        let (record, truth) = try #require(SyntheticECG.standard(named: "atrial-fibrillation")).generate()
        let g = try MeasurementPipeline().run(record).measurements.global
        #expect(g.pr == nil)
        #expect(g.pAxis == nil)
        #expect(g.atrialRate == nil)
        let hr = try #require(g.heartRate)
        #expect(abs(hr - truth.heartRate) <= 1)
        // Irregularly irregular: the RR spread is large.
        let sd = try #require(g.rrStandardDeviation).value
        #expect(sd > 50)
    }

    /// Sokolow–Lyon and Cornell from the per-lead amplitudes, against the truth's extremes.
    @Test func voltageCriteria() throws {
        let (record, truth) = try #require(SyntheticECG.standard(named: "lvh-voltage")).generate()
        let m = try MeasurementPipeline().run(record).measurements
        let a = truth.leadAmplitudes
        let s1 = -(try #require(a["V1"]).qrsMinimum)
        let r5 = try #require(a["V5"]).qrsMaximum, r6 = try #require(a["V6"]).qrsMaximum
        let expected = s1 + max(r5, r6)
        let sl = try #require(m.global.sokolowLyon)
        #expect(abs(sl - expected) <= 0.05 * expected, "Sokolow–Lyon \(sl) vs \(expected)")
        let cornell = try #require(m.global.cornell)
        let aVL = try #require(a["aVL"]), v3 = try #require(a["V3"])
        let expectedCornell = max(0, aVL.qrsMaximum) - min(0, v3.qrsMinimum)
        #expect(abs(cornell - expectedCornell) <= 0.05 * max(expectedCornell, 0.2), "Cornell \(cornell) vs \(expectedCornell)")
        // Per-lead R amplitudes follow the truth's maxima.
        for lead in m.leads {
            guard let truthLead = a[lead.lead.name], truthLead.qrsMaximum > 0.2 else { continue }
            let r = try #require(lead.r, "\(lead.label): no R")
            #expect(abs(r - truthLead.qrsMaximum) <= 0.05 * truthLead.qrsMaximum + 0.02, "\(lead.label) R \(r) vs \(truthLead.qrsMaximum)")
        }
    }
}
