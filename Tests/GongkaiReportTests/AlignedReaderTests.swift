import Foundation
import Testing
@testable import GongkaiReport

/// A crawled page's text of table 三 and 四: cells glued together, list numbers glued to values.
private let gluedApplications = """
三、收到和处理政府信息公开申请情况 申请人情况自然人法人或其他组织总计 商业企业科研机构社会公益组织法律服务机构其他\
一、本年新收政府信息公开申请数量640020470二、上年结转政府信息公开申请数量0000000三、本年度办理结果\
（一）予以公开270020130（二）部分公开（区分处理的，只计这一情形，不计其他情形）500000 5（三）不予公开\
1.属于国家秘密00000002.其他法律行政法规禁止公开00000003.危及“三安全一稳定”00000004.保护第三方合法权益0000000\
5.属于三类内部事务信息10000016.属于四类过程性信息00000007.属于行政执法案卷60000068.属于行政查询事项1000001\
（四）无法提供1.本机关不掌握相关政府信息2200003252.没有现成信息需要另行制作00000003.补正后申请内容仍不明确0000000\
（五）不予处理1.信访举报投诉类申请00000002.重复申请00000003.要求提供公开出版物00000004.无正当理由大量反复申请0000000\
5.要求行政机关确认或重新出具已获取信息0000000（六）其他处理1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请0000000\
2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请00000003.其他1000001（七）总计630020469\
四、结转下年度继续办理1000001 四、政府信息公开行政复议、行政诉讼情况 行政复议行政诉讼结果维持结果纠正其他结果尚未审结总计\
未经复议直接起诉复议后起诉结果维持结果纠正其他结果尚未审结总计结果维持结果纠正其他结果尚未审结总计10203120001200000五、存在的主要问题
"""

private func number(_ t: TableReading, _ path: String) -> String? {
    t.value(path)?.value.map { $0.description }
}

@Test func gluedRowsSplitWhereTheRowTotalAllowsOneReading() {
    let tables = AlignedReader().read(gluedApplications)
    let a = tables.applications
    #expect(a.version == .v2021)
    #expect(number(a, "new_received.natural_person") == "64")
    #expect(number(a, "new_received.other_org") == "4")
    #expect(number(a, "new_received.total") == "70")
    #expect(number(a, "results.granted.natural_person") == "27")
    #expect(number(a, "results.granted.total") == "30")
    #expect(number(a, "results.partially_granted.total") == "5")
    #expect(number(a, "results.withheld.internal_affairs.natural_person") == "1")
    #expect(number(a, "results.unable.not_held.natural_person") == "22")
    #expect(number(a, "results.unable.not_held.total") == "25")
    #expect(number(a, "results.other.other.total") == "1")
    #expect(number(a, "results.total.total") == "69")
    #expect(number(a, "carried_forward.total") == "1")
}

@Test func gluedReviewRowSplitsByTheGroupTotals() {
    let r = AlignedReader().read(gluedApplications).reviewLitigation
    #expect(number(r, "review.upheld") == "1")
    #expect(number(r, "review.other") == "2")
    #expect(number(r, "review.total") == "3")
    #expect(number(r, "litigation_direct.upheld") == "12")
    #expect(number(r, "litigation_direct.total") == "12")
    #expect(number(r, "litigation_after_review.total") == "0")
}

@Test func aGluedRowWithoutAnIdentityStaysNullAndNamesItsCandidates() {
    let text = "二、主动公开政府信息情况 第二十条第（一）项信息内容本年制发件数本年废止件数现行有效件数规章 000行政规范性文件693665第二十条第（五）项信息内容本年处理决定数量行政许可2293 三、收到"
    let tables = AlignedReader().read(text)
    let p = tables.proactive
    #expect(number(p, "rules.issued") == "0")
    #expect(number(p, "rules.in_force") == "0")
    #expect(p.value("normative_documents.issued") != nil)
    #expect(p.value("normative_documents.issued")?.value == nil)
    #expect(tables.warnings.contains { $0.code == "split_ambiguous" && $0.message.contains("693665") })
    #expect(number(p, "licensing.decisions") == "2293")
    #expect(p.version == .v2021)
}

@Test func labelsMatchThroughTyposWrapsAndPipes() {
    let text = """
    | 申请人情况 | 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计 |
    | 一、本年新收政府信息 | 公开申请数量 | 3 | 1 | 0 | 0 | 0 | 0 | 4 |
    | 二、上年结转政府信息公开申请数最 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |
    """
    let a = AlignedReader().read(text).applications
    #expect(number(a, "new_received.natural_person") == "3")
    #expect(number(a, "new_received.total") == "4")
    #expect(number(a, "carried_over.natural_person") == "1")
    let v = a.value("new_received.total")
    #expect(v?.cell?.textPosition?.line == 2)
}

@Test func textWithDroppedBlankCellsPlacesNoValueByGuess() {
    let text = "申请人情况\n自然人\n总计\n一、本年新收政府信息公开申请数量\n821\n35\n2\n1\n859\n二、上年结转政府信息公开申请数量\n18\n18\n"
    let tables = AlignedReader().read(text)
    #expect(tables.applications.value("new_received.natural_person")?.value == nil)
    #expect(tables.applications.value("carried_over.total")?.value == nil)
    #expect(tables.warnings.contains { $0.code == "row_short" })
    // 821 + 35 + 2 + 1 = 859: the row shows its own total, which stands in 总计 whatever the
    // placement of the others; `18 18` is no such evidence (one term).
    #expect(number(tables.applications, "new_received.total") == "859")
    #expect(tables.warnings.contains { $0.code == "row_short" && $0.path == "new_received" && $0.message.contains("agreeing only on total") })
}

@Test func aRowShowsItsOwnTotalOnlyWithTwoNonZeroTerms() {
    #expect(BlankPlacement.showsOwnTotal([821, 35, 2, 1, 859]))
    #expect(!BlankPlacement.showsOwnTotal([18, 18]))
    #expect(!BlankPlacement.showsOwnTotal([5, 0, 5]))
    #expect(!BlankPlacement.showsOwnTotal([258, 12, 1, 1]))
    #expect(BlankPlacement.agreedCells(values: [5, 3, 8], width: 7) == [6: 2])
}

@Test func listNumbersGluedToValuesOpenTheNextLabel() {
    let stream = TextStream("1.属于国家秘密00000002.其他法律")
    let runs = stream.runs(from: 0, to: stream.tokens.count).map(\.raw)
    #expect(runs == ["0000000"])
    #expect(String(String.UnicodeScalarView(stream.labelText.compactMap(Unicode.Scalar.init))).contains("2.其他法律"))
}

@Test func aHugeDigitRunIsRefusedQuickly() {
    let run = TextStream.Run(raw: String(repeating: "12", count: 5_000), single: false, span: .init(line: 1, column: 0, length: 10_000))
    let clock = ContinuousClock()
    let elapsed = clock.measure {
        if case .unique = RunSplitter.split([run], count: 7, accept: { _ in true }) { Issue.record("a 10,000-digit run split into 7 values") }
    }
    #expect(elapsed < .seconds(2))
}

@Test func numbersCentredBesideANeighboursLabelGoToTheRowWithout() {
    let text = """
    申请人情况 自然人 商业企业 科研机构 社会公益组织 法律服务机构 其他 总计
    一、本年新收政府信息公开申请数量 5 0 0 0 0 0 5
    二、上年结转政府信息公开申请数量 1 0 0 0 0 0 1
                         3 2 0 0 0 0 5
    （一）予以公开
    （二）部分公开 1 0 0 0 0 0 1
    """
    let a = AlignedReader().read(text).applications
    #expect(number(a, "carried_over.total") == "1")
    #expect(number(a, "results.granted.natural_person") == "3")
    #expect(number(a, "results.granted.total") == "5")
    #expect(number(a, "results.partially_granted.total") == "1")
}

@Test func aRowThatLostACellDoesNotShiftItsNeighbours() {
    let text = """
    申请人情况 自然人 商业企业 科研机构 社会公益组织 法律服务机构 其他 总计
    （一）予以公开 | 60 | 6 | 1 | 1 | 1 | 1 | 70 |
    （二）部分公开 只计这一情形, | (区分处理的, 不计其他情形) | 27 | 1 | 1 | 0 | 0 | 1 | 30 |
    1、属于国家秘密 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |
    2、其他法律行政止公开 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
    3、危及"三安全一稳定" | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
    4、保护第三方合法权益 | 6 | 0 | 0 | 0 | 0 | 0 | 6 |
    5、属于三类内部事务信怠 | 2 | 0 | 0 | 0 | 0 | 2 |
    """
    let a = AlignedReader().read(text).applications
    #expect(number(a, "results.partially_granted.natural_person") == "27")
    #expect(number(a, "results.withheld.state_secret.total") == "1")
    #expect(number(a, "results.withheld.third_party_rights.natural_person") == "6")
    #expect(a.value("results.withheld.internal_affairs.natural_person")?.value == nil)
}

@Test func aValueSplitFromAGluedRunPointsAtItsOwnCharacters() {
    let text = "申请人情况\n（一）予以公开270020130\n"
    // One row cannot be settled by the column identities; the row total alone leaves two splits, so
    // only the cells they agree on are read, each at its own column of the line.
    let a = AlignedReader().read(text).applications
    let total = a.value("results.granted.total")
    #expect(total?.value?.description == "30")
    #expect(total?.cell?.textPosition == .init(line: 2, column: 14))
}

/// A crawled page whose table 二 glued three cells into one run; its prose states two of them.
private let gluedProactiveWithProse = """
一是做好规范性文件公开。集中公开现行有效行政规范性文件532件，动态更新本年度制发的规范性文件64件。二是做好规划公开。\
二、主动公开政府信息情况第二十条第（一）项 信息内容 本年制发件数 本年废止件数 现行有效件数 规章000行政规范性文件6417532\
第二十条第（五）项信息内容本年处理决定数量行政许可10690
"""

@Test func gluedProactiveRunIsSplitByWhatTheProseStates() {
    let p = AlignedReader().read(gluedProactiveWithProse).proactive
    #expect(number(p, "normative_documents.issued") == "64")
    #expect(number(p, "normative_documents.repealed") == "17")
    #expect(number(p, "normative_documents.in_force") == "532")
    #expect(p.notes.contains { $0.contains("report's text states") })
}

@Test func proseThatMatchesNoSplitDecidesNothing() {
    // 现行有效 900 fits no split; 制发 64 pins only its own cell.
    let text = gluedProactiveWithProse.replacingOccurrences(of: "现行有效行政规范性文件532件", with: "现行有效行政规范性文件900件")
    var warnings: [ReportWarning] = []
    let p = AlignedReader().read(text)
    warnings = p.warnings
    #expect(number(p.proactive, "normative_documents.issued") == "64")
    #expect(number(p.proactive, "normative_documents.repealed") == nil)
    #expect(number(p.proactive, "normative_documents.in_force") == nil)
    #expect(warnings.contains { $0.code == "split_ambiguous" && $0.path == "normative_documents" })
}

@Test func aProseFactNeedsOneColumnWordAndTheRowWordBeforeItsCount() {
    #expect(NarrativeFacts.fact(in: "动态更新本年度制发的规范性文件88件") == .init(row: "normative_documents", column: "issued", value: "88"))
    #expect(NarrativeFacts.fact(in: "制发和废止规范性文件88件") == nil)
    #expect(NarrativeFacts.fact(in: "规范性文件88件已制发") == nil)
    #expect(NarrativeFacts.fact(in: "现行有效规范性文件共计88件") == nil)
}

/// Page footers between a table's rows (`— 3 —`, `第 2 页 共 4 页`) are no cells of the row above.
@Test func pageFootersInsideATableAreNotCells() {
    let text = """
    第二十条第（六）项
    信息内容 本年处理决定数量
    行政处罚 13
    — 3 —
    行政强制 5
    第二十条第（八）项
    信息内容 本年收费金额（单位：万元）
    行政事业性收费 1298.72万元
    三、收到和处理政府信息公开申请情况
    申请人情况 自然人 法人或其他组织 总计 商业企业 科研机构 社会公益组织 法律服务机构 其他
    一、本年新收政府信息公开申请数量 5 1 0 0 0 0 6
    第 2 页 共 4 页
    二、上年结转政府信息公开申请数量 0 0 0 0 0 0 0
    """
    let tables = AlignedReader().read(text)
    #expect(number(tables.proactive, "penalty.decisions") == "13")
    #expect(number(tables.proactive, "coercion.decisions") == "5")
    #expect(number(tables.proactive, "fees.amount_wan_yuan") == "1298.72")
    #expect(number(tables.applications, "new_received.total") == "6")
    #expect(TextStream.isPageFooter("- 12 -") && TextStream.isPageFooter("第2页") && !TextStream.isPageFooter("行政许可 3"))
    #expect(!TextStream.isPageFooter("3") && !TextStream.isPageFooter("0 0 0"))
}

@Test func aPageFooterGluedIntoTheTextIsNoValue() {
    let runs = TextStream("行政许可92第2页共4页行政处罚5").tokens.compactMap { t -> String? in
        if case .run(let r) = t { return r.raw } else { return nil }
    }
    #expect(runs == ["92", "5"])
}

/// Table 二 crawled with every cell glued: `—` cells run into the numbers and the next label.
private let gluedProactiveWithDashes = """
二、主动公开政府信息情况 第二十条第（一）项 信息内容本年新制作数量本年新公开数量对外公开总数量 规章——— 规范性文件———
第二十条第（五）项 信息内容上一年项目数量本年增/减处理决定数量 行政许可——1 其他对外管理服务事项17-3—
第二十条第（六）项 信息内容上一年项目数量本年增/减处理决定数量 行政处罚543—— 行政强制60——
三、收到和处理政府信息公开申请情况
"""

@Test func gluedDashesAreCellsWhoseCountTheSplitDecides() {
    let p = AlignedReader().read(gluedProactiveWithDashes).proactive
    #expect(number(p, "rules.new_made") == "0")
    #expect(number(p, "rules.total_published") == "0")
    #expect(number(p, "licensing.previous_year_items") == "0")
    #expect(number(p, "licensing.decisions") == "1")
    #expect(number(p, "other_external_services.previous_year_items") == "17")
    #expect(number(p, "other_external_services.change") == "-3")
    // `543——` is 543 beside two `—` cells, or 54/3 or 5/43 beside one `——` cell: no guess.
    #expect(number(p, "penalty.previous_year_items") == nil)
    #expect(number(p, "penalty.change") == nil)
    #expect(number(p, "penalty.decisions") == "0")
}

/// Table 三 whose printed checks fail (the results add up to 10, not 11) and whose 11/0 glue is ambiguous.
private let gluedBrokenApplications = """
三、收到和处理政府信息公开申请情况 申请人情况自然人法人或其他组织总计 商业企业科研机构社会公益组织法律服务机构其他
一、本年新收政府信息公开申请数量110000112 二、上年结转政府信息公开申请数量0000000 三、本年度办理结果（一）予以公开1000001
（二）部分公开（区分处理的，只计这一情形，不计其他情形）2000002 （三）不予公开1．属于国家秘密0000000 2．其他法律行政法规禁止公开0000000
3．危及"三安全一稳定"0000000 4．保护第三方合法权益0000000 5．属于三类内部事务信息0000000 6．属于四类过程性信息0000000
7．属于行政执法案卷0000000 8．属于行政查询事项0000000 （四）无法提供1．本机关不掌握相关政府信息5000005 2．没有现成信息需要另行制作1000001
3．补正后申请内容仍不明确0000000 （五）不予处理1．信访举报投诉类申请0000000 2．重复申请0000000 3．要求提供公开出版物0000000
4．无正当理由大量反复申请0000000 5．要求行政机关确认或重新出具已获取信息0000000
（六）其他处理1．申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请1000001 2．申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请0000000
3．其他0000000 （七）总计110000011 四、结转下年度继续办理0000011 四、政府信息公开行政复议、行政诉讼情况
"""

@Test func anAmbiguousGluedCellIsNotFilledByAnIdentity() {
    var tables = AlignedReader().read(gluedBrokenApplications)
    #expect(number(tables.applications, "new_received.natural_person") == nil)
    #expect(tables.applications.value("new_received.natural_person")?.cell != nil)
    IdentityInference.apply(to: &tables, lossyGrids: [])
    // The identities would give 10, which neither reading of the printed `110000112` holds.
    #expect(number(tables.applications, "new_received.natural_person") == nil)
    #expect(number(tables.applications, "results.total.natural_person") == nil)
    #expect(number(tables.applications, "new_received.total") == "12")
}

/// Table 三 crawled with spaces, its blank 总计 column dropped from every row.
private let applicationsWithBlankTotals = """
三、收到和处理政府信息公开申请情况 申请人情况 自然人 法人或其他组织 总计 商业企业 科研机构 社会公益组织 法律服务机构 其他
一、本年新收政府信息公开申请数量 1 无 无 无 无 无
二、上年结转政府信息公开申请数量 无 无 无 无 无 无
三、本年度办理结果 （一）予以公开 1 无 无 无 无 无
四、政府信息公开行政复议、行政诉讼情况
"""

@Test func aShortRowIsPlacedWhereTheRowTotalAllowsOneBlank() {
    let tables = AlignedReader().read(applicationsWithBlankTotals)
    let a = tables.applications
    #expect(number(a, "new_received.natural_person") == "1")
    #expect(number(a, "new_received.other_org") == "0")
    #expect(number(a, "new_received.total") == nil)
    #expect(number(a, "results.granted.natural_person") == "1")
    #expect(tables.warnings.contains { $0.code == "blank_cell" && $0.path == "applications.new_received.total" })
    // Six zeros fit a blank in any column; both placed rows leave 总计 blank, so it is assumed
    // blank here too, with a warning, and only printed values are read.
    #expect(number(a, "carried_over.natural_person") == "0")
    #expect(number(a, "carried_over.total") == nil)
    #expect(tables.warnings.contains { $0.code == "blank_cell_assumed" && $0.path == "applications.carried_over.total" })
}

@Test func oneShortRowPlacedByItsTotalIsNoEvidenceForTheOthers() {
    let text = applicationsWithBlankTotals.replacingOccurrences(of: "（一）予以公开 1 无 无 无 无 无", with: "（一）予以公开 无 无 无 无 无 无")
    let tables = AlignedReader().read(text)
    #expect(number(tables.applications, "new_received.natural_person") == "1")
    #expect(number(tables.applications, "carried_over.natural_person") == nil)
    #expect(tables.warnings.contains { $0.code == "row_short" && $0.path == "carried_over" })
}

@Test func anEmptyCellBetweenTabsIsABlankCellNotAShift() {
    let text = "三、收到和处理政府信息公开申请情况\t申请人情况\t自然人\t法人或其他组织\t总计\n商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\n"
        + "\t一、本年新收政府信息公开申请数量\t1\t无\t\t无\t无\t无\t1\n\t二、上年结转政府信息公开申请数量\t1\t无\t无\t无\t无\t无\t\n四、政府信息公开行政复议、行政诉讼情况\n"
    let tables = AlignedReader().read(text)
    let a = tables.applications
    #expect(number(a, "new_received.research_institution") == nil)
    #expect(number(a, "new_received.social_welfare_org") == "0")
    #expect(number(a, "new_received.total") == "1")
    #expect(number(a, "carried_over.natural_person") == "1")
    #expect(number(a, "carried_over.total") == nil)
    #expect(tables.warnings.contains { $0.code == "blank_cell" && $0.path == "carried_over.total" })
}

@Test func gluedZeroMarksCountAsZeroInTheRowTotal() {
    let text = """
    三、收到和处理政府信息公开申请情况 申请人情况自然人法人或其他组织总计 商业企业科研机构社会公益组织法律服务机构其他
    一、本年新收政府信息公开申请数量11————2 二、上年结转政府信息公开申请数量8/////8 四、政府信息公开行政复议、行政诉讼情况
    """
    let a = AlignedReader().read(text).applications
    // `11————2`: the four dashes hold at most four cells, so 11 is 1 and 1 beside a total of 2.
    #expect(number(a, "new_received.natural_person") == "1")
    #expect(number(a, "new_received.commercial_enterprise") == "1")
    #expect(number(a, "new_received.research_institution") == "0")
    #expect(number(a, "new_received.total") == "2")
    #expect(number(a, "carried_over.natural_person") == "8")
    #expect(number(a, "carried_over.other_org") == "0")
    #expect(number(a, "carried_over.total") == "8")
}

@Test func gluedZeroWordsAreCellsOneEach() {
    let text = """
    三、收到和处理政府信息公开申请情况 申请人情况自然人法人或其他组织总计 商业企业科研机构社会公益组织法律服务机构其他
    一、本年新收政府信息公开申请数量1无无无无无
    二、上年结转政府信息公开申请数量无无无无无无
    三、本年度办理结果（一）予以公开1无无无无无
    （四）无法提供1.本机关不掌握相关政府信息无无无无无无
    四、政府信息公开行政复议、行政诉讼情况
    """
    let tables = AlignedReader().read(text)
    let a = tables.applications
    // Six cells for seven columns: the row total leaves only 总计 blank, as the page printed it.
    #expect(number(a, "new_received.natural_person") == "1")
    #expect(number(a, "new_received.other_org") == "0")
    #expect(number(a, "new_received.total") == nil)
    #expect(tables.warnings.contains { $0.code == "blank_cell" && $0.path == "applications.new_received.total" })
    #expect(number(a, "carried_over.commercial_enterprise") == "0")
    // `无法提供` keeps its 无: the label is found and its row read.
    #expect(number(a, "results.unable.not_held.natural_person") == "0")
}

@Test func aZeroWordInALabelOrProseIsNoCell() {
    #expect(TextStream.zeroWordCells(in: ArraySlice(Array("无法提供")), at: 0, after: nil, before: nil) == nil)
    #expect(TextStream.zeroWordCells(in: ArraySlice(Array("本年度无")), at: 3, after: nil, before: nil) == nil)
    #expect(TextStream.zeroWordCells(in: ArraySlice(Array("无无法提供")), at: 0, after: nil, before: nil) == nil)
    #expect(TextStream.zeroWordCells(in: ArraySlice(Array("无无无法提供")), at: 0, after: nil, before: nil) == 2)
    #expect(TextStream.zeroWordCells(in: ArraySlice(Array("无")), at: 0, after: "7", before: nil) == 1)
    #expect(TextStream.zeroWordCells(in: ArraySlice(Array("文件无")), at: 2, after: nil, before: "1") == 3)
    #expect(TextStream.zeroWordCells(in: ArraySlice(Array("无")), at: 0, after: "1", before: "法") == nil)
}

@Test func gluedDashMarksOfAWholeRowAreCellsOneEach() {
    let text = """
    四、政府信息公开行政复议、行政诉讼情况
    行政复议行政诉讼
    结果维持结果纠正其他结果尚未审结总计未经复议直接起诉复议后起诉
    结果维持结果纠正其他结果尚未审结总计结果维持结果纠正其他结果尚未审结总计
    ———————————————
    五、存在的主要问题及改进情况
    """
    let r = AlignedReader().read(text).reviewLitigation
    #expect(number(r, "review.upheld") == "0")
    #expect(number(r, "litigation_after_review.total") == "0")
}

@Test func aMisprintedLabelBetweenItsNeighboursIsFound() {
    let text = """
    三、收到和处理政府信息公开申请情况 申请人情况自然人法人或其他组织总计 商业企业科研机构社会公益组织法律服务机构其他
    一、本年新收政府信息公开申请数量1000001
    （三）不予公开1.属于国家秘密0000000
    2.其他法律行政止公开1000001
    3.危及“三安全一稳定”0000000
    四、政府信息公开行政复议、行政诉讼情况
    """
    let tables = AlignedReader().read(text)
    #expect(number(tables.applications, "results.withheld.state_secret.natural_person") == "0")
    #expect(number(tables.applications, "results.withheld.prohibited_by_law.natural_person") == "1")
    #expect(number(tables.applications, "results.withheld.prohibited_by_law.total") == "1")
}

@Test func blankCellsBetweenTabsCountInARowOfValuesWithoutLabel() {
    let text = "四、政府信息公开行政复议、行政诉讼情况行政复议\t行政诉讼\n"
        + "结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t未经复议直接起诉\t复议后起诉\n"
        + "结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t结果维持\t结果纠正\t其他结果\t尚未审结\t总计\n"
        + "5\t\t\t2\t7\t8\t\t\t1\t9\t\t\t\t\t\n五、存在的主要问题\n"
    let r = AlignedReader().read(text).reviewLitigation
    #expect(number(r, "review.upheld") == "5")
    #expect(number(r, "review.corrected") == nil)
    #expect(number(r, "review.pending") == "2")
    #expect(number(r, "review.total") == "7")
    #expect(number(r, "litigation_direct.total") == "9")
    #expect(number(r, "litigation_after_review.total") == nil)
}

@Test func aLoneValueEndingInATabIsOneCell() {
    let runs = TextStream("一、本年新收政府信息公开申请数量\t\n8\t\n/\t\n5\t\t3\t\n").tokens.compactMap { t -> String? in
        if case .run(let r) = t { return r.raw } else { return nil }
    }
    #expect(runs == ["8", "/", "5", "", "3", ""])
}

/// `pdftotext` without `-layout` on a ruled table: every label first, then the numbers column by
/// column. No number can be placed: the table is null and says why, no value is guessed.
@Test func textThatLostTheTableOrderIsNotRead() {
    let labels = ["一、本年新收政府信息公开申请数量", "二、上年结转政府信息公开申请数量", "三、本年度办理结果", "（一）予以公开",
                  "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "（三）不予公开", "1.属于国家秘密", "2.其他法律行政法规禁止公开",
                  "3.危及“三安全一稳定”", "4.保护第三方合法权益", "5.属于三类内部事务信息", "6.属于四类过程性信息"]
    let numbers = (0..<70).map { String($0 % 3) }
    let text = "三、收到和处理政府信息公开申请情况\n申请人情况\n" + labels.joined(separator: "\n") + "\n" + numbers.joined(separator: "\n") + "\n四、政府信息公开行政复议、行政诉讼情况\n"
    let tables = AlignedReader().read(text)
    #expect(tables.applications.values.allSatisfy { $0.value == nil })
    #expect(tables.warnings.contains { $0.code == "text_order_lost" })
}

@Test func numbersOfABlockOfRowsAreNotDealtOutToRowsFarAbove() {
    let rows: [(path: String, runs: [TextStream.Run])] = [("a", []), ("b", []), ("c", []),
        ("d", (0..<28).map { TextStream.Run(raw: "\($0)", single: true, span: .init(line: 1, column: $0, length: 1)) })]
    let out = ApplicationsAlignment.regroup(rows, width: 7)
    #expect(out.map(\.runs.count) == [0, 0, 0, 28])
    let near = ApplicationsAlignment.regroup(Array(rows.dropFirst(2)).map { ($0.path, Array($0.runs.prefix(14))) }, width: 7)
    #expect(near.map(\.runs.count) == [7, 7])
}

@Test func headerWordsBeforeASectionsMarkerAreNotItsColumns() {
    let t = LabelText.foldScalars("4-30本年增/减处理决定数量第二十条第（六）项信息内容上一年项目数量")
    let columns = ProactiveAlignment.columns(in: t, from: 0, to: t.count)
    #expect(columns.map(\.key) == ["previous_year_items"])
}
