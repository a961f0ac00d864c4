import Batch
import Datasets
import Foundation
import HDF5Tracings
import Interpretation
import Measurement
import Narrative
import Testing
import TestSupport

/// The full pipeline as a batch step: statements, narratives, prompts and the longitudinal
/// narratives of a conversion agree with what the one-record commands produce.
@Suite struct NarrativeConversionTests {
    static func narrator(_ language: Language = .en) async throws -> Narrator {
        try await Narrator(templates: TemplateLocator.packageTemplates, language: language)
    }

    func convert(_ dataset: SignalsDataset, narrator: Narrator, threads: Int, prompts: [PromptTask] = [.cmd, .pp],
                 chunkSize: Int? = nil) throws -> [String: Data] {
        let out = try RealData.temporaryDirectory("narrative")
        defer { try? FileManager.default.removeItem(at: out) }
        let plan = try ConversionPlan(opening: dataset.root, chunkSize: chunkSize)
        let converter = BatchConverter(
            processor: try NarrativeProcessor(narrator: narrator, recordTemplates: ["report", "cmd"], promptTasks: prompts,
                                              longitudinal: true),
            patientProcessor: LongitudinalProcessor(narrator: narrator, writesPrompts: true), threads: threads)
        let summary = try converter.run(plan, into: out)
        #expect(summary.converted == dataset.records.count && summary.failed == 0)
        return try outputFiles(out)
    }

    static func object(_ line: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
    }

    @Test func outputsMatchTheOneRecordPipeline() async throws {
        let dataset = try SignalsDataset(count: 7, label: "narrative")
        defer { dataset.remove() }
        let narrator = try await Self.narrator()
        let files = try convert(dataset, narrator: narrator, threads: 2, chunkSize: 2)
        let entries = try DatasetLoader.open(dataset.root).entries
        let pipeline = InterpretationPipeline()

        let statements = lines(files[NarrativeProcessor.statementsFile])
        let narratives = lines(files[NarrativeProcessor.narrativesFile])
        let cmdPrompts = lines(files[NarrativeProcessor.promptsFile(.cmd)])
        let ppPrompts = lines(files[NarrativeProcessor.promptsFile(.pp)])
        #expect(statements.count == 7 && narratives.count == 7)
        #expect(cmdPrompts.count == 7 && ppPrompts.count == 7, "one line per record in each task's file")
        var records: [NarrativeRecord] = []
        for (k, entry) in entries.enumerated() {
            let record = try NarrativeRecord.make(entry, pipeline: pipeline)
            records.append(record)
            let s = try Self.object(statements[k])
            #expect((s["subject_id"] as? NSNumber)?.intValue == dataset.records[k].subject)
            #expect((s["study_id"] as? NSNumber)?.intValue == dataset.records[k].study)
            #expect(s["record"] as? String == dataset.records[k].name)
            let listed = try #require(s["statements"] as? [[String: Any]])
            #expect(listed.map { $0["text"] as? String } == record.interpretation.statements.map(\.text))
            // Every statement carries its evidence, as in `interpret`.
            #expect(listed.allSatisfy { (($0["evidence"] as? [Any])?.count ?? 0) > 0 })
            #expect(listed.map { ($0["evidence"] as? [[String: Any]])?.map { $0["text"] as? String } }
                    == record.interpretation.statements.map { $0.evidence.map(\.text) })

            let n = try Self.object(narratives[k])
            #expect(n["report"] as? String == (try narrator.narrate(record, template: "report")).trimmingCharacters(in: .newlines))
            let cmd = try narrator.narrate(record, template: "cmd")
            #expect(n["cmd"] as? String == cmd.trimmingCharacters(in: .newlines))
            #expect(cmdPrompts[k] == (try narrator.prompt(task: .cmd, id: "\(entry.recordID)-cmd", narrative: cmd)))
            #expect(ppPrompts[k] == (try narrator.prompt(task: .pp, id: "\(entry.recordID)-pp", narrative: cmd)))
        }

        // Patients of three ECGs each (the last one has one): the LTD narrative composed from the
        // stored entries equals the one composed from the interpreted records directly.
        let patients = lines(files[LongitudinalProcessor.patientsFile])
        let patientPrompts = lines(files[LongitudinalProcessor.promptsFile])
        #expect(patients.count == 3 && patientPrompts.count == 3)
        for (p, patient) in Patient.grouping(entries).enumerated() {
            let mine = patient.ecgs.map { e in records[entries.firstIndex { $0.recordID == e.recordID && $0.studyID == e.studyID }!] }
            let expected = try narrator.longitudinal(subjectID: patient.subjectID, records: mine)
            let line = try Self.object(patients[p])
            #expect((line["subject_id"] as? NSNumber)?.intValue == patient.subjectID)
            #expect((line["ecgs"] as? NSNumber)?.intValue == patient.ecgs.count)
            #expect(line["ltd"] as? String == expected.trimmingCharacters(in: .newlines))
            #expect(patientPrompts[p] == (try narrator.prompt(task: .ltd, id: "\(patient.subjectID)-ltd",
                                                              narrative: expected.trimmingCharacters(in: .newlines))))
        }
    }

    @Test func sameBytesWhateverTheThreadsAndLanguageSpecific() async throws {
        let dataset = try SignalsDataset(count: 5, label: "narrative-threads")
        defer { dataset.remove() }
        let english = try await Self.narrator()
        let one = try convert(dataset, narrator: english, threads: 1)
        let three = try convert(dataset, narrator: english, threads: 3, chunkSize: 1)
        #expect(one == three)
        let chinese = try convert(dataset, narrator: try await Self.narrator(.zh), threads: 2)
        #expect(chinese[MeasurementProcessor.outputName] == one[MeasurementProcessor.outputName])
        #expect(chinese[NarrativeProcessor.narrativesFile] != one[NarrativeProcessor.narrativesFile])
        #expect(lines(chinese[LongitudinalProcessor.patientsFile]).first?.contains("患者") == true)
    }

    @Test func promptTasksThatAreNotPerRecordAreRefused() async throws {
        let narrator = try await Self.narrator()
        #expect(throws: BatchError.self) {
            _ = try NarrativeProcessor(narrator: narrator, recordTemplates: ["report"], promptTasks: [.ltd], longitudinal: false)
        }
        #expect(throws: BatchError.self) {
            _ = try NarrativeProcessor(narrator: narrator, recordTemplates: ["summary"], longitudinal: false)
        }
    }
}

/// `convert --hdf5`: measurements and fiducial points in one HDF5 file, equal to the text outputs.
@Suite struct HDF5ExportTests {
    @Test func measurementsAndFiducialsMatchTheTextOutputs() async throws {
        let dataset = try SignalsDataset(count: 6, label: "hdf5-export")
        defer { dataset.remove() }
        let out = try RealData.temporaryDirectory("hdf5-export-out")
        defer { try? FileManager.default.removeItem(at: out) }
        let narrator = try await NarrativeConversionTests.narrator()
        let converter = BatchConverter(
            processor: try NarrativeProcessor(narrator: narrator, recordTemplates: [], longitudinal: false, fiducials: true),
            threads: 2)
        _ = try converter.run(try ConversionPlan(opening: dataset.root), into: out)
        try HDF5Export.write(from: out)

        let h5 = try HDF5DatasetReader(url: out.appendingPathComponent(HDF5Export.fileName))
        let csv = lines(try Data(contentsOf: out.appendingPathComponent(MeasurementProcessor.outputName)))
        let header = csv[0].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        let rows = csv.dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        #expect(try h5.readStrings("record") == rows.map { $0[3] })
        #expect(try h5.read("subject_id", as: Int64.self) == dataset.records.map { Int64($0.subject) })
        #expect(try h5.read("study_id", as: Int64.self) == dataset.records.map { Int64($0.study) })
        let numeric = header.indices.filter { $0 >= 4 && !MeasurementReport.textColumns.contains(header[$0]) }
        #expect(numeric.count >= 20)
        #expect(try h5.readStrings("measurement_columns") == numeric.map { header[$0] })
        #expect(try h5.shape("measurements") == [6, numeric.count])
        let values = try h5.read("measurements", as: Double.self)
        for (r, row) in rows.enumerated() {
            for (c, column) in numeric.enumerated() {
                let v = values[r * numeric.count + c]
                if let expected = Double(row[column]) { #expect(v == expected) } else { #expect(v.isNaN) }
            }
        }
        for column in header.indices where column >= 4 && MeasurementReport.textColumns.contains(header[column]) {
            #expect(try h5.readStrings(header[column]) == rows.map { $0[column] })
        }
        // Beats: the rows of record k are first_beat[k] ..< first_beat[k+1], as in fiducials.jsonl.
        let fiducials = lines(try Data(contentsOf: out.appendingPathComponent(HDF5Export.fiducialsFile)))
        let first = try h5.read("fiducials/first_beat", as: Int64.self)
        let beats = try h5.read("fiducials/beats", as: Int64.self)
        #expect(try h5.readStrings("fiducials/columns").count == 10)
        #expect(first.count == 7 && first.first == 0 && Int(first.last!) * 10 == beats.count)
        for (k, line) in fiducials.enumerated() {
            let object = try NarrativeConversionTests.object(line)
            let listed = try #require(object["beats"] as? [[Any]])
            #expect(Int(first[k + 1] - first[k]) == listed.count)
            for (b, beat) in listed.enumerated() {
                let row = Array(beats[(Int(first[k]) + b) * 10..<(Int(first[k]) + b + 1) * 10])
                #expect(row.dropLast() == beat.dropLast().map { ($0 as? NSNumber)?.int64Value ?? -1 })
                #expect(row[4] >= 0, "every beat has its R peak")
            }
        }
    }
}
