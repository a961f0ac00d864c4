import Datasets
import ECGModel
import Foundation
import Measurement

/// The measurement stage as a batch step: filter, detect, delineate and measure each record,
/// one `measurements.csv` row per record.
///
/// The row starts with MIMIC-IV-ECG's identifying columns (`subject_id`, `study_id`,
/// `ecg_time`), then ``MeasurementReport/csvColumns`` (the `machine_measurements` names
/// `rr_interval`, `p_onset`, `p_end`, `qrs_onset`, `qrs_end`, `t_end`, `p_axis`, `qrs_axis`,
/// `t_axis`, then our own intervals, rates, QTc formulas, voltage criteria and beat counts).
public struct MeasurementProcessor: RecordProcessor {
    public static let outputName = "measurements.csv"

    public var pipeline: MeasurementPipeline

    public init(pipeline: MeasurementPipeline = MeasurementPipeline()) {
        self.pipeline = pipeline
    }

    /// The CSV columns: identity first, then the measurement stage's.
    public static var columns: [String] {
        ["subject_id", "study_id", "ecg_time"] + MeasurementReport.csvColumns
    }

    public var outputs: [BatchOutput] {
        [BatchOutput(name: Self.outputName, header: Self.columns.joined(separator: ","))]
    }

    public var signature: String { "measurements 1" }

    public func process(_ record: ECGRecord, entry: DatasetEntry) throws -> ProcessedRecord {
        let result = try pipeline.run(record)
        let time = entry.ecgTime ?? record.metadata.acquisitionTime
        let identity = [entry.subjectID.map(String.init) ?? record.metadata.subjectID ?? "",
                        entry.studyID.map(String.init) ?? record.metadata.studyID ?? "",
                        time.map(MIMICTimeText.format) ?? ""]
        let row = identity.map(CSVCell.escape).joined(separator: ",") + "," + MeasurementReport.csvRow(result.measurements)
        return ProcessedRecord(lines: [Self.outputName: row])
    }
}

/// CSV quoting (RFC 4180) for one cell.
enum CSVCell {
    static func escape(_ text: String) -> String {
        text.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline })
            ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
    }
}

/// MIMIC-IV-ECG's `ecg_time` text (`YYYY-MM-DD HH:MM:SS`, UTC).
public enum MIMICTimeText {
    /// Seconds since 1970 for an `ecg_time`, rejecting anything not exactly of that form or
    /// not a real date and time (Feb 30, 24:00).
    public static func parse(_ text: String) -> Int? {
        let bytes = Array(text.utf8)
        guard bytes.count == 19, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
              bytes[10] == UInt8(ascii: " "), bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":")
        else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for index in range {
                guard bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") else { return nil }
                value = value * 10 + Int(bytes[index] - UInt8(ascii: "0"))
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
              let hour = number(11..<13), let minute = number(14..<16), let second = number(17..<19),
              (1...12).contains(month), hour < 24, minute < 60, second < 60 else { return nil }
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        let monthDays = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
        guard day >= 1, day <= monthDays else { return nil }
        // H. Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        let days = era * 146_097 + doe - 719_468
        return days * 86_400 + hour * 3600 + minute * 60 + second
    }

    public static func format(_ date: Date) -> String {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down))
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let secondOfDay = seconds - days * 86_400
        // H. Hinnant's civil_from_days.
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        return String(format: "%04d-%02d-%02d %02d:%02d:%02d", year, month, day,
                      secondOfDay / 3600, secondOfDay / 60 % 60, secondOfDay % 60)
    }
}
