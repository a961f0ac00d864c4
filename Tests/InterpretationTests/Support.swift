import Interpretation
import Delineation

/// Builders for synthetic measurements: a normal 12-lead ECG the tests then change one value of.
enum Make {
    /// Regular beats at `rate` bpm, all dominant with a P wave.
    static func beats(rate: Double, count: Int = 10, hasP: Bool = true) -> [BeatObservation] {
        let rr = 60000 / rate
        return (0..<count).map { k in
            BeatObservation(rrBefore: k == 0 ? nil : rr, type: .dominant, hasP: hasP, pr: hasP ? 160 : nil,
                            prematurity: k == 0 ? nil : 1)
        }
    }

    /// A normal lead set: upright R with small S in lateral leads, rS in V1, no ST shift, upright T.
    static func normalLeads() -> [LeadObservation] {
        func lead(_ label: String, q: Double? = nil, r: Double, s: Double?, t: Double = 0.3) -> LeadObservation {
            LeadObservation(label: label, q: q, r: r, s: s, stJ: 0, stJ60: 0.05, t: t)
        }
        return [
            lead("I", q: -0.08, r: 0.8, s: -0.1), lead("II", q: -0.05, r: 1.2, s: -0.1), lead("III", r: 0.5, s: -0.2, t: 0.1),
            lead("aVR", r: 0.1, s: -0.9, t: -0.3), lead("aVL", r: 0.3, s: -0.3, t: 0.1), lead("aVF", r: 0.8, s: -0.1, t: 0.2),
            lead("V1", r: 0.2, s: -0.9, t: -0.1), lead("V2", r: 0.4, s: -1.2), lead("V3", r: 0.7, s: -0.8),
            lead("V4", r: 1.2, s: -0.4), lead("V5", q: -0.06, r: 1.4, s: -0.2), lead("V6", q: -0.08, r: 1.1, s: -0.1),
        ]
    }

    /// A normal ECG: sinus rhythm at `rate`, normal intervals and axis.
    static func normal(rate: Double = 72, sex: Sex = .unknown) -> InterpretationInput {
        let rr = 60000 / rate
        let qt = 380.0
        return InterpretationInput(recordID: "test", sex: sex, age: 50, beats: beats(rate: rate), heartRate: rate,
                                   atrialRate: rate, pr: 160, qrs: 90, qt: qt, qtcBazett: qt / (rr / 1000).squareRoot(),
                                   qtcFridericia: qt / Foundation.cbrt(rr / 1000), pAxis: 50, qrsAxis: 45, tAxis: 40,
                                   sokolowLyon: 2.3, cornell: 1.1, leads: normalLeads())
    }

    static func replacing(_ input: InterpretationInput, _ label: String, _ change: (inout LeadObservation) -> Void) -> InterpretationInput {
        var copy = input
        if let k = copy.leads.firstIndex(where: { $0.label == label }) { change(&copy.leads[k]) }
        return copy
    }
}

import Foundation

extension Interpretation {
    func has(_ code: StatementCode, _ certainty: Certainty? = nil) -> Bool {
        statements.contains { $0.code == code && (certainty == nil || $0.certainty == certainty) }
    }
}

func interpret(_ input: InterpretationInput) -> Interpretation { Interpreter().interpret(input) }
