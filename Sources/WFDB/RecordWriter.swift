import Foundation
import ECGModel

/// Writes an ``ECGRecord`` as a single-segment WFDB record in format 16.
///
/// Every lead goes into one interleaved `<name>.dat` with baseline 0 and the given gain, so
/// that WFDB tools (rdsamp, wave, bxb) and wfdb-python read it; the header carries gain,
/// baseline, units, ADC resolution, initial value, checksum and description per signal, the
/// base time and date from the acquisition time (UTC), and the record's comments as `#` lines.
public enum WFDBRecordWriter {
    /// Writes `record` as `<directory>/<name>.hea` + `<name>.dat` and returns the header's URL.
    ///
    /// - Parameter gain: ADC units per physical unit (per mV for ECG leads). 1000 keeps µV
    ///   resolution and a ±32.767 mV range; a sample outside the 16-bit range is an error, not
    ///   clipped. NaN samples are written as format 16's invalid value (-32768).
    public static func write(_ record: ECGRecord, to directory: URL, name: String, gain: Double = 1000) throws -> URL {
        let headerURL = directory.appendingPathComponent(name + ".hea")
        guard !name.isEmpty, !name.contains("/"), !name.contains(" "), !name.contains("\t"), name != "..", name != "." else {
            throw WFDBError(.writeFailed, file: headerURL.path, "record name '\(name)' is not a valid WFDB record name")
        }
        guard gain > 0, gain.isFinite else {
            throw WFDBError(.writeFailed, file: headerURL.path, "gain must be positive, got \(gain)")
        }
        for lead in record.leads where lead.label.contains("\n") || lead.label.contains("\r") {
            throw WFDBError(.writeFailed, file: headerURL.path, "signal label '\(lead.label)' contains a line break")
        }
        let frames = record.sampleCount
        let channels = record.leads.count
        let invalid = Int16.min
        var bytes = [UInt8](repeating: 0, count: frames * channels * 2)
        var initial = [Int16](repeating: 0, count: channels)
        var checksums = [Int](repeating: 0, count: channels)
        for (c, lead) in record.leads.enumerated() {
            var sum = 0
            for f in 0..<frames {
                var value = invalid
                if f < lead.samples.count, !lead.samples[f].isNaN {
                    let scaled = (Double(lead.samples[f]) * gain).rounded()
                    guard scaled > Double(Int16.min), scaled <= Double(Int16.max) else {
                        throw WFDBError(.writeFailed, file: headerURL.path,
                                        "lead \(lead.label) sample \(f) = \(lead.samples[f]) \(lead.units) does not fit format 16 at gain \(gain); use a smaller gain")
                    }
                    value = Int16(scaled)
                }
                if f == 0 { initial[c] = value }
                sum &+= Int(value)
                let offset = (f * channels + c) * 2
                let bits = UInt16(bitPattern: value)
                bytes[offset] = UInt8(bits & 0xFF)
                bytes[offset + 1] = UInt8(bits >> 8)
            }
            checksums[c] = Int(Int16(truncatingIfNeeded: sum))
        }
        var lines: [String] = []
        var recordLine = "\(name) \(channels) \(number(record.samplingFrequency.hertz)) \(frames)"
        if let time = record.metadata.acquisitionTime { recordLine += " " + baseTimeAndDate(time) }
        lines.append(recordLine)
        for (c, lead) in record.leads.enumerated() {
            let units = lead.units.isEmpty || lead.units.contains(" ") ? "mV" : lead.units
            lines.append("\(name).dat 16 \(number(gain))(0)/\(units) 16 0 \(initial[c]) \(checksums[c]) 0 \(lead.label)")
        }
        for comment in record.metadata.comments {
            for line in comment.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
                lines.append("# " + line)
            }
        }
        let datURL = directory.appendingPathComponent(name + ".dat")
        do {
            try Data(bytes).write(to: datURL, options: .atomic)
            try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: headerURL, options: .atomic)
        } catch {
            throw WFDBError(.writeFailed, file: headerURL.path, "cannot write record: \(error.localizedDescription)")
        }
        return headerURL
    }

    /// A number as header(5) writes it: integers without a decimal point.
    static func number(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return String(value)
    }

    /// `HH:MM:SS[.mmm] DD/MM/YYYY` in UTC.
    static func baseTimeAndDate(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .gmt
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second, .nanosecond], from: date)
        let milliseconds = Int((Double(c.nanosecond ?? 0) / 1e6).rounded())
        func two(_ v: Int?) -> String { String(format: "%02d", v ?? 0) }
        var time = "\(two(c.hour)):\(two(c.minute)):\(two(c.second))"
        if milliseconds > 0 && milliseconds < 1000 { time += String(format: ".%03d", milliseconds) }
        return "\(time) \(two(c.day))/\(two(c.month))/\(String(format: "%04d", c.year ?? 0))"
    }
}
