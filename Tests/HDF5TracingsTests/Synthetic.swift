import ECGModel
import Foundation

/// Deterministic test records whose every sample is non-zero (so no row looks like padding).
enum Synthetic {
    static func record(id: String, samples: Int, hertz: Double = 400,
                       labels: [String] = ["I", "II", "III", "aVR", "aVL", "aVF",
                                           "V1", "V2", "V3", "V4", "V5", "V6"]) -> ECGRecord {
        let leads = labels.enumerated().map { lead, label in
            LeadSignal(label: label, samples: (0..<samples).map { n in
                Float(lead + 1) * 0.1 + 0.5 * Float(sin(Double(n) * 0.01 * Double(lead + 1))) + 1.5
            })
        }
        return ECGRecord(metadata: RecordMetadata(recordID: id),
                         samplingFrequency: SamplingFrequency(hertz: hertz), leads: leads)
    }
}
