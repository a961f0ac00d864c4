import Foundation
import Plot
import Testing

@Suite struct PNGTests {
    static var converterAvailable: Bool {
        if PNGRenderer.findConverter() != nil { return true }
        let ci = ProcessInfo.processInfo.environment["CI"] ?? ""
        if !ci.isEmpty, ci != "0", ci.lowercased() != "false" { return true }
        print("SKIP: rsvg-convert not on PATH (install librsvg2-bin)")
        return false
    }

    /// Width and height from a PNG's IHDR chunk (bytes 16–23, big-endian).
    static func pixelSize(_ data: Data) -> (width: Int, height: Int)? {
        let bytes = [UInt8](data.prefix(24))
        guard bytes.count == 24, bytes[0..<8] == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A],
              String(decoding: bytes[12..<16], as: UTF8.self) == "IHDR" else { return nil }
        func int(_ at: Int) -> Int { bytes[at..<at + 4].reduce(0) { $0 << 8 | Int($1) } }
        return (int(16), int(20))
    }

    @Test(.enabled(if: converterAvailable), arguments: [(25.0, 150.0), (50.0, 96.0)])
    func pngHasThePagePixelSize(speed: Double, dpi: Double) throws {
        let (record, _) = try Fixture.synthetic()
        let svg = try ECGPlot(record: record, options: PlotOptions(scale: PaperScale(speed: speed, gain: 10))).svg()
        let parsed = try ParsedSVG(svg)
        let box = (parsed.root["viewBox"] ?? "").split(separator: " ").compactMap { Double($0) }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("plot-png-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("page.png")
        try PlotOutput.write(svg: svg, to: file, png: PNGRenderer(dotsPerInch: dpi))
        let size = try #require(Self.pixelSize(try Data(contentsOf: file)))
        // mm / 25.4 × dpi, rounded either way by the converter.
        let width = box[2] / 25.4 * dpi, height = box[3] / 25.4 * dpi
        #expect(abs(Double(size.width) - width) <= 1, "\(size) vs \(width)×\(height)")
        #expect(abs(Double(size.height) - height) <= 1)
        #expect(size.width > 1000)
    }

    @Test func missingConverterIsAClearError() throws {
        let (record, _) = try Fixture.synthetic()
        let svg = try ECGPlot(record: record).svg()
        let renderer = PNGRenderer(executable: URL(fileURLWithPath: "/nonexistent/rsvg-convert"))
        let error = try #require(throws: PlotError.self) {
            try PlotOutput.write(svg: svg, to: URL(fileURLWithPath: "/tmp/never.png"), png: renderer)
        }
        #expect(error.description.contains("could not run /nonexistent/rsvg-convert"))
        #expect(PNGRenderer.findConverter(environment: ["PATH": "/nonexistent"]) == nil)
    }

    @Test func unknownExtensionIsRefused() throws {
        let error = try #require(throws: PlotError.self) { try PlotOutput.format(of: URL(fileURLWithPath: "x.jpg")) }
        #expect(error.description.contains("x.jpg: the output must end in .svg or .png"))
    }
}
