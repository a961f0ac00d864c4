import Foundation
import ECGModel

/// Digital-to-physical conversion as wfdb defines it: `(digital − baseline) / gain`, with the
/// format's invalid-sample value becoming NaN, and frames of a multi-frequency signal averaged
/// into one value per frame (wfdb's "smooth frames").
enum PhysicalConversion {
    /// One physical value per frame; a frame with any invalid sample is NaN.
    static func smoothed(_ digital: [Int32], samplesPerFrame spf: Int, gain: Double, baseline: Int,
                         invalid: Int32) -> [Double] {
        let frames = spf > 0 ? digital.count / spf : 0
        let scale = 1 / gain
        let base = Double(baseline)
        return [Double](unsafeUninitializedCapacity: frames) { out, n in
            digital.withUnsafeBufferPointer { input in
                if spf == 1 {
                    for i in 0..<frames {
                        let d = input[i]
                        out[i] = d == invalid ? .nan : (Double(d) - base) * scale
                    }
                } else {
                    for f in 0..<frames {
                        var sum = 0.0
                        var bad = false
                        for k in 0..<spf {
                            let d = input[f * spf + k]
                            if d == invalid { bad = true }
                            sum += Double(d)
                        }
                        out[f] = bad ? .nan : (sum / Double(spf) - base) * scale
                    }
                }
            }
            n = frames
        }
    }

    /// As ``smoothed(_:samplesPerFrame:gain:baseline:invalid:)``, scaled by `factor` and
    /// rounded to `Float` in the same pass (what ``ECGRecord`` stores).
    static func smoothedFloat(_ digital: [Int32], samplesPerFrame spf: Int, gain: Double, baseline: Int,
                              invalid: Int32, factor: Double) -> [Float] {
        let frames = spf > 0 ? digital.count / spf : 0
        let scale = factor / gain
        let base = Double(baseline)
        return [Float](unsafeUninitializedCapacity: frames) { out, n in
            digital.withUnsafeBufferPointer { input in
                guard let src = input.baseAddress, let dst = out.baseAddress else { return }
                if spf == 1 {
                    for i in 0..<frames {
                        let d = src[i]
                        dst[i] = d == invalid ? .nan : Float((Double(d) - base) * scale)
                    }
                } else {
                    for f in 0..<frames {
                        var sum = 0.0
                        var bad = false
                        for k in 0..<spf {
                            let d = src[f * spf + k]
                            if d == invalid { bad = true }
                            sum += Double(d)
                        }
                        dst[f] = bad ? .nan : Float((sum / Double(spf) - base) * scale)
                    }
                }
            }
            n = frames
        }
    }

    /// Units normalised so that voltages are millivolts: the factor to multiply by and the
    /// unit to report. Other units (mmHg, NU, Ohm …) are kept as written.
    static func normalizedUnits(_ units: String) -> (factor: Double, units: String) {
        // Nearly every ECG header says "mV": no trimming and case folding for it (both cost
        // more than the rest of a lead's conversion bookkeeping).
        if units == "mV" { return (1, "mV") }
        let key = units.trimmingCharacters(in: .whitespaces)
        switch key.lowercased() {
        case "uv", "μv", "µv": return (0.001, "mV")
        case "mv": return (1, "mV")
        case "v": return (1000, "mV")
        case "nv": return (1e-6, "mV")
        default: return (1, key.isEmpty ? "mV" : key)
        }
    }
}

extension WFDBRecord {
    /// The record in physical units at the frame frequency, as the rest of the pipeline uses it.
    ///
    /// Each channel becomes a ``LeadSignal`` recognised by name (`Lead(label:)`); voltages are
    /// in millivolts (µV signals are divided by 1000); invalid samples are NaN; signals with
    /// several samples per frame are averaged to one value per frame. Metadata carries the
    /// record name, the `#` comments, the base date and time (UTC) when the header gives both,
    /// the header path, and for MIMIC-IV-ECG-style headers the subject (`# <subject_id>: …`)
    /// and the study (the record name, when the record sits in an `s<record name>` folder).
    public func ecgRecord() -> ECGRecord {
        var copy = self
        return copy.takeECGRecord()
    }

    /// ``ecgRecord()`` that releases each channel's digital samples once converted, so that
    /// a read-and-convert holds less memory at once.
    mutating func takeECGRecord() -> ECGRecord {
        var leads: [LeadSignal] = []
        leads.reserveCapacity(signals.count)
        let invalid = invalidSampleValues
        for (index, spec) in signals.enumerated() {
            let (factor, units) = PhysicalConversion.normalizedUnits(spec.units)
            let samples: [Float]
            if let variable = variableLayoutPhysical {
                samples = (index < variable.count ? variable[index] : []).map { Float($0 * factor) }
            } else {
                samples = PhysicalConversion.smoothedFloat(digital[index], samplesPerFrame: spec.samplesPerFrame,
                                                           gain: spec.adcGain, baseline: spec.baseline,
                                                           invalid: invalid[index], factor: factor)
                digital[index] = []
            }
            leads.append(LeadSignal(label: spec.description, samples: samples, units: units))
        }
        return ECGRecord(metadata: metadata, samplingFrequency: SamplingFrequency(hertz: header.samplingFrequency),
                         leads: leads)
    }

    /// `text` without leading and trailing blanks, as Foundation's
    /// `trimmingCharacters(in: .whitespaces)` (which on Linux goes through `NSString` for every
    /// record): CoreFoundation's set is the space separators (Zs), the tab and U+200B.
    static func trimmingWhitespace(_ text: Substring) -> String {
        func isSpace(_ u: Unicode.Scalar) -> Bool {
            switch u.value {
            case 0x09, 0x20, 0xA0, 0x1680, 0x2000...0x200B, 0x202F, 0x205F, 0x3000: true
            default: false
            }
        }
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !isSpace($0) }),
              let last = scalars.lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(Substring(scalars[first...last]))
    }

    /// The text after the first `<subject_id>:` of `comment`, matched on whole characters as
    /// `comment.firstRange(of:)` does (a tag whose `:` carries a combining mark is no tag).
    ///
    /// The tag is all ASCII, so a character match is a byte match that starts and ends on
    /// character boundaries: the bytes are searched directly instead of through the generic
    /// string searcher, which cost more than the rest of the header's metadata.
    static func textAfterSubjectTag(_ comment: String) -> Substring? {
        let tag: StaticString = "<subject_id>:"
        let found: Int?? = comment.utf8.withContiguousStorageIfAvailable { bytes -> Int? in
            tag.withUTF8Buffer { tag -> Int? in
                guard bytes.count >= tag.count else { return nil }
                var from = 0
                while from <= bytes.count - tag.count {
                    guard let start = bytes[from...].firstIndex(of: tag[0]) else { return nil }
                    if start > bytes.count - tag.count { return nil }
                    if (0..<tag.count).allSatisfy({ bytes[start + $0] == tag[$0] }),
                       Self.isCharacterBoundary(comment, utf8Offset: start),
                       Self.isCharacterBoundary(comment, utf8Offset: start + tag.count) {
                        return start + tag.count
                    }
                    from = start + 1
                }
                return nil
            }
        }
        guard let found else {
            return comment.firstRange(of: "<subject_id>:").map { comment[$0.upperBound...] }
        }
        return found.map { comment[comment.utf8.index(comment.utf8.startIndex, offsetBy: $0)...] }
    }

    static func isCharacterBoundary(_ text: String, utf8Offset: Int) -> Bool {
        text.utf8.index(text.utf8.startIndex, offsetBy: utf8Offset).samePosition(in: text) != nil
    }

    /// Record-level facts for ``ECGRecord/metadata``.
    public var metadata: RecordMetadata {
        var subject: String?
        for comment in header.comments {
            if let after = Self.textAfterSubjectTag(comment) {
                let value = Self.trimmingWhitespace(after)
                if let token = value.split(separator: " ").first { subject = String(token) }
            }
        }
        let folder = headerURL.deletingLastPathComponent().lastPathComponent
        let study: String? = subject != nil && folder == "s" + header.recordName ? header.recordName : nil
        return RecordMetadata(recordID: header.recordName, subjectID: subject, studyID: study,
                              acquisitionTime: header.baseDateTime, comments: header.comments,
                              source: headerURL.path)
    }
}

extension WFDBRecord {
    /// One channel in the header's physical units at one value per frame (frames averaged),
    /// NaN for invalid samples; unlike ``ecgRecord()`` the units are not normalised.
    public func physicalSamples(channel: Int) -> [Double] {
        guard signals.indices.contains(channel) else { return [] }
        if let variable = variableLayoutPhysical { return channel < variable.count ? variable[channel] : [] }
        let spec = signals[channel]
        return PhysicalConversion.smoothed(digital[channel], samplesPerFrame: spec.samplesPerFrame,
                                           gain: spec.adcGain, baseline: spec.baseline,
                                           invalid: invalidSampleValues[channel])
    }
}
