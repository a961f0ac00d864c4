import Foundation
import Testing
import ECGModel
import Measurement

struct FormulaTests {
    @Test func qtCorrectionsAtSixtyBeatsPerMinuteLeaveQTUnchanged() throws {
        let c = try #require(CorrectedQT(qt: Milliseconds(400), rr: Milliseconds(1000)))
        #expect(abs(c.bazett.value - 400) < 1e-9)
        #expect(abs(c.fridericia.value - 400) < 1e-9)
        #expect(abs(c.framingham.value - 400) < 1e-9)
        #expect(abs(c.hodges.value - 400) < 1e-9)
    }

    @Test func qtCorrectionsAtAShortRR() throws {
        // RR 0.64 s: √0.64 = 0.8, ∛0.64 = 0.8618, HR = 93.75 bpm.
        let c = try #require(CorrectedQT(qt: Milliseconds(400), rr: Milliseconds(640)))
        #expect(abs(c.bazett.value - 500) < 1e-9)
        #expect(abs(c.fridericia.value - 400 / Foundation.cbrt(0.64)) < 1e-9)
        #expect(abs(c.framingham.value - (400 + 154 * 0.36)) < 1e-9)
        #expect(abs(c.hodges.value - (400 + 1.75 * 33.75)) < 1e-9)
        #expect(CorrectedQT(qt: Milliseconds(400), rr: Milliseconds(0)) == nil)
    }

    /// Net areas that are exact projections of a frontal vector give back its angle, from all
    /// six limb leads or from I and aVF alone.
    @Test(arguments: [-150.0, -90, -45, 0, 30, 60, 90, 120, 179])
    func axisFromProjectedAreas(angle: Double) throws {
        var areas: [Lead: Double] = [:]
        for lead in Lead.limbLeads {
            let theta = try #require(lead.frontalAngle) * .pi / 180
            areas[lead] = 12 * cos(angle * .pi / 180 - theta)
        }
        let all = try #require(FrontalAxis.degrees(netAreas: areas))
        #expect(abs(all - angle) < 1e-6)
        let two = try #require(FrontalAxis.degrees(netAreas: [.i: areas[.i]!, .aVF: areas[.aVF]!]))
        #expect(abs(two - angle) < 1e-6)
    }

    @Test func axisNeedsTwoLeadsAndSomeArea() {
        #expect(FrontalAxis.degrees(netAreas: [.i: 3]) == nil)
        #expect(FrontalAxis.degrees(netAreas: [.i: 0, .aVF: 0]) == nil)
        #expect(FrontalAxis.degrees(netAreas: [.v1: 3, .v2: 1]) == nil)
    }
}
