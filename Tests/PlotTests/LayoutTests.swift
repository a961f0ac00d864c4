import ECGModel
import Foundation
import Plot
import Testing

@Suite struct LayoutTests {
    @Test func standardPageParsesAndLabelsTwelveLeadsAndTheRhythmStrip() throws {
        let (record, _) = try Fixture.synthetic()
        let svg = try Fixture.render(record)
        #expect(svg.root["xmlns"] == "http://www.w3.org/2000/svg")
        #expect(svg.leadLabels == ["I", "II", "III", "aVR", "aVL", "aVF", "V1", "V2", "V3", "V4", "V5", "V6", "II"])
        let panels = svg.all("g", class: "panel")
        #expect(panels.count == 13)
        #expect(svg.all("path", class: "trace").count == 13)
        // Columns hold I/II/III, aVR/aVL/aVF, V1–V3, V4–V6; the rhythm strip is row 3.
        let positions = Dictionary(uniqueKeysWithValues: panels.dropLast().map {
            ($0.attributes["data-lead"] ?? "", "\($0.attributes["data-row"] ?? "")\($0.attributes["data-column"] ?? "")")
        })
        #expect(positions["aVL"] == "11")
        #expect(positions["V3"] == "22")
        #expect(positions["V4"] == "03")
        #expect(panels.last?.attributes["data-row"] == "3")
        #expect(svg.all("path", class: "calibration").count == 4)
    }

    /// The SVG's user unit must be the paper millimetre: the size in mm equals the viewBox.
    @Test func userUnitIsTheMillimetre() throws {
        let (record, _) = try Fixture.synthetic()
        let svg = try Fixture.render(record)
        let box = (svg.root["viewBox"] ?? "").split(separator: " ").compactMap { Double($0) }
        #expect(box.count == 4)
        #expect(svg.root["width"] == "\(Int(box[2]))mm")
        #expect(svg.root["height"] == "\(Int(box[3]))mm")
    }

    @Test(arguments: [(25.0, 10.0), (50.0, 10.0), (25.0, 5.0), (25.0, 20.0), (50.0, 20.0)])
    func gridAndCalibrationMatchSpeedAndGain(speed: Double, gain: Double) throws {
        let (record, _) = try Fixture.synthetic()
        let svg = try Fixture.render(record, options: PlotOptions(scale: PaperScale(speed: speed, gain: gain)))
        // Grid: vertical lines every 1 mm (minor) and 5 mm (major), whatever the scale.
        for (name, spacing) in [("grid-major", 5.0), ("grid-minor", 1.0)] {
            let d = try #require(svg.all("path", class: name).first?.attributes["d"])
            let xs = d.split(separator: "M").compactMap { part -> Double? in
                part.contains("V") ? Double(part.split(separator: " ")[0]) : nil
            }
            let gaps = Set(zip(xs, xs.dropFirst()).map { (($1 - $0) * 100).rounded() / 100 })
            if name == "grid-major" {
                #expect(gaps == [spacing], "\(name) gaps \(gaps)")
            } else {
                // Minor lines skip the major positions: gaps of 1 mm, and 2 mm across a major line.
                #expect(gaps == [1, 2], "\(name) gaps \(gaps)")
            }
        }
        // Calibration: 1 mV tall = gain mm, 200 ms wide = 0.2 × speed mm.
        for pulse in svg.all("path", class: "calibration") {
            let d = try #require(pulse.attributes["d"])
            let values = ParsedSVG.numbers(in: d)
            // M x0 base H x1 V top H x2 V base H x3
            #expect(values.count == 7)
            #expect(abs((values[1] - values[3]) - gain) < 1e-9)
            #expect(abs((values[4] - values[2]) - 0.2 * speed) < 1e-9)
        }
        // One second of record spans `speed` mm: the rhythm strip runs 10 s.
        let strip = try #require(svg.trace(row: 3, column: 0)?.attributes["d"])
        let points = ParsedSVG.subpaths(of: strip).flatMap { $0 }
        let span = try #require(points.last).x - (try #require(points.first)).x
        #expect(abs(span - 4999.0 / 500 * speed) < 0.02)
        #expect(svg.root["data-speed"] == "\(Int(speed))")
    }

    /// The tallest R wave of lead II rises `R (mV) × gain` mm above the baseline.
    @Test(arguments: [5.0, 10.0, 20.0])
    func knownRAmplitudeMapsToItsHeight(gain: Double) throws {
        let (record, truth) = try Fixture.synthetic()
        let rII = try #require(truth.leadAmplitudes["II"]).qrsMaximum
        let svg = try Fixture.render(record, options: PlotOptions(scale: PaperScale(speed: 25, gain: gain)))
        let base = try #require(Fixture.baseline(svg, row: 3))
        let strip = try #require(svg.trace(row: 3, column: 0)?.attributes["d"])
        let top = try #require(ParsedSVG.subpaths(of: strip).flatMap { $0 }.map(\.y).min())
        // Within the drawing tolerance plus rounding to 0.01 mm.
        #expect(abs((base - top) - rII * gain) <= 0.03 + 0.011, "R \(rII) mV drawn \(base - top) mm at \(gain) mm/mV")
    }

    @Test func leadsSwitchAtTheColumnBoundaries() throws {
        let (record, _) = try Fixture.synthetic()
        let svg = try Fixture.render(record)
        let stripStart = try #require(svg.traceSubpaths(row: 3, column: 0).first?.first).x
        for column in 0..<4 {
            for row in 0..<3 {
                let d = try #require(svg.trace(row: row, column: column)?.attributes["d"])
                let points = ParsedSVG.subpaths(of: d).flatMap { $0 }
                let first = try #require(points.first).x, last = try #require(points.last).x
                // Column c shows samples 1250c ..< 1250(c+1) at 500 Hz.
                #expect(abs(first - (stripStart + Double(column) * 62.5)) < 0.011)
                #expect(abs(last - (stripStart + Double(1250 * column + 1249) / 500 * 25)) < 0.011)
            }
        }
        #expect(svg.all("path", class: "lead-switch").count == 1)
    }

    @Test func windowStartsAtTheRequestedTime() throws {
        let (record, _) = try Fixture.synthetic()
        let full = try Fixture.render(record)
        let window = try Fixture.render(record, options: PlotOptions(start: 2.5, duration: 5))
        let fullStart = try #require(full.traceSubpaths(row: 3, column: 0).first?.first)
        let points = try window.tracePoints(row: 3, column: 0)
        // Same left edge on paper; 5 s drawn; the first sample shown is 1250 (lead II there).
        #expect(abs(try #require(points.first).x - fullStart.x) < 0.011)
        #expect(abs(try #require(points.last).x - points[0].x - 2499.0 / 500 * 25) < 0.011)
        let base = try #require(Fixture.baseline(window, row: 3))
        let ii = try #require(record[.ii]).samples
        #expect(abs(points[0].y - (base - Double(ii[1250]) * 10)) < 0.011)
        #expect(window.all("text").contains { $0.text == "25 mm/s · 10 mm/mV · 2.5–7.5 s" })
    }

    @Test func singleLeadPageShowsOnlyThatLead() throws {
        let (record, _) = try Fixture.synthetic()
        let svg = try Fixture.render(record, options: PlotOptions(layout: .singleLead(.v5)))
        #expect(svg.leadLabels == ["V5"])
        #expect(svg.all("path", class: "calibration").count == 1)
        let points = try svg.tracePoints(row: 0, column: 0)
        #expect(abs(try #require(points.last).x - points[0].x - 4999.0 / 500 * 25) < 0.011)
    }

    @Test func headerCarriesTheGivenLinesEscaped() throws {
        let (record, _) = try Fixture.synthetic()
        let header = PlotHeader(record: record, measurements: ["HR 72 bpm · PR 160 ms"], statements: ["<Normal> & \"sinus\""])
        let svg = try Fixture.render(record, header: header)
        let texts = svg.all("text").map(\.text)
        #expect(texts.contains("record plot-test · 500 Hz"))
        #expect(texts.contains("HR 72 bpm · PR 160 ms"))
        #expect(texts.contains("<Normal> & \"sinus\""))
    }

    @Test func acquisitionTimeIsPrintedInUTC() throws {
        var (record, _) = try Fixture.synthetic()
        record.metadata.acquisitionTime = Date(timeIntervalSince1970: 1_000_000_000)
        record.metadata.subjectID = "42"
        #expect(PlotHeader.identification(of: record) == "record plot-test · 2001-09-09 01:46:40 UTC · subject 42 · 500 Hz")
    }

    @Test func outputIsDeterministic() throws {
        let (record, truth) = try Fixture.synthetic()
        let markers = PlotMarkers(global: truth.beats.map { PlotMarker(sample: $0.rPeak, kind: .qrsPeak) })
        let a = try ECGPlot(record: record, markers: markers).svg()
        let b = try ECGPlot(record: record, markers: markers).svg()
        #expect(a == b)
        // Geometry is plain fixed-point numbers: no exponents, no NaN or infinity.
        let allowed = Set("0123456789.- MVHm")
        let geometry = ["d", "x", "y", "x1", "x2", "y1", "y2", "cx", "cy", "width", "height", "viewBox"]
        for element in try ParsedSVG(a).elements {
            for key in geometry {
                if let value = element.attributes[key] { #expect(value.allSatisfy(allowed.contains), "\(key)=\(value)") }
            }
        }
    }
}
