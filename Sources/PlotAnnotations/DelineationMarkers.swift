import ECGModel
import Delineation
import Plot

/// Markers from the delineation stage.
public enum DelineationMarkers {
    /// Each beat's global (multi-lead) P, QRS and T boundaries and pacing spike, drawn in every
    /// lead; and each lead's own P, QRS and T peaks, drawn as dots on that lead's trace (a lead
    /// where a wave was not found gets no dot for it).
    public static func markers(_ delineation: RecordDelineation) -> PlotMarkers {
        var global: [PlotMarker] = []
        var perLead: [Lead: [PlotMarker]] = [:]
        for beat in delineation.beats {
            let g = beat.global
            let points: [(Int?, FiducialKind)] = [
                (g.pOnset, .pOnset), (g.pOffset, .pOffset), (beat.pacingSpike, .pacingSpike),
                (g.qrsOnset, .qrsOnset), (g.qrsOffset, .qrsOffset), (g.tOnset, .tOnset), (g.tOffset, .tOffset),
            ]
            global += points.compactMap { sample, kind in sample.map { PlotMarker(sample: $0, kind: kind) } }
            for (index, lead) in delineation.leads.enumerated() where index < beat.leads.count {
                let waves = beat.leads[index]
                let peaks: [(Int?, FiducialKind)] = [(waves.p?.peak, .pPeak), (waves.qrs?.peak, .qrsPeak),
                                                     (waves.t?.peak, .tPeak)]
                perLead[lead, default: []] += peaks.compactMap { sample, kind in
                    sample.map { PlotMarker(sample: $0, kind: kind) }
                }
            }
        }
        return PlotMarkers(global: global, perLead: perLead)
    }
}
