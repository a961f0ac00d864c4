import ECGModel

/// Frontal QRS axis (AHA/ACCF/HRS 2009 part III ranges).
enum AxisRules {
    static func evaluate(_ input: InterpretationInput) -> [Statement] {
        guard let axis = input.qrsAxis else { return [] }
        func evidence(_ range: String) -> [Evidence] {
            [Evidence(.qrsAxis, value: axis, unit: .degrees, threshold: range, met: true, criterion: .ahaAxis)]
        }
        if Thresholds.leftAxisDeviation.contains(axis) {
            return [Statement(code: .leftAxisDeviation, evidence: evidence("−30°…−90°"))]
        }
        if axis > Thresholds.rightAxisDeviation.lowerBound {
            return [Statement(code: .rightAxisDeviation, evidence: evidence("> +90°"))]
        }
        if axis < Thresholds.leftAxisDeviation.lowerBound {
            return [Statement(code: .indeterminateAxis, evidence: evidence("−90°…−180°"))]
        }
        return []
    }
}

/// QRS voltage: left ventricular hypertrophy and low voltage.
enum VoltageRules {
    static let limbLeads = ["I", "II", "III", "aVR", "aVL", "aVF"]
    static let precordialLeads = ["V1", "V2", "V3", "V4", "V5", "V6"]

    static func evaluate(_ input: InterpretationInput) -> [Statement] {
        var out: [Statement] = []
        // Voltage criteria are not valid with a left bundle branch block or a wide QRS of other cause.
        let qrsNarrow = (input.qrs ?? 0) < Thresholds.completeBlockQRS
        if qrsNarrow {
            var evidence: [Evidence] = []
            var certainty: Certainty? = nil
            if let sl = input.sokolowLyon {
                let met = sl >= Thresholds.sokolowLyon
                evidence.append(Evidence(.sokolowLyon, value: sl, unit: .mV, leads: ["V1", "V5", "V6"],
                                         threshold: "≥ 3.50 mV", met: met, criterion: .sokolowLyon))
                if met { certainty = .definite }
            }
            if let c = input.cornell {
                switch input.sex {
                case .male, .female:
                    let limit = input.sex == .male ? Thresholds.cornellMale : Thresholds.cornellFemale
                    let met = c > limit
                    evidence.append(Evidence(.cornell, value: c, unit: .mV, leads: ["aVL", "V3"],
                                             threshold: "> " + FixedPoint.text(limit, decimals: 2) + " mV (" + input.sex.rawValue + ")",
                                             met: met, criterion: .cornellVoltage))
                    if met { certainty = .definite }
                case .unknown:
                    // Sex unknown: the men's limit is definite for both sexes; between the two limits
                    // it depends on the sex, so the finding is only possible.
                    let metBoth = c > Thresholds.cornellMale
                    let metWomen = c > Thresholds.cornellFemale
                    evidence.append(Evidence(.cornell, value: c, unit: .mV, leads: ["aVL", "V3"],
                                             threshold: "> 2.80 mV men, > 2.00 mV women", met: metWomen,
                                             criterion: .cornellVoltage))
                    evidence.append(Evidence(.sex, value: nil, unit: .none, threshold: "unknown", met: false,
                                             criterion: .cornellVoltage))
                    if metBoth { certainty = .definite } else if metWomen, certainty == nil { certainty = .possible }
                }
            }
            // Sokolow–Lyon alone, by less than 1 mV, below 35 years: young adults' precordial
            // voltages often pass 3.5 mV without hypertrophy (part V asks to adjust voltage
            // criteria for age), so the finding is borderline, as machine reports' "minimal
            // voltage criteria for LVH, may be normal variant".
            let cornellMet = evidence.contains { $0.quantity == .cornell && $0.met }
            if certainty == .definite, !cornellMet, let sl = input.sokolowLyon, sl < Thresholds.minimalSokolowLyon,
               let age = input.age, Double(age) < Thresholds.voltageCriteriaAge {
                certainty = .borderline
                evidence.append(Evidence(.age, value: Double(age), unit: .count,
                                         threshold: "< \(Int(Thresholds.voltageCriteriaAge)) years with Sokolow–Lyon under "
                                             + FixedPoint.text(Thresholds.minimalSokolowLyon, decimals: 2) + " mV: may be normal",
                                         met: true, criterion: .ahaPart5Hypertrophy))
            }
            if let certainty {
                out.append(Statement(code: .leftVentricularHypertrophy, certainty: certainty, evidence: evidence))
            }
        }
        // Low voltage: every lead of the group measured, each below the limit.
        func low(_ labels: [String], limit: Double, quantity: Quantity, code: StatementCode) {
            let amps = labels.compactMap { input.lead($0)?.qrsAmplitude }
            guard amps.count == labels.count, let top = amps.max(), top < limit else { return }
            out.append(Statement(code: code, evidence: [
                Evidence(quantity, value: top, unit: .mV, leads: labels, threshold: "< " + FixedPoint.text(limit, decimals: 2) + " mV in every lead",
                         met: true, criterion: .ahaPart5Hypertrophy)]))
        }
        // Amplitudes that are not physical millivolts say nothing about voltage.
        let normalised = input.calibration?.amplitudesNormalised == true
        if !normalised, input.calibration?.limbLeadsInconsistent != true {
            low(limbLeads, limit: Thresholds.lowVoltageLimb, quantity: .limbQRSAmplitude, code: .lowVoltageLimbLeads)
        }
        if !normalised {
            low(precordialLeads, limit: Thresholds.lowVoltagePrecordial, quantity: .precordialQRSAmplitude, code: .lowVoltagePrecordialLeads)
        }
        return out
    }
}
