import ECGModel
import Foundation

/// The ECG-Expert-QA tasks built on ECG data, plus the model-to-model scoring judge.
public enum PromptTask: String, Sendable, CaseIterable {
    /// Cross-modal diagnosis, patient prognosis, multi-round dialogue, memory correction, medical
    /// entity extraction, general risk assessment, medical counterfactual: one ECG each.
    case cmd, pp, mrod, mc, mee, gra, mco
    /// Long-text diagnosis: all ECGs of one patient.
    case ltd
    /// Model-to-model scoring: the judge prompt comparing an answer with its reference.
    case mms
}

extension Narrator {
    /// One JSONL line: `{"id": …, "task": …, "messages": [{"role": "system", …}, {"role": "user", …}]}`.
    ///
    /// `narrative` is the `cmd` narrative (or the `ltd` one for the LTD task, the reference for
    /// MMS); `answer` is the answer MMS scores (a placeholder when not given).
    public func prompt(task: PromptTask, id: String, narrative: String, answer: String? = nil) throws -> String {
        let view: [String: Any] = [
            "narrative": TemplateText(Self.trimmingLineBreaks(narrative)),
            "answer": TemplateText(answer ?? "<<ANSWER>>"),
        ]
        let system = Self.trimmingLineBreaks(try render(view, "prompts/\(task.rawValue).system"))
        let user = Self.trimmingLineBreaks(try render(view, "prompts/\(task.rawValue).user"))
        func message(_ role: String, _ content: String) -> String {
            "{\"role\": \(Self.json(role)), \"content\": \(Self.json(content))}"
        }
        return "{\"id\": \(Self.json(id)), \"task\": \(Self.json(task.rawValue)), \"messages\": ["
            + message("system", system) + ", " + message("user", user) + "]}"
    }

    /// A JSON string literal (UTF-8 kept as is, control characters escaped).
    static func json(_ s: String) -> String { JSONString.literal(s) }
}
