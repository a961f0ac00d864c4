import ECGModel
import SignalProcessing

extension RecordMeasurements {
    /// QRS and T axes from the limb leads' net areas, each divided by its lead's gain (see
    /// ``SignalProcessing/LimbLeadGains``): the axes of limb leads that were rescaled one by one.
    /// Leads without a gain take no part.
    ///
    /// The P axis is left out: it decides the atrial rhythm, and when it was restored on LUDB
    /// (every lead rescaled) two records its cardiologists read as sinus got P axes outside the
    /// sinus range, while the restored QRS axes found LAFB with no false call
    /// (`ecgnarrator evaluate statements ../shared/data/ludb`).
    mutating func setFrontalAxes(dividingBy gains: [Lead: Double]) {
        func areas(_ area: (LeadMeasurements) -> Double?) -> [Lead: Double] {
            var out: [Lead: Double] = [:]
            for m in leads {
                if let gain = gains[m.lead], gain > 0, let a = area(m) { out[m.lead] = a / gain }
            }
            return out
        }
        global.qrsAxis = FrontalAxis.degrees(netAreas: areas(\.qrsArea))
        global.tAxis = FrontalAxis.degrees(netAreas: areas(\.tArea))
        global.pAxis = nil
    }
}
