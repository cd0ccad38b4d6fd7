import ArgumentParser
import BatchRunner
import Glibc
import GongkaiKit

extension InputFormat: ExpressibleByArgument {}

struct ExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Extract one report to JSON.",
        discussion: "Prints the document of spec/report-schema.md: report metadata, tables 二/三/四, the checks (勾稽关系) and warnings.\n\n"
            + "Inputs: PDF, or text — pdftotext -layout output and other text with aligned columns, or markdown with pipe tables "
            + "(PDF-to-markdown converters) — in UTF-8, UTF-16 (with BOM) or GB18030/GBK. The format is recognised from the content; "
            + "--input-format overrides it.\n\n" + ExitStatus.helpText
    )

    @Argument(help: "The report file: a PDF, a web page (HTML), text or markdown; - reads standard input.")
    var file: String

    @Option(name: .customLong("input-format"), help: "Read the input as this format instead of recognising it (pdf, text, markdown, html, docx).")
    var inputFormat: InputFormat?

    @Option(name: .shortAndLong, help: "Write the result here instead of standard output (written atomically).")
    var output: String?

    @OptionGroup var out: OutputOptions

    @Option(help: "Password for an encrypted PDF.")
    var password: String?

    @OptionGroup var limits: LimitOptions

    @Flag(help: "Say on standard error how the input was read and which labels matched which rows; let the PDF library's own diagnostics through.")
    var verbose = false

    @OptionGroup(visibility: .hidden) var worker: WorkerOptions

    func run() throws {
        if !verbose { Diagnostics.silenceLibraryOutput() }
        worker.applyLimits()
        worker.limitCPU()
        var options = ReportExtractor.Options()
        options.password = password
        limits.apply(to: &options)
        if let threads = worker.threads { options.threads = max(1, threads) }
        if let runs = worker.repeatRuns { return worker.measureMemory(runs: runs) { _ = try? ReportExtractor(options: options).extract(path: file) } }
        try Self.extract(file, format: inputFormat, options: options, to: output, as: out.settings, verbose: verbose)
    }

    /// Extracts `file` ("-": standard input) and writes the result; a failure is said on standard
    /// error and thrown as the exit status.
    static func extract(_ file: String, format inputFormat: InputFormat?, options: ReportExtractor.Options, to output: String?,
                        as settings: OutputSettings, verbose: Bool) throws {
        let document: ReportDocument
        do {
            let extractor = ReportExtractor(options: options)
            if file == "-" {
                let bytes: [UInt8]
                do { bytes = try FileBytes.readStandardInput(limit: options.maxBytes) } catch {
                    if let size = error.tooLarge { throw ExtractionError.tooLarge(path: "-", bytes: size, limit: options.maxBytes) }
                    throw ExtractionError.unreadable(path: "-", detail: error.description)
                }
                document = try extractor.extract(bytes: bytes, path: "-", format: inputFormat)
            } else {
                let path = InputPath.argument(file)
                let bytes = try WorkerCommand.read(path, limit: options.maxBytes)
                document = try extractor.extract(bytes: bytes, path: path.display, format: inputFormat)
            }
        } catch let error as ExtractionError {
            Diagnostics.error("gongkai: " + error.message)
            throw ExitCode(error.exitStatus)
        }
        if verbose {
            for note in document.notes { Diagnostics.error("gongkai: \(file): \(note)") }
        }
        let text = settings.preamble + settings.render(document)
        do {
            try OutputTarget(output).write(text)
        } catch {
            Diagnostics.error("gongkai: \(output ?? "-"): cannot write output: \(error)")
            throw ExitCode(ExitStatus.outputFailed)
        }
    }
}
