import Delineation
import Foundation
import HDF5Tracings
import Measurement

/// Writes a finished conversion's measurements and fiducial points into one HDF5 file.
///
/// Layout of `measurements.h5` (N converted records, B beats in all):
/// - `record`, `ecg_time` (strings), `subject_id`, `study_id` (int64, −1 when unknown), `fs`
///   (float64): one entry per record, in the order of `measurements.csv`;
/// - `measurements` (float64, N × C, NaN when not measurable) with its column names in
///   `measurement_columns` (the numeric columns of `measurements.csv`); its text columns
///   (`excluded_leads`, `lead_problems`) as string datasets of their own;
/// - `fiducials/beats` (int64, B × 10: P onset, P peak, P offset, QRS onset, R peak, QRS offset,
///   T onset, T peak, T offset as 0-based sample indices, −1 when absent, then the beat type as an
///   index into `fiducials/beat_types`), `fiducials/columns`, and `fiducials/first_beat`
///   (int64, N + 1): the beats of record k are rows `first_beat[k] ..< first_beat[k+1]`.
///
/// The file is built from `measurements.csv` and `fiducials.jsonl`, streaming in blocks, under
/// a temporary name renamed at the end, so an interrupted export leaves no partial file and a
/// rerun of the conversion command builds it again.
public enum HDF5Export {
    public static let fileName = "measurements.h5"
    public static let fiducialsFile = "fiducials.jsonl"
    static let identityColumns = 4  // subject_id, study_id, ecg_time, record
    static let block = 4096

    /// Builds `folder/measurements.h5` from the conversion in `folder`.
    public static func write(from folder: URL) throws {
        let csvURL = folder.appendingPathComponent(MeasurementProcessor.outputName)
        let fiducialsURL = folder.appendingPathComponent(fiducialsFile)
        // Pass 1: sizes.
        let csv = try LineReader(csvURL)
        guard let header = try csv.next() else { throw BatchError("\(csvURL.path) is empty") }
        let columns = CSVFields.split(header)
        guard columns.count > identityColumns, columns[3] == "record" else {
            throw BatchError("\(csvURL.path): unexpected header (\(header.prefix(80)))")
        }
        let numericIndices = columns.indices.filter { $0 >= identityColumns && !MeasurementReport.textColumns.contains(columns[$0]) }
        let textIndices = columns.indices.filter { $0 >= identityColumns && MeasurementReport.textColumns.contains(columns[$0]) }
        let numeric = numericIndices.map { columns[$0] }
        var records = 0
        while try csv.next() != nil { records += 1 }
        var beats = 0
        let fiducials = try LineReader(fiducialsURL)
        var fiducialLines = 0
        while let line = try fiducials.next() {
            fiducialLines += 1
            beats += try FiducialsRecord(line, file: fiducialsURL, line: fiducialLines).beats.count
        }
        guard fiducialLines == records else {
            throw BatchError("\(fiducialsURL.path) has \(fiducialLines) lines for \(records) rows of \(csvURL.path)")
        }

        let target = folder.appendingPathComponent(fileName)
        let temporary = folder.appendingPathComponent(".\(fileName).\(getpid()).tmp")
        try? FileManager.default.removeItem(at: temporary)
        do {
            let writer = try HDF5DatasetWriter(url: temporary)
            let measurements = try writer.createDataset("measurements", of: Double.self, shape: [records, numeric.count])
            let beatRows = try writer.createDataset("fiducials/beats", of: Int64.self,
                                                    shape: [beats, FiducialsLine.columns.count + 1])
            var ids: [String] = [], times: [String] = [], subjects: [Int64] = [], studies: [Int64] = []
            var rates: [Double] = [], firstBeat: [Int64] = [0]
            var texts = [[String]](repeating: [], count: textIndices.count)
            ids.reserveCapacity(records)
            let csv = try LineReader(csvURL)
            _ = try csv.next()
            let fiducials = try LineReader(fiducialsURL)
            var values: [Double] = [], beatValues: [Int64] = []
            var row = 0, beatRow = 0, pendingBeats = 0
            func flush() throws {
                let rowsInBlock = values.count / max(1, numeric.count)
                try measurements.write(values, at: row - rowsInBlock, count: rowsInBlock)
                try beatRows.write(beatValues, at: beatRow - pendingBeats, count: pendingBeats)
                values.removeAll(keepingCapacity: true)
                beatValues.removeAll(keepingCapacity: true)
                pendingBeats = 0
            }
            while let line = try csv.next(), let fiducialLine = try fiducials.next() {
                let cells = CSVFields.split(line)
                let f = try FiducialsRecord(fiducialLine, file: fiducialsURL, line: row + 1)
                guard cells.count == columns.count else {
                    throw BatchError("\(csvURL.path) row \(row + 2) has \(cells.count) cells for \(columns.count) columns")
                }
                subjects.append(Int64(cells[0]) ?? -1)
                studies.append(Int64(cells[1]) ?? -1)
                times.append(cells[2])
                ids.append(cells[3])
                rates.append(f.samplingFrequency)
                values += numericIndices.map { Double(cells[$0]) ?? .nan }
                for (k, column) in textIndices.enumerated() { texts[k].append(cells[column]) }
                for beat in f.beats { beatValues += beat }
                beatRow += f.beats.count
                pendingBeats += f.beats.count
                firstBeat.append(Int64(beatRow))
                row += 1
                if row % block == 0 { try flush() }
            }
            try flush()
            try writer.writeStrings("measurement_columns", numeric)
            for (k, column) in textIndices.enumerated() { try writer.writeStrings(columns[column], texts[k]) }
            try writer.writeStrings("record", ids)
            try writer.writeStrings("ecg_time", times)
            try writer.write("subject_id", shape: [records], values: subjects)
            try writer.write("study_id", shape: [records], values: studies)
            try writer.write("fs", shape: [records], values: rates)
            try writer.write("fiducials/first_beat", shape: [records + 1], values: firstBeat)
            try writer.writeStrings("fiducials/columns", FiducialsLine.columns + ["type"])
            try writer.writeStrings("fiducials/beat_types", BeatType.allCases.map(\.rawValue))
            try writer.close()
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw error
        }
        guard rename(temporary.path, target.path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temporary)
            throw BatchError("\(target.path): cannot move the finished file into place (\(reason))")
        }
    }
}

/// One line of `fiducials.jsonl`, as the HDF5 export needs it.
struct FiducialsRecord {
    var samplingFrequency: Double
    /// Per beat: the nine fiducial points (−1 when absent) and the beat type's index.
    var beats: [[Int64]]

    init(_ line: String, file: URL, line number: Int) throws {
        let bad = BatchError("\(file.path) line \(number): not a fiducials line")
        guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
              let fs = (object["fs"] as? NSNumber)?.doubleValue,
              let beats = object["beats"] as? [[Any]] else { throw bad }
        samplingFrequency = fs
        self.beats = try beats.map { beat in
            guard beat.count == FiducialsLine.columns.count + 1, let type = beat.last as? String,
                  let code = BeatType.allCases.firstIndex(where: { $0.rawValue == type }) else { throw bad }
            return beat.dropLast().map { ($0 as? NSNumber)?.int64Value ?? -1 } + [Int64(code)]
        }
    }
}

/// Splits one CSV line (RFC 4180 quoting, no line breaks inside cells).
enum CSVFields {
    static func split(_ line: String) -> [String] {
        var fields: [String] = []
        var current = ""
        var quoted = false
        var chars = line.makeIterator()
        var pendingQuote = false
        while let c = chars.next() {
            if pendingQuote {
                pendingQuote = false
                if c == "\"" { current.append("\""); continue }
                quoted = false
            }
            if quoted {
                if c == "\"" { pendingQuote = true } else { current.append(c) }
            } else if c == "\"" && current.isEmpty {
                quoted = true
            } else if c == "," {
                fields.append(current)
                current = ""
            } else {
                current.append(c)
            }
        }
        fields.append(current)
        return fields
    }
}
