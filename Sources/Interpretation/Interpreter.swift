/// The statements of one record, in report order, ending with the summary line.
public struct Interpretation: Sendable, Equatable {
    public var recordID: String
    public var statements: [Statement]
    /// The rhythm features the rhythm statement was based on (for narratives).
    public var rhythm: RhythmFeatures

    /// The statement codes, for comparisons with reference labels.
    public var codes: Set<StatementCode> { Set(statements.map(\.code)) }

    public func statement(_ code: StatementCode) -> Statement? { statements.first { $0.code == code } }
}

/// Applies every rule to an ``InterpretationInput``.
public struct Interpreter: Sendable {
    public init() {}

    public func interpret(_ input: InterpretationInput) -> Interpretation {
        // With the arm electrodes suspected swapped, the frontal axes are those of inverted and
        // exchanged limb leads: no rule reads them (no axis deviation, fascicular block or
        // ectopic atrial rhythm is made of them). The reversal statement keeps its own evidence.
        let frontal = Self.withoutFrontalAxes(input, if: QualityRules.armLeadReversal(input.armLeadReversal,
                                                                                      pAxis: input.pAxis) != nil)
        var statements = RhythmRules.evaluate(frontal)
        let quality = QualityRules.evaluate(input, signal: statements.filter { $0.category == .quality })
        // A record too poor to read gets no rhythm either (it would be made up).
        let unreadable = quality.contains { $0.code == .noQRSDetected || $0.code == .poorSignalQuality }
        statements = quality + (unreadable ? [] : statements.filter { $0.category != .quality })
        let rhythmStatement = statements.first { $0.category == .rhythm }
        let rhythm = rhythmStatement?.code
        // Without beats, or with most leads unusable, no finding is supported; single unsuitable
        // leads (already left out of the measurements) and an electrode warning are not a reason
        // to withhold the rest.
        let measurable = !statements.contains { $0.code == .noQRSDetected || $0.code == .poorSignalQuality }
        if measurable {
            statements += EctopyRules.evaluate(input, rhythm: rhythm)
            // A paced QRS is wide, left-axis and with secondary ST-T changes by construction:
            // bundle-branch, axis, voltage and repolarization criteria do not apply to it.
            if rhythm != .ventricularPacedRhythm {
                statements += ConductionRules.evaluate(frontal, rhythm: rhythmStatement)
                statements += AxisRules.evaluate(frontal)
                statements += VoltageRules.evaluate(input)
                let wide = (input.qrs ?? 0) >= Thresholds.completeBlockQRS
                statements += RepolarizationRules.evaluate(input, wideQRS: wide, flutterWaves: rhythm == .atrialFlutter)
            }
            // Naming unusable leads or uncalibrated amplitudes is about the recording, not the
            // heart: not in the summary.
            let recording: Set<StatementCode> = [.leadsUnsuitable, .limbLeadsInconsistent, .limbLeadsRescaled, .amplitudesNormalised]
            statements.append(Self.summary(statements.filter { !recording.contains($0.code) }))
        }
        // Every statement must carry evidence; a rule that produced none is a bug, not a finding.
        statements = statements.filter { !$0.evidence.isEmpty }
        return Interpretation(recordID: input.recordID, statements: statements, rhythm: RhythmFeatures(input))
    }

    /// `input` with its P, QRS and T axes left out when `condition` holds.
    static func withoutFrontalAxes(_ input: InterpretationInput, if condition: Bool) -> InterpretationInput {
        guard condition else { return input }
        var copy = input
        copy.pAxis = nil
        copy.qrsAxis = nil
        copy.tAxis = nil
        return copy
    }

    /// Normal / borderline / abnormal from the most severe statement.
    static func summary(_ statements: [Statement]) -> Statement {
        let worst = statements.max { $0.severity < $1.severity }
        let severity = worst?.severity ?? .normal
        let code: StatementCode = switch severity {
        case .normal: .normalECG
        case .borderline: .borderlineECG
        case .abnormal: .abnormalECG
        }
        return Statement(code: code, evidence: [
            Evidence(.worstStatement, value: nil, unit: .none, met: true, criterion: .summaryConvention, related: worst)])
    }
}
