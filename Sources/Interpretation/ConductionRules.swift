/// AV conduction and intraventricular conduction (AHA/ACCF/HRS 2009 part III).
enum ConductionRules {
    static func evaluate(_ input: InterpretationInput, rhythm rhythmStatement: Statement?) -> [Statement] {
        var out: [Statement] = []
        let atrial: Set<StatementCode?> = [.sinusRhythm, .sinusBradycardia, .sinusTachycardia, .sinusArrhythmia,
                                           .ectopicAtrialRhythm]
        let qrsEvidence = { (threshold: String, met: Bool) in
            Evidence(.qrsDuration, value: input.qrs, unit: .ms, threshold: threshold, met: met, criterion: .ahaPart3Conduction)
        }
        // A nonspecific delay must show in a typical lead too: the twelve-lead QRS (earliest onset
        // to latest offset in any lead) of a normal QRS often passes 110 ms on its own. Bundle
        // branch blocks keep the twelve-lead duration: their patterns carry the diagnosis.
        let medianLeadWide = input.medianLeadQRS.map { $0 > Thresholds.incompleteBlockQRS } ?? true
        let medianLeadEvidence = input.medianLeadQRS.map {
            [Evidence(.medianLeadQRSDuration, value: $0, unit: .ms, threshold: "> 110 ms", met: true,
                      criterion: .ahaPart3Conduction)]
        } ?? []
        // AV conduction needs P waves found before most beats at a constant PR (a definite atrial
        // rhythm); a P wave seen only on the median beat gives no trustworthy PR.
        let features = RhythmFeatures(input)
        let pWavesFound = (features.pWavePresence ?? 0) >= Thresholds.pWavePresence
            && (features.prStandardDeviation ?? .infinity) <= Thresholds.prConsistency
        let definiteAtrial = pWavesFound && atrial.contains(rhythmStatement?.code)
        if definiteAtrial, let pr = input.pr {
            if pr > Thresholds.firstDegreeAVBlockPR {
                let certainty: Certainty = pr <= Thresholds.firstDegreeAVBlockBorderlinePR ? .borderline : .definite
                out.append(Statement(code: .firstDegreeAVBlock, certainty: certainty, evidence: [
                    Evidence(.prInterval, value: pr, unit: .ms, threshold: "> 200 ms", met: true, criterion: .ahaPart3Conduction)]))
            } else if pr < Thresholds.shortPR {
                let prEvidence = Evidence(.prInterval, value: pr, unit: .ms, threshold: "< 120 ms", met: true,
                                          criterion: .ahaPart3Conduction)
                if let qrs = input.qrs, qrs >= Thresholds.incompleteBlockQRS {
                    // Pre-excitation: short PR with a wide QRS; the delta wave itself is not measured.
                    out.append(Statement(code: .wpwPattern, certainty: .possible, evidence: [prEvidence, qrsEvidence("≥ 110 ms", true)]))
                } else {
                    out.append(Statement(code: .shortPR, evidence: [prEvidence]))
                }
            }
        }
        guard let qrs = input.qrs else { return out }
        let preexcited = out.contains { $0.code == .wpwPattern }
        let v1 = input.lead("V1"), v2 = input.lead("V2"), i = input.lead("I"), v5 = input.lead("V5"), v6 = input.lead("V6")
        let aVL = input.lead("aVL")

        // Right bundle branch block: rsR′ (or a dominant R) in V1/V2, terminal S in I and V6.
        let rsrLeads = [v1, v2].compactMap { $0 }.filter { ($0.rPrime ?? 0) > 0.05 }.map(\.label)
        let dominantRV1 = v1.map { $0.tallestR > $0.deepestS && $0.tallestR > 0.3 } ?? false
        // A terminal S is a QRS deflection: it must reach below the level the QRS ends at (J). A
        // negative "S" no deeper than the J point is the depressed ST segment of a left bundle
        // branch block's secondary repolarization, not a terminal S.
        let terminalSLeads = [i, v6].compactMap { $0 }.filter { l in
            guard let s = l.s else { return false }
            return (l.stJ ?? 0) - s >= Thresholds.terminalSDepth
        }.map(\.label)
        let rightPattern = !rsrLeads.isEmpty || dominantRV1
        let rightEvidence: [Evidence] = [
            Evidence(.rsrPrime, value: rsrLeads.isEmpty ? 0 : 1, unit: .none, leads: rsrLeads.isEmpty ? ["V1", "V2"] : rsrLeads,
                     met: !rsrLeads.isEmpty, criterion: .ahaPart3Conduction),
            Evidence(.dominantR, value: dominantRV1 ? 1 : 0, unit: .none, leads: ["V1"], met: dominantRV1, criterion: .ahaPart3Conduction),
            Evidence(.terminalS, value: v6?.s.map { -$0 }, unit: .mV, leads: terminalSLeads.isEmpty ? ["I", "V6"] : terminalSLeads,
                     threshold: "≥ 0.10 mV in I and V6", met: terminalSLeads.count == 2, criterion: .ahaPart3Conduction),
        ]

        // Left bundle branch block: no q in I, V5, V6; dominant R in I and V6; deep S in V1.
        let lateral = [i, v5, v6].compactMap { $0 }
        let qLeads = lateral.filter { ($0.q ?? 0) < -Thresholds.negligibleQ && ($0.r ?? 0) > 0 }.map(\.label)
        let noQ = lateral.count >= 2 && qLeads.isEmpty
        let broadRLeads = [i, aVL, v5, v6].compactMap { $0 }.filter { $0.tallestR > $0.deepestS }.map(\.label)
        let rLateral = broadRLeads.contains("I") || broadRLeads.contains("V6") || broadRLeads.contains("V5")
        let sV1 = v1.map { $0.deepestS > $0.tallestR } ?? false
        // The R must be broad where it is dominant: the block's delay shows in the left
        // precordial leads' own QRS (V5, V6; lead I only when neither has a duration). A global
        // QRS made wide by other leads while V5 and V6 stay narrow is a nonspecific delay, and so
        // is a lead I widened on its own by a notch (LUDB 41: I 138 ms, V5 96 ms, V6 86 ms; every
        // left bundle branch block of LUDB and PTB-XL has V5 or V6 at 120 ms or more). Not
        // judged when none of them has its own duration.
        func ownWidths(_ leads: [LeadObservation?]) -> [(String, Double)] {
            leads.compactMap { l in l.flatMap { l in l.qrsDuration.map { (l.label, $0) } } }
        }
        let precordial = ownWidths([v5, v6])
        let widthLeads = precordial.isEmpty ? ownWidths([i]) : precordial
        let broadLateral = widthLeads.isEmpty || widthLeads.contains { $0.1 >= Thresholds.completeBlockQRS }
        let leftEvidence: [Evidence] = [
            Evidence(.absentQ, value: noQ ? 1 : 0, unit: .none, leads: qLeads.isEmpty ? lateral.map(\.label) : qLeads,
                     met: noQ, criterion: .ahaPart3Conduction),
            Evidence(.broadR, value: rLateral ? 1 : 0, unit: .none, leads: broadRLeads.isEmpty ? ["I", "aVL", "V5", "V6"] : broadRLeads,
                     met: rLateral, criterion: .ahaPart3Conduction),
            Evidence(.rSPattern, value: sV1 ? 1 : 0, unit: .none, leads: ["V1"], met: sV1, criterion: .ahaPart3Conduction),
        ] + (widthLeads.isEmpty ? [] : [
            Evidence(.qrsDuration, value: widthLeads.map(\.1).max(), unit: .ms, leads: widthLeads.map(\.0),
                     threshold: "≥ 120 ms in one of the leads", met: broadLateral, criterion: .ahaPart3Conduction)])

        if preexcited {
            // Pre-excitation widens the QRS by itself: no bundle-branch diagnosis on top of it.
        } else if qrs >= Thresholds.completeBlockQRS {
            // A left-bundle-like V1 (S > R) with lateral R waves yields to the right bundle pattern
            // only when that pattern is complete: an R′ in V1/V2 and a terminal S in both I and V6,
            // which a left bundle branch block's monophasic lateral R cannot have.
            let full = terminalSLeads.count == 2
            if rightPattern && (!(sV1 && noQ && rLateral) || (!rsrLeads.isEmpty && full)) {
                out.append(Statement(code: .rightBundleBranchBlock, certainty: full ? .definite : .possible,
                                     evidence: [qrsEvidence("≥ 120 ms", true)] + rightEvidence))
            } else if sV1 && rLateral && noQ && broadLateral {
                // Part III: absent q waves in I, V5 and V6 (a q there means septal activation from
                // the left, or an infarct: not a left bundle branch block).
                out.append(Statement(code: .leftBundleBranchBlock,
                                     evidence: [qrsEvidence("≥ 120 ms", true)] + leftEvidence))
            } else if medianLeadWide {
                out.append(Statement(code: .intraventricularConductionDelay,
                                     evidence: [qrsEvidence("≥ 120 ms", true)] + medianLeadEvidence + rightEvidence + leftEvidence))
            }
        } else if qrs >= Thresholds.incompleteBlockQRS {
            if !rsrLeads.isEmpty {
                out.append(Statement(code: .incompleteRightBundleBranchBlock,
                                     evidence: [qrsEvidence("110–119 ms", true)] + rightEvidence))
            } else if qrs > Thresholds.incompleteBlockQRS, medianLeadWide {
                // Part III: nonspecific IVCD is a QRS "greater than 110 ms" without bundle-branch
                // criteria; 110 ms itself is the upper limit of normal.
                out.append(Statement(code: .intraventricularConductionDelay,
                                     evidence: [qrsEvidence("> 110 ms", true)] + medianLeadEvidence + rightEvidence))
            }
        }

        // Fascicular blocks (frontal axis with the matching limb-lead morphology).
        if let axis = input.qrsAxis {
            let ii = input.lead("II"), iii = input.lead("III"), aVF = input.lead("aVF")
            func qR(_ l: LeadObservation?) -> Bool { guard let l else { return false }; return (l.q ?? 0) < 0 && (l.r ?? 0) > 0 && l.tallestR > l.deepestS }
            func rS(_ l: LeadObservation?) -> Bool { guard let l else { return false }; return l.deepestS > l.tallestR }
            let axisEvidence = { (range: String) in
                Evidence(.qrsAxis, value: axis, unit: .degrees, threshold: range, met: true, criterion: .ahaPart3Conduction)
            }
            let isolated = qrs < Thresholds.completeBlockQRS
            let withRBBB = out.contains { $0.code == .rightBundleBranchBlock }
            let inferiorRS = [ii, iii, aVF].filter(rS).count >= 2
            let morphology = qR(aVL) && inferiorRS
            let lafbAxis = Thresholds.lafbAxis.contains(axis)
            // The morphology is required: a left axis alone is left axis deviation, not a block.
            if morphology, lafbAxis || Thresholds.lafbPossibleAxis.contains(axis), isolated || withRBBB {
                out.append(Statement(code: .leftAnteriorFascicularBlock, certainty: lafbAxis ? .definite : .possible, evidence: [
                    Evidence(.qrsAxis, value: axis, unit: .degrees, threshold: "−45°…−90°", met: lafbAxis, criterion: .ahaPart3Conduction),
                    Evidence(.qRPattern, value: qR(aVL) ? 1 : 0, unit: .none, leads: ["aVL"], met: qR(aVL), criterion: .ahaPart3Conduction),
                    Evidence(.rSPattern, value: inferiorRS ? 1 : 0, unit: .none, leads: ["II", "III", "aVF"], met: inferiorRS,
                             criterion: .ahaPart3Conduction),
                    qrsEvidence(isolated ? "< 120 ms" : "≥ 120 ms with RBBB", true)]))
            } else if Thresholds.lpfbAxis.contains(axis), axis > Thresholds.lpfbAxis.lowerBound, isolated || withRBBB {
                let lateralRS = rS(i) && rS(aVL)
                let inferiorQR = qR(iii) || qR(aVF)
                if lateralRS && inferiorQR {
                    // Right ventricular hypertrophy and lateral infarction also shift the axis right:
                    // the criteria say "consider".
                    out.append(Statement(code: .leftPosteriorFascicularBlock, certainty: .consider, evidence: [
                        axisEvidence("+90°…+180°"),
                        Evidence(.rSPattern, value: 1, unit: .none, leads: ["I", "aVL"], met: true, criterion: .ahaPart3Conduction),
                        Evidence(.qRPattern, value: 1, unit: .none, leads: ["III", "aVF"], met: true, criterion: .ahaPart3Conduction),
                        qrsEvidence(isolated ? "< 120 ms" : "≥ 120 ms with RBBB", true)]))
                }
            }
        }
        return out
    }
}
