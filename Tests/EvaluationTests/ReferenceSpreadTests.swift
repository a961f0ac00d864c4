import Foundation
import Testing
import WFDB
@testable import Evaluation

struct ReferenceSpreadTests {
    /// Two leads, two beats: the single-lead intervals are each lead's own, median over the
    /// leads per beat, then over the beats.
    @Test func singleLeadReferenceTakesEachLeadsOwnInterval() throws {
        let (a, b) = try DelineationScoringTests.twoLeadsTwoBeats()
        let single = LUDBReference.singleLeadMeasurements(leads: [a, b], samplingFrequency: 500)
        // Beat 1: QRS 90 and 90 ms, PR 160 and 180, QT 400 and 410.
        // Beat 2: QRS 90 and 98 ms, PR 160 and 152, QT 400 and 408.
        let qrs: Double = (90 + 94) / 2, pr: Double = (170 + 156) / 2, qt: Double = (405 + 404) / 2
        #expect(single.qrs == qrs)
        #expect(single.pr == pr)
        #expect(single.qt == qt)
        #expect(single.heartRate == nil)
        // The union reference is wider than every single lead.
        let union = LUDBReference.measurements(leads: [a, b], samplingFrequency: 500)
        #expect(try #require(union.qrs) > single.qrs!)
        #expect(try #require(union.qt) > single.qt!)
    }

    /// Without each beat's most extreme lead, two leads leave the later onset and the earlier
    /// offset of every wave; one lead leaves nothing.
    @Test func referenceWithoutTheMostExtremeLeadTakesTheSecondExtreme() throws {
        let (a, b) = try DelineationScoringTests.twoLeadsTwoBeats()
        let robust = LUDBReference.measurementsWithoutMostExtremeLead(leads: [a, b], samplingFrequency: 500)
        // Beat 1: P onset 100, QRS 185–225, T end 380. Beat 2: P onset 600, QRS 680–725, T end 880.
        let pr: Double = (170 + 160) / 2, qrs: Double = (80 + 90) / 2, qt: Double = (390 + 400) / 2
        #expect(robust.pr == pr)
        #expect(robust.qrs == qrs)
        #expect(robust.qt == qt)
        #expect(robust.heartRate == nil)
        let union = LUDBReference.measurements(leads: [a, b], samplingFrequency: 500)
        #expect(try #require(union.qrs) > qrs)
        let alone = LUDBReference.measurementsWithoutMostExtremeLead(leads: [a], samplingFrequency: 500)
        #expect(alone.pr == nil && alone.qrs == nil && alone.qt == nil)
    }

    @Test func idealShareIsTheDensestWindowOfTwiceTheTolerance() throws {
        let spread = ReferenceSpread(differences: [30, 2, 0, 15, 1])
        let ideal = try #require(spread.idealShareWithinTolerance(10))
        #expect(ideal.share == 0.8)            // 0, 1, 2, 15 fit within 7.5 ± 10; 30 does not
        #expect(ideal.widening == 7.5)
        #expect(spread.mean == 9.6)
        let sd = try #require(spread.standardDeviation)
        #expect(abs(sd - 11.5689) < 1e-3)
        #expect(ReferenceSpread().idealShareWithinTolerance(10) == nil)
    }
}
