import Foundation
import Testing
import ECGModel
import Measurement
import Synthesis

struct ReportTests {
    @Test func csvUsesMIMICColumnNamesAndMatchingDifferences() throws {
        let (record, _) = try #require(SyntheticECG.standard(named: "sinus-normal")).generate()
        let m = try MeasurementPipeline().run(record).measurements
        let header = MeasurementReport.csvHeader.split(separator: ",").map(String.init)
        for name in ["rr_interval", "p_onset", "p_end", "qrs_onset", "qrs_end", "t_end", "p_axis", "qrs_axis", "t_axis"] {
            #expect(header.contains(name))
        }
        let row = MeasurementReport.csvRow(m).split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        #expect(row.count == header.count)
        func value(_ name: String) throws -> Double {
            let index = try #require(header.firstIndex(of: name))
            return try #require(Double(row[index]), "\(name) empty")
        }
        // PR = qrs_onset − p_onset, QRS = qrs_end − qrs_onset, QT = t_end − qrs_onset (±1 ms rounding).
        let pOn = try value("p_onset"), qOn = try value("qrs_onset"), qEnd = try value("qrs_end")
        let tEnd = try value("t_end"), pr = try value("pr_ms"), qrs = try value("qrs_ms"), qt = try value("qt_ms")
        #expect(abs(qOn - pOn - pr) <= 1)
        #expect(abs(qEnd - qOn - qrs) <= 1)
        #expect(abs(tEnd - qOn - qt) <= 1)
    }

    /// A value halfway between two milliseconds reads the same in the table, the CSV and the JSON.
    @Test func tableCSVAndJSONRoundAlike() throws {
        let (record, _) = try #require(SyntheticECG.standard(named: "sinus-normal")).generate()
        let result = try MeasurementPipeline().run(record)
        var m = result.measurements
        m.global.medianLeadQT = Milliseconds(450.5)
        #expect(MeasurementReport.table(m).contains("QT 451 ms"))
        let header = MeasurementReport.csvColumns
        let row = MeasurementReport.csvRow(m).split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        #expect(row[try #require(header.firstIndex(of: "qt_median_lead_ms"))] == "451")
        let json = MeasurementReport.json(m, delineation: result.stage.delineation, fiducials: result.stage.fiducials,
                                          cpuSeconds: result.cpuSeconds)
        #expect(json.contains("\"qt_median_lead_ms\": 451"))
    }

    @Test func jsonHasOneEntryPerBeatAndNullForAbsentWaves() throws {
        let (record, truth) = try #require(SyntheticECG.standard(named: "atrial-fibrillation")).generate()
        let result = try MeasurementPipeline().run(record)
        let text = MeasurementReport.json(result.measurements, delineation: result.stage.delineation,
                                          fiducials: result.stage.fiducials, cpuSeconds: result.cpuSeconds)
        let parsed = try JSONSerialization.jsonObject(with: Data(text.utf8))
        let object = try #require(parsed as? [String: Any])
        #expect(object["record"] as? String == truth.record)
        #expect(object["fs"] as? Int == 500)
        let leads = try #require(object["leads"] as? [String: [String: [Any]]])
        #expect(Set(leads.keys) == Set(record.leads.map(\.label)))
        let beats = result.stage.delineation.beats.count
        for (_, lead) in leads {
            for key in ["p_on", "p_peak", "p_off", "qrs_on", "r_peak", "qrs_off", "t_on", "t_peak", "t_off"] {
                #expect(lead[key]?.count == beats)
            }
            #expect(lead["p_on"]?.allSatisfy { $0 is NSNull } == true, "P reported in atrial fibrillation")
            #expect(lead["qrs_on"]?.allSatisfy { $0 is NSNumber } == true)
        }
        let global = try #require(object["global"] as? [String: Any])
        #expect((global["qrs_on"] as? [Any])?.count == beats)
        let m = try #require(object["measurements"] as? [String: Any])
        #expect(m["pr_ms"] is NSNull)
        #expect(m["hr_bpm"] is NSNumber)
    }

    @Test func readableTableListsEveryLead() throws {
        let (record, _) = try #require(SyntheticECG.standard(named: "sinus-normal")).generate()
        let result = try MeasurementPipeline().run(record)
        let table = MeasurementReport.table(result.measurements)
        for lead in record.leads { #expect(table.contains("\n  \(lead.label) ")) }
        #expect(table.contains("QTc"))
    }
}
