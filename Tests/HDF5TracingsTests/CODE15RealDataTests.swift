import ECGModel
import Foundation
import HDF5Tracings
import Testing
import TestSupport

/// The shared CODE-15%-layout file: 150 PTB-XL exams resampled to 400 Hz (see its SOURCE.md).
@Suite(.enabled(if: RealData.shouldRun("code15-layout")))
struct CODE15RealDataTests {
    let folder: URL
    let file: URL

    init() throws {
        folder = try RealData.directory("code15-layout")
        file = folder.appendingPathComponent("exams_part0.hdf5")
    }

    /// exam_id, the first column of exams.csv (no quoted field precedes it).
    func examIDsFromCSV() throws -> [Int64] {
        let text = try String(contentsOf: folder.appendingPathComponent("exams.csv"), encoding: .utf8)
        let lines = text.split(whereSeparator: \.isNewline).dropFirst()
        var ids: [Int64] = []
        for line in lines {
            ids.append(try #require(Int64(line.prefix { $0 != "," })))
        }
        return ids
    }

    @Test func shapeAndExamIDsMatchExamsCSV() throws {
        let tracings = try HDF5TracingsFile(url: file)
        #expect(tracings.count == 150)
        #expect(tracings.samplesPerExam == 4096)
        let expected = try examIDsFromCSV()
        #expect(expected.count == 150)
        #expect(tracings.examIDs == expected)
        #expect(tracings.index(ofExamID: expected[77]) == 77)
    }

    @Test func everyExamIsTrimmedToItsFourThousandSamples() throws {
        let tracings = try HDF5TracingsFile(url: file)
        let start = ContinuousClock.now
        let records = try (0..<tracings.count).map { try tracings.record(at: $0) }
        let elapsed = ContinuousClock.now - start
        print("HDF5Tracings: read \(records.count) exams in \(elapsed) (\(elapsed / records.count) per exam)")
        for (index, record) in records.enumerated() {
            #expect(record.leads.count == 12)
            #expect(record.leads.allSatisfy { $0.samples.count == 4000 }, "exam \(index)")
            #expect(record.id == String(tracings.examIDs[index]))
        }
    }

    @Test func leadIdentitiesAndMetadata() throws {
        let record = try HDF5TracingsFile(url: file).record(at: 0)
        #expect(record.leads.map(\.lead) == Lead.standard12)
        #expect(record.leads.map(\.label) == ["DI", "DII", "DIII", "AVR", "AVL", "AVF",
                                              "V1", "V2", "V3", "V4", "V5", "V6"])
        #expect(record.leads.allSatisfy { $0.units == "mV" })
        #expect(record.samplingFrequency == SamplingFrequency(hertz: 400))
        #expect(record.duration == Milliseconds(10_000))
        #expect(record.id == "521045")
        #expect(record.metadata.source == file.path + "#0")
    }

    @Test func trimmedExamIsTheUntrimmedRowsFortyEightToFourThousandFortySeven() throws {
        var layout = HDF5TracingsLayout.code15
        layout.trimsZeroPadding = false
        let untrimmed = try HDF5TracingsFile(url: file, layout: layout).record(at: 5)
        let trimmed = try HDF5TracingsFile(url: file).record(at: 5)
        for (full, cut) in zip(untrimmed.leads, trimmed.leads) {
            #expect(full.samples.count == 4096)
            #expect(full.samples[0..<48].allSatisfy { $0 == 0 })
            #expect(full.samples[4048...].allSatisfy { $0 == 0 })
            #expect(Array(full.samples[48..<4048]) == cut.samples)
        }
    }

    /// Values read with h5py 3.16.0: `f['tracings'][i, row, lead]` printed as float64 of the float32.
    @Test func samplesEqualH5pyReadings() throws {
        let tracings = try HDF5TracingsFile(url: file)
        let exam0 = try tracings.record(at: 0)
        #expect(exam0[.i]?.samples[0] == Float(-0.10344516485929489))       // row 48, DI
        #expect(exam0[.ii]?.samples[1000] == Float(-0.0745287761092186))    // row 1048, DII
        #expect(exam0[.v6]?.samples[2345] == Float(0.01037544198334217))    // row 2393, V6
        #expect(exam0[.v1]?.samples[3999] == Float(0.07748186588287354))    // row 4047, V1
        let exam149 = try tracings.record(at: 149)
        #expect(exam149.id == "657500")
        #expect(exam149[.i]?.samples[0] == Float(-0.09452972561120987))
        #expect(exam149[.ii]?.samples[1000] == Float(-0.11002998054027557))
        #expect(exam149[.v6]?.samples[2345] == Float(-0.08000583201646805))
        #expect(exam149[.v1]?.samples[3999] == Float(0.4958839416503906))
    }

    /// The exams are PTB-XL records resampled 500 → 400 Hz, which preserves the signal's power.
    /// Reference RMS values of the 500-Hz sources (all 5000 samples), computed independently with
    /// wfdb-python 4.3: `np.sqrt(np.mean(wfdb.rdrecord('ptb-xl/' + source_record).p_signal[:, k]**2))`
    /// for the leads named II and V5, `source_record` from exams.csv.
    @Test(arguments: [
        (0, 0.085990, 0.090690),    // records500/00000/00001_hr
        (77, 0.069689, 0.168540),   // records500/00000/00152_hr
        (149, 0.363210, 0.624562),  // records500/00000/00299_hr
    ])
    func rmsMatchesThePTBXLSource(index: Int, sourceII: Double, sourceV5: Double) throws {
        let record = try HDF5TracingsFile(url: file).record(at: index)
        func rms(_ lead: Lead) throws -> Double {
            let samples = try #require(record[lead]?.samples)
            return (samples.reduce(0.0) { $0 + Double($1) * Double($1) } / Double(samples.count)).squareRoot()
        }
        #expect(abs(try rms(.ii) - sourceII) / sourceII < 0.005)
        #expect(abs(try rms(.v5) - sourceV5) / sourceV5 < 0.005)
    }
}
