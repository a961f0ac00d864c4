import Datasets
import ECGModel
import Foundation

/// A dataset's records in a compact form: what a conversion needs to know of every record
/// before reading it (ids, patient, time, where it is), at a few dozen bytes per record.
///
/// A MIMIC-IV-ECG `record_list.csv` of 800,000 rows is read as a stream into plain integer
/// arrays (the path is stored only when it differs from MIMIC's `files/pNNNN/p<subject>/
/// s<study>/<file_name>` pattern), instead of a table of strings and an array of URLs.
/// Headers are not checked for existence when the index is built: a missing record is
/// reported in `errors.jsonl` when its turn comes, and the run goes on.
public struct DatasetIndex: Sendable {
    /// How the records' locations are stored.
    enum Locations: Sendable {
        /// MIMIC-IV-ECG headers under `root`, at the canonical path unless `paths` says otherwise.
        case mimic(root: URL, paths: [Int: String])
        /// Any other dataset: each record's location as the dataset gave it.
        case explicit([RecordLocation])
    }

    private static let none = Int.min

    private var subjects: [Int]
    private var studies: [Int]
    private var times: [Int]
    private var recordIDs: [String]
    private var locations: Locations
    /// Age and sex by position, for the (few) datasets whose index gives them.
    private var demographics: [Int: Demographics] = [:]

    struct Demographics: Sendable, Equatable {
        var age: Int?
        var isMale: Bool?
    }
    /// The folder the records must stay inside (see ``Datasets/DatasetEntry/root``).
    private var root: URL?

    /// How many records the dataset has.
    public var count: Int { recordIDs.count }

    /// Indexes the entries a dataset opened by ``Datasets/DatasetLoader`` lists.
    public init(entries: [DatasetEntry]) {
        subjects = entries.map { $0.subjectID ?? Self.none }
        studies = entries.map { $0.studyID ?? Self.none }
        times = entries.map { $0.ecgTime.map { Int($0.timeIntervalSince1970.rounded(.down)) } ?? Self.none }
        recordIDs = entries.map(\.recordID)
        locations = .explicit(entries.map(\.location))
        for (position, entry) in entries.enumerated() where entry.age != nil || entry.isMale != nil {
            demographics[position] = Demographics(age: entry.age, isMale: entry.isMale)
        }
        // Every entry of one opened dataset has the same root (or none).
        root = entries.first?.root
    }

    /// Opens `url` as ``Datasets/DatasetLoader`` would, streaming a MIMIC-IV-ECG `record_list.csv`.
    public init(opening url: URL, limits: ReadLimits = .default) throws {
        var isDirectory: ObjCBool = false
        let list = url.appendingPathComponent("record_list.csv")
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue,
           FileManager.default.fileExists(atPath: list.path) {
            try self.init(recordList: list, root: url, limits: limits)
        } else {
            self.init(entries: try DatasetLoader.open(url, limits: limits).entries)
        }
    }

    /// Reads a MIMIC-IV-ECG `record_list.csv` (`subject_id, study_id, file_name, ecg_time, path`).
    public init(recordList: URL, root: URL, limits: ReadLimits = .default) throws {
        var subjects: [Int] = [], studies: [Int] = [], times: [Int] = [], recordIDs: [String] = []
        var paths: [Int: String] = [:]
        var columns: [Int] = []
        let file = recordList.path
        try CSVReader.forEachRecord(in: recordList, limits: limits) { fields, line in
            func fail(_ message: String) -> DatasetError { DatasetError(file: file, line: line, message: message) }
            if columns.isEmpty {
                for name in MIMICDataset.recordListColumns {
                    guard let column = fields.firstIndex(of: name) else {
                        throw fail("missing column '\(name)' (the header has \(fields.joined(separator: ", ")))")
                    }
                    columns.append(column)
                }
                return
            }
            guard fields.count > columns.max() ?? 0 else {
                throw fail("\(fields.count) fields, fewer than the header's columns")
            }
            let (subjectText, studyText, fileName, timeText, path) =
                (fields[columns[0]], fields[columns[1]], fields[columns[2]], fields[columns[3]], fields[columns[4]])
            guard let subject = Int(subjectText), subject >= 0 else { throw fail("subject_id '\(subjectText)' is not a whole number") }
            guard let study = Int(studyText), study >= 0 else { throw fail("study_id '\(studyText)' is not a whole number") }
            guard let time = MIMICTime.seconds(timeText) else {
                throw fail("ecg_time '\(timeText)' is not a valid YYYY-MM-DD HH:MM:SS time")
            }
            if let problem = Self.problem(withRelativePath: path) { throw fail(problem) }
            guard path.utf8.split(separator: UInt8(ascii: "/")).last?.elementsEqual(fileName.utf8) == true else {
                throw fail("path '\(path)' does not end in file_name '\(fileName)'")
            }
            if path != Self.canonicalPath(subject: subject, study: study, fileName: fileName) {
                paths[recordIDs.count] = path
            }
            subjects.append(subject)
            studies.append(study)
            times.append(time)
            recordIDs.append(fileName)
        }
        self.subjects = subjects
        self.studies = studies
        self.times = times
        self.recordIDs = recordIDs
        locations = .mimic(root: root, paths: paths)
        self.root = root
    }

    /// MIMIC-IV-ECG's path of a record: `files/p<first 4 digits>/p<subject>/s<study>/<file_name>`.
    static func canonicalPath(subject: Int, study: Int, fileName: String) -> String {
        let digits = String(subject)
        return "files/p\(digits.prefix(4))/p\(digits)/s\(study)/\(fileName)"
    }

    /// Why a record_list path could leave the dataset or is malformed, `nil` if it is fine
    /// (a byte scan: this runs once per row of an 800,000-row index).
    static func problem(withRelativePath path: String) -> String? {
        let bytes = Array(path.utf8)
        if bytes.isEmpty { return "empty path" }
        if bytes[0] == UInt8(ascii: "/") || bytes[0] == UInt8(ascii: "~") { return "absolute path '\(path)'" }
        if bytes.contains(0) || bytes.contains(UInt8(ascii: "\\")) { return "path '\(path)' contains NUL or a backslash" }
        for component in bytes.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false) {
            if component.elementsEqual("..".utf8) { return "path '\(path)' climbs out with '..'" }
            if component.isEmpty || component.elementsEqual(".".utf8) {
                return "path '\(path)' has an empty or '.' component"
            }
        }
        return nil
    }

    /// The patient of record `position`, if known.
    public func subjectID(at position: Int) -> Int? {
        subjects[position] == Self.none ? nil : subjects[position]
    }

    /// The record id (MIMIC `file_name`, WFDB record name, exam id) of record `position`.
    public func recordID(at position: Int) -> String {
        recordIDs[position]
    }

    /// The full entry of record `position` (built on demand).
    public func entry(at position: Int) -> DatasetEntry {
        let location: RecordLocation
        switch locations {
        case .mimic(let root, let paths):
            let path = paths[position] ?? Self.canonicalPath(subject: subjects[position], study: studies[position],
                                                              fileName: recordIDs[position])
            location = .wfdb(header: root.appendingPathComponent(path + ".hea"))
        case .explicit(let all):
            location = all[position]
        }
        return DatasetEntry(location: location, recordID: recordIDs[position],
                            subjectID: subjectID(at: position),
                            studyID: studies[position] == Self.none ? nil : studies[position],
                            ecgTime: times[position] == Self.none ? nil : Date(timeIntervalSince1970: TimeInterval(times[position])),
                            age: demographics[position]?.age, isMale: demographics[position]?.isMale,
                            root: root)
    }

    /// This index listed `copies` times over (for benchmarks on a small dataset).
    public func repeated(_ copies: Int) -> DatasetIndex {
        var copy = self
        let n = max(1, copies)
        copy.subjects = Array(repeatElement(subjects, count: n).joined())
        copy.studies = Array(repeatElement(studies, count: n).joined())
        copy.times = Array(repeatElement(times, count: n).joined())
        copy.recordIDs = Array(repeatElement(recordIDs, count: n).joined())
        switch locations {
        case .mimic(let root, let paths):
            var all: [Int: String] = [:]
            for k in 0..<n { for (position, path) in paths { all[position + k * count] = path } }
            copy.locations = .mimic(root: root, paths: all)
        case .explicit(let list):
            copy.locations = .explicit(Array(repeatElement(list, count: n).joined()))
        }
        copy.demographics = [:]
        for k in 0..<n { for (position, d) in demographics { copy.demographics[position + k * count] = d } }
        return copy
    }

    /// The key the fingerprint hashes for record `position`: ids, patient, time and file name,
    /// not the folder (so shards converted under different mount points still match).
    func fingerprintKey(at position: Int) -> String {
        var key = recordIDs[position]
        key += "\t" + (subjects[position] == Self.none ? "" : String(subjects[position]))
        key += "\t" + (studies[position] == Self.none ? "" : String(studies[position]))
        key += "\t" + (times[position] == Self.none ? "" : String(times[position]))
        switch locations {
        case .mimic(_, let paths):
            key += "\t" + (paths[position].map { String($0.split(separator: "/").last ?? "") } ?? recordIDs[position]) + ".hea"
        case .explicit(let all):
            switch all[position] {
            case .wfdb(let header): key += "\t" + header.lastPathComponent
            case .hdf5(let file, let index): key += "\t" + file.lastPathComponent + "#" + String(index)
            }
        }
        // Age and sex change the interpretation; they enter the key only where the index has them.
        if let d = demographics[position] {
            key += "\t" + (d.age.map(String.init) ?? "") + "\t" + (d.isMale.map { $0 ? "M" : "F" } ?? "")
        }
        return key
    }
}
