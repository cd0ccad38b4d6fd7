import Testing
@testable import GongkaiKit

@Test func pdfIsDetectedByItsHeader() {
    #expect(InputFormat.detect(bytes: Array("%PDF-1.7\n".utf8), path: "x.txt") == .pdf)
}
