/// QT prolongation (AHA/ACCF/HRS 2009 part IV) and regional ST/T findings (fourth universal
/// definition of myocardial infarction).
enum RepolarizationRules {
    static func evaluate(_ input: InterpretationInput, wideQRS: Bool, flutterWaves: Bool = false) -> [Statement] {
        var out: [Statement] = []
        // Part IV measures QT to the end of T where it returns to baseline; flutter waves leave no
        // baseline there, so the T end (and any QT statement) is not determinable.
        if !flutterWaves, let s = prolongedQT(input, wideQRS: wideQRS) { out.append(s) }
        // Secondary ST-T changes of a wide QRS are not primary findings.
        guard !wideQRS else { return out }
        for region in LeadRegion.allCases {
            if let s = elevation(input, region) { out.append(s) }
        }
        for region in LeadRegion.allCases {
            if let s = depression(input, region) { out.append(s) }
        }
        for region in LeadRegion.allCases {
            if let s = inversion(input, region) { out.append(s) }
        }
        return out
    }

    /// Prolonged QT (Part IV): QTc ≥ 450 ms in men, ≥ 460 ms in women.
    ///
    /// The limits are for the QT as it is read in a lead. The twelve-lead QT (earliest QRS
    /// onset to the latest T end in any lead) runs longer by construction (on LUDB the
    /// cardiologists' own twelve-lead union exceeds their median single-lead QT by about 40 ms:
    /// `ecgnarrator evaluate measurements`), so the limits are applied to the median lead's QTc
    /// and the twelve-lead QTc is reported beside it. Without a median-lead value the
    /// twelve-lead one is used.
    static func prolongedQT(_ input: InterpretationInput, wideQRS: Bool) -> Statement? {
        let medianLead = input.medianLeadQTcBazett != nil
        guard let qtc = input.medianLeadQTcBazett ?? input.qtcBazett else { return nil }
        let limit: Double
        let threshold: String
        switch input.sex {
        case .male: limit = Thresholds.qtcMale; threshold = "≥ 450 ms (male)"
        case .female: limit = Thresholds.qtcFemale; threshold = "≥ 460 ms (female)"
        case .unknown: limit = Thresholds.qtcMale; threshold = "≥ 450 ms men, ≥ 460 ms women"
        }
        guard qtc >= limit else { return nil }
        var certainty: Certainty = .definite
        var evidence = [Evidence(medianLead ? .medianLeadQTcBazett : .qtcBazett, value: qtc, unit: .ms,
                                 threshold: threshold, met: true, criterion: .ahaPart4QT)]
        if medianLead, let twelveLead = input.qtcBazett {
            evidence.append(Evidence(.qtcBazett, value: twelveLead, unit: .ms, threshold: threshold,
                                     met: twelveLead >= limit, criterion: .ahaPart4QT))
        }
        if input.sex == .unknown, qtc < Thresholds.qtcFemale {
            certainty = .borderline
            evidence.append(Evidence(.sex, value: nil, unit: .none, threshold: "unknown", met: false, criterion: .ahaPart4QT))
        }
        // Bazett over-corrects at fast rates: ask Fridericia to agree above 100 bpm. One far
        // below the limit (beyond the measurement's own tolerance) says the QT is not long.
        if let hr = input.heartRate, hr > Thresholds.tachycardia {
            let fr = medianLead ? input.medianLeadQTcFridericia : input.qtcFridericia
            if let fr, fr < limit - Thresholds.qtMeasurementTolerance { return nil }
            let agrees = (fr ?? 0) >= limit
            evidence.append(Evidence(medianLead ? .medianLeadQTcFridericia : .qtcFridericia, value: fr, unit: .ms,
                                     threshold: threshold, met: agrees, criterion: .ahaPart4QT))
            if !agrees { certainty = .borderline }
        }
        // A wide QRS lengthens QT without prolonging repolarization.
        if wideQRS {
            if certainty == .definite { certainty = .possible }
            evidence.append(Evidence(.qrsDuration, value: input.qrs, unit: .ms, threshold: "≥ 120 ms", met: true, criterion: .ahaPart4QT))
        }
        return Statement(code: .prolongedQT, certainty: certainty, evidence: evidence)
    }

    /// ST elevation limit at J for a lead: V2–V3 depend on sex and age.
    static func elevationLimit(_ label: String, _ input: InterpretationInput) -> Double {
        guard label == "V2" || label == "V3" else { return Thresholds.stElevation }
        switch input.sex {
        case .female: return Thresholds.stElevationV2V3Female
        case .male: return (input.age ?? 40) >= 40 ? Thresholds.stElevationV2V3Male40 : Thresholds.stElevationV2V3MaleYoung
        case .unknown: return Thresholds.stElevationV2V3Male40
        }
    }

    static func pairs(_ input: InterpretationInput, _ region: LeadRegion, _ test: (LeadObservation) -> Bool) -> [String] {
        var leads: [String] = []
        for (a, b) in region.contiguousPairs {
            guard let la = input.lead(a), let lb = input.lead(b), test(la), test(lb) else { continue }
            for l in [a, b] where !leads.contains(l) { leads.append(l) }
        }
        return region.labels.filter(leads.contains) + leads.filter { !region.labels.contains($0) }
    }

    static func elevation(_ input: InterpretationInput, _ region: LeadRegion) -> Statement? {
        let leads = pairs(input, region) { l in (l.stJ ?? -1) >= elevationLimit(l.label, input) }
        guard !leads.isEmpty else { return nil }
        let values = leads.compactMap { input.lead($0)?.stJ }
        return Statement(code: .stElevation, region: region, evidence: [
            Evidence(.stAtJ, value: values.max(), unit: .mV, leads: leads,
                     threshold: "≥ 0.10 mV (V2–V3 ≥ 0.15–0.25 mV) in 2 contiguous leads", met: true, criterion: .universalMIDefinition)])
    }

    static func depression(_ input: InterpretationInput, _ region: LeadRegion) -> Statement? {
        // Horizontal or downsloping: depressed at J and still at J+60 ms.
        let leads = pairs(input, region) { l in
            (l.stJ ?? 0) <= Thresholds.stDepression && (l.stJ60 ?? 0) <= Thresholds.stDepression
        }
        guard !leads.isEmpty else { return nil }
        let values = leads.compactMap { input.lead($0)?.stJ60 }
        return Statement(code: .stDepression, region: region, evidence: [
            Evidence(.stAtJ60, value: values.min(), unit: .mV, leads: leads,
                     threshold: "≤ −0.05 mV at J and J+60 ms in 2 contiguous leads", met: true, criterion: .universalMIDefinition)])
    }

    static func inversion(_ input: InterpretationInput, _ region: LeadRegion) -> Statement? {
        // T inversion counts where the R wave is prominent (R > S): in leads whose QRS is mainly
        // negative an inverted T is concordant and normal.
        let leads = pairs(input, region) { l in
            (l.t ?? 0) <= Thresholds.tInversion && l.tallestR > l.deepestS
        }
        guard !leads.isEmpty else { return nil }
        let values = leads.compactMap { input.lead($0)?.t }
        return Statement(code: .tWaveInversion, region: region, evidence: [
            Evidence(.tAmplitude, value: values.min(), unit: .mV, leads: leads,
                     threshold: "≤ −0.10 mV with R > S in 2 contiguous leads", met: true, criterion: .universalMIDefinition)])
    }
}
