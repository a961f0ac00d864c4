import Testing
import Foundation
import Datasets
import Interpretation
import TestSupport
@testable import Narrative

@Suite struct VocabularyTests {
    @Test func datesAreWrittenAsCliniciansWriteThemWithShiftedYearsKept() throws {
        let d = try #require(SampleSet.date("2135-06-22 08:14:00"))
        #expect(Vocabulary(.en).date(d) == "June 22, 2135")
        #expect(Vocabulary(.zh).date(d) == "2135年6月22日")
    }

    @Test func everyStatementHasAChinesePhraseAndNoEnglishLeaks() {
        let zh = Vocabulary(.zh)
        for code in StatementCode.allCases {
            let text = zh.text(code: code, certainty: .definite, region: nil, response: nil)
            #expect(Vocabulary.zhPhrase[code] != nil, "\(code) has no Chinese phrase")
            #expect(!text.contains(where: { $0.isLowercase && $0.isASCII }) || text.contains("WPW"), "\(code): \(text)")
        }
        for q in Quantity.allCases { #expect(Vocabulary.zhQuantity[q] != nil, "\(q) has no Chinese name") }
    }

    @Test func abbreviationsAreNotExpandedInsideWords() {
        // The seed pipeline turned "LBBB" into "light bundle branch block" and replaced "mi" inside
        // words; the vocabulary is keyed by statement, so the texts are exactly the curated ones.
        let en = Vocabulary(.en)
        #expect(en.text(code: .leftBundleBranchBlock, certainty: .definite, region: nil, response: nil) == "Left bundle branch block")
        #expect(en.text(code: .prolongedQT, certainty: .borderline, region: nil, response: nil) == "Borderline prolonged QT interval")
        #expect(en.text(code: .stElevation, certainty: .definite, region: .inferior, response: nil) == "Inferior ST elevation")
        #expect(Vocabulary(.zh).text(code: .stElevation, certainty: .possible, region: .inferior, response: nil) == "可能下壁导联ST段抬高")
    }

    @Test func statementsInRunningTextLoseTheirCapitalButNotTheirAbbreviations() {
        #expect(RecordView.lowerFirst("Left bundle branch block") == "left bundle branch block")
        #expect(RecordView.lowerFirst("Possible prolonged QT interval") == "possible prolonged QT interval")
        #expect(RecordView.lowerFirst("WPW pattern") == "WPW pattern")
        #expect(RecordView.lowerFirst("1st degree A-V block") == "1st degree A-V block")
        #expect(RecordView.lowerFirst("窦性心律") == "窦性心律")
    }

    @Test func notMeasurableIsSaidInsteadOfZero() {
        let e = Evidence(.prInterval, value: nil, unit: .ms, threshold: "> 200 ms", met: false, criterion: .ahaPart3Conduction)
        #expect(e.text.hasPrefix("PR interval not measurable ("))
        #expect(Vocabulary(.zh).evidence(e).contains("无法测量"))
    }

    @Test func listsJoinInEachLanguage() {
        #expect(Vocabulary(.en).list(["a", "b", "c"]) == "a, b and c")
        #expect(Vocabulary(.zh).list(["甲", "乙"]) == "甲和乙")
        #expect(Vocabulary(.en).count(8) == "eight")
    }

    @Test func promptLinesAreValidJSONWithSystemAndUserMessages() async throws {
        let narrator = try await Narrator(templates: TemplateLocator.packageTemplates, language: .zh)
        let line = try narrator.prompt(task: .mms, id: "r1-mms", narrative: "参考\n\"引号\"", answer: "回答")
        let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
        #expect(object?["id"] as? String == "r1-mms")
        #expect(object?["task"] as? String == "mms")
        let messages = object?["messages"] as? [[String: String]]
        #expect(messages?.map { $0["role"] } == ["system", "user"])
        #expect(messages?[1]["content"]?.contains("\"引号\"") == true)
        #expect(messages?[1]["content"]?.contains("回答") == true)
    }
}

/// A lead left out of the measurements is not described as part of its region either.
@Suite struct ExcludedLeadNarrativeTests {
    @Test func aFlatLeadIsNamedOnceAsUnsuitableAndNotListedInItsRegion() async throws {
        let header = RealData.packageRoot.appendingPathComponent("Signals/flat-lead.hea")
        let entry = DatasetEntry(location: .wfdb(header: header), recordID: "flat-lead")
        let record = try NarrativeRecord.make(entry, pipeline: InterpretationPipeline())
        #expect(record.measurements.excludedLeads == ["V3"])
        let text = try await Narrator(templates: TemplateLocator.packageTemplates, language: .en).narrate(record, template: "cmd")
        #expect(text.contains("Lead(s) unsuitable for analysis: V3"))
        #expect(text.contains("- anterior leads (V4):"))
        #expect(!text.contains("(V3, V4)"))
    }
}

/// The machine report's axis line names what is missing instead of repeating "not measurable".
@Suite struct ReportAxisLineTests {
    @Test func missingAxesAreDashesAndNoAxisAtAllIsSaidOnce() async throws {
        let header = RealData.packageRoot.appendingPathComponent("Signals/sinus-normal.hea")
        var record = try NarrativeRecord.make(DatasetEntry(location: .wfdb(header: header), recordID: "sinus-normal"),
                                              pipeline: InterpretationPipeline())
        let narrator = try await Narrator(templates: TemplateLocator.packageTemplates, language: .en)
        func axisLine() throws -> String {
            let report = try narrator.narrate(record, template: "report")
            return String(try #require(report.split(separator: "\n").last { $0.hasPrefix("Vent. rate") })
                .split(separator: "|").last ?? "")
        }
        let g = record.measurements.global
        let p = try #require(g.pAxis), qrs = try #require(g.qrsAxis), t = try #require(g.tAxis)
        #expect(try axisLine() == " P-R-T axes \(Int(p.rounded()))° \(Int(qrs.rounded()))° \(Int(t.rounded()))°")
        record.measurements.global.pAxis = nil
        #expect(try axisLine() == " P-R-T axes — \(Int(qrs.rounded()))° \(Int(t.rounded()))°")
        record.measurements.global.qrsAxis = nil
        record.measurements.global.tAxis = nil
        #expect(try axisLine() == " P-R-T axes not measurable")
    }
}

@Suite struct TidyTests {
    @Test func trailingSpacesGoBlankRunsCollapseAndOneNewlineEnds() {
        #expect(Narrator.tidy("") == "\n")
        #expect(Narrator.tidy("\n\n  \n") == "\n")
        #expect(Narrator.tidy("a") == "a\n")
        #expect(Narrator.tidy("a  \n") == "a\n")
        #expect(Narrator.tidy("\n \na b \n\n\n   \nc\n\n") == "a b\n\nc\n")
        #expect(Narrator.tidy("x\ny\n \nz  ") == "x\ny\n\nz\n")
        #expect(Narrator.tidy("QRS 86 ms · \n\n心率 75 次/分 ") == "QRS 86 ms ·\n\n心率 75 次/分\n")
    }

    @Test func aCarriageReturnLineEndIsOneCharacterAndStaysInItsLine() {
        // "\r\n" is a single Character, not "\n": the text is one line ending in it.
        #expect(Narrator.tidy("a \r\nb ") == "a \r\nb\n")
    }
}

@Suite struct LineBreakTrimmingTests {
    @Test func trimsWhatFoundationsNewlineSetTrims() {
        let texts = ["", "\n", "a", "\na b\n", "\r\n\u{0B}\u{0C}text\n\n", "\u{85}x\u{2028}", "\u{2029}\n y \n",
                     "心率\n", "\ne\u{301}\n", " keeps spaces \n", "inner\nbreaks\nstay\n"]
        for text in texts {
            #expect(Narrator.trimmingLineBreaks(text) == text.trimmingCharacters(in: .newlines), "\(text.debugDescription)")
        }
    }
}

@Suite struct ZeroPaddingTests {
    @Test func padsLikeThePrintfFormat() {
        for (n, width) in [(0, 2), (7, 2), (42, 2), (123, 2), (5, 3), (61, 3), (999, 3), (1234, 3)] {
            #expect(LongitudinalEntry.zeroPadded(n, width) == String(format: "%0\(width)d", n), "\(n) in \(width)")
        }
    }
}

@Suite struct LongitudinalEntryLineTests {
    @Test func handWrittenLineReadsBackAsTheSameEntry() throws {
        let stored = [
            #"{"recordID":"40155520","findings":[]}"#,
            #"{"recordID":"a \"b\"\n/c","date":6.1234567891e9,"findings":[{"key":"stDepression/lateral","order":"03041lateral","text":"ST 压低 — \"lateral\"\u2028"}],"summary":"Abnormal ECG","heartRate":75.30000000000001,"correctedQT":440,"qrsAxis":-30.5}"#,
            #"{"recordID":"x","date":-86400.25,"findings":[{"key":"a","order":"00001","text":"t"},{"key":"b","order":"00002","text":""}],"heartRate":1e-05,"qrsAxis":0}"#,
        ]
        for json in stored {
            let entry = try LongitudinalEntry(jsonLine: json)
            let line = try entry.jsonLine()
            #expect(!line.contains("\n"), "one line")
            #expect(try LongitudinalEntry(jsonLine: line) == entry, "\(line)")
            #expect(try LongitudinalEntry(jsonLine: entry.encodedLine()) == entry)
        }
    }

    @Test func aNonFiniteNumberIsRefusedAsBefore() throws {
        var entry = try LongitudinalEntry(jsonLine: #"{"recordID":"1","findings":[]}"#)
        entry.heartRate = .infinity
        #expect(throws: (any Error).self) { try entry.jsonLine() }
    }
}
