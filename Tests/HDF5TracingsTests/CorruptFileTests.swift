import ECGModel
import Foundation
import HDF5Tracings
import Testing
import TestSupport

/// Files that are not what the layout says must fail with an error naming file and dataset.
final class CorruptFileTests {
    let directory: URL

    init() throws {
        directory = try RealData.temporaryDirectory("hdf5-corrupt")
    }

    deinit {
        try? FileManager.default.removeItem(at: directory)
    }

    func openError(_ url: URL, layout: HDF5TracingsLayout = .code15,
                   limits: ReadLimits = .default) -> HDF5TracingsError? {
        do {
            _ = try HDF5TracingsFile(url: url, layout: layout, limits: limits)
            return nil
        } catch let error as HDF5TracingsError {
            return error
        } catch {
            return nil
        }
    }

    /// Writes a file holding exactly the given datasets.
    func file(_ name: String, _ build: (HDF5DatasetWriter) throws -> Void) throws -> URL {
        let url = directory.appendingPathComponent(name)
        let writer = try HDF5DatasetWriter(url: url)
        try build(writer)
        try writer.close()
        return url
    }

    @Test func notHDF5() throws {
        let url = directory.appendingPathComponent("text.hdf5")
        try Data("exam_id,age\n1,50\n".utf8).write(to: url)
        let error = try #require(openError(url))
        #expect(error.kind == .cannotOpenFile)
        #expect(error.file == url.path)
        #expect(error.description.contains(url.path))
        #expect(error.hdf5Detail?.isEmpty == false)
    }

    @Test func missingFile() throws {
        let error = try #require(openError(directory.appendingPathComponent("absent.hdf5")))
        #expect(error.kind == .cannotOpenFile)
    }

    @Test func missingTracingsDataset() throws {
        let url = try file("noTracings.hdf5") { try $0.write("exam_id", shape: [2], values: [Int64(1), 2]) }
        let error = try #require(openError(url))
        #expect(error.kind == .missingDataset)
        #expect(error.dataset == "tracings")
        #expect(error.description.contains("dataset 'tracings'"))
        #expect(error.description.contains(url.path))
    }

    @Test func missingNestedDatasetAndGroupInsteadOfDataset() throws {
        let url = try file("nested.hdf5") { try $0.write("ecg/ids", shape: [1], values: [Int64(1)]) }
        let missing = try #require(openError(url, layout: HDF5TracingsLayout(tracingsPath: "ecg/none/signals")))
        #expect(missing.kind == .missingDataset)
        #expect(missing.dataset == "ecg/none/signals")
        let group = try #require(openError(url, layout: HDF5TracingsLayout(tracingsPath: "ecg")))
        #expect(group.kind == .missingDataset)
        #expect(group.dataset == "ecg")
    }

    @Test func missingExamIDDataset() throws {
        let url = try file("noIDs.hdf5") {
            try $0.write("tracings", shape: [1, 4, 12], values: [Float](repeating: 1, count: 48))
        }
        let error = try #require(openError(url))
        #expect(error.kind == .missingDataset)
        #expect(error.dataset == "exam_id")
    }

    @Test func wrongRank() throws {
        let url = try file("rank2.hdf5") {
            try $0.write("tracings", shape: [2, 4096], values: [Float](repeating: 1, count: 8192))
            try $0.write("exam_id", shape: [2], values: [Int64(1), 2])
        }
        let error = try #require(openError(url))
        #expect(error.kind == .unexpectedRank)
        #expect(error.dataset == "tracings")
        #expect(error.description.contains("found 2"))

        let ids = try file("idsRank2.hdf5") {
            try $0.write("tracings", shape: [2, 4, 12], values: [Float](repeating: 1, count: 96))
            try $0.write("exam_id", shape: [2, 1], values: [Int64(1), 2])
        }
        #expect(openError(ids)?.kind == .unexpectedRank)
        #expect(openError(ids)?.dataset == "exam_id")
    }

    @Test func wrongElementTypeOfExamIDs() throws {
        let url = try file("floatIDs.hdf5") {
            try $0.write("tracings", shape: [2, 4, 12], values: [Float](repeating: 1, count: 96))
            try $0.write("exam_id", shape: [2], values: [1.0, 2.0])
        }
        let error = try #require(openError(url))
        #expect(error.kind == .unexpectedElementType)
        #expect(error.dataset == "exam_id")
        #expect(error.description.contains("64-bit float"))
    }

    @Test func wrongShapes() throws {
        let leads = try file("eightLeads.hdf5") {
            try $0.write("tracings", shape: [2, 4, 8], values: [Float](repeating: 1, count: 64))
            try $0.write("exam_id", shape: [2], values: [Int64(1), 2])
        }
        #expect(openError(leads)?.kind == .unexpectedShape)
        let ids = try file("threeIDs.hdf5") {
            try $0.write("tracings", shape: [2, 4, 12], values: [Float](repeating: 1, count: 96))
            try $0.write("exam_id", shape: [3], values: [Int64(1), 2, 3])
        }
        let error = try #require(openError(ids))
        #expect(error.kind == .unexpectedShape)
        #expect(error.dataset == "exam_id")
        let empty = try file("noSamples.hdf5") {
            try $0.write("tracings", shape: [1, 0, 12], values: [Float]())
            try $0.write("exam_id", shape: [1], values: [Int64(1)])
        }
        #expect(openError(empty)?.kind == .unexpectedShape)
    }

    @Test func sizesBeyondTheLimitsAreRefusedBeforeReading() throws {
        let url = try file("big.hdf5") {
            try $0.createDataset("tracings", of: Float.self, shape: [3, 4096, 12]).write(
                [Float](repeating: 1, count: 4096 * 12), at: 0, count: 1)
            try $0.write("exam_id", shape: [3], values: [Int64(1), 2, 3])
        }
        #expect(openError(url) == nil)
        let error = try #require(openError(url, limits: ReadLimits(maximumTotalSamples: 4096 * 12 - 1)))
        #expect(error.kind == .exceedsLimits)
        #expect(openError(url, limits: ReadLimits(maximumSignals: 11))?.kind == .exceedsLimits)
    }

    @Test func truncatedFile() throws {
        let url = try file("truncated.hdf5") {
            try $0.write("tracings", shape: [4, 4096, 12], values: [Float](repeating: 0.25, count: 4 * 4096 * 12))
            try $0.write("exam_id", shape: [4], values: [Int64(1), 2, 3, 4])
        }
        let whole = try Data(contentsOf: url)
        try whole.prefix(whole.count / 2).write(to: url)
        do {
            let file = try HDF5TracingsFile(url: url)
            for index in 0..<file.count { _ = try file.record(at: index) }
            Issue.record("a file cut in half was read without an error")
        } catch let error as HDF5TracingsError {
        #expect(error.kind == .cannotOpenFile || error.kind == .readFailed)
            #expect(error.description.contains(url.path))
        }
    }

    @Test func indexOutOfRange() throws {
        let url = try file("small.hdf5") {
            try $0.write("tracings", shape: [1, 4, 12], values: [Float](repeating: 1, count: 48))
            try $0.write("exam_id", shape: [1], values: [Int64(1)])
        }
        let file = try HDF5TracingsFile(url: url)
        #expect(file.examIDs == [1])
        #expect(throws: HDF5TracingsError.self) { try file.record(at: 1) }
        #expect(throws: HDF5TracingsError.self) { try file.record(at: -1) }
        #expect(try file.record(at: 0).sampleCount == 4)
    }

    @Test func allZeroExamIsKeptWhole() throws {
        let url = try file("zeros.hdf5") {
            try $0.write("tracings", shape: [1, 16, 12], values: [Float](repeating: 0, count: 192))
            try $0.write("exam_id", shape: [1], values: [Int64(0)])
        }
        let record = try HDF5TracingsFile(url: url).record(at: 0)
        #expect(record.leads.allSatisfy { $0.samples.count == 16 })
    }

    @Test func inconsistentLayoutIsRefused() throws {
        let url = try file("layout.hdf5") { try $0.write("exam_id", shape: [1], values: [Int64(1)]) }
        #expect(openError(url, layout: HDF5TracingsLayout(leadLabels: []))?.kind == .invalidLayout)
        #expect(openError(url, layout: HDF5TracingsLayout(samplingFrequency: SamplingFrequency(hertz: 0)))?.kind
                == .invalidLayout)
    }
}
