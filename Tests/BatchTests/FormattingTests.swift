import Batch
import Datasets
import Foundation
import Testing

@Suite struct FormattingTests {
    @Test func mimicTimeText() {
        #expect(MIMICTime.format(Date(timeIntervalSince1970: 0)) == "1970-01-01 00:00:00")
        // 2166-08-13 09:02:00 UTC (calendar.timegm in Python: 6204589320).
        #expect(MIMICTime.format(Date(timeIntervalSince1970: 6_204_589_320)) == "2166-08-13 09:02:00")
        #expect(MIMICTime.format(Date(timeIntervalSince1970: -1)) == "1969-12-31 23:59:59")
        // Years of fewer than four digits are padded as printf's %04d; more digits are kept.
        #expect(MIMICTime.format(Date(timeIntervalSince1970: -62_135_596_800)) == "0001-01-01 00:00:00")
        #expect(MIMICTime.format(Date(timeIntervalSince1970: 253_402_300_799)) == "9999-12-31 23:59:59")
        #expect(MIMICTime.format(Date(timeIntervalSince1970: 253_402_300_800)) == "10000-01-01 00:00:00")
    }

    @Test func progressTexts() {
        let p = ConversionProgress(recordsDone: 600, recordsTotal: 1000, recordsAtStart: 200, elapsedSeconds: 2)
        #expect(p.recordsPerSecond == 200)
        #expect(p.secondsRemaining == 2)
        #expect(ProgressBar.duration(3725) == "1:02:05")
        #expect(ProgressBar.duration(65) == "1:05")
        #expect(ProgressBar.duration(nil) == "?")
        #expect(ProgressBar.bar(p, width: 10) == "[######----] 600/1000   60.0%  200 rec/s  ETA 0:02")
        #expect(ProgressBar.line(p) == "converted 600/1000 records (60.0%), 200 records/s, ETA 0:02")
    }

    @Test func peakMemoryIsReadOnLinux() {
        #if os(Linux)
        let bytes = PeakMemory.residentBytes()
        #expect(bytes != nil && bytes! > 1_000_000)
        #endif
    }
}
