import ECGModel
import Foundation
import Plot
import Testing

@Suite struct MarkerTests {
    /// Every truth fiducial lands at x = strip start + sample / fs × speed, at both speeds.
    @Test(arguments: [25.0, 50.0])
    func markersSitAtTheirSamples(speed: Double) throws {
        let (record, truth) = try Fixture.synthetic()
        var global: [PlotMarker] = []
        for beat in truth.beats {
            global.append(PlotMarker(sample: beat.qrsOnset, kind: .qrsOnset))
            global.append(PlotMarker(sample: beat.rPeak, kind: .qrsPeak))
            global.append(PlotMarker(sample: beat.tOffset, kind: .tOffset))
            if let p = beat.pOnset { global.append(PlotMarker(sample: p, kind: .pOnset)) }
        }
        let svg = try Fixture.render(record, markers: PlotMarkers(global: global),
                                     options: PlotOptions(scale: PaperScale(speed: speed, gain: 10)))
        let stripStart = try #require(svg.traceSubpaths(row: 3, column: 0).first?.first).x
        let inStrip = svg.elements.filter { $0.classes.contains("marker") && $0.panel?["data-row"] == "3" }
        #expect(inStrip.count == global.count)
        for element in inStrip {
            let sample = try #require(element.number("data-sample"))
            let x = try #require(element.name == "circle" ? element.number("cx") : element.number("x1"))
            #expect(abs(x - (stripStart + sample / 500 * speed)) < 0.011)
        }
        // Peaks sit on the trace: the QRS-peak dot is at lead II's value there.
        let base = try #require(Fixture.baseline(svg, row: 3))
        let ii = try #require(record[.ii]).samples
        for dot in inStrip where dot.classes.contains("qrs-peak") {
            let sample = Int(try #require(dot.number("data-sample")))
            #expect(abs(try #require(dot.number("cy")) - (base - Double(ii[sample]) * 10)) < 0.011)
        }
        // In the 3×4 part each global marker appears once per row (its column's lead).
        let inRows = svg.elements.filter { $0.classes.contains("marker") && $0.panel?["data-row"] != "3" }
        #expect(inRows.count == 3 * global.count)
    }

    @Test func perLeadMarkersOnlyInTheirLead() throws {
        let (record, truth) = try Fixture.synthetic()
        // V2 is shown in the third column: samples 2500..<3750.
        let beat = try #require(truth.beats.first { (2500..<3750).contains($0.qrsOnset) })
        let markers = PlotMarkers(perLead: [.v2: [PlotMarker(sample: beat.qrsOnset, kind: .qrsOnset)]])
        let svg = try Fixture.render(record, markers: markers)
        let shown = svg.all("line", class: "qrs-onset")
        #expect(shown.count == 1)
        #expect(shown.first?.panel?["data-lead"] == "V2")
    }

    @Test func markersCanBeTurnedOff() throws {
        let (record, truth) = try Fixture.synthetic()
        let markers = PlotMarkers(global: truth.beats.map { PlotMarker(sample: $0.rPeak, kind: .qrsPeak) })
        let on = try Fixture.render(record, markers: markers)
        let off = try Fixture.render(record, markers: markers, options: PlotOptions(showsMarkers: false))
        #expect(on.elements.contains { $0.classes.contains("marker") })
        #expect(!off.elements.contains { $0.classes.contains("marker") })
    }

    @Test func markersOutsideTheWindowOrRecordAreSkipped() throws {
        let (record, _) = try Fixture.synthetic()
        let markers = PlotMarkers(global: [PlotMarker(sample: -5, kind: .pOnset), PlotMarker(sample: 10_000, kind: .tOffset),
                                           PlotMarker(sample: 100, kind: .qrsOnset)])
        let svg = try Fixture.render(record, markers: markers, options: PlotOptions(start: 1, duration: 2))
        #expect(!svg.elements.contains { $0.classes.contains("marker") })
    }
}
