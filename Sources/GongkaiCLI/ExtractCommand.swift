import ArgumentParser
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

    @Argument(help: "The report file (PDF, text or markdown); - reads standard input.")
    var file: String

    @Option(name: .customLong("input-format"), help: "Read the input as this format instead of recognising it (pdf, text, markdown).")
    var inputFormat: InputFormat?

    @Option(name: .shortAndLong, help: "Write the result here instead of standard output (written atomically).")
    var output: String?

    @Flag(name: .customLong("pretty"), inversion: .prefixedNo, help: "Indent the JSON (default). --compact or --no-pretty prints one line.")
    var pretty = true

    @Flag(help: "Print the JSON on one line.")
    var compact = false

    @Option(help: "Password for an encrypted PDF.")
    var password: String?

    @Flag(help: "Add, for every value, its page, cell box (PDF points; for text: column, line) and raw text.")
    var provenance = false

    @Flag(help: "Say on standard error how the input was read and which labels matched which rows; let the PDF library's own diagnostics through.")
    var verbose = false

    func run() throws {
        if !verbose { Diagnostics.silenceLibraryOutput() }
        var options = ReportExtractor.Options()
        options.password = password
        let document: ReportDocument
        do {
            let extractor = ReportExtractor(options: options)
            if file == "-" {
                let bytes: [UInt8]
                do { bytes = try FileBytes.readStandardInput() } catch { throw ExtractionError.unreadable(path: "-", detail: error.description) }
                document = try extractor.extract(bytes: bytes, path: "-", format: inputFormat)
            } else {
                document = try extractor.extract(path: file, format: inputFormat)
            }
        } catch let error as ExtractionError {
            Diagnostics.error("gongkai: " + error.message)
            throw ExitCode(error.exitStatus)
        }
        if verbose {
            for note in document.notes { Diagnostics.error("gongkai: \(file): \(note)") }
        }
        let text = document.json(provenance: provenance).rendered(pretty: pretty && !compact) + "\n"
        do {
            try OutputTarget(output).write(text)
        } catch {
            Diagnostics.error("gongkai: \(output ?? "-"): cannot write output: \(error)")
            throw ExitCode(ExitStatus.outputFailed)
        }
    }
}
