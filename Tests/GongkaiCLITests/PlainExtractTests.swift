import GongkaiKit
import Testing
@testable import GongkaiCLI

/// A plain `extract FILE [-o OUT]` skips ArgumentParser: it must run with what the parser would give.
@Test(arguments: [["report.pdf"], ["report.pdf", "-o", "out.json"], ["--output", "out.json", "report.pdf"]])
func plainExtractIsWhatTheParserGives(arguments: [String]) throws {
    let parsed = try ExtractCommand.parse(arguments)
    let call = try #require(PlainExtract.call(in: ["extract"] + arguments))
    #expect(call == PlainExtract.Call(file: parsed.file, output: parsed.output))
    #expect(parsed.out.settings == PlainExtract.settings)
    #expect(parsed.inputFormat == nil && parsed.password == nil && !parsed.verbose)
    #expect(parsed.worker.threads == nil && parsed.worker.maxMemoryMb == nil && parsed.worker.maxCpuSeconds == nil && parsed.worker.repeatRuns == nil)
    var options = ReportExtractor.Options()
    parsed.limits.apply(to: &options)
    let plain = PlainExtract.options
    #expect(options.maxPages == plain.maxPages && options.maxBytes == plain.maxBytes && options.threads == plain.threads)
    #expect(options.rulingLines == plain.rulingLines && options.tablesFrom == plain.tablesFrom && options.ocr == plain.ocr)
    #expect(options.password == plain.password && options.textMetric == plain.textMetric)
}

@Test func onlyExtractWithOneFileAndAnOutputIsPlain() {
    #expect(PlainExtract.call(in: ["extract", "report.pdf"]) == .init(file: "report.pdf", output: nil))
    #expect(PlainExtract.call(in: ["extract", "report.pdf", "-o", "/dev/null"]) == .init(file: "report.pdf", output: "/dev/null"))
    #expect(PlainExtract.call(in: ["extract", "-o", "out.json", "report.pdf"]) == .init(file: "report.pdf", output: "out.json"))
    #expect(PlainExtract.call(in: ["extract", "-"]) == nil)
    #expect(PlainExtract.call(in: ["extract", "--help"]) == nil)
    #expect(PlainExtract.call(in: ["extract", "help"]) == nil)
    #expect(PlainExtract.call(in: ["extract", ""]) == nil)
    #expect(PlainExtract.call(in: ["extract", "report.pdf", "--compact"]) == nil)
    #expect(PlainExtract.call(in: ["extract", "--compact", "report.pdf"]) == nil)
    #expect(PlainExtract.call(in: ["extract", "report.pdf", "-o"]) == nil)
    #expect(PlainExtract.call(in: ["extract", "report.pdf", "-o", "-"]) == nil)
    #expect(PlainExtract.call(in: ["extract", "a.pdf", "b.pdf"]) == nil)
    #expect(PlainExtract.call(in: ["extract", "a.pdf", "-o", "x", "-o", "y"]) == nil)
    #expect(PlainExtract.call(in: ["batch", "report.pdf"]) == nil)
    #expect(PlainExtract.call(in: ["extract"]) == nil)
    #expect(PlainExtract.call(in: []) == nil)
}
