import Foundation
import GongkaiKit
import TableLayout
import Testing
import WordTables

/// The fixtures are written by scripts/make_word_fixtures.py.
private let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

private func bytes(_ relative: String) throws -> [UInt8] {
    Array(try Data(contentsOf: root.appendingPathComponent(relative)))
}

private func merges() throws -> TableDocument {
    try WordDocumentReader().read(bytes: bytes("Tests/WordTablesTests/Fixtures/merges.docx"))
}

@Test func gridSpanAndVMergeBecomeMergedCells() throws {
    let doc = try merges()
    let grid = try #require(doc.grids.first)
    #expect(doc.grids.count == 1)
    #expect(grid.columnCount == 4)
    let header = try #require(grid.cell(row: 0, column: 2))
    #expect(header.text == "本年情况" && header.column == 1 && header.columnSpan == 3)
    let label = try #require(grid.cell(row: 2, column: 0))
    #expect(label.text == "规章" && label.row == 1 && label.rowSpan == 2)
    #expect(grid.cell(row: 2, column: 1)?.text == "1")
    #expect(grid.cell(row: 2, column: 2)?.text == "", "an empty cell stays empty, never 0")
}

@Test func spacerRowIsDroppedAndGridBeforeShiftsTheRow() throws {
    let grid = try #require(try merges().grids.first)
    // Six <w:tr>s, one of them all blank.
    #expect(grid.rowCount == 5)
    #expect(grid.cell(row: 3, column: 0)?.text == "", "gridBefore leaves column 0 empty")
    #expect(grid.cell(row: 3, column: 1)?.text == "7")
    let wide = try #require(grid.cell(row: 3, column: 3))
    #expect(wide.text == "8" && wide.column == 2 && wide.columnSpan == 2)
    // The blank <w:tr> (index 3) gives its height to the row above; the next kept row starts at <w:tr> 4.
    #expect(wide.box.y0 == 80)
}

@Test func runsBreaksAndTabsInCellsAndRowsInContentControls() throws {
    let grid = try #require(try merges().grids.first)
    #expect(grid.cells(inRow: 4).map(\.text) == ["行政规范性文件", "12", "3 4", "无"])
}

@Test func columnsAreAsWideAsTheTableGridDeclares() throws {
    let grid = try #require(try merges().grids.first)
    // w:gridCol 2000/1000/1000/1000 twentieths of a point.
    #expect(grid.columnEdges == [0, 100, 150, 200, 250])
}

@Test func titleLinesComeFromTheBodyWithTheirTypeSize() throws {
    let doc = try merges()
    #expect(doc.leadingLines.first == .init(text: "某某县财政局2021年政府信息公开工作年度报告", height: 22))
    // A hidden run (w:vanish) in the middle of the heading is not read.
    #expect(doc.leadingLines.map(\.text).contains("一、总体情况"))
    #expect(!doc.fullText.contains("隐藏"))
    // The text box is read once: its mc:Fallback copy is skipped.
    #expect(doc.leadingLines.filter { $0.text == "文本框说明" }.count == 1)
    #expect(doc.fullText.components(separatedBy: "文本框说明").count == 2)
    #expect(doc.fullText.hasSuffix("四、存在的主要问题"))
    #expect(doc.metadataTitle == "文档属性标题")
}

@Test func aLayoutTableIsReadThroughToTheTableInside() throws {
    let doc = try WordDocumentReader().read(bytes: bytes("Tests/WordTablesTests/Fixtures/layout_table.docx"))
    #expect(doc.grids.count == 1)
    let grid = try #require(doc.grids.first)
    #expect(grid.rowCount == 2 && grid.columnCount == 2)
    #expect(grid.cell(row: 1, column: 1)?.text == "9")
    #expect(doc.leadingLines.map(\.text) == ["正文", "表格前的说明"])
    #expect(doc.metadataTitle == "某某市2020年政府信息公开工作年度报告")
}

@Test func notAZipOrNoDocumentPartIsAnError() throws {
    #expect(throws: WordError.self) { try WordDocumentReader().read(bytes: Array("not a zip".utf8)) }
    // An XLSX is a zip without word/document.xml.
    let xlsx = try bytes("Tests/GongkaiCLITests/ForeignFixtures/book.xlsx")
    do {
        _ = try WordDocumentReader().read(bytes: xlsx)
        Issue.record("an XLSX was read as a Word document")
    } catch {
        #expect(error.description.contains("word/document.xml"))
    }
}

@Test func zipArchiveListsAndReadsMembers() throws {
    let archive = try ZipArchive(bytes: bytes("Tests/WordTablesTests/Fixtures/merges.docx"))
    #expect(archive.memberNames.contains("word/document.xml"))
    #expect(archive.contains("docProps/core.xml"))
    let xml = String(decoding: try archive.read("word/document.xml"), as: UTF8.self)
    #expect(xml.contains("<w:tbl>"))
    #expect(throws: ZipError.missingMember("word/missing.xml")) { try archive.read("word/missing.xml") }
}

@Test func docxIsRecognisedByContentWhateverItsName() throws {
    let docx = try bytes("samples/docx/w000.docx")
    #expect(InputFormat.detect(bytes: docx, path: "download.bin") == .docx)
    #expect(InputFormat.detect(bytes: try bytes("Tests/GongkaiCLITests/ForeignFixtures/book.xlsx"), path: "x.docx") != .docx)
}

@Test func aWordReportGivesTheSameValuesAsItsTruth() throws {
    let report = try ReportExtractor().extract(path: root.appendingPathComponent("samples/docx/w000.docx").path)
    #expect(report.source?.kind == "docx")
    #expect(report.title?.title == "武汉市城市管理局2021年政府信息公开工作年度报告")
    let json = report.json(provenance: true)
    guard case .object(let root) = json, case .object(let proactive)? = root["proactive"],
          case .object(let documents)? = proactive["normative_documents"] else {
        Issue.record("no proactive.normative_documents"); return
    }
    #expect(documents["in_force"] == .number(ReportNumber(18)))
    // Provenance names the table (grid), its row and Word grid column.
    guard case .array(let sources)? = root["provenance"],
          let entry = sources.first(where: { if case .object(let o) = $0 { return o["path"] == .string("proactive.normative_documents.in_force") } else { return false } }),
          case .object(let o) = entry, case .object(let cell)? = o["cell"] else {
        Issue.record("no provenance for proactive.normative_documents.in_force"); return
    }
    #expect(cell["row"] == .number(ReportNumber(3)) && cell["column"] == .number(ReportNumber(3)))
    #expect(o["raw"] == .string("18"))
}

@Test func aTitleSizedByItsStyleReadsLargerAndTheMainPartComesFromTheRelationships() throws {
    let doc = try WordDocumentReader().read(bytes: bytes("Tests/WordTablesTests/Fixtures/styled_title.docx"))
    // Style a3 is based on Heading (w:sz 40 half-points); the document default is 24.
    #expect(doc.leadingLines == [.init(text: "某某区2022年政府信息公开工作年度报告", height: 20), .init(text: "一、总体情况", height: 12)])
    #expect(doc.grids.first?.cells.map(\.text) == ["规章", "2"])
    let title = TitleReader.read(lines: doc.leadingLines.map { TitleReader.HeadLine(text: $0.text, height: $0.height) })
    #expect(title?.agency == "某某区" && title?.year == 2022)
}

@Test func nestedEntitiesInADTDAreNotExpanded() throws {
    let clock = ContinuousClock()
    let start = clock.now
    let doc = try WordDocumentReader().read(bytes: bytes("Tests/WordTablesTests/Fixtures/entity_bomb.docx"))
    #expect(clock.now - start < .seconds(5))
    // libxml2 gives up on the part at the entity (what follows is lost, as from any broken XML);
    // nothing is expanded.
    let grid = try #require(doc.grids.first)
    #expect(grid.cells.first?.text == "", "the entity reference reads as nothing, not 10^9 copies")
    #expect(doc.fullText.count < 100)
}

@Test func hostileAttributeValuesStayOutOfTheGeometry() throws {
    let doc = try WordDocumentReader().read(bytes: bytes("Tests/WordTablesTests/Fixtures/hostile_values.docx"))
    let grid = try #require(doc.grids.first)
    #expect(grid.cell(row: 0, column: 0)?.text == "甲", "a negative gridBefore skips nothing")
    #expect(grid.columnCount <= 200, "a gridSpan of 99999 is clipped")
    #expect(grid.columnEdges.allSatisfy { $0.isFinite } && grid.rowEdges.allSatisfy { $0.isFinite })
    #expect(doc.leadingLines.first?.height == 10.5, "an absurd w:sz is ignored")
}

@Test func flatOPCReadsLikeTheDOCXItWasSavedFrom() throws {
    let flatBytes = try bytes("Tests/WordTablesTests/Fixtures/flat_opc.xml")
    #expect(InputFormat.detect(bytes: flatBytes, path: "report.doc") == .docx)
    let flat = try WordDocumentReader().read(bytes: flatBytes)
    let docx = try merges()
    #expect(flat.grids == docx.grids)
    #expect(flat.leadingLines == docx.leadingLines)
    #expect(flat.metadataTitle == "文档属性标题")
}

@Test func word2003XMLReadsSectionsLowerCaseMergesAndItsTitle() throws {
    let doc = try WordDocumentReader().read(bytes: bytes("Tests/WordTablesTests/Fixtures/word2003.xml"))
    let grid = try #require(doc.grids.first)
    #expect(grid.cell(row: 0, column: 2)?.text == "本年新制发件数")
    let label = try #require(grid.cell(row: 2, column: 0))
    #expect(label.text == "规章" && label.rowSpan == 2)
    #expect(grid.cells(inRow: 2).map(\.text) == ["规章", "0", "2"])
    #expect(doc.leadingLines.map(\.text) == ["正文开头"])
    #expect(doc.metadataTitle == "某某镇2019年政府信息公开工作年度报告")
}

@Test func aDOCXImportingAWebPageReadsAsThatPage() throws {
    let docx = try ReportExtractor().extract(path: root.appendingPathComponent("Tests/WordTablesTests/Fixtures/altchunk.docx").path)
    let page = try ReportExtractor().extract(path: root.appendingPathComponent("samples/html/pingtan_2024_article.html").path)
    #expect(docx.source?.kind == "docx")
    #expect(docx.title == page.title && docx.title != nil)
    #expect(docx.json()["proactive"] == page.json()["proactive"])
    #expect(docx.json()["applications"] == page.json()["applications"])
    #expect(docx.json()["review_litigation"] == page.json()["review_litigation"])
}
