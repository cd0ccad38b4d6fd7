import Foundation
import Testing

// Pages of samples as other producers re-make them (scripts/make_producer_fixtures.sh): each must
// read as the original.

/// Reads `fixture` (page 2 of `samples/rl_2021_combined_zero.pdf` re-made by another producer):
/// all 175 cells of table 三 must be the original's, and a warning `code` must name `why`.
private func expectReadAsTheOriginal(_ fixture: String, warning code: String = "ocr_page", naming why: String) throws {
    let expectedURL = CLI.root.appendingPathComponent("samples/rl_2021_combined_zero.expected.json")
    let expected = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: expectedURL)) as? [String: Any])
    let result = try CLI.run(["extract", "Tests/GongkaiCLITests/LayoutFixtures/\(fixture)"])
    #expect(result.status == 0, "stderr: \(result.stderr)")
    let actual = try #require(result.json)
    let want = cells(expected).filter { $0.key.hasPrefix("applications.") }, got = cells(actual)
    #expect(want.count == 175)
    for (path, value) in want.sorted(by: { $0.key < $1.key }) {
        if value is NSNull {
            #expect(got[path] is NSNull, "\(path) should be null, got \(String(describing: got[path]))")
        } else {
            #expect(got[path] as? Double == value as? Double, "\(path) want \(value), got \(String(describing: got[path]))")
        }
    }
    let warnings = (actual["warnings"] as? [[String: Any]]) ?? []
    #expect(warnings.contains { ($0["code"] as? String) == code && (($0["message"] as? String) ?? "").contains(why) },
            "warnings: \(warnings)")
}

@Test func postScriptRoundTripPageIsReadByItsGlyphShapes() throws {
    // Printed to PostScript and distilled back: the fonts lost their ToUnicode maps and Poppler
    // reads the glyph codes through WinAnsi as Latin letters and signs (¬ ® ª «). Each distinct
    // glyph is read once by OCR from its shape (digits too: their codes cannot be trusted either),
    // the page keeps its vector layout, and table 三 comes out as in the original.
    try expectReadAsTheOriginal("ps_roundtrip_rl_2021_combined_zero_p2.pdf", warning: "ocr_glyphs", naming: "wrong characters or none")
}

@Test func ghostscriptRewrittenPageIsReadByItsGlyphShapes() throws {
    // Re-written by Ghostscript's pdfwrite: the CJK font becomes single-byte TrueType fonts
    // without ToUnicode, each glyph given a width of nearly four ems and moved back by TJ. The
    // glyphs' shapes give the characters; their boxes must not spread over the next columns.
    try expectReadAsTheOriginal("gs_pdfwrite_rl_2021_combined_zero_p2.pdf", warning: "ocr_glyphs", naming: "wrong characters or none")
}

@Test func pageWithTextAsOutlinesIsReadByOCR() throws {
    // Re-made with its text turned into filled paths (Ghostscript -dNoOutputFonts): no text layer
    // and no picture. It shows the report, so it is read by OCR, not turned away as empty.
    try expectReadAsTheOriginal("outlines_rl_2021_combined_zero_p2.pdf", naming: "outlines")
}
