import ECGModel
import Foundation
import Plot
import Testing

@Suite struct SignalEdgeCaseTests {
    @Test func invalidSamplesBreakTheLine() throws {
        var (record, _) = try Fixture.synthetic()
        let index = try #require(record.leads.firstIndex { $0.lead == .ii })
        for k in 2000..<2100 { record.leads[index].samples[k] = .nan }
        let svg = try Fixture.render(record)
        let strip = try svg.traceSubpaths(row: 3, column: 0)
        #expect(strip.count == 2)
        // The gap spans samples 2000–2099 (4.0 to 4.2 s at 25 mm/s: 5 mm).
        let gap = try #require(strip[1].first).x - (try #require(strip[0].last)).x
        #expect(abs(gap - 101.0 / 500 * 25) < 0.011)
        #expect(!(svg.all("path", class: "trace").compactMap { $0.attributes["d"] }.joined().contains("nan")))
    }

    @Test func flatLeadIsDrawnOnItsBaseline() throws {
        var (record, _) = try Fixture.synthetic()
        let index = try #require(record.leads.firstIndex { $0.lead == .i })
        record.leads[index].samples = [Float](repeating: 0, count: record.sampleCount)
        let svg = try Fixture.render(record)
        let base = try #require(Fixture.baseline(svg, row: 0))
        let points = try svg.tracePoints(row: 0, column: 0)
        #expect(points.count == 2)
        #expect(points.allSatisfy { $0.y == base })
    }

    @Test func missingLeadLeavesALabelledEmptyPanel() throws {
        var (record, _) = try Fixture.synthetic()
        record.leads.removeAll { $0.lead == .aVL }
        let svg = try Fixture.render(record)
        #expect(svg.leadLabels.contains("aVL (missing)"))
        #expect(svg.trace(row: 1, column: 1) == nil)
        #expect(svg.all("path", class: "trace").count == 12)
    }

    @Test func leadWithoutValidSamplesIsLabelledAndUnmarked() throws {
        var (record, truth) = try Fixture.synthetic()
        let index = try #require(record.leads.firstIndex { $0.lead == .aVL })
        record.leads[index].samples = [Float](repeating: .nan, count: record.sampleCount)
        let markers = PlotMarkers(global: truth.beats.flatMap {
            [PlotMarker(sample: $0.rPeak, kind: .qrsPeak), PlotMarker(sample: $0.qrsOnset, kind: .qrsOnset)]
        })
        let svg = try Fixture.render(record, markers: markers)
        #expect(svg.leadLabels.contains("aVL (no signal)"))
        #expect(svg.trace(row: 1, column: 1) == nil)
        #expect(!svg.elements.contains { $0.classes.contains("marker") && $0.panel?["data-lead"] == "aVL" })
        #expect(svg.elements.contains { $0.classes.contains("marker") && $0.panel?["data-lead"] == "aVR" })
    }

    @Test func missingRhythmLeadFallsBackToTheFirstLeadPresent() throws {
        var (record, _) = try Fixture.synthetic()
        record.leads.removeAll { $0.lead == .ii }
        let svg = try Fixture.render(record)
        #expect(svg.leadLabels.last == "I")
        #expect(svg.leadLabels.contains("II (missing)"))
    }

    @Test func hugeValuesAreClampedToThePage() throws {
        var (record, _) = try Fixture.synthetic()
        let index = try #require(record.leads.firstIndex { $0.lead == .ii })
        record.leads[index].samples[100] = 5_000
        record.leads[index].samples[200] = -Float.greatestFiniteMagnitude
        let svg = try Fixture.render(record)
        let box = (svg.root["viewBox"] ?? "").split(separator: " ").compactMap { Double($0) }
        let ys = try svg.tracePoints(row: 3, column: 0).map(\.y)
        #expect(ys.allSatisfy { $0 >= 0 && $0 <= box[3] })
    }

    /// Simplification must not move the line farther than its tolerance from any sample.
    @Test func simplifiedTraceStaysWithinToleranceOfEverySample() throws {
        let (clean, _) = try Fixture.synthetic()
        var noisy = clean
        var state: UInt64 = 12345
        for l in noisy.leads.indices {
            for k in noisy.leads[l].samples.indices {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                noisy.leads[l].samples[k] += Float(Double(state >> 11) / Double(1 << 53) - 0.5) * 0.1
            }
        }
        let svg = try Fixture.render(noisy)
        let base = try #require(Fixture.baseline(svg, row: 3))
        let points = try svg.tracePoints(row: 3, column: 0)
        #expect(points.count < 5000)
        let x0 = points[0].x
        let ii = try #require(noisy[.ii]).samples
        var segment = 0
        var worst = 0.0
        for (k, value) in ii.enumerated() {
            let p = (x: x0 + Double(k) / 500 * 25, y: base - Double(value) * 10)
            while segment + 2 < points.count, points[segment + 1].x < p.x - 1e-9 { segment += 1 }
            worst = max(worst, Fixture.distance(p, points[segment], points[segment + 1]))
        }
        // 0.03 mm tolerance, plus up to 0.007 mm from rounding coordinates to 0.01 mm.
        #expect(worst <= 0.03 + 0.008, "worst distance \(worst) mm")
    }

    @Test func badRequestsAreRefusedWithAMessage() throws {
        let (record, _) = try Fixture.synthetic()
        let cases: [(PlotOptions, String)] = [
            (PlotOptions(start: 10), "start 10.0 s is outside the record"),
            (PlotOptions(duration: 0), "duration 0.0 s is outside"),
            (PlotOptions(scale: PaperScale(speed: 25, gain: 0)), "gain 0.0 mm/mV"),
            (PlotOptions(scale: PaperScale(speed: .nan, gain: 10)), "paper speed nan mm/s"),
            (PlotOptions(layout: .singleLead(.other("ABP"))), "the record has no lead ABP"),
        ]
        for (options, message) in cases {
            let error = try #require(throws: PlotError.self) { try ECGPlot(record: record, options: options).svg() }
            #expect(error.description.contains(message), "\(error)")
            #expect(error.description.contains("plot-test"))
        }
        var empty = record
        empty.leads = []
        #expect(throws: PlotError.self) { try ECGPlot(record: empty).svg() }
    }
}
