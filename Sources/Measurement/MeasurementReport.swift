import Foundation
import ECGModel
import Delineation

/// The outputs of `ecgnarrator measure`: readable table, MIMIC-IV-ECG-style CSV, per-record JSON.
public enum MeasurementReport {
    /// CSV columns: MIMIC-IV-ECG `machine_measurements` names where the quantity matches
    /// (`rr_interval`, `p_onset`, `p_end`, `qrs_onset`, `qrs_end`, `t_end` in ms from the start of
    /// the representative beat; `p_axis`, `qrs_axis`, `t_axis` in degrees), then our own.
    public static let csvColumns = [
        "record", "rr_interval", "p_onset", "p_end", "qrs_onset", "qrs_end", "t_end",
        "p_axis", "qrs_axis", "t_axis",
        "hr_bpm", "atrial_rate_bpm", "rr_sd_ms", "rr_rmssd_ms", "pr_ms", "p_ms", "qrs_ms", "qt_ms",
        "qtc_bazett_ms", "qtc_fridericia_ms", "qtc_framingham_ms", "qtc_hodges_ms",
        "qrs_median_lead_ms", "qt_median_lead_ms", "qtc_median_lead_bazett_ms",
        "sokolow_lyon_mv", "cornell_mv", "beats", "dominant_beats", "ectopic_beats",
        "excluded_leads", "lead_problems",
    ]

    /// The columns of ``csvColumns`` that hold text rather than numbers.
    public static let textColumns: Set<String> = ["record", "excluded_leads", "lead_problems"]

    public static var csvHeader: String { csvColumns.joined(separator: ",") }

    /// One CSV row (no trailing newline); empty cells where a value is missing.
    public static func csvRow(_ m: RecordMeasurements) -> String {
        let g = m.global
        func f(_ v: Double?, _ digits: Int = 0) -> String {
            guard let v, v.isFinite else { return "" }
            return digits == 0 ? String(Int(v.rounded())) : FixedPoint.text(v, decimals: digits)
        }
        let cells: [String] = [
            csvEscape(m.recordID), f(g.rrMean?.value), f(g.pOnset?.value), f(g.pOffset?.value),
            f(g.qrsOnset?.value), f(g.qrsOffset?.value), f(g.tOffset?.value),
            f(g.pAxis), f(g.qrsAxis), f(g.tAxis),
            f(g.heartRate, 1), f(g.atrialRate, 1), f(g.rrStandardDeviation?.value, 1), f(g.rrRMSSD?.value, 1),
            f(g.pr?.value), f(g.pDuration?.value), f(g.qrs?.value), f(g.qt?.value),
            f(g.qtc?.bazett.value), f(g.qtc?.fridericia.value), f(g.qtc?.framingham.value), f(g.qtc?.hodges.value),
            f(g.medianLeadQRS?.value), f(g.medianLeadQT?.value), f(g.medianLeadQTc?.bazett.value),
            f(g.sokolowLyon, 2), f(g.cornell, 2), String(g.beatCount), String(g.dominantBeatCount),
            String(g.beatCount - g.dominantBeatCount),
            csvEscape(m.excludedLeads.joined(separator: " ")), csvEscape(leadProblems(m)),
        ]
        return cells.joined(separator: ",")
    }

    /// Every lead with a quality problem and its problems: `V3 flat; V5 baseline wander+high-frequency noise`
    /// (no commas, so the CSV cell needs no quotes).
    public static func leadProblems(_ m: RecordMeasurements) -> String {
        m.quality.filter { !$0.problems.isEmpty }
            .map { $0.label + " " + $0.problems.map(\.rawValue).joined(separator: "+") }
            .joined(separator: "; ")
    }

    /// One CSV cell, quoted as RFC 4180 asks when it holds a comma, a quote or a line break.
    public static func csvEscape(_ s: String) -> String {
        s.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline })
            ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
    }

    /// The per-record JSON document (0-based sample indices, `null` where a wave is absent).
    public static func json(_ m: RecordMeasurements, delineation d: RecordDelineation, fiducials: [Int],
                            cpuSeconds: Double?) -> String {
        let fs = d.samplingFrequency.hertz
        var leadPairs: [(String, String)] = []
        for (l, label) in d.labels.enumerated() {
            let beats = d.beats.map { $0.leads[l] }
            leadPairs.append((label, JSONText.object([
                ("p_on", JSONText.integers(beats.map { $0.p?.onset })),
                ("p_peak", JSONText.integers(beats.map { $0.p?.peak })),
                ("p_off", JSONText.integers(beats.map { $0.p?.offset })),
                ("qrs_on", JSONText.integers(beats.map { $0.qrs?.onset })),
                ("r_peak", JSONText.integers(beats.map { $0.qrs?.peak })),
                ("qrs_off", JSONText.integers(beats.map { $0.qrs?.offset })),
                ("t_on", JSONText.integers(beats.map { $0.t?.onset })),
                ("t_peak", JSONText.integers(beats.map { $0.t?.peak })),
                ("t_off", JSONText.integers(beats.map { $0.t?.offset })),
            ], indent: "    ")))
        }
        let g = d.beats.map(\.global)
        let global = JSONText.object([
            ("p_on", JSONText.integers(g.map(\.pOnset))),
            ("p_peak", JSONText.integers(g.map(\.pPeak))),
            ("p_off", JSONText.integers(g.map(\.pOffset))),
            ("qrs_on", JSONText.integers(g.map { $0.qrsOnset })),
            ("r_peak", JSONText.integers(d.beats.map { $0.fiducial })),
            ("qrs_off", JSONText.integers(g.map { $0.qrsOffset })),
            ("t_on", JSONText.integers(g.map(\.tOnset))),
            ("t_peak", JSONText.integers(g.map(\.tPeak))),
            ("t_off", JSONText.integers(g.map(\.tOffset))),
            ("type", "[" + d.beats.map { JSONText.string($0.type.rawValue) }.joined(separator: ",") + "]"),
        ], indent: "  ")
        let mg = m.global
        let measurements = JSONText.object([
            ("hr_bpm", JSONText.number(mg.heartRate)),
            ("atrial_rate_bpm", JSONText.number(mg.atrialRate)),
            ("rr_ms", JSONText.number(mg.rrMean?.value, digits: 0)),
            ("rr_sd_ms", JSONText.number(mg.rrStandardDeviation?.value)),
            ("pr_ms", JSONText.number(mg.pr?.value, digits: 0)),
            ("qrs_ms", JSONText.number(mg.qrs?.value, digits: 0)),
            ("qt_ms", JSONText.number(mg.qt?.value, digits: 0)),
            ("qtc_ms", JSONText.number(mg.qtc?.bazett.value, digits: 0)),
            ("qtc_fridericia_ms", JSONText.number(mg.qtc?.fridericia.value, digits: 0)),
            ("qtc_framingham_ms", JSONText.number(mg.qtc?.framingham.value, digits: 0)),
            ("qtc_hodges_ms", JSONText.number(mg.qtc?.hodges.value, digits: 0)),
            ("qrs_median_lead_ms", JSONText.number(mg.medianLeadQRS?.value, digits: 0)),
            ("qt_median_lead_ms", JSONText.number(mg.medianLeadQT?.value, digits: 0)),
            ("qtc_median_lead_ms", JSONText.number(mg.medianLeadQTc?.bazett.value, digits: 0)),
            ("p_axis", JSONText.number(mg.pAxis, digits: 0)),
            ("qrs_axis", JSONText.number(mg.qrsAxis, digits: 0)),
            ("t_axis", JSONText.number(mg.tAxis, digits: 0)),
            ("sokolow_lyon_mv", JSONText.number(mg.sokolowLyon, digits: 2)),
            ("cornell_mv", JSONText.number(mg.cornell, digits: 2)),
        ], indent: "  ")
        let quality = JSONText.object(m.quality.map { q in
            (q.label, JSONText.object([
                ("usable", q.isUsable ? "true" : "false"),
                ("index", JSONText.number(q.index, digits: 2)),
                ("problems", "[" + q.problems.map { JSONText.string($0.rawValue) }.joined(separator: ",") + "]"),
                ("missing_fraction", JSONText.number(q.missingFraction, digits: 3)),
                ("peak_to_peak_mv", JSONText.number(q.peakToPeak, digits: 3)),
                ("saturated_fraction", JSONText.number(q.saturatedFraction, digits: 3)),
                ("baseline_wander_mv", JSONText.number(q.baselineWander, digits: 3)),
                ("hf_noise_mv", JSONText.number(q.highFrequencyNoise, digits: 3)),
                ("beat_consistency", JSONText.number(q.beatConsistency, digits: 3)),
            ], indent: "    "))
        }, indent: "  ")
        let reversal = m.armLeadReversal.map { f in
            JSONText.object([
                ("suspected", f.suspectsArmElectrodeReversal ? "true" : "false"),
                ("lead_i_polarity", JSONText.number(f.leadI, digits: 2)),
                ("avr_polarity", JSONText.number(f.aVR, digits: 2)),
                ("v6_polarity", JSONText.number(f.v6, digits: 2)),
            ], indent: "  ")
        } ?? "null"
        let calibration = m.calibration.map { f in
            JSONText.object([
                ("amplitudes_physical", f.amplitudesArePhysical ? "true" : "false"),
                ("limb_lead_residual", JSONText.number(f.limbLeadResidual, digits: 3)),
                ("limb_lead_relation", f.limbLeadRelation.map(JSONText.string) ?? "null"),
                ("peak_to_peak_spread", JSONText.number(f.peakToPeakSpread, digits: 3)),
                ("limb_lead_gains", f.limbLeadGains.map { g in
                    JSONText.object(Lead.limbLeads.compactMap { lead in
                        g.gains[lead].map { (lead.name, JSONText.number($0, digits: 3)) }
                    }, indent: "    ")
                } ?? "null"),
                ("gain_fit_residual", JSONText.number(f.limbLeadGains?.fitResidual, digits: 3)),
            ], indent: "  ")
        } ?? "null"
        return JSONText.object([
            ("record", JSONText.string(m.recordID)),
            ("fs", fs == fs.rounded() ? String(Int(fs)) : String(fs)),
            ("qrs", JSONText.integers(fiducials)),
            ("leads", JSONText.object(leadPairs, indent: "  ")),
            ("global", global),
            ("measurements", measurements),
            ("excluded_leads", "[" + m.excludedLeads.map(JSONText.string).joined(separator: ",") + "]"),
            ("quality", quality),
            ("arm_lead_reversal", reversal),
            ("lead_calibration", calibration),
            ("cpu_s", JSONText.number(cpuSeconds, digits: 6)),
        ]) + "\n"
    }

    /// The readable table: global measurements, then one line per lead.
    public static func table(_ m: RecordMeasurements) -> String {
        let g = m.global
        func v(_ x: Double?, _ unit: String, _ digits: Int = 0) -> String {
            guard let x, x.isFinite else { return "—" }
            // Rounded as in the CSV and JSON (half away from zero), so the three outputs agree.
            return (digits == 0 ? String(Int(x.rounded())) : FixedPoint.text(x, decimals: digits)) + unit
        }
        var types = BeatType.allCases.compactMap { t in g.beatTypes[t].map { "\(t.rawValue) \($0)" } }
        if types.isEmpty { types = ["none"] }
        var lines = [
            "Record \(m.recordID) (\(m.samplingFrequency))",
            "  Heart rate      \(v(g.heartRate, " bpm"))   atrial \(v(g.atrialRate, " bpm"))",
            "  RR              \(v(g.rrMean?.value, " ms"))   SD \(v(g.rrStandardDeviation?.value, " ms"))   RMSSD \(v(g.rrRMSSD?.value, " ms"))",
            "  PR              \(v(g.pr?.value, " ms"))   P \(v(g.pDuration?.value, " ms"))",
            "  QRS             \(v(g.qrs?.value, " ms"))",
            "  QT              \(v(g.qt?.value, " ms"))",
            "  QTc             Bazett \(v(g.qtc?.bazett.value, " ms"))   Fridericia \(v(g.qtc?.fridericia.value, " ms"))   Framingham \(v(g.qtc?.framingham.value, " ms"))   Hodges \(v(g.qtc?.hodges.value, " ms"))",
            "  Median lead     QRS \(v(g.medianLeadQRS?.value, " ms"))   QT \(v(g.medianLeadQT?.value, " ms"))   QTc Bazett \(v(g.medianLeadQTc?.bazett.value, " ms"))",
            "  Axes            P \(v(g.pAxis, "°"))   QRS \(v(g.qrsAxis, "°"))   T \(v(g.tAxis, "°"))",
            "  Voltages        Sokolow–Lyon \(v(g.sokolowLyon, " mV", 2))   Cornell \(v(g.cornell, " mV", 2))",
            "  Beats           \(g.beatCount): " + types.joined(separator: ", "),
            "  Excluded leads  " + (m.excludedLeads.isEmpty ? "none" : m.excludedLeads.joined(separator: ", ")),
        ]
        if let f = m.armLeadReversal, f.suspectsArmElectrodeReversal {
            lines.append("  Arm leads       reversal suspected (lead I negative, V6 positive)")
        }
        if let f = m.calibration, f.limbLeadsInconsistent {
            let off = "\(f.limbLeadRelation ?? "") off by \(v((f.limbLeadResidual ?? 0) * 100, "%"))"
            if let g = f.limbLeadGains {
                lines.append("  Limb leads      rescaled one by one (\(off); \(v(g.fitResidual * 100, "%", 1)) after dividing out their gains): QRS and T axes from the restored leads, P axis not measured")
            } else {
                lines.append("  Limb leads      inconsistent (\(off)): axes not measured")
            }
        }
        if let f = m.calibration, f.amplitudesNormalised {
            lines.append("  Amplitudes      every lead scaled to one range: voltages not measured")
        }
        lines += ["", "  Lead      P      Q      R      S     R'   ST J  ST+60      T  QRS ms  quality"]
        for (index, l) in m.leads.enumerated() {
            func a(_ x: Double?) -> String {
                guard let x, x.isFinite else { return "     —" }
                return String(format: "%6.2f", x)
            }
            let name = l.label.padding(toLength: 5, withPad: " ", startingAt: 0)
            let quality = index < m.quality.count ? m.quality[index] : nil
            let verdict = quality.map { q in
                q.problems.isEmpty ? "ok" : (q.isUsable ? "" : "excluded: ") + q.problems.map(\.rawValue).joined(separator: ", ")
            } ?? ""
            let qrsText = v(l.qrsDuration?.value, "").padding(toLength: 6, withPad: " ", startingAt: 0)
            lines.append("  \(name) \(a(l.p)) \(a(l.q)) \(a(l.r)) \(a(l.s)) \(a(l.rPrime)) \(a(l.stJ)) \(a(l.stJ60)) \(a(l.t))  \(qrsText)  \(verdict)")
        }
        lines.append("  (amplitudes in mV from the median beat, relative to the PR segment)")
        return lines.joined(separator: "\n") + "\n"
    }
}
