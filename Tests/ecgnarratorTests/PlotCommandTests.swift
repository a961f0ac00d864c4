import Foundation
import Testing
import TestSupport
#if canImport(FoundationXML)
import FoundationXML
#endif

/// `ecgnarrator plot` end to end, and the committed `Samples/plots` kept in sync with it.
@Suite struct PlotCommandTests {
    static let root = RealData.packageRoot

    /// Record names of `Signals/` (every `.hea`).
    static var signalRecords: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("Signals").path)) ?? []
        return names.filter { $0.hasSuffix(".hea") }.map { String($0.dropLast(4)) }.sorted()
    }

    static func scratchFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("plot-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// Element name and attributes of every element, in document order.
    static func elements(_ svg: String) throws -> [(name: String, attributes: [String: String], text: String)] {
        final class Collector: NSObject, XMLParserDelegate {
            var elements: [(name: String, attributes: [String: String], text: String)] = []
            var open: [Int] = []
            func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                        qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
                elements.append((elementName, attributeDict, ""))
                open.append(elements.count - 1)
            }
            func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?,
                        qualifiedName qName: String?) {
                open.removeLast()
            }
            func parser(_ parser: XMLParser, foundCharacters string: String) {
                if let index = open.last { elements[index].text += string }
            }
        }
        let collector = Collector()
        let parser = XMLParser(data: Data(svg.utf8))
        parser.delegate = collector
        #expect(parser.parse(), "SVG is not well-formed XML")
        return collector.elements
    }

    @Test func samplesFolderHasOnePlotPerSignalsRecord() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.root.appendingPathComponent("Samples/plots").path)
        let plots = files.filter { $0.hasSuffix(".svg") }.map { String($0.dropLast(4)) }.sorted()
        #expect(Self.signalRecords.count == 22)
        #expect(plots == Self.signalRecords)
    }

    @Test(arguments: signalRecords)
    func committedPlotMatchesTheCommand(record: String) throws {
        let folder = try Self.scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let fresh = folder.appendingPathComponent("\(record).svg")
        let result = try CommandRunner.run(["plot", "Signals/\(record).hea", "--out", fresh.path], in: Self.root)
        #expect(result.status == 0, "\(result.standardError)")
        let committed = try String(contentsOf: Self.root.appendingPathComponent("Samples/plots/\(record).svg"), encoding: .utf8)
        let drawn = try String(contentsOf: fresh, encoding: .utf8)
        #expect(drawn == committed, """
            Samples/plots/\(record).svg differs from `ecgnarrator plot Signals/\(record).hea`; \
            regenerate with the loop in Samples/plots/README.md
            """)
    }

    /// The detected fiducials drawn for a clean record lie near the generator's truth.
    @Test func detectedMarkersFollowTheTruth() throws {
        let folder = try Self.scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("sinus.svg")
        let result = try CommandRunner.run(["plot", "Signals/sinus-normal.hea", "--out", out.path], in: Self.root)
        #expect(result.status == 0, "\(result.standardError)")
        let elements = try Self.elements(try String(contentsOf: out, encoding: .utf8))
        let truthData = try Data(contentsOf: Self.root.appendingPathComponent("Signals/sinus-normal.truth.json"))
        let truth = try #require(try JSONSerialization.jsonObject(with: truthData) as? [String: Any])
        let beats = try #require(truth["beats"] as? [[String: Any]])
        let truthOnsets = beats.compactMap { $0["qrsOnset"] as? Int }
        // Every QRS-onset marker (any panel) is within 10 ms (5 samples) of a true onset.
        let onsets = elements.filter { $0.attributes["class"] == "marker qrs-onset" }
            .compactMap { $0.attributes["data-sample"].flatMap(Int.init) }
        #expect(!onsets.isEmpty)
        for onset in onsets {
            #expect(truthOnsets.contains { abs($0 - onset) <= 5 }, "marker at \(onset)")
        }
        // The header carries the measured heart rate (truth: 72 bpm).
        #expect(elements.contains { $0.name == "text" && $0.text.hasPrefix("HR 72 bpm") })
    }

    /// A window is delineated on an excerpt; its markers must land back on the record's samples.
    @Test func windowMarkersAreShiftedBackToRecordSamples() throws {
        let folder = try Self.scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("window.svg")
        let result = try CommandRunner.run(["plot", "Signals/sinus-normal.hea", "--start", "4", "--duration", "2",
                                            "--out", out.path], in: Self.root)
        #expect(result.status == 0, "\(result.standardError)")
        let elements = try Self.elements(try String(contentsOf: out, encoding: .utf8))
        #expect(elements.contains { $0.text == "Measured over 2–8 s of the record." })
        let truthData = try Data(contentsOf: Self.root.appendingPathComponent("Signals/sinus-normal.truth.json"))
        let truth = try #require(try JSONSerialization.jsonObject(with: truthData) as? [String: Any])
        let truthOnsets = try #require(truth["beats"] as? [[String: Any]]).compactMap { $0["qrsOnset"] as? Int }
        let onsets = elements.filter { $0.attributes["class"] == "marker qrs-onset" }
            .compactMap { $0.attributes["data-sample"].flatMap(Int.init) }
        // 4–6 s at 500 Hz holds the onsets of 2 or 3 beats; each drawn where the truth has it.
        #expect(!onsets.isEmpty)
        for onset in onsets {
            #expect((2000..<3000).contains(onset))
            #expect(truthOnsets.contains { abs($0 - onset) <= 5 }, "marker at \(onset)")
        }
    }

    /// The header prints the statements `ecgnarrator interpret` makes, in its order.
    @Test func headerListsTheInterpretationStatements() throws {
        let interpreted = try CommandRunner.run(["interpret", "Signals/lbbb.hea"], in: Self.root)
        #expect(interpreted.status == 0, "\(interpreted.standardError)")
        let statements = interpreted.standardOutput.split(separator: "\n")
            .filter { $0.hasPrefix("  ") && !$0.hasPrefix("   ") }
            .map { $0.trimmingCharacters(in: .whitespaces) }
        #expect(statements.contains("Left bundle branch block"))
        let folder = try Self.scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("lbbb.svg")
        let result = try CommandRunner.run(["plot", "Signals/lbbb.hea", "--out", out.path], in: Self.root)
        #expect(result.status == 0, "\(result.standardError)")
        let texts = try Self.elements(try String(contentsOf: out, encoding: .utf8)).filter { $0.name == "text" }.map(\.text)
        let shown = texts.filter { statements.contains($0) }
        #expect(shown == statements)
    }

    @Test func optionsReachThePlot() throws {
        let folder = try Self.scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("v5.svg")
        let result = try CommandRunner.run([
            "plot", "Signals/sinus-normal.hea", "--lead", "V5", "--start", "2", "--duration", "4",
            "--speed", "50", "--gain", "20", "--no-markers", "--out", out.path,
        ], in: Self.root)
        #expect(result.status == 0, "\(result.standardError)")
        let elements = try Self.elements(try String(contentsOf: out, encoding: .utf8))
        #expect(elements.filter { $0.attributes["class"] == "lead-label" }.map(\.text) == ["V5"])
        #expect(elements.first?.attributes["data-speed"] == "50")
        #expect(elements.first?.attributes["data-gain"] == "20")
        #expect(!elements.contains { ($0.attributes["class"] ?? "").hasPrefix("marker") })
        #expect(elements.contains { $0.text == "50 mm/s · 20 mm/mV · 2–6 s" })
    }

    @Test func truthMarkersAreTheTruthFiducials() throws {
        let folder = try Self.scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("truth.svg")
        let result = try CommandRunner.run([
            "plot", "Signals/first-degree-av-block.hea", "--truth", "Signals/first-degree-av-block.truth.json",
            "--lead", "II", "--out", out.path,
        ], in: Self.root)
        #expect(result.status == 0, "\(result.standardError)")
        let elements = try Self.elements(try String(contentsOf: out, encoding: .utf8))
        let truthData = try Data(contentsOf: Self.root.appendingPathComponent("Signals/first-degree-av-block.truth.json"))
        let truth = try #require(try JSONSerialization.jsonObject(with: truthData) as? [String: Any])
        let beats = try #require(truth["beats"] as? [[String: Any]])
        let pOnsets = elements.filter { $0.attributes["class"] == "marker p-onset" }.compactMap { $0.attributes["data-sample"].flatMap(Int.init) }
        #expect(pOnsets == beats.compactMap { $0["pOnset"] as? Int })
        #expect(elements.contains { $0.text.hasPrefix("Truth: HR") && $0.text.contains("PR 240 ms") })
    }

    @Test(.enabled(if: PlotCommandTests.converterAvailable))
    func pngOutputHasThePageSize() throws {
        let folder = try Self.scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let png = folder.appendingPathComponent("page.png")
        let result = try CommandRunner.run(["plot", "Signals/lbbb.hea", "--dpi", "100", "--out", png.path], in: Self.root)
        #expect(result.status == 0, "\(result.standardError)")
        let bytes = [UInt8](try Data(contentsOf: png).prefix(24))
        #expect(bytes.count == 24 && String(decoding: bytes[12..<16], as: UTF8.self) == "IHDR")
        let width = bytes[16..<20].reduce(0) { $0 << 8 | Int($1) }
        let height = bytes[20..<24].reduce(0) { $0 << 8 | Int($1) }
        // The standard page at 25 mm/s, 10 mm/mV is 270 mm wide (5 + 10 + 250 + 5) and one
        // 40 mm row × 4 below the header; at 100 dpi that is 270 / 25.4 × 100 ≈ 1063 px.
        #expect(abs(Double(width) - 270 / 25.4 * 100) <= 1)
        #expect(height > width / 2 && height < width)
    }

    static var converterAvailable: Bool {
        let paths = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":")
        if paths.contains(where: { FileManager.default.isExecutableFile(atPath: "\($0)/rsvg-convert") }) { return true }
        if RealData.isCI { return true }
        print("SKIP: rsvg-convert not on PATH (install librsvg2-bin)")
        return false
    }

    @Test func badRequestsFailWithAMessage() throws {
        let jpg = try CommandRunner.run(["plot", "Signals/lbbb.hea", "--out", "/tmp/never-written.jpg"], in: Self.root)
        #expect(jpg.status != 0)
        #expect(jpg.standardError.contains("the output must end in .svg or .png"))
        let missing = try CommandRunner.run(["plot", "Signals/no-such-record.hea", "--out", "/tmp/x.svg"], in: Self.root)
        #expect(missing.status != 0)
        #expect(missing.standardError.contains("no-such-record"))
        let lead = try CommandRunner.run(["plot", "Signals/lbbb.hea", "--lead", "ABP", "--out", "/tmp/x.svg"], in: Self.root)
        #expect(lead.status != 0)
        #expect(lead.standardError.contains("the record has no lead ABP"))
    }
}
