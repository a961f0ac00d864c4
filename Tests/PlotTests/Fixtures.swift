import ECGModel
import Foundation
import Plot
import Synthesis

/// Records and helpers shared by the plot tests.
enum Fixture {
    /// A clean 10 s, 500 Hz normal sinus record with its exact truth.
    static func synthetic(seed: UInt64 = 7) throws -> (record: ECGRecord, truth: SyntheticTruth) {
        try SyntheticECG(name: "plot-test", summary: "test", seed: seed).generate()
    }

    static func render(_ record: ECGRecord, markers: PlotMarkers = .none, header: PlotHeader? = nil,
                       options: PlotOptions = PlotOptions()) throws -> ParsedSVG {
        try ParsedSVG(ECGPlot(record: record, markers: markers, header: header, options: options).svg())
    }

    /// The baseline (isoelectric y) of a row: where its calibration pulse starts.
    static func baseline(_ svg: ParsedSVG, row: Int) -> Double? {
        guard let pulse = svg.all("path", class: "calibration").first(where: { $0.attributes["data-row"] == "\(row)" }),
              let d = pulse.attributes["d"] else { return nil }
        let values = ParsedSVG.numbers(in: d)
        return values.count > 1 ? values[1] : nil
    }

    /// Distance from `p` to the segment `a`–`b`.
    static func distance(_ p: (x: Double, y: Double), _ a: (x: Double, y: Double), _ b: (x: Double, y: Double)) -> Double {
        let dx = b.x - a.x, dy = b.y - a.y
        let length2 = dx * dx + dy * dy
        let t = length2 > 0 ? min(max(((p.x - a.x) * dx + (p.y - a.y) * dy) / length2, 0), 1) : 0
        let ex = a.x + t * dx - p.x, ey = a.y + t * dy - p.y
        return (ex * ex + ey * ey).squareRoot()
    }
}
