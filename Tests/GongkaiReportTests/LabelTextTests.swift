import Testing
@testable import GongkaiReport

@Test(arguments: [
    ("（三）不予公开", "不予公开"),
    ("(三) 不予 公开", "不予公开"),
    ("1．属于国家秘密", "属于国家秘密"),
    ("1、属于国家秘密", "属于国家秘密"),
    ("3.危及\"三安全一稳定\"", "危及三安全一稳定"),
    ("3.危及“三安全一稳定”", "危及三安全一稳定"),
    ("三、本年度办理结果", "本年度办理结果"),
    ("一、本年新收政府信息公开申请数量", "本年新收政府信息公开申请数量"),
    ("本年收费金额（单位：万元）", "本年收费金额单位万元"),
    ("１２", "12"),
])
func labelKeysIgnoreNumberingWidthAndPunctuation(raw: String, key: String) {
    #expect(LabelText.key(raw) == key)
}

@Test func similarityToleratesRealMisspellings() {
    let want = LabelText.key("2.其他法律行政法规禁止公开")
    #expect(LabelText.similarity(LabelText.key("2.其他法律行政止公开"), want) > 0.7)
    #expect(LabelText.similarity(LabelText.key("行政法复议"), LabelText.key("行政复议")) > 0.5)
    #expect(LabelText.similarity("行政许可", "行政处罚") < 0.5)
}

@Test(arguments: [
    ("12", "12"), ("１２", "12"), ("1,234", "1234"), ("+3", "3"), ("-2", "-2"), ("－2", "-2"),
    ("0.386", "0.386"), ("12.50", "12.5"), ("251000元", "251000"), (" 7 ", "7"), ("007", "7"),
])
func cellNumbersParse(raw: String, literal: String) {
    #expect(CellValueParser.read(raw) == .number(ReportNumber(literal: literal)!))
}

@Test(arguments: ["—", "——", "无", "/", "／", "-", "0"])
func zeroTokensReadAsZero(raw: String) {
    if raw == "0" {
        #expect(CellValueParser.read(raw) == .number(ReportNumber(0)))
    } else {
        #expect(CellValueParser.read(raw) == .zeroToken(LabelText.fold(raw)))
    }
}

@Test func blankAndGarbageAreNotNumbers() {
    #expect(CellValueParser.read("") == .blank)
    #expect(CellValueParser.read("  ") == .blank)
    #expect(CellValueParser.read("7.2.2") == .unreadable("7.2.2"))
    #expect(CellValueParser.read("见附件") == .unreadable("见附件"))
}

@Test func blankCellBecomesNullWithWarning() {
    var warnings: [ReportWarning] = []
    let v = CellInterpreter.interpret("", path: "proactive.fees.change", page: 2, warnings: &warnings)
    #expect(v == nil)
    #expect(warnings.count == 1)
    #expect(warnings.first?.code == "blank_cell")
    #expect(warnings.first?.path == "proactive.fees.change")
}

/// Broken ToUnicode maps (cairo's Type 3 fonts, some WPS exports) give CJK Radicals Supplement
/// characters, which NFKC leaves alone, and Kangxi radicals, which it folds: both fold to the
/// ideographs they stand for (Unicode's EquivalentUnifiedIdeograph).
@Test func radicalCharactersFoldToTheirIdeographs() {
    #expect(LabelText.fold("潢川县⻘⻰镇人⺠政府") == "潢川县青龙镇人民政府")
    #expect(LabelText.fold("⽂化⼴电和旅游局⻓") == "文化广电和旅游局长")
    #expect(TitleReader.read(lines: ["潢川县⻘⻰镇人⺠政府2024年政府信息公开⼯作年度报告"])?.agency == "潢川县青龙镇人民政府")
}
