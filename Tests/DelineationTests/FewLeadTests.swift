import Testing
import ECGModel
import Delineation
import Synthesis

/// Records with fewer leads than a 12-lead ECG (MIT-BIH's two, a Holter's three).
struct FewLeadTests {
    /// The P wave must show in several leads of a 12-lead record; with two leads it must show in
    /// both, not in three (which read every MIT-BIH record as "possible junctional rhythm").
    @Test(arguments: [[Lead.ii, .v1], [.ii, .v1, .v5], [.ii]])
    func pWavesAreFoundWithFewLeads(leads: [Lead]) throws {
        let (full, truth) = try SyntheticECG(name: "few-leads", heartRate: 72, seed: 3).generate()
        var record = full
        record.leads = full.leads.filter { leads.contains($0.lead) }
        #expect(record.leads.count == leads.count)
        let delineation = try DelineationPipeline().run(record).delineation
        let withP = delineation.beats.filter { $0.global.pOnset != nil }.count
        #expect(withP * 10 >= delineation.beats.count * 9, "P on \(withP) of \(delineation.beats.count) beats")
        let rep = try #require(delineation.representative)
        let pOnset = try #require(rep.global.pOnset)
        // The median beat's PR against the truth's (within 20 ms).
        let pr = Double(rep.global.qrsOnset - pOnset) * 1000 / record.samplingFrequency.hertz
        let truePR = try #require(truth.prInterval)
        #expect(abs(pr - truePR) <= 20, "PR \(pr) vs \(truePR)")
    }
}
