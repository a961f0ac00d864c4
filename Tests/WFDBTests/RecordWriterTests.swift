import ECGModel
import Foundation
import Testing
import TestSupport
import WFDB

@Suite struct RecordWriterTests {
    func synthetic() -> ECGRecord {
        let n = 5000
        var leads: [LeadSignal] = []
        for (k, label) in ["I", "II", "V1", "ABP"].enumerated() {
            var samples = (0..<n).map { Float(sin(Double($0) * 0.01 * Double(k + 1)) * 1.5) }
            if label == "II" { samples[10] = .nan; samples[4999] = .nan }
            leads.append(LeadSignal(label: label, samples: samples, units: label == "ABP" ? "mmHg" : "mV"))
        }
        let time = Date(timeIntervalSince1970: 1_700_000_000.25)
        return ECGRecord(metadata: RecordMetadata(recordID: "syn1", acquisitionTime: time,
                                                  comments: ["<age>: 60", "synthetic: sinus"], source: "test"),
                         samplingFrequency: SamplingFrequency(hertz: 500), leads: leads)
    }

    @Test func roundTrip() throws {
        let directory = try RealData.temporaryDirectory("writer")
        let record = synthetic()
        let url = try WFDBRecordWriter.write(record, to: directory, name: "syn1", gain: 1000)
        #expect(url.lastPathComponent == "syn1.hea")
        let read = try WFDBRecord.read(from: url)
        #expect(read.checksumMismatches.isEmpty)
        #expect(read.signals.allSatisfy { $0.format == 16 && $0.adcGain == 1000 && $0.baseline == 0 })
        #expect(read.signals.map(\.units) == ["mV", "mV", "mV", "mmHg"])
        #expect(read.header.comments == record.metadata.comments)
        let back = read.ecgRecord()
        #expect(back.samplingFrequency == record.samplingFrequency)
        #expect(back.leads.map(\.label) == record.leads.map(\.label))
        #expect(back.leads.map(\.lead) == [.i, .ii, .v1, .other("ABP")])
        #expect(back.metadata.acquisitionTime == record.metadata.acquisitionTime)
        for (a, b) in zip(record.leads, back.leads) {
            #expect(a.samples.count == b.samples.count)
            for (x, y) in zip(a.samples, b.samples) {
                if x.isNaN { #expect(y.isNaN) } else { #expect(abs(x - y) <= 0.0005 + 1e-6) }
            }
        }
        // Initial values and checksums are in the header as written.
        #expect(read.signals[0].initialValue == Int(read.digital[0][0]))
        #expect(read.digital[1][10] == -32768)
    }

    @Test func samplesBeyondTheFormatAreAnError() throws {
        let directory = try RealData.temporaryDirectory("writer")
        var record = synthetic()
        record.leads[0].samples[3] = 40   // 40 mV × 1000 does not fit 16 bits
        let error = try #require(throws: WFDBError.self) { try WFDBRecordWriter.write(record, to: directory, name: "big") }
        #expect(error.description.contains("smaller gain"))
        #expect(throws: WFDBError.self) { try WFDBRecordWriter.write(synthetic(), to: directory, name: "../escape") }
        _ = try WFDBRecordWriter.write(record, to: directory, name: "small", gain: 200)
    }
}
