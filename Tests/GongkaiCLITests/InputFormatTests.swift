import Testing
@testable import GongkaiKit

@Test func pdfIsDetectedByItsHeader() {
    #expect(InputFormat.detect(bytes: Array("%PDF-1.7\n".utf8), path: "x.txt") == .pdf)
}

@Test func markdownTablesAfterLongProseAreFound() {
    // A report's tables come after pages of prose: well past the first 4 KB.
    let prose = String(repeating: "2024年，我局坚持以公开为常态、不公开为例外，推进政务公开。\n", count: 120)
    let table = "| 信息内容 | 本年制发件数 |\n|---|---|\n| 规章 | 0 |\n"
    let bytes = Array((prose + table).utf8)
    #expect(bytes.count > 8192)
    #expect(InputFormat.detect(bytes: bytes, path: "report.txt") == .markdown)
    #expect(InputFormat.detect(bytes: Array(prose.utf8), path: "report.txt") == .text)
}

@Test func utf16AndGBKTextAreSniffedAfterDecoding() {
    let md = "| 信息内容 | 本年制发件数 |\n|---|---|\n| 规章 | 0 |\n"
    let le: [UInt8] = [0xFF, 0xFE] + Array(md.utf16).flatMap { u -> [UInt8] in [UInt8(u & 0xFF), UInt8(u >> 8)] }
    #expect(InputFormat.detect(bytes: le, path: "-") == .markdown)
    // 行政许可 92 in GBK: layout text.
    #expect(InputFormat.detect(bytes: [0xD0, 0xD0, 0xD5, 0xFE, 0xD0, 0xED, 0xBF, 0xC9, 0x20, 0x20, 0x39, 0x32], path: "-") == .text)
}

@Test func unsupportedEncodingHasItsOwnCodeAndStatus() {
    let e = ExtractionError.unsupportedEncoding(path: "a.txt", detail: "neither UTF-8 nor GB18030")
    #expect(e.code == "unsupported_encoding")
    #expect(e.exitStatus == 12)
    #expect(Set(
        [ExtractionError.unreadable(path: "", detail: ""), .emptyFile(path: ""), .notPDF(path: "", looksLike: ""), .damaged(path: "", detail: ""),
         .encrypted(path: ""), .noTextLayer(path: "", pages: 0), .noReportTables(path: "", detail: ""), .unknownTemplate(path: "", detail: ""),
         .unsupportedFormat(path: "", format: ""), e].map(\.exitStatus)).count == 10)
}

@Test func textNamedPDFIsAFailedDownloadNotText() {
    do {
        _ = try ReportExtractor().extract(bytes: Array("规章  0  0  0\n".utf8), path: "report.pdf")
        Issue.record("text named .pdf was read")
    } catch {
        #expect(error.code == "not_pdf")
    }
}

@Test func forcedFormatOverridesDetection() throws {
    let md = "某局2024年政府信息公开工作年度报告\n\n| 第二十条第（五）项 | |\n|---|---|\n| 信息内容 | 本年处理决定数量 |\n| 行政许可 | 92 |\n"
    let doc = try ReportExtractor().extract(bytes: Array(md.utf8), path: "-", format: .markdown)
    #expect(doc.source?.kind == "text")
    #expect(doc.tables.proactive.value("licensing.decisions")?.value == ReportNumber(92))
}
