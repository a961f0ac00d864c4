import Delineation
import ECGModel
import Foundation
import Plot
import PlotAnnotations
import Synthesis
import Testing

@Suite struct AnalysisExcerptTests {
    static func record(seconds: Double, hertz: Double = 250) -> ECGRecord {
        let count = Int(seconds * hertz)
        let ramp = (0..<count).map { Float($0) }
        return ECGRecord(metadata: RecordMetadata(recordID: "long"), samplingFrequency: SamplingFrequency(hertz: hertz),
                         leads: [LeadSignal(label: "II", samples: ramp), LeadSignal(label: "V5", samples: ramp)])
    }

    @Test func windowWithMarginIsCut() throws {
        let excerpt = AnalysisExcerpt(of: Self.record(seconds: 60), start: 20, duration: 10)
        #expect(excerpt.firstSample == 18 * 250)
        #expect(!excerpt.isWholeRecord)
        let ii = try #require(excerpt.record[.ii]).samples
        #expect(ii.count == 14 * 250)
        // The ramp's value is its sample index in the original record.
        #expect(ii.first == Float(18 * 250))
        #expect(excerpt.note == "Measured over 18–32 s of the record.")
    }

    @Test func marginIsClippedAtTheEnds() throws {
        let start = AnalysisExcerpt(of: Self.record(seconds: 60), start: 1, duration: 5)
        #expect(start.firstSample == 0)
        #expect(start.record.sampleCount == 8 * 250)
        let end = AnalysisExcerpt(of: Self.record(seconds: 60), start: 55, duration: nil)
        #expect(end.firstSample == 53 * 250)
        #expect(end.record.sampleCount == 7 * 250)
    }

    @Test func standardTenSecondRecordIsAnalysedWhole() {
        let excerpt = AnalysisExcerpt(of: Self.record(seconds: 10, hertz: 500), start: 0, duration: nil)
        #expect(excerpt.isWholeRecord)
        #expect(excerpt.firstSample == 0)
        #expect(excerpt.record.sampleCount == 5000)
        #expect(excerpt.note == nil)
    }

    @Test func shiftedMarkersMoveEveryIndex() {
        let markers = PlotMarkers(global: [PlotMarker(sample: 10, kind: .qrsOnset)],
                                  perLead: [.v5: [PlotMarker(sample: 12, kind: .qrsPeak)]])
        let moved = markers.shifted(by: 4500)
        #expect(moved.global == [PlotMarker(sample: 4510, kind: .qrsOnset)])
        #expect(moved.perLead[.v5] == [PlotMarker(sample: 4512, kind: .qrsPeak)])
    }
}

@Suite struct MarkerSourceTests {
    @Test func truthMarkersCoverEveryBeat() throws {
        let (_, truth) = try SyntheticECG(name: "t", seed: 3).generate()
        let markers = TruthMarkers.markers(truth)
        let onsets = markers.global.filter { $0.kind == .qrsOnset }.map(\.sample)
        #expect(onsets == truth.beats.map(\.qrsOnset))
        let pOffsets = markers.global.filter { $0.kind == .pOffset }.map(\.sample)
        #expect(pOffsets == truth.beats.compactMap(\.pOffset))
        #expect(TruthMarkers.headerLines(truth).first?.hasPrefix("Truth: HR 72 bpm · PR 160 ms · QRS 90 ms") == true)
    }

    @Test func delineationMarkersAreGlobalBoundariesAndPerLeadPeaks() throws {
        let (record, _) = try SyntheticECG(name: "d", seed: 5).generate()
        let delineation = try DelineationPipeline().run(record).delineation
        #expect(!delineation.beats.isEmpty)
        let markers = DelineationMarkers.markers(delineation)
        func samples(_ list: [PlotMarker], _ kind: FiducialKind) -> [Int] {
            list.filter { $0.kind == kind }.map(\.sample)
        }
        #expect(samples(markers.global, .qrsOnset) == delineation.beats.map(\.global.qrsOnset))
        #expect(samples(markers.global, .tOffset) == delineation.beats.compactMap(\.global.tOffset))
        #expect(samples(markers.global, .pOnset) == delineation.beats.compactMap(\.global.pOnset))
        // Peaks are per lead, from that lead's own waves, never global.
        #expect(samples(markers.global, .qrsPeak).isEmpty)
        for (index, lead) in delineation.leads.enumerated() {
            let own = markers.perLead[lead] ?? []
            #expect(samples(own, .qrsPeak) == delineation.beats.compactMap { $0.leads[index].qrs?.peak })
            #expect(samples(own, .tPeak) == delineation.beats.compactMap { $0.leads[index].t?.peak })
        }
    }
}
