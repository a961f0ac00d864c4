import ECGModel
import Foundation
import Measurement
import SignalProcessing
import Synthesis
import Testing

/// Leads replaced by noise, a flat line or a clipped signal are named and left out of the
/// global measurements, which stay as on the clean record.
@Suite struct LeadExclusionTests {
    enum Damage { case noise(rms: Float), flat, clipped(limit: Float), missing }

    /// Gaussian samples from a fixed LCG (the same on every machine).
    static func gaussian(_ count: Int, rms: Float, seed: UInt64) -> [Float] {
        var state = seed
        func uniform() -> Float {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Float(state >> 40) / Float(1 << 24) + 1e-7
        }
        return (0..<count).map { _ in rms * (-2 * log(uniform())).squareRoot() * cos(2 * .pi * uniform()) }
    }

    static func damaged(_ record: ECGRecord, _ damage: [Lead: Damage]) throws -> ECGRecord {
        var r = record
        for (lead, kind) in damage {
            let index = try #require(r.leads.firstIndex { $0.lead == lead })
            let x = r.leads[index].samples
            switch kind {
            case .noise(let rms): r.leads[index].samples = gaussian(x.count, rms: rms, seed: UInt64(index + 1))
            case .flat: r.leads[index].samples = [Float](repeating: 0.05, count: x.count)
            case .clipped(let limit): r.leads[index].samples = x.map { min(max($0, -limit), limit) }
            case .missing: r.leads[index].samples = [Float](repeating: .nan, count: x.count)
            }
        }
        return r
    }

    static let cases: [(String, [Lead: Damage])] = [
        ("sinus-normal", [.v2: .noise(rms: 0.3), .ii: .clipped(limit: 0.15)]),
        ("sinus-normal", [.v3: .flat, .aVL: .noise(rms: 1.0)]),
        ("first-degree-av-block", [.i: .noise(rms: 0.5), .v5: .flat]),
        ("rbbb", [.v1: .clipped(limit: 0.1), .aVF: .missing]),
        ("left-axis-deviation", [.v4: .noise(rms: 0.2)]),
    ]

    @Test(arguments: cases.indices)
    func damagedLeadsAreExcludedAndIntervalsHold(_ k: Int) throws {
        let (name, damage) = Self.cases[k]
        let (clean, truth) = try #require(SyntheticECG.standard(named: name)).generate()
        let pipeline = MeasurementPipeline()
        let reference = try pipeline.run(clean).measurements
        #expect(reference.excludedLeads.isEmpty, "clean \(name): \(MeasurementReport.leadProblems(reference))")
        let m = try pipeline.run(try Self.damaged(clean, damage)).measurements
        #expect(Set(m.excludedLeads) == Set(damage.keys.map(\.name)), "\(name): \(MeasurementReport.leadProblems(m))")

        let g = m.global, r = reference.global
        let pr = try #require(g.pr).value, qrs = try #require(g.qrs).value, qt = try #require(g.qt).value
        #expect(abs(pr - (truth.prInterval ?? .nan)) <= 10, "PR \(pr) vs truth \(truth.prInterval ?? .nan)")
        #expect(abs(qrs - truth.qrsDuration) <= 20, "QRS \(qrs) vs truth \(truth.qrsDuration)")
        #expect(abs(qt - truth.qtInterval) <= 15, "QT \(qt) vs truth \(truth.qtInterval)")
        // Close to the clean record's own measurement: the global limits are the union of the
        // leads' limits, so losing a lead may move them by a few samples, never by a wave.
        #expect(abs(pr - (r.pr?.value ?? .nan)) <= 10, "PR \(pr) vs clean \(r.pr?.value ?? .nan)")
        #expect(abs(qrs - (r.qrs?.value ?? .nan)) <= 10, "QRS \(qrs) vs clean \(r.qrs?.value ?? .nan)")
        #expect(abs(qt - (r.qt?.value ?? .nan)) <= 10, "QT \(qt) vs clean \(r.qt?.value ?? .nan)")
        let axis = try #require(g.qrsAxis)
        #expect(abs(axis - truth.qrsAxis) <= 5, "QRS axis \(axis) vs truth \(truth.qrsAxis)")
        #expect(abs(try #require(g.heartRate) - truth.heartRate) <= 1)

        // The excluded leads report no amplitudes; the others keep theirs.
        for (i, lead) in m.leads.enumerated() {
            let excluded = damage[lead.lead] != nil
            #expect((lead.r == nil && lead.s == nil && lead.stJ == nil && lead.qrsArea == nil) == excluded
                    || (!excluded && lead.r == nil && lead.s == nil), "\(lead.label) excluded \(excluded): \(lead)")
            #expect(m.quality[i].isUsable == !excluded)
        }
    }

    @Test func reportsNameTheExcludedLeads() throws {
        let (clean, _) = try #require(SyntheticECG.standard(named: "sinus-normal")).generate()
        let result = try MeasurementPipeline().run(try Self.damaged(clean, [.v3: .flat, .aVL: .noise(rms: 1.0)]))
        let m = result.measurements
        let header = MeasurementReport.csvHeader.split(separator: ",").map(String.init)
        let row = MeasurementReport.csvRow(m).split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        #expect(row.count == header.count)
        let excluded = try #require(header.firstIndex(of: "excluded_leads"))
        #expect(row[excluded] == "aVL V3")
        let problems = try #require(header.firstIndex(of: "lead_problems"))
        #expect(row[problems].contains("V3 flat"))
        #expect(row[problems].contains("aVL high-frequency noise+inconsistent beats"), "\(row[problems])")
        let table = MeasurementReport.table(m)
        #expect(table.contains("Excluded leads  aVL, V3"), "\(table)")
        #expect(table.contains("excluded: flat"))
        let json = MeasurementReport.json(m, delineation: result.stage.delineation, fiducials: result.stage.fiducials,
                                          cpuSeconds: nil)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["excluded_leads"] as? [String] == ["aVL", "V3"])
        let quality = try #require(object["quality"] as? [String: [String: Any]])
        #expect(quality["V3"]?["problems"] as? [String] == ["flat"])
        #expect(quality["V1"]?["usable"] as? Bool == true)
    }
}
