import Testing
@testable import GongkaiReport

@Test func titleWithYearFirst() throws {
    let t = try #require(TitleReader.read(lines: ["2019年三台县卫生健康委员会政府信息公开工作年度报告"]))
    #expect(t.agency == "三台县卫生健康委员会")
    #expect(t.year == 2019)
}

@Test func titleWithAgencyFirstAndYearDu() throws {
    let t = try #require(TitleReader.read(lines: ["谷城县教育局2025年度政府信息公开工作年度报告"]))
    #expect(t.agency == "谷城县教育局")
    #expect(t.year == 2025)
}

@Test func titleWrappedInLargeType() throws {
    let lines = [
        TitleReader.HeadLine(text: "获嘉县财政局 2024 年政府信息公开工作年", height: 22),
        TitleReader.HeadLine(text: "度报告", height: 22),
        TitleReader.HeadLine(text: "本报告根据《国务院办公厅政府信息与政务公开办公室关于印发〈中华人民共和国政府信息公开工作年度报告格式〉的通知》", height: 12),
        TitleReader.HeadLine(text: "一、总体情况", height: 12),
    ]
    let t = try #require(TitleReader.read(lines: lines))
    #expect(t.title == "获嘉县财政局2024年政府信息公开工作年度报告")
    #expect(t.agency == "获嘉县财政局")
    #expect(t.year == 2024)
}

@Test func titleSplitAgencyLineThenYearLine() throws {
    let t = try #require(TitleReader.read(lines: ["新乡市商务局", "2024年政府信息公开工作年度报告", "一、总体情况"]))
    #expect(t.agency == "新乡市商务局")
    #expect(t.year == 2024)
}

/// The body's citation of the format notice (…关于印发〈中华人民共和国政府信息公开工作年度报告格式〉
/// 的通知) names the report but is not its title: with the title lost (a scan's OCR), no title is
/// read rather than the citation.
@Test func theCitedFormatNoticeIsNotATitle() {
    let citation = "本报告根据《中华人民共和国政府信息公开条例》和《国务院办公厅政府信息与政务公开办公室关于印发〈中华人民共和国政府信息公开工作年度报告格式〉的通知》要求编制。"
    #expect(TitleReader.read(lines: [citation]) == nil)
    #expect(TitleReader.read(lines: ["公厅政府信息与政务公开办公室关于印发《中华人民共和国政府信息公开工作年度报告格式》"]) == nil)
    let wrapped = TitleReader.read(lines: ["潢川县生态环境局2025年度政府信息公开工作年度", "报告", citation])
    #expect(wrapped?.agency == "潢川县生态环境局")
    #expect(wrapped?.year == 2025)
}
