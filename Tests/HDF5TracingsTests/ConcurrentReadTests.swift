import ECGModel
import Foundation
import HDF5Tracings
import Testing
import TestSupport

/// One open file read from many tasks at once gives the same records as reading in order,
/// and failures on worker threads stay errors (HDF5's stack is per thread and cleared).
@Suite(.enabled(if: RealData.shouldRun("code15-layout")))
struct ConcurrentReadTests {
    @Test func parallelReadsEqualSequentialReads() async throws {
        let url = try RealData.directory("code15-layout").appendingPathComponent("exams_part0.hdf5")
        let file = try HDF5TracingsFile(url: url)
        let sequential = try (0..<file.count).map { try file.record(at: $0) }
        let parallel = try await withThrowingTaskGroup(of: (Int, ECGRecord).self) { group in
            for index in 0..<file.count {
                group.addTask { (index, try file.record(at: index)) }
            }
            var records = [ECGRecord?](repeating: nil, count: file.count)
            for try await (index, record) in group { records[index] = record }
            return records
        }
        #expect(parallel == sequential.map { Optional($0) })
    }

    @Test func failuresOnWorkerThreadsAreErrors() async throws {
        let directory = try RealData.temporaryDirectory("hdf5-threads")
        defer { try? FileManager.default.removeItem(at: directory) }
        let junk = directory.appendingPathComponent("junk.hdf5")
        try Data(repeating: 0x42, count: 4096).write(to: junk)
        let failures = await withTaskGroup(of: HDF5TracingsError.Kind?.self) { group in
            for _ in 0..<16 {
                group.addTask {
                    do {
                        _ = try HDF5TracingsFile(url: junk)
                        return nil
                    } catch let error as HDF5TracingsError {
                        return error.kind
                    } catch {
                        return nil
                    }
                }
            }
            var kinds: [HDF5TracingsError.Kind?] = []
            for await kind in group { kinds.append(kind) }
            return kinds
        }
        #expect(failures.count == 16)
        #expect(failures.allSatisfy { $0 == .cannotOpenFile })
    }
}
