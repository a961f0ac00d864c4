import Foundation
import Interpretation

/// The languages narratives are written in (the ECG-Expert-QA benchmark ships in both).
public enum Language: String, Sendable, CaseIterable {
    case en, zh
}

/// The curated bilingual vocabulary: statement phrases, certainty words, regions, measured
/// quantities and dates. Written by hand (no machine translation at run time); numbers and units
/// are identical in both languages.
public struct Vocabulary: Sendable {
    public let language: Language

    public init(_ language: Language) { self.language = language }

    /// The text of a statement in this language.
    public func text(_ s: Statement) -> String {
        text(code: s.code, certainty: s.certainty, region: s.region, response: s.response, leads: s.leads)
    }

    public func text(code: StatementCode, certainty: Certainty, region: LeadRegion?, response: VentricularResponse?,
                     leads: [String] = []) -> String {
        switch language {
        case .en:
            return Statement(code: code, certainty: certainty, region: region, response: response, leads: leads,
                             evidence: []).text
        case .zh:
            var phrase = Self.zhPhrase[code] ?? code.phrase
            if let region, code.isRegional { phrase = Self.zhRegion[region]! + "导联" + phrase }
            switch response {
            case .rapid?: phrase += "伴快速心室率"
            case .slow?: phrase += "伴缓慢心室率"
            default: break
            }
            if !leads.isEmpty { phrase += "：" + leads.joined(separator: "、") }
            switch certainty {
            case .definite: return phrase
            case .possible: return "可能" + phrase
            case .borderline: return "临界" + phrase
            case .consider: return "考虑" + phrase
            }
        }
    }

    static let zhPhrase: [StatementCode: String] = [
        .noQRSDetected: "未检测到QRS波群",
        .poorSignalQuality: "数据质量差，可能影响判读",
        .leadsUnsuitable: "以下导联不适合分析",
        .armLeadReversal: "左右上肢导联反接",
        .limbLeadsInconsistent: "肢体导联之间不一致，未确定电轴",
        .limbLeadsRescaled: "肢体导联经逐导联缩放，QRS与T波电轴按恢复的增益测定",
        .amplitudesNormalised: "各导联被缩放至相同振幅，未应用电压标准",
        .sinusRhythm: "窦性心律",
        .sinusBradycardia: "窦性心动过缓",
        .sinusTachycardia: "窦性心动过速",
        .sinusArrhythmia: "窦性心律不齐",
        .atrialFibrillation: "心房颤动",
        .atrialFlutter: "心房扑动",
        .ectopicAtrialRhythm: "异位房性心律",
        .junctionalRhythm: "交界性心律",
        .supraventricularTachycardia: "室上性心动过速",
        .undeterminedRhythm: "心律无法确定",
        .ventricularPacedRhythm: "心室起搏心律",
        .atrialPrematureComplexes: "房性早搏",
        .ventricularPrematureComplexes: "室性早搏",
        .ventricularBigeminy: "室性早搏二联律",
        .ventricularTrigeminy: "室性早搏三联律",
        .ventricularCouplets: "成对室性早搏",
        .firstDegreeAVBlock: "一度房室传导阻滞",
        .shortPR: "PR间期缩短",
        .wpwPattern: "心室预激（WPW图形）",
        .rightBundleBranchBlock: "完全性右束支传导阻滞",
        .incompleteRightBundleBranchBlock: "不完全性右束支传导阻滞",
        .leftBundleBranchBlock: "完全性左束支传导阻滞",
        .intraventricularConductionDelay: "非特异性室内传导延迟",
        .leftAnteriorFascicularBlock: "左前分支阻滞",
        .leftPosteriorFascicularBlock: "左后分支阻滞",
        .leftAxisDeviation: "电轴左偏",
        .rightAxisDeviation: "电轴右偏",
        .indeterminateAxis: "电轴不确定",
        .leftVentricularHypertrophy: "左心室肥厚",
        .lowVoltageLimbLeads: "肢体导联QRS低电压",
        .lowVoltagePrecordialLeads: "胸导联QRS低电压",
        .prolongedQT: "QT间期延长",
        .stElevation: "ST段抬高",
        .stDepression: "ST段压低",
        .tWaveInversion: "T波倒置",
        .normalECG: "正常心电图",
        .borderlineECG: "临界心电图",
        .abnormalECG: "异常心电图",
    ]

    static let zhRegion: [LeadRegion: String] = [.inferior: "下壁", .lateral: "侧壁", .septal: "间隔", .anterior: "前壁"]

    /// A region's name ("inferior leads" / "下壁导联").
    public func region(_ r: LeadRegion) -> String {
        switch language {
        case .en: r.english.lowercased()
        case .zh: Self.zhRegion[r]!
        }
    }

    /// "not measurable" / "无法测量".
    public var notMeasurable: String { language == .en ? "not measurable" : "无法测量" }

    /// The name of a measured quantity.
    public func quantity(_ q: Quantity) -> String {
        language == .en ? q.english : (Self.zhQuantity[q] ?? q.english)
    }

    static let zhQuantity: [Quantity: String] = [
        .beatCount: "检出的QRS波群数", .heartRate: "心室率", .atrialRate: "心房率",
        .rrIrregularity: "RR间期不规则度（相邻差中位数/平均RR）", .rrRange: "RR间期极差（主导心搏）", .rrRatio: "最长与最短RR间期之比（主导心搏）",
        .pacedBeats: "起搏刺激信号后的心搏比例", .continuousAtrialActivity: "连续心房（扑动波）活动",
        .rrPatternResidual: "按最佳2或3心搏重复周期校正后的RR不规则度",
        .pWavePresence: "有P波的心搏比例", .prVariability: "PR间期标准差", .pAxis: "P波电轴", .prInterval: "PR间期", .qrsDuration: "QRS时限",
        .qtInterval: "QT间期", .qtcBazett: "十二导联QTc（Bazett）", .qtcFridericia: "十二导联QTc（Fridericia）", .qrsAxis: "QRS电轴",
        .medianLeadQRSDuration: "中位导联QRS时限", .medianLeadQTcBazett: "中位导联QTc（Bazett）",
        .medianLeadQTcFridericia: "中位导联QTc（Fridericia）",
        .rsrPrime: "rSR′（第二个R波）", .dominantR: "R波为主（R > S）", .terminalS: "终末S波", .absentQ: "无Q波",
        .broadR: "宽大单相R波", .qRPattern: "qR型", .rSPattern: "rS型",
        .sokolowLyon: "Sokolow–Lyon电压 S(V1) + R(V5/V6)", .cornell: "Cornell电压 R(aVL) + S(V3)", .sex: "性别", .age: "年龄",
        .limbQRSAmplitude: "肢体导联最大QRS振幅", .precordialQRSAmplitude: "胸导联最大QRS振幅",
        .stAtJ: "J点ST段水平", .stAtJ60: "J点后60 ms ST段水平", .tAmplitude: "T波振幅",
        .prematureAtrialBeats: "QRS形态与主导心搏相同的提前心搏", .prematureVentricularBeats: "QRS宽大畸形的提前心搏",
        .bigeminalCycles: "二联律周期数", .trigeminalCycles: "三联律周期数", .couplets: "成对室性异位心搏",
        .worstStatement: "最严重的判读",
        .invalidSamples: "无效采样点", .peakToPeakAmplitude: "峰峰值振幅", .clippedSamples: "被削顶于极值的采样点",
        .beatConsistency: "各心搏与该导联平均心搏的相关系数中位数", .leadPolarity: "最大向上偏转与最大向下偏转之比",
        .limbLeadResidual: "肢体导联关系残差（差值斜率均方根 / I、II、III斜率均方根）",
        .gainFitResidual: "各导联除以拟合增益后的肢体导联关系残差",
        .peakToPeakSpread: "各导联峰峰值振幅最大值与最小值之比",
    ]

    /// An evidence line in this language (values and thresholds are the same in both).
    public func evidence(_ e: Evidence) -> String {
        if language == .en { return e.text }
        var s = quantity(e.quantity)
        if !e.leads.isEmpty { s += "（" + e.leads.joined(separator: "、") + "）" }
        if e.value != nil || e.unit != .none {
            s += " " + (e.formattedValue.map { $0.replacingOccurrences(of: "yes", with: "是").replacingOccurrences(of: "no", with: "否") } ?? notMeasurable)
        }
        if let related = e.related {
            s += "：" + text(code: related, certainty: e.relatedCertainty ?? .definite, region: nil, response: nil)
        }
        var bracket: [String] = []
        if !e.threshold.isEmpty { bracket.append((e.met || e.quantity == .sex ? "" : "未达 ") + Self.zhThreshold(e.threshold)) }
        bracket.append(e.criterion.citation)
        return s + "（" + bracket.joined(separator: "；") + "）"
    }

    /// Thresholds are symbols and numbers; the few words in them are translated here.
    static func zhThreshold(_ t: String) -> String {
        var s = t
        // Whole phrases first: "men" would otherwise be replaced inside "segment".
        for (en, zh) in [("no isoelectric TP/PR segment", "TP/PR段无等电位线"), ("in one of the leads", "（至少一个导联）"),
                         ("in every lead", "（所有导联）"), ("in 2 contiguous leads", "（2个相邻导联）"), ("with R > S", "且R > S"),
                         ("at J and J+60 ms", "（J点及J点后60 ms）"), ("with RBBB", "伴右束支阻滞"), ("outside", "超出"),
                         ("women", "女性"), ("men", "男性"), ("(male)", "（男性）"), ("(female)", "（女性）"),
                         ("unknown", "未知"), ("in I and V6", "（I与V6导联）"),
                         ("unusable in more than half of the leads", "超过半数导联无法使用"),
                         ("beyond ±90° (P inverted in lead I)", "超出±90°（I导联P波倒置）")] {
            s = s.replacingOccurrences(of: en, with: zh)
        }
        return s
    }

    /// A date as clinicians write it: "June 22, 2135" / "2135年6月22日" (MIMIC's shifted years kept).
    public func date(_ d: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let c = calendar.dateComponents([.year, .month, .day], from: d)
        let (y, m, day) = (c.year ?? 0, c.month ?? 1, c.day ?? 1)
        switch language {
        case .en:
            let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                          "October", "November", "December"]
            return "\(months[m - 1]) \(day), \(y)"
        case .zh:
            return "\(y)年\(m)月\(day)日"
        }
    }

    /// A count as words where clinicians would write words ("eight ECGs"), digits beyond twelve.
    public func count(_ n: Int) -> String {
        switch language {
        case .en:
            let words = ["no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"]
            return n < words.count ? words[n] : String(n)
        case .zh:
            return String(n)
        }
    }

    /// Joins a list: "a, b and c" / "a、b和c".
    public func list(_ items: [String]) -> String {
        switch (language, items.count) {
        case (_, 0): return ""
        case (_, 1): return items[0]
        case (.en, _): return items.dropLast().joined(separator: ", ") + " and " + items.last!
        case (.zh, _): return items.dropLast().joined(separator: "、") + "和" + items.last!
        }
    }
}
