import SignalProcessing

/// Statements about the recording rather than the heart: leads unsuitable for analysis, a
/// recording too poor to interpret, and suspected arm-electrode reversal.
enum QualityRules {
    /// More than this fraction of the leads unusable makes the whole recording poor.
    static let poorRecordingFraction = 0.5

    /// The quality statements for `input`, given those the rhythm rules already made
    /// (`signal`: no QRS detected, or too few beats for a rhythm), in report order.
    static func evaluate(_ input: InterpretationInput, signal: [Statement]) -> [Statement] {
        var statements = signal
        let unusable = input.leadQuality.filter { !$0.isUsable }
        let total = input.leadQuality.count
        // All leads unusable: the signal statement (or the poor-quality one below) says it all.
        if !unusable.isEmpty, unusable.count < total {
            statements.append(Statement(code: .leadsUnsuitable, leads: unusable.map(\.label),
                                        evidence: unusable.map(evidence)))
        }
        let poor = total > 0 && Double(unusable.count) > poorRecordingFraction * Double(total)
        if poor, !statements.contains(where: { $0.code == .noQRSDetected || $0.code == .poorSignalQuality }) {
            statements.append(Statement(code: .poorSignalQuality, evidence: [
                Evidence(.beatCount, value: Double(input.beats.count), unit: .count, met: true, criterion: .signalQuality),
                Evidence(.invalidSamples, value: nil, unit: .none, leads: unusable.map(\.label),
                         threshold: "unusable in more than half of the leads", met: true, criterion: .signalQuality),
            ]))
        }
        if let reversal = armLeadReversal(input.armLeadReversal, pAxis: input.pAxis) { statements.append(reversal) }
        if let calibration = input.calibration { statements += self.calibration(calibration) }
        return statements
    }

    /// What cannot be read from amplitudes that are not physical: the axes when the limb leads
    /// break Einthoven's and Goldberger's relations, the voltage criteria when every lead was
    /// scaled to one range. The measurements already leave those values out; these statements
    /// say why, so a missing axis or LVH statement is not read as a normal one.
    static func calibration(_ f: LeadCalibrationCheck.Finding) -> [Statement] {
        let check = LeadCalibrationCheck()
        var statements: [Statement] = []
        if f.limbLeadsInconsistent {
            let limbLeads = ["I", "II", "III", "aVR", "aVL", "aVF"]
            let broken = Evidence(.limbLeadResidual, value: f.limbLeadResidual.map { $0 * 100 }, unit: .percent,
                                  leads: limbLeads,
                                  threshold: "> \(formatted(check.maximumLimbLeadResidual * 100))% (\(f.limbLeadRelation ?? ""))",
                                  met: true, criterion: .limbLeadRelations)
            if let gains = f.limbLeadGains {
                // Each lead only rescaled: dividing out the fitted gains restores the relations.
                statements.append(Statement(code: .limbLeadsRescaled, evidence: [broken,
                    Evidence(.gainFitResidual, value: gains.fitResidual * 100, unit: .percent, leads: limbLeads,
                             threshold: "≤ \(formatted(LimbLeadGains.maximumFitResidual * 100))% with one gain per lead",
                             met: true, criterion: .limbLeadRelations)]))
            } else {
                statements.append(Statement(code: .limbLeadsInconsistent, evidence: [broken]))
            }
        }
        if f.amplitudesNormalised {
            statements.append(Statement(code: .amplitudesNormalised, evidence: [
                Evidence(.peakToPeakSpread, value: f.peakToPeakSpread, unit: .ratio,
                         threshold: "< \(formatted(check.normalisedSpread)) (every lead the same)", met: true,
                         criterion: .signalQuality)]))
        }
        return statements
    }

    /// The evidence for one unusable lead: the figure behind its first excluding problem.
    static func evidence(_ q: LeadQuality) -> Evidence {
        let assessor = SignalQualityAssessor()
        let problem = q.problems.first { $0.excludesLead } ?? .missing
        switch problem {
        case .flat:
            return Evidence(.peakToPeakAmplitude, value: q.peakToPeak, unit: .mV, leads: [q.label],
                            threshold: "< \(formatted(assessor.flatPeakToPeak)) mV", met: true, criterion: .signalQuality)
        case .saturated:
            return Evidence(.clippedSamples, value: q.saturatedFraction * 100, unit: .percent, leads: [q.label],
                            threshold: "> \(formatted(assessor.maximumSaturatedFraction * 100))%", met: true,
                            criterion: .signalQuality)
        case .inconsistentBeats:
            return Evidence(.beatConsistency, value: q.beatConsistency.map { $0 * 100 }, unit: .percent, leads: [q.label],
                            threshold: "< \(formatted(BeatConsistency().minimumCorrelation * 100))%", met: true,
                            criterion: .templateMatching)
        default:
            return Evidence(.invalidSamples, value: q.missingFraction * 100, unit: .percent, leads: [q.label],
                            threshold: "> \(formatted(assessor.maximumMissingFraction * 100))%", met: true,
                            criterion: .signalQuality)
        }
    }

    /// "Consider arm lead reversal" when lead I points down while V6 points up and aVR is not
    /// clearly negative (a right axis deviation would turn V6 down with lead I, dextrocardia
    /// too), and the P wave is inverted in lead I as well (P axis beyond ±90°): the whole
    /// lead is inverted, not only the QRS (as in paced or bundle-branch-block complexes,
    /// which can point lead I's QRS down on their own). Without P waves nothing is said. The
    /// condition cannot be proven from the ECG alone, hence "consider".
    static func armLeadReversal(_ finding: LimbLeadReversalCheck.Finding?, pAxis: Double?) -> Statement? {
        guard let f = finding, f.suspectsArmElectrodeReversal, let pAxis, abs(pAxis) > 90 else { return nil }
        let ratio = LimbLeadReversalCheck().polarityRatio
        return Statement(code: .armLeadReversal, certainty: .consider, evidence: [
            Evidence(.leadPolarity, value: f.leadI, unit: .ratio, leads: ["I"], threshold: "< \(formatted(ratio))",
                     met: true, criterion: .electrodeReversal),
            Evidence(.leadPolarity, value: f.v6, unit: .ratio, leads: ["V6"], threshold: "> \(formatted(1 / ratio))",
                     met: true, criterion: .electrodeReversal),
            Evidence(.leadPolarity, value: f.aVR, unit: .ratio, leads: ["aVR"], threshold: "> \(formatted(ratio))",
                     met: true, criterion: .electrodeReversal),
            Evidence(.pAxis, value: pAxis, unit: .degrees, threshold: "beyond ±90° (P inverted in lead I)",
                     met: true, criterion: .electrodeReversal),
        ])
    }

    static func formatted(_ v: Double) -> String {
        v == v.rounded() ? String(Int(v)) : String(v)
    }
}
