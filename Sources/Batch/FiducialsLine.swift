import Delineation
import Foundation

/// The global fiducial points of a record's beats as one JSON line of `fiducials.jsonl`.
///
/// `beats` lists, per beat in time order, the 0-based sample indices of P onset, P peak,
/// P offset, QRS onset, R peak (the beat's fiducial point), QRS offset, T onset, T peak and
/// T offset (`null` where the wave is absent), then the beat type.
enum FiducialsLine {
    static let columns = ["p_onset", "p_peak", "p_offset", "qrs_onset", "r_peak", "qrs_offset",
                          "t_onset", "t_peak", "t_offset"]

    static func text(_ d: RecordDelineation, identity: RecordIdentity) -> String {
        let beats = d.beats.map { beat -> String in
            let g = beat.global
            let points: [Int?] = [g.pOnset, g.pPeak, g.pOffset, g.qrsOnset, beat.fiducial, g.qrsOffset,
                                  g.tOnset, g.tPeak, g.tOffset]
            return "[" + points.map { $0.map(String.init) ?? "null" }.joined(separator: ",") + ","
                + JSONLine.string(beat.type.rawValue) + "]"
        }
        let fs = d.samplingFrequency.hertz
        return JSONLine.object(identity.jsonPairs + [
            ("fs", fs == fs.rounded() ? String(Int(fs)) : String(fs)),
            ("columns", "[" + (columns + ["type"]).map(JSONLine.string).joined(separator: ",") + "]"),
            ("beats", "[" + beats.joined(separator: ",") + "]"),
        ])
    }
}
