import ECGModel
import Foundation
import Testing
import TestSupport
@testable import WFDB

@Suite struct HeaderTests {
    @Test func recordLineWithEveryField() throws {
        let header = try WFDBHeader.parse("rec/3 2 360/720(12.5) 650000 17:27:45.25 15/08/1994\nseg1 1000\n~ 200\nseg2 649800\n", file: "rec.hea")
        #expect(header.recordName == "rec")
        #expect(header.segmentCount == 3)
        #expect(header.signalCount == 2)
        #expect(header.samplingFrequency == 360)
        #expect(header.counterFrequency == 720)
        #expect(header.baseCounter == 12.5)
        #expect(header.sampleCount == 650_000)
        #expect(header.baseTime == "17:27:45.25")
        let seconds: Double = 17 * 3600 + 27 * 60 + 45.25
        #expect(header.baseTimeOfDay == seconds)
        #expect(header.segments.map(\.recordName) == ["seg1", "~", "seg2"])
        #expect(header.segments[1].isNull)
        let expected = DateComponents(calendar: Calendar(identifier: .gregorian), timeZone: .gmt, year: 1994, month: 8, day: 15,
                                      hour: 17, minute: 27, second: 45, nanosecond: 250_000_000).date
        #expect(header.baseDateTime == expected)
    }

    @Test func signalLineWithEveryField() throws {
        let header = try WFDBHeader.parse("r 1 125\nr.dat 212x4:3+24 12.84(-1605)/mmHg 12 1 -943 -23651 512 arterial pressure  \n", file: "r.hea")
        let s = try #require(header.signals.first)
        #expect(s.fileName == "r.dat")
        #expect(s.format == 212)
        #expect(s.samplesPerFrame == 4)
        #expect(s.skew == 3)
        #expect(s.byteOffset == 24)
        #expect(s.adcGain == 12.84)
        #expect(s.baseline == -1605)
        #expect(s.units == "mmHg")
        #expect(s.adcResolution == 12)
        #expect(s.adcZero == 1)
        #expect(s.initialValue == -943)
        #expect(s.checksum == -23651)
        #expect(s.blockSize == 512)
        #expect(s.description == "arterial pressure")
        #expect(header.sampleCount == nil)
    }

    @Test func defaultsFollowHeader5() throws {
        let header = try WFDBHeader.parse("r 2\nr.dat 16\nr.dat 16 0 12 7\n", file: "r.hea")
        #expect(header.samplingFrequency == 250)
        #expect(header.signals[0].adcGain == 200)
        #expect(header.signals[0].units == "mV")
        #expect(header.signals[0].checksum == nil)
        #expect(header.signals[1].adcGain == 200)
        #expect(header.signals[1].baseline == 7)   // the ADC zero
        #expect(header.signals[1].initialValue == 7)
    }

    @Test func crlfLinesAndComments() throws {
        let text = "# before\r\nr 1 500 10\r\nr.dat 16 200/mV 16 0 0 0 0 I\r\n#<subject_id>: 42 \r\n\r\n##  note ##\r\n"
        let header = try WFDBHeader.parse(text, file: "r.hea")
        #expect(header.signals.map(\.description) == ["I"])
        #expect(header.signals[0].units == "mV")
        #expect(header.comments == ["before", "<subject_id>: 42", "note"])
    }

    @Test func nonUTF8BytesDecodeAsLatin1() throws {
        var bytes = Array("r 1 500 10\nr.dat 16 200/".utf8)
        bytes.append(0xB5)   // Latin-1 micro sign
        bytes.append(contentsOf: Array("V 16 0 0 0 0 I\n# caf".utf8))
        bytes.append(0xE9)
        let header = try WFDBHeader.parse(Data(bytes), file: "r.hea")
        #expect(header.signals[0].units == "µV")
        #expect(header.comments == ["café"])
    }

    @Test(.enabled(if: RealData.shouldRun("wfdb-sample")))
    func realNonUTF8Header() throws {
        let header = try WFDBHeader.read(from: try RealData.directory("wfdb-sample").appendingPathComponent("test_generator_2.hea"))
        #expect(header.signals.count == 12)
        #expect(header.signals[8].units == "°")
        #expect(header.signals[0].units == "uV")
    }

    @Test func malformedLinesNameFileAndLine() throws {
        let cases: [(String, Int)] = [
            ("r 1 500 10\nr.dat sixteen 200 16\n", 2),
            ("r x 500\n", 1),
            ("r 1 fast\n", 1),
            ("r 1 500 -5\n", 1),
            ("# c\nr 1 500 10 25:61 32/13\n", 2),
            ("r 1 500 10\nr.dat 16 abc/mV\n", 2),
            ("r 1 500 10\nr.dat 16x0\n", 2),
            ("r 1 500 10\nr.dat 16 200 16 zero\n", 2),
            ("r 2 500 10\nr.dat 16\n", 1),   // the record line declares what is missing
            ("r 1 500 10\nr.dat 16\nr.dat 16\n", 3),
            ("# c\nr/2 1 500 10\nseg 5\n", 2),
            ("# only a comment\n", 1),
        ]
        for (text, line) in cases {
            let error = try #require(throws: WFDBError.self) { try WFDBHeader.parse(text, file: "/data/r.hea") }
            #expect(error.kind == .malformedHeader, "\(text)")
            #expect(error.file == "/data/r.hea")
            #expect(error.line == line, "\(text): \(error)")
            #expect(error.description.hasPrefix("/data/r.hea:\(line): "))
        }
    }

    @Test func overlongLineAndSignalCountAreRefused() throws {
        let limits = ReadLimits(maximumSignals: 8, maximumLineLength: 64)
        let long = "r 1 500 10\nr.dat 16 200 16 0 0 0 0 " + String(repeating: "x", count: 100) + "\n"
        #expect(throws: WFDBError.self) { try WFDBHeader.parse(long, file: "r.hea", limits: limits) }
        let many = "r 100000 500 10\n"
        let error = try #require(throws: WFDBError.self) { try WFDBHeader.parse(many, file: "r.hea", limits: limits) }
        #expect(error.line == 1)
    }

    /// wfdb infers a missing sample count from the signal file's size.
    @Test(.enabled(if: RealData.shouldRun("wfdb-sample")), arguments: [("100", "100-no-len"), ("a103l", "a103l-no-len")])
    func missingLengthIsInferred(full: String, noLength: String) throws {
        let dir = try RealData.directory("wfdb-sample")
        let a = try WFDBRecord.read(from: dir.appendingPathComponent(full))
        let b = try WFDBRecord.read(from: dir.appendingPathComponent(noLength))
        #expect(b.header.sampleCount == nil)
        #expect(a.frameCount == b.frameCount)
        #expect(a.digital == b.digital)
    }
}
