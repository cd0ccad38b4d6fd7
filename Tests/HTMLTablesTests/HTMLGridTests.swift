import PageGeometry
import TableLayout
import Testing
@testable import HTMLTables

private func read(_ html: String) throws -> TableDocument {
    try HTMLTableReader().read(bytes: Array(html.utf8))
}

/// Every grid position is covered by exactly one cell.
private func coverage(_ grid: CellGrid) -> [[Int]] {
    var counts = Array(repeating: Array(repeating: 0, count: grid.columnCount), count: grid.rowCount)
    for cell in grid.cells {
        for r in cell.row...cell.lastRow { for c in cell.column...cell.lastColumn { counts[r][c] += 1 } }
    }
    return counts
}

/// A Word-pasted table 三 head and body: nested spans, header words split into <p>/<span>/<br>,
/// &nbsp; padding, a spacer row, an empty <tr> that only carries a rowspan, the group label
/// 三、本年度办理结果 split into two rowspan cells at a page break, and a short row.
private let wordPasted = """
<html><head><meta charset="utf-8"><title>某局2024年度政府信息公开工作年度报告_网站</title></head><body>
<div class="nav">首页 &gt; 政府信息公开年报</div>
<h1>某局2024年度政府信息公开工作年度报告</h1>
<p>本报告根据《条例》编制。</p>
<table border="1">
<tbody>
<tr><td rowspan="3" colspan="3"><p><span>（本列数据的勾稽关系为：</span><span>第一项加第二项之和，等于第三项加第四项之和）</span></p></td>
    <td colspan="3"><p><span>申请人</span></p><p><span>情况</span></p></td></tr>
<tr><td rowspan="2"><p>自然人</p></td><td colspan="2"><p>法人或<br/>其他组织</p></td></tr>
<tr><td><p><span>商业</span><span>企业</span></p></td><td>&nbsp;科研&nbsp;&nbsp;
        机构&nbsp;</td></tr>
<tr><td colspan="6"><p>&nbsp;</p></td></tr>
<tr><td colspan="3">一、本年新收政府信息公开申请数量</td><td>5</td><td> 1&nbsp;&nbsp;&nbsp;</td><td>&nbsp;</td></tr>
<tr><td rowspan="3"><p>三、本年度办理结果</p></td><td colspan="2">（一）予以公开</td><td>3</td><td>1</td><td>0</td></tr>
<tr><td colspan="2">（二）部分公开</td><td>1</td><td>0</td><td>0</td></tr>
<tr></tr>
<tr><td rowspan="2"><p>三、本年度办理结果</p></td><td rowspan="2">（三）不予公开</td><td>1.属于国家秘密</td><td>1</td><td>0</td></tr>
<tr><td>2.其他法律行政法规禁止公开</td><td>0</td><td>0</td><td>0</td></tr>
</tbody></table>
<p>正文在表后。</p>
</body></html>
"""

@Test func wordPastedTableExpandsSpansAndDropsSpacerRows() throws {
    let doc = try read(wordPasted)
    #expect(doc.grids.count == 1)
    let grid = try #require(doc.grids.first)
    #expect(grid.page == 1)
    // <tr>s 0–2 header, 3 spacer (dropped), 4 new_received, 5–6 results, 7 empty (dropped), 8–9 withheld.
    #expect(grid.rowCount == 8)
    #expect(grid.columnCount == 6)
    #expect(coverage(grid).allSatisfy { $0.allSatisfy { $0 == 1 } })

    let corner = try #require(grid.cell(row: 0, column: 0))
    #expect((corner.rowSpan, corner.columnSpan) == (3, 3))
    #expect(corner.text == "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）")
    #expect(grid.cell(row: 0, column: 3)?.text == "申请人情况")
    #expect(grid.cell(row: 0, column: 3)?.columnSpan == 3)
    let natural = try #require(grid.cell(row: 2, column: 3))
    #expect(natural.text == "自然人" && natural.row == 1 && natural.rowSpan == 2)
    #expect(grid.cell(row: 1, column: 4)?.text == "法人或其他组织")
    #expect(grid.cell(row: 2, column: 4)?.text == "商业企业")
    #expect(grid.cell(row: 2, column: 5)?.text == "科研机构")

    // new_received: &nbsp; padding gone, an &nbsp;-only cell is blank.
    #expect(grid.cells(inRow: 3).map(\.text) == ["一、本年新收政府信息公开申请数量", "5", "1", ""])

    // The first half of the split group label lost the empty <tr> from its rowspan of 3.
    let firstHalf = try #require(grid.cell(row: 4, column: 0))
    #expect(firstHalf.text == "三、本年度办理结果" && firstHalf.row == 4 && firstHalf.rowSpan == 2)
    let secondHalf = try #require(grid.cell(row: 6, column: 0))
    #expect(secondHalf.text == "三、本年度办理结果" && secondHalf.row == 6 && secondHalf.rowSpan == 2)
    #expect(grid.cell(row: 7, column: 1)?.text == "（三）不予公开")
    // The short row (one <td> too few) is filled with an empty cell.
    let filler = try #require(grid.cell(row: 6, column: 5))
    #expect(filler.text == "" && filler.rowSpan == 1 && filler.columnSpan == 1)

    // Geometry: 40 per column without declared widths; y0 is 20 × the <tr> index, and a
    // dropped row's height goes to the row above.
    #expect(grid.columnEdges == [0, 40, 80, 120, 160, 200, 240])
    #expect(grid.rowEdges == [0, 20, 40, 80, 100, 120, 160, 180, 200])
    #expect(corner.box == Rect(x0: 0, y0: 0, x1: 120, y1: 80))
    #expect(firstHalf.box == Rect(x0: 0, y0: 100, x1: 40, y1: 160))
    #expect(secondHalf.box == Rect(x0: 0, y0: 160, x1: 40, y1: 200))
}

@Test func textBeforeTheFirstTableLeadsAndTitleComesFromHead() throws {
    let doc = try read(wordPasted)
    #expect(doc.metadataTitle == "某局2024年度政府信息公开工作年度报告_网站")
    #expect(doc.leadingLines.map(\.text) == ["首页>政府信息公开年报", "某局2024年度政府信息公开工作年度报告", "本报告根据《条例》编制。"])
    #expect(doc.leadingLines[1].height > doc.leadingLines[0].height)  // <h1>
    #expect(doc.fullText.contains("正文在表后。"))
    #expect(doc.fullText.contains("申请人情况"))
    #expect(doc.pages == 1)
}

/// Word's misaligned borders: a sliver column (1 px) that header and value rows span differently.
/// Laid out by declared widths, each value sits under its header as a browser draws it.
@Test func declaredWidthsAlignValuesUnderMisalignedHeaders() throws {
    let doc = try read("""
    <table border="1">
    <tr><td style="width:219px">信息内容</td><td style="width:149px">上一年项目数量</td>
        <td colspan="2" style="width:101px">本年增/减</td><td style="width:89px">处理决定数量</td></tr>
    <tr><td style="width:219px">行政许可</td><td colspan="2" style="width:150px">7</td>
        <td style="width:101px">-2</td><td style="width:89px">5</td></tr>
    </table>
    """)
    let grid = try #require(doc.grids.first)
    #expect(grid.columnCount == 5)
    #expect(grid.columnEdges == [0, 219, 368, 369, 470, 559])
    let header = try #require(grid.cells.first { $0.text == "本年增/减" })
    let values = grid.cells(inRow: 1).filter { $0.column > 0 }
    // The value under 本年增/减 is the one overlapping it most: -2, not 7.
    let under = values.max { $0.box.horizontalOverlap(header.box) < $1.box.horizontalOverlap(header.box) }
    #expect(under?.text == "-2")
    #expect(values.first { $0.text == "7" }?.columnSpan == 2)
}

@Test func colElementsAndUnitsGiveWidths() throws {
    let doc = try read("""
    <table><colgroup><col width="100"><col span="2" style="width:30pt"></colgroup>
    <tr><td>a</td><td>b</td><td width="50%">c</td></tr></table>
    """)
    #expect(doc.grids.first?.columnEdges == [0, 100, 140, 180])
}

@Test func layoutTablesAreNotGridsButTheTablesInsideThemAre() throws {
    let doc = try read("""
    <html><body><table class="layout"><tr><td>
      <p>某县2020年政府信息公开工作年度报告</p>
      <table><tr><td>信息内容</td><td>本年新制作数量</td></tr><tr><td>规章</td><td>1</td></tr></table>
      <table><tr><td>行政复议</td></tr><tr><td>0</td></tr></table>
    </td></tr></table></body></html>
    """)
    #expect(doc.grids.count == 2)
    #expect(doc.grids.map(\.page) == [1, 2])
    #expect(doc.grids[0].cell(row: 1, column: 1)?.text == "1")
    #expect(doc.leadingLines.map(\.text) == ["某县2020年政府信息公开工作年度报告"])
}

@Test func spansAreClippedLikeBrowsersDo() throws {
    // rowspan past the last row, rowspan=0 (to the end), colspan running into a cell from above.
    let doc = try read("""
    <table>
    <tr><td rowspan="5">A</td><td>B</td><td rowspan="0">C</td></tr>
    <tr><td colspan="3">D</td></tr>
    <tr><td>E</td></tr>
    </table>
    """)
    let grid = try #require(doc.grids.first)
    #expect(grid.rowCount == 3 && grid.columnCount == 3)
    #expect(grid.cells.first { $0.text == "A" }?.rowSpan == 3)
    #expect(grid.cells.first { $0.text == "C" }?.rowSpan == 3)
    #expect(grid.cells.first { $0.text == "D" }?.columnSpan == 1)
    #expect(coverage(grid).allSatisfy { $0.allSatisfy { $0 == 1 } })
}

@Test func aBlankLastRowIsKeptAsBlankValues() throws {
    // Table 四 with every value left blank: the row of blanks is data (nulls with warnings), not a spacer.
    let doc = try read("""
    <table><tr><td>行政复议</td><td>行政诉讼</td></tr><tr><td>&nbsp;</td><td>&nbsp;</td></tr><tr></tr></table>
    """)
    #expect(doc.grids.first?.rowCount == 2)
}

@Test func textCollapsesWhitespaceButKeepsLatinWordsApart() {
    #expect(HTMLText.collapse("  社会公益\n \u{a0} \u{a0}组织\n ") == "社会公益组织")
    #expect(HTMLText.collapse("\u{a0}0\u{a0}\u{a0}") == "0")
    #expect(HTMLText.collapse("www.example.gov.cn \n 下载") == "www.example.gov.cn下载")
    #expect(HTMLText.collapse("12 \n 34") == "12 34")
    #expect(HTMLText.collapse("自\u{200B}然\u{3000}人") == "自然人")
}

@Test func aRowOfHalfAMillionCellsIsCutAtTheColumnLimit() throws {
    // A page with 500 000 <td>s in one row of a report table used to fill every other row with as
    // many empty cells: gigabytes. Cells past the column limit are dropped.
    let flood = String(repeating: "<td>", count: 500_000)
    let html = "<table><tr><td>信息内容</td><td>本年新制作数量</td></tr><tr><td>规章</td><td>3</td>\(flood)</tr>"
        + String(repeating: "<tr><td>x</td><td>1</td></tr>", count: 30) + "</table>"
    let grid = try #require(try read(html).grids.first)
    #expect(grid.columnCount == HTMLTableLayout.maxColumns)
    #expect(grid.rowCount == 32)
    #expect(grid.cells.first { $0.row == 1 && $0.column == 1 }?.text == "3")
    #expect(coverage(grid).allSatisfy { $0.allSatisfy { $0 == 1 } })
}
