import Foundation
import Plot
import Synthesis

/// Markers from a synthetic record's exact truth (`Signals/*.truth.json`).
public enum TruthMarkers {
    /// Every beat's P, QRS and T boundaries and peaks (and pacing spikes) as global markers.
    public static func markers(_ truth: SyntheticTruth) -> PlotMarkers {
        var global: [PlotMarker] = []
        for beat in truth.beats {
            let points: [(Int?, FiducialKind)] = [
                (beat.pOnset, .pOnset), (beat.pPeak, .pPeak), (beat.pOffset, .pOffset),
                (beat.pacingSpike, .pacingSpike),
                (beat.qrsOnset, .qrsOnset), (beat.rPeak, .qrsPeak), (beat.qrsOffset, .qrsOffset),
                (beat.tOnset, .tOnset), (beat.tPeak, .tPeak), (beat.tOffset, .tOffset),
            ]
            global += points.compactMap { sample, kind in sample.map { PlotMarker(sample: $0, kind: kind) } }
        }
        return PlotMarkers(global: global)
    }

    /// Reads a `.truth.json` file.
    public static func readTruth(_ url: URL) throws -> SyntheticTruth {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw PlotError(subject: url.path, message: "could not read the truth file: \(error.localizedDescription)")
        }
        do {
            return try JSONDecoder().decode(SyntheticTruth.self, from: data)
        } catch {
            throw PlotError(subject: url.path, message: "not a synthetic truth file: \(error)")
        }
    }

    /// Header lines with the truth's global values, marked as truth.
    public static func headerLines(_ truth: SyntheticTruth) -> [String] {
        func ms(_ value: Double?) -> String { value.map { "\(Int($0.rounded())) ms" } ?? "—" }
        func deg(_ value: Double?) -> String { value.map { "\(Int($0.rounded()))°" } ?? "—" }
        let intervals = "Truth: HR \(Int(truth.heartRate.rounded())) bpm · PR \(ms(truth.prInterval)) · "
            + "QRS \(ms(truth.qrsDuration)) · QT \(ms(truth.qtInterval)) · QTc \(ms(truth.qtcBazett)) · "
            + "axes P \(deg(truth.pAxis)) QRS \(deg(truth.qrsAxis)) T \(deg(truth.tAxis))"
        return [intervals, truth.summary]
    }
}
