import Foundation
import Testing
import TestSupport
@testable import WFDB

/// Every record of the five reference dumps must read as wfdb-python reads it.
@Suite struct ConformanceTests {
    @Test(.enabled(if: RealData.shouldRun("wfdb-sample"))) func wfdbSample() throws {
        try checkDatabase("wfdb-sample")
    }

    @Test(.enabled(if: RealData.shouldRun("mitdb"))) func mitdb() throws {
        try checkDatabase("mitdb")
    }

    @Test(.enabled(if: RealData.shouldRun("ludb"))) func ludb() throws {
        try checkDatabase("ludb")
    }

    @Test(.enabled(if: RealData.shouldRun("ptb-xl"))) func ptbxl() throws {
        try checkDatabase("ptb-xl")
    }

    @Test(.enabled(if: RealData.shouldRun("mimic-layout"))) func mimicLayout() throws {
        try checkDatabase("mimic-layout")
    }

    func checkDatabase(_ database: String) throws {
        let root = try RealData.directory(database)
        let reference = try ReferenceFile("wfdb-\(database).json")
        #expect(!reference.records.isEmpty)
        var problems = Mismatches()
        var compared = 0
        for entry in reference.records {
            guard let name = entry["record"] as? String else { continue }
            let url = root.appendingPathComponent(name + ".hea")
            compareHeader(entry, url: url, name: name, problems: &problems)
            compareSamples(entry, url: url, name: name, problems: &problems)
            compareAnnotations(entry, root: root, name: name, problems: &problems)
            compared += 1
        }
        #expect(compared == reference.records.count)
        #expect(problems.lines.isEmpty, "\(database): \(problems.lines.count) mismatches:\n\(problems.lines.prefix(60).joined(separator: "\n"))")
    }

    func compareHeader(_ entry: [String: Any], url: URL, name: String, problems: inout Mismatches) {
        if entry["reference_error"] != nil {
            problems.check((try? WFDBHeader.read(from: url)) == nil, name, "reference could not read the header; we did")
            return
        }
        let header: WFDBHeader
        do { header = try WFDBHeader.read(from: url) } catch {
            problems.check(false, name, "header: \(error)")
            return
        }
        problems.check(double(entry["fs"]) == header.samplingFrequency, name, "fs \(header.samplingFrequency) vs \(entry["fs"] ?? "nil")")
        problems.check(int(entry["sig_len"]).map(Int64.init) == header.sampleCount, name, "sig_len \(String(describing: header.sampleCount))")
        problems.check(int(entry["n_sig"]) == header.signalCount, name, "n_sig \(header.signalCount)")
        problems.check((entry["comments"] as? [String]) ?? [] == header.comments, name, "comments \(header.comments)")
        if let time = entry["base_time"] as? String {
            problems.check(secondsOfDay(time) == header.baseTimeOfDay, name, "base_time \(header.baseTime ?? "nil") vs \(time)")
        } else {
            problems.check(header.baseTime == nil, name, "base_time \(header.baseTime ?? "") not in reference")
        }
        if let date = entry["base_date"] as? String {
            let ymd = date.split(separator: "-").map(String.init)
            let ours = header.baseDate?.split(separator: "/").compactMap { Int($0) } ?? []
            problems.check(ymd.count == 3 && ours.count == 3 && Int(ymd[0]) == ours[2] && Int(ymd[1]) == ours[1] && Int(ymd[2]) == ours[0],
                           name, "base_date \(header.baseDate ?? "nil") vs \(date)")
        } else {
            problems.check(header.baseDate == nil, name, "base_date \(header.baseDate ?? "") not in reference")
        }
        if entry["multi_segment"] as? Bool == true {
            problems.check(header.segments.map(\.recordName) == (entry["seg_name"] as? [String] ?? []), name, "seg_name")
            problems.check(header.segments.map { Int($0.sampleCount) } == ((entry["seg_len"] as? [Any]) ?? []).compactMap(int), name, "seg_len")
            return
        }
        let signals = header.signals
        func column(_ key: String) -> [Any]? { entry[key] as? [Any] }
        func compare<T: Equatable>(_ key: String, _ ours: [T], _ convert: (Any) -> T?) {
            compareIndexed(key, ours) { value, _ in convert(value) }
        }
        func compareIndexed<T: Equatable>(_ key: String, _ ours: [T], _ convert: (Any, Int) -> T?) {
            guard let theirs = column(key) else { return }
            let converted = theirs.enumerated().map { convert($1, $0) }
            problems.check(converted.count == ours.count && zip(converted, ours).allSatisfy { $0 == $1 },
                           name, "\(key): ours \(ours) vs \(theirs)")
        }
        compare("file_name", signals.map(\.fileName)) { $0 as? String }
        compare("fmt", signals.map { String($0.format) }) { $0 as? String }
        compare("samps_per_frame", signals.map(\.samplesPerFrame)) { int($0) }
        compare("skew", signals.map(\.skew)) { int($0) ?? 0 }
        compare("byte_offset", signals.map(\.byteOffset)) { int($0) ?? 0 }
        compare("adc_gain", signals.map(\.adcGain)) { double($0) }
        compare("baseline", signals.map(\.baseline)) { int($0) }
        if name == "test_generator_2" {
            // Known difference: the header writes units as the single byte 0xB0 (Latin-1 "°",
            // as in the record's EDF twin) for signals 8 and 9. wfdb-python decodes headers as
            // UTF-8 ignoring bad bytes, leaving empty units that default to mV; we decode
            // Latin-1 and keep "°". Every other signal must agree.
            var expected = (column("units") ?? []).compactMap { $0 as? String }
            if expected.count == 12 { expected[8] = "°"; expected[9] = "°" }
            problems.check(expected == signals.map(\.units), name, "units \(signals.map(\.units))")
        } else {
            compare("units", signals.map(\.units)) { $0 as? String }
        }
        // wfdb-python leaves fields the header omits null; we hold header(5)'s defaults.
        compare("adc_res", signals.map(\.adcResolution)) { int($0) ?? 0 }
        compare("adc_zero", signals.map(\.adcZero)) { int($0) ?? 0 }
        compareIndexed("init_value", signals.map(\.initialValue)) { int($0) ?? signals[$1].adcZero }
        compare("checksum", signals.map(\.checksum)) { .some(int($0)) }
        compare("block_size", signals.map(\.blockSize)) { int($0) ?? 0 }
        compare("sig_name", signals.map(\.description)) { ($0 as? String) ?? "" }
    }

    func compareSamples(_ entry: [String: Any], url: URL, name: String, problems: inout Mismatches) {
        if entry["reference_error"] != nil { return }
        let result = Result { try WFDBRecord.read(from: url) }
        if let channels = entry["channels"] as? [[String: Any]] {
            guard case .success(let record) = result else {
                if case .failure(let error) = result { problems.check(false, name, "read failed: \(error)") }
                return
            }
            problems.check(record.digital.count == channels.count, name, "\(record.digital.count) channels vs \(channels.count)")
            for (index, channel) in channels.enumerated() where index < record.digital.count {
                let samples = record.digital[index]
                let label = "\(name) ch\(index) \(channel["name"] ?? "")"
                problems.check(record.signals[index].description == channel["name"] as? String, label, "name \(record.signals[index].description)")
                problems.check(int(channel["n"]) == samples.count, label, "n \(samples.count) vs \(channel["n"] ?? "")")
                problems.check(int(channel["sum"]) == samples.reduce(0) { $0 + Int($1) }, label, "sum")
                problems.check(((channel["first"] as? [Any]) ?? []).compactMap(int) == samples.prefix(8).map(Int.init), label, "first \(Array(samples.prefix(8)))")
                problems.check(((channel["last"] as? [Any]) ?? []).compactMap(int) == samples.suffix(8).map(Int.init), label, "last \(Array(samples.suffix(8)))")
                problems.check(channel["sha256_int64le"] as? String == sha256Int64LE(samples), label, "sha256")
            }
            return
        }
        if let physical = entry["physical"] as? [[String: Any]] {
            guard case .success(let record) = result else {
                if case .failure(let error) = result { problems.check(false, name, "read failed: \(error)") }
                return
            }
            problems.check(record.signals.count == physical.count, name, "\(record.signals.count) channels vs \(physical.count)")
            for (index, channel) in physical.enumerated() where index < record.signals.count {
                let values = record.physicalSamples(channel: index)
                let label = "\(name) ch\(index) \(channel["name"] ?? "")"
                problems.check(record.signals[index].description == channel["name"] as? String, label, "name")
                problems.check(int(channel["n"]) == values.count, label, "physical n \(values.count) vs \(channel["n"] ?? "")")
                let finite = values.filter { !$0.isNaN }
                problems.check(int(channel["nan"]) == values.count - finite.count, label, "nan \(values.count - finite.count) vs \(channel["nan"] ?? "")")
                if let mean = double(channel["mean"]) {
                    let ours = finite.reduce(0, +) / Double(max(1, finite.count))
                    problems.check(abs(ours - mean) <= 1e-9 * max(1, abs(mean)), label, "mean \(ours) vs \(mean)")
                } else {
                    problems.check(finite.isEmpty, label, "mean should be undefined (all NaN)")
                }
            }
            return
        }
        // The reference could read neither digital nor physical samples: we must refuse too.
        if case .success = result {
            problems.check(false, name, "reference failed (\(entry["samples_error"] ?? "")) but we read it")
        }
    }

    func compareAnnotations(_ entry: [String: Any], root: URL, name: String, problems: inout Mismatches) {
        guard let files = entry["annotations"] as? [[String: Any]] else { return }
        for file in files {
            guard let path = file["file"] as? String else { continue }
            let annotations: [WFDBAnnotation]
            do { annotations = try WFDBAnnotationFile.read(from: root.appendingPathComponent(path)) } catch {
                problems.check(false, path, "annotations: \(error)")
                continue
            }
            let beats = annotations
            problems.check(int(file["n"]) == beats.count, path, "n \(beats.count) vs \(file["n"] ?? "")")
            var histogram: [String: Int] = [:]
            for a in beats { histogram[referenceSymbol(a.symbol), default: 0] += 1 }
            let theirs = (file["symbols"] as? [String: Any] ?? [:]).mapValues { int($0) ?? -1 }
            problems.check(histogram == theirs, path, "symbols \(histogram) vs \(theirs)")
            let first = ((file["first"] as? [[Any]]) ?? []).map { "\(int($0.first) ?? -1) \($0.last as? String ?? "")" }
            problems.check(first == beats.prefix(5).map { "\($0.sample) \(referenceSymbol($0.symbol))" }, path, "first \(beats.prefix(5).map { "\($0.sample) \($0.symbol)" })")
            problems.check(file["sha256_samples_int64le"] as? String == sha256Int64LE(beats.map(\.sample)), path, "sha256 of samples")
            if path == "test_generator_2.edf" {
                // Known difference: an EDF file, not an annotation file, that wfdb-python parses
                // as one anyway. Its garbage "annotations" carry several AUX fields each, which
                // misalign wfdb-python's aux list, so only its count of AUX strings (6262)
                // differs from our count of annotations with aux text; n, symbols and sample
                // positions above agree exactly.
                problems.check(int(file["aux_notes"]) == 6262, path, "reference aux count changed")
            } else if let aux = int(file["aux_notes"]) {
                let ours = beats.filter { !($0.auxiliary ?? "").isEmpty }.count
                problems.check(aux == ours, path, "aux notes \(ours) vs \(aux)")
            }
        }
    }
}
