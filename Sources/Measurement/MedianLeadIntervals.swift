import ECGModel
import Delineation

/// QRS duration and QT as measured in one typical lead.
///
/// Every lead of every beat has its own QRS onset and offset and, where a T wave was found,
/// its own T offset. Per dominant beat, the median over the usable leads of each lead's QRS
/// duration (offset − onset) and QT (T offset − QRS onset) is the interval a reader measures
/// in a single lead; the record's value is the median over the dominant beats. The twelve-lead
/// intervals (``GlobalMeasurements/qrs``, ``GlobalMeasurements/qt``) run from the earliest
/// onset to the latest offset in any lead and are longer by construction: on LUDB the
/// cardiologists' own union of twelve marks exceeds their median single-lead QRS by about
/// 30 ms and QT by about 40 ms (`ecgnarrator evaluate measurements`). Limits such as
/// "QTc ≥ 450 ms" are read on the conventional measurement, so the interpretation compares them
/// with these.
enum MedianLeadIntervals {
    /// Fewer leads than this in a beat give that beat no median-lead interval.
    static let minimumLeads = 3

    /// `(qrs, qt)` in samples over the dominant beats of `d`, leaving out the leads whose index
    /// is in `excluded`.
    static func samples(_ d: RecordDelineation, excluding excluded: Set<Int>) -> (qrs: Double?, qt: Double?) {
        var qrsPerBeat: [Double] = [], qtPerBeat: [Double] = []
        qrsPerBeat.reserveCapacity(d.beats.count)
        qtPerBeat.reserveCapacity(d.beats.count)
        // One pair of per-lead buffers for all beats: a fresh pair per beat was an allocation
        // per beat and per wave.
        var qrs: [Double] = [], qt: [Double] = []
        for beat in d.beats where beat.type == .dominant {
            qrs.removeAll(keepingCapacity: true)
            qt.removeAll(keepingCapacity: true)
            for (l, lead) in beat.leads.enumerated() where !excluded.contains(l) {
                guard let wave = lead.qrs else { continue }
                qrs.append(Double(wave.offset - wave.onset))
                if let tEnd = lead.t?.offset, tEnd > wave.onset { qt.append(Double(tEnd - wave.onset)) }
            }
            if qrs.count >= minimumLeads, let m = qrs.median() { qrsPerBeat.append(m) }
            if qt.count >= minimumLeads, let m = qt.median() { qtPerBeat.append(m) }
        }
        return (qrsPerBeat.median(), qtPerBeat.median())
    }
}
