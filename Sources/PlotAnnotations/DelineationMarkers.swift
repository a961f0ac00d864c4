import Delineation
import Plot

/// Markers from the delineation stage: each beat's global (multi-lead) fiducials.
public enum DelineationMarkers {
    /// P, QRS and T boundaries and P/T peaks of every beat, the detector's QRS fiducial as the
    /// R peak, and pacing spikes, all as global markers (drawn in every lead).
    public static func markers(_ delineation: RecordDelineation) -> PlotMarkers {
        var global: [PlotMarker] = []
        for beat in delineation.beats {
            let g = beat.global
            let points: [(Int?, FiducialKind)] = [
                (g.pOnset, .pOnset), (g.pPeak, .pPeak), (g.pOffset, .pOffset),
                (beat.pacingSpike, .pacingSpike),
                (g.qrsOnset, .qrsOnset), (beat.fiducial, .rPeak), (g.qrsOffset, .qrsOffset),
                (g.tOnset, .tOnset), (g.tPeak, .tPeak), (g.tOffset, .tOffset),
            ]
            global += points.compactMap { sample, kind in sample.map { PlotMarker(sample: $0, kind: kind) } }
        }
        return PlotMarkers(global: global)
    }
}
