import Testing
@testable import PopplerKit

@Test func pdfHeaderFoundWithinFirstKilobyte() {
    #expect(FileSniffer.hasPDFHeader(Array("%PDF-1.7\n".utf8)))
    #expect(FileSniffer.hasPDFHeader(Array(repeating: 0x20, count: 500) + Array("%PDF-1.4".utf8)))
    #expect(!FileSniffer.hasPDFHeader(Array(repeating: 0x20, count: 1100) + Array("%PDF-1.4".utf8)))
}

@Test func describesCommonNonPDFInputs() {
    #expect(FileSniffer.describe(Array("<!DOCTYPE html><html>".utf8)) == "HTML")
    #expect(FileSniffer.describe([0x50, 0x4B, 0x03, 0x04, 0, 0]) == "a ZIP container (DOCX/XLSX/OFD?)")
    #expect(FileSniffer.describe(Array("plain words\n".utf8)) == "text")
}
