import Foundation
import Testing

// The CLI only parses arguments and prints: `grids` reads through the pipeline of `extract`,
// and fault injection is a hidden option of `batch`, not something the environment turns on.

@Test func theFaultEnvironmentNoLongerReachesExtractOrBatch() throws {
    let sample = "samples/" + samplePDFs[0]
    let extract = try CLI.run(["extract", sample, "--compact"], environment: ["GONGKAI_TEST_FAULT": "crash:" + samplePDFs[0]])
    #expect(extract.status == 0, "\(extract.stderr)")
    let batch = try CLI.run(["batch", sample], environment: ["GONGKAI_TEST_FAULT": "crash:" + samplePDFs[0]])
    #expect(batch.status == 0, "\(batch.stderr)")
    #expect(!String(decoding: batch.stdout, as: UTF8.self).contains("\"crashed\""))
}

@Test func theHiddenFaultOptionIsCheckedAndKeptOutOfHelp() throws {
    let bad = try CLI.run(["batch", "samples", "--debug-fault", "explode:a.pdf"])
    #expect(bad.status == 64 && bad.stderr.contains("--debug-fault takes KIND:NAME"), "\(bad.stderr)")
    let help = try CLI.run(["batch", "--help"])
    #expect(!String(decoding: help.stdout, as: UTF8.self).contains("debug-fault"))
    #expect(try CLI.run(["extract", "samples/" + samplePDFs[0], "--debug-fault", "crash:x"]).status == 64)
}

/// `grids` fails as `extract` does (the same message and exit status), since it reads the same way.
@Test func gridsFailsLikeExtract() throws {
    for fixture in ["empty.pdf", "html_error_page.pdf", "damaged.pdf", "utf16_no_bom.html"] {
        let path = "Tests/GongkaiCLITests/Fixtures/" + fixture
        let extract = try CLI.run(["extract", path])
        let grids = try CLI.run(["grids", path])
        #expect(grids.status == extract.status && grids.stderr == extract.stderr, "\(fixture): \(grids.stderr)")
    }
}

/// Every format goes through its reader in the pipeline: a web page's tables, a Word document's,
/// a text file's grids (with the note `extract --verbose` gives on how it was read).
@Test func gridsPrintsTheTablesOfEveryFormat() throws {
    let html = try CLI.run(["grids", "samples/html/pingtan_2019_article.html"])
    let htmlText = String(decoding: html.stdout, as: UTF8.self)
    #expect(html.status == 0 && htmlText.contains("-- table 1: ") && htmlText.contains("<tr> index"), "\(html.stderr)")
    let word = try CLI.run(["grids", "samples/docx/w000.docx"])
    let wordText = String(decoding: word.stdout, as: UTF8.self)
    #expect(word.status == 0 && wordText.contains("== input: docx;") && wordText.contains("<w:tr> index"), "\(word.stderr)")
    let text = try CLI.run(["grids", "Tests/TextTablesTests/Fixtures/layout_pdftotext_2019.txt"])
    let textText = String(decoding: text.stdout, as: UTF8.self)
    #expect(text.status == 0 && textText.contains("== input: text, UTF-8;") && textText.contains(" table "), "\(text.stderr)")
}
