import GongkaiKit
import Testing
@testable import GongkaiCLI

/// A plain `extract FILE` skips ArgumentParser: it must run with what the parser would give.
@Test func plainExtractIsWhatTheParserGives() throws {
    let parsed = try ExtractCommand.parse(["report.pdf"])
    #expect(parsed.out.settings == PlainExtract.settings)
    #expect(parsed.file == "report.pdf" && parsed.inputFormat == nil && parsed.output == nil && parsed.password == nil && !parsed.verbose)
    #expect(parsed.worker.threads == nil && parsed.worker.maxMemoryMb == nil && parsed.worker.maxCpuSeconds == nil && parsed.worker.repeatRuns == nil)
    var options = ReportExtractor.Options()
    parsed.limits.apply(to: &options)
    let plain = PlainExtract.options
    #expect(options.maxPages == plain.maxPages && options.maxBytes == plain.maxBytes && options.threads == plain.threads)
    #expect(options.rulingLines == plain.rulingLines && options.tablesFrom == plain.tablesFrom && options.ocr == plain.ocr)
    #expect(options.password == plain.password && options.textMetric == plain.textMetric)
}

@Test func onlyExtractWithOneFileIsPlain() {
    #expect(PlainExtract.file(in: ["extract", "report.pdf"]) == "report.pdf")
    #expect(PlainExtract.file(in: ["extract", "-"]) == nil)
    #expect(PlainExtract.file(in: ["extract", "--help"]) == nil)
    #expect(PlainExtract.file(in: ["extract", "help"]) == nil)
    #expect(PlainExtract.file(in: ["extract", ""]) == nil)
    #expect(PlainExtract.file(in: ["extract", "report.pdf", "--compact"]) == nil)
    #expect(PlainExtract.file(in: ["extract", "--compact", "report.pdf"]) == nil)
    #expect(PlainExtract.file(in: ["batch", "report.pdf"]) == nil)
    #expect(PlainExtract.file(in: ["extract"]) == nil)
}
