import GongkaiKit
import Testing

// The package declares this test target; this file gives it sources so a fresh checkout builds.
@Test func webPagesAreDetectedAsHTMLByContent() {
    #expect(InputFormat.detect(bytes: Array("<!DOCTYPE html>\n<html><body><table></table>".utf8), path: "report") == .html)
    #expect(InputFormat.detect(bytes: Array("<p>x</p><table><tr><td>1</td></tr></table>".utf8), path: "fragment.txt") == .html)
    #expect(InputFormat.detect(bytes: Array("%PDF-1.4\n".utf8), path: "a.html") == .pdf)
    #expect(InputFormat.html.sourceKind == "html")
}
