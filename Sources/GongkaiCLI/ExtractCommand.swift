import ArgumentParser
import Glibc
import GongkaiKit

struct ExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Extract one report to JSON.",
        discussion: "Prints the document of spec/report-schema.md: report metadata, tables 二/三/四, the checks (勾稽关系) and warnings.\n\n" + ExitStatus.helpText
    )

    @Argument(help: "The report file: a PDF or a web page (HTML).")
    var file: String

    @Option(name: .shortAndLong, help: "Write the result here instead of standard output (written atomically).")
    var output: String?

    @OptionGroup var out: OutputOptions

    @Option(help: "Password for an encrypted PDF.")
    var password: String?

    @OptionGroup var limits: LimitOptions

    @Flag(help: "Let the PDF library's own diagnostics through to standard error.")
    var verbose = false

    @OptionGroup(visibility: .hidden) var worker: WorkerOptions

    func run() throws {
        // A batch worker keeps the libraries' messages: its standard error is a pipe the batch
        // reads, where "Out of memory" or a Swift "Fatal error" tell what stopped the worker.
        if !verbose && !worker.isWorker { Diagnostics.silenceLibraryOutput() }
        worker.applyLimits(to: file)
        var options = ReportExtractor.Options()
        options.password = password
        limits.apply(to: &options)
        if let threads = worker.threads { options.threads = max(1, threads) }
        if let runs = worker.repeatRuns { return worker.measureMemory(runs: runs) { _ = try? ReportExtractor(options: options).extract(path: file) } }
        let document: ReportDocument
        do {
            document = try ReportExtractor(options: options).extract(path: file)
        } catch {
            Diagnostics.error("gongkai: " + error.message)
            throw ExitCode(error.exitStatus)
        }
        let text = out.preamble + out.render(document)
        do {
            try OutputTarget(output).write(text)
        } catch {
            Diagnostics.error("gongkai: \(output ?? "-"): cannot write output: \(error)")
            throw ExitCode(ExitStatus.outputFailed)
        }
    }
}
