import ECGModel
import Foundation
import HDF5Tracings
import Testing
import TestSupport

struct RoundTripTests {
    @Test func code15LayoutRoundTripCentresAndTrims() throws {
        let directory = try RealData.temporaryDirectory("hdf5-roundtrip")
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("exams.hdf5")
        let records = [Synthetic.record(id: "a", samples: 4000),
                       Synthetic.record(id: "b", samples: 2800),
                       Synthetic.record(id: "c", samples: 4096)]
        try HDF5TracingsWriter.write(records, examIDs: [11, 22, 9_000_000_001], to: url)

        let file = try HDF5TracingsFile(url: url)
        #expect(file.count == 3)
        #expect(file.samplesPerExam == 4096)
        #expect(file.examIDs == [11, 22, 9_000_000_001])
        for (index, original) in records.enumerated() {
            let read = try file.record(at: index)
            #expect(read.sampleCount == original.sampleCount)
            for lead in Lead.standard12 {
                #expect(read[lead]?.samples == original[lead]?.samples, "exam \(index) lead \(lead)")
            }
        }
        #expect(try file.record(at: 2).id == "9000000001")

        var untrimmed = HDF5TracingsLayout.code15
        untrimmed.trimsZeroPadding = false
        let padded = try HDF5TracingsFile(url: url, layout: untrimmed).record(at: 1)
        let v1 = try #require(padded[.v1]?.samples)
        #expect(v1.count == 4096)
        // (4096 - 2800) / 2 = 648 rows of zeros before, 648 after.
        #expect(v1[0..<648].allSatisfy { $0 == 0 } && v1[648] != 0)
        #expect(v1[3447] != 0 && v1[3448...].allSatisfy { $0 == 0 })
    }

    @Test func otherLayoutLeadMajorMicrovoltsCustomPaths() throws {
        let directory = try RealData.temporaryDirectory("hdf5-layout")
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("other.h5")
        // MIMIC's order (aVF before aVL), stored lead-major in µV under a group, at 500 Hz.
        let labels = ["I", "II", "III", "aVR", "aVF", "aVL", "V1", "V2", "V3", "V4", "V5", "V6"]
        let layout = HDF5TracingsLayout(tracingsPath: "ecg/signals", examIDPath: "ecg/ids",
                                        samplingFrequency: SamplingFrequency(hertz: 500),
                                        leadLabels: labels, axisOrder: .examLeadSample,
                                        millivoltsPerUnit: 0.001, trimsZeroPadding: false)
        let records = [Synthetic.record(id: "x", samples: 5000, hertz: 500),
                       Synthetic.record(id: "y", samples: 5000, hertz: 500)]
        try HDF5TracingsWriter.write(records, examIDs: [7, 8], to: url, layout: layout, samplesPerExam: 5000)

        // Read the raw stored numbers back with a lead-major, unscaled view of the same file.
        var raw = layout
        raw.millivoltsPerUnit = 1
        let stored = try HDF5TracingsFile(url: url, layout: raw).record(at: 0)
        let storedAVF = try #require(stored[.aVF]?.samples)
        let original = try #require(records[0][.aVF]?.samples)
        #expect(stored.leads[4].lead == .aVF)
        #expect(abs(storedAVF[10] - original[10] * 1000) < 1e-3)

        let file = try HDF5TracingsFile(url: url, layout: layout)
        #expect(file.samplesPerExam == 5000)
        #expect(file.examIDs == [7, 8])
        let read = try file.record(at: 1)
        #expect(read.samplingFrequency == SamplingFrequency(hertz: 500))
        #expect(read.leads.map(\.lead) == labels.map { Lead(label: $0) })
        for lead in Lead.standard12 {
            let a = try #require(read[lead]?.samples)
            let b = try #require(records[1][lead]?.samples)
            #expect(a.count == 5000)
            #expect(zip(a, b).allSatisfy { abs($0 - $1) <= 1e-6 * max(1, abs($1)) }, "lead \(lead)")
        }
    }

    @Test func withoutExamIDsRecordsAreNamedByIndex() throws {
        let directory = try RealData.temporaryDirectory("hdf5-noids")
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("noids.hdf5")
        var layout = HDF5TracingsLayout.code15
        layout.examIDPath = nil
        try HDF5TracingsWriter.write([Synthetic.record(id: "p", samples: 100),
                                      Synthetic.record(id: "q", samples: 100)],
                                     examIDs: [5, 6], to: url, layout: layout, samplesPerExam: 128)
        let file = try HDF5TracingsFile(url: url, layout: layout)
        #expect(file.examIDs == [0, 1])
        #expect(try file.record(at: 1).id == "1")
        #expect(try file.record(at: 1).metadata.source == url.path + "#1")
    }

    @Test func generalWriterWritesEachElementType() throws {
        let directory = try RealData.temporaryDirectory("hdf5-writer")
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("general.hdf5")
        let writer = try HDF5DatasetWriter(url: url)
        // A (2, 3, 2) float64 "tracings" read through the float32 reader, plus int64 ids.
        let values: [Double] = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]
        try writer.write("tracings", shape: [2, 3, 2], values: values)
        let ids = try writer.createDataset("exam_id", of: Int64.self, shape: [2])
        try ids.write([40], at: 0, count: 1)
        try ids.write([41], at: 1, count: 1)
        try writer.write("fiducials/qrs", shape: [2, 2], values: [Float(0.5), 1.5, 2.5, 3.5])
        #expect(throws: HDF5TracingsError.self) { try ids.write([1, 2], at: 1, count: 2) }
        #expect(throws: HDF5TracingsError.self) { try writer.write("bad", shape: [2], values: [Int64(1)]) }
        try writer.close()

        let layout = HDF5TracingsLayout(leadLabels: ["I", "II"], trimsZeroPadding: false)
        let file = try HDF5TracingsFile(url: url, layout: layout)
        #expect(file.examIDs == [40, 41])
        let second = try file.record(at: 1)
        #expect(second[.i]?.samples == [7, 9, 11])
        #expect(second[.ii]?.samples == [8, 10, 12])
        // The nested float32 dataset is a readable (2, 2) array in its own right.
        let fiducials = HDF5TracingsLayout(tracingsPath: "fiducials/qrs", examIDPath: nil, leadLabels: ["I"])
        #expect(throws: HDF5TracingsError.self) { try HDF5TracingsFile(url: url, layout: fiducials) }
    }

    @Test func writerRefusesRecordsThatDoNotFitTheLayout() throws {
        let directory = try RealData.temporaryDirectory("hdf5-refuse")
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("refuse.hdf5")
        let writer = try HDF5TracingsWriter(url: url, examCount: 1, samplesPerExam: 1000)
        func kind(_ body: () throws -> Void) -> HDF5TracingsError.Kind? {
            do { try body(); return nil } catch let error as HDF5TracingsError { return error.kind } catch { return nil }
        }
        #expect(kind { try writer.append(Synthetic.record(id: "f", samples: 500, hertz: 500), examID: 1) } == .invalidRecord)
        #expect(kind { try writer.append(Synthetic.record(id: "l", samples: 1001), examID: 1) } == .invalidRecord)
        let missingV6 = Synthetic.record(id: "m", samples: 500, labels: ["I", "II", "III", "aVR", "aVL", "aVF",
                                                                        "V1", "V2", "V3", "V4", "V5"])
        #expect(kind { try writer.append(missingV6, examID: 1) } == .invalidRecord)
        try writer.append(Synthetic.record(id: "ok", samples: 500), examID: 1)
        #expect(kind { try writer.append(Synthetic.record(id: "extra", samples: 500), examID: 2) } == .writeFailed)
        try writer.close()

        let short = try HDF5TracingsWriter(url: directory.appendingPathComponent("short.hdf5"), examCount: 2,
                                           samplesPerExam: 1000)
        try short.append(Synthetic.record(id: "one", samples: 500), examID: 1)
        #expect(kind { try short.close() } == .writeFailed)
    }
}
