import Testing
@testable import PopplerKit

// The package declares this test target; this file gives it sources so a fresh checkout builds.
@Test func snifferNamesHTMLAndFindsPDFHeader() {
    #expect(FileSniffer.describe(Array("<!DOCTYPE html><html><body></body></html>".utf8)) == "HTML")
    #expect(FileSniffer.hasPDFHeader(Array("\n%PDF-1.7\n".utf8)))
    #expect(!FileSniffer.hasPDFHeader(Array("<html>".utf8)))
}
