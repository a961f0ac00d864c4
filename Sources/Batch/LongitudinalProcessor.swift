import Foundation
import Narrative

/// The patient-level step of a conversion: the longitudinal (LTD) narrative of each patient,
/// and optionally the LTD prompt built around it.
///
/// `patients.jsonl` gets `{"subject_id", "ecgs", "records": […], "ltd": "…"}` per patient;
/// `prompts-ltd.jsonl` (when chosen) the ECG-Expert-QA LTD chat prompt.
public struct LongitudinalProcessor: PatientProcessor {
    public static let patientsFile = "patients.jsonl"
    public static let promptsFile = NarrativeProcessor.promptsFile(.ltd)

    public var narrator: Narrator
    public var writesPrompts: Bool

    public init(narrator: Narrator, writesPrompts: Bool) {
        self.narrator = narrator
        self.writesPrompts = writesPrompts
    }

    public var outputs: [BatchOutput] {
        [BatchOutput(name: Self.patientsFile)] + (writesPrompts ? [BatchOutput(name: Self.promptsFile)] : [])
    }

    public var signature: String {
        "ltd 1 lang=\(narrator.language.rawValue) prompts=\(writesPrompts) digest=\(narrator.templateDigest)"
    }

    public func process(subjectID: Int, records: [PatientRecord]) -> [String: String] {
        var entries: [LongitudinalEntry] = []
        for r in records {
            if let e = try? LongitudinalEntry(jsonLine: r.payload) { entries.append(e) }
        }
        let text: String
        do {
            text = try narrator.longitudinal(subjectID: subjectID, entries: entries)
        } catch {
            // The per-record stage made these entries; a failure here is a template error,
            // which must show in the output rather than drop the patient silently.
            text = "error: \(error)"
        }
        let narrative = Narrator.trimmingLineBreaks(text)
        var out = [Self.patientsFile: JSONLine.object([
            ("subject_id", String(subjectID)),
            ("ecgs", String(entries.count)),
            ("records", "[" + entries.map { JSONLine.string($0.recordID) }.joined(separator: ",") + "]"),
            ("ltd", JSONLine.string(narrative)),
        ])]
        if writesPrompts {
            out[Self.promptsFile] = (try? narrator.prompt(task: .ltd, id: "\(subjectID)-ltd", narrative: narrative))
                ?? JSONLine.object([("id", JSONLine.string("\(subjectID)-ltd")), ("error", JSONLine.string("LTD prompt template failed"))])
        }
        return out
    }
}
