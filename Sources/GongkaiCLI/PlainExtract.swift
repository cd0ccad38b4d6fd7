import ArgumentParser
import GongkaiKit

/// `gongkai extract FILE [-o OUT]` and nothing else — the common call, run once per document by
/// scripts and benchmarks — read without ArgumentParser.
///
/// Why: building the command's argument sets looks up, by reflection, the metadata and protocol
/// conformances of every option of every option group, each lookup a scan of all the binary's
/// conformance records: about 3 ms of a 35 ms one-page report. A command line with anything else
/// goes through ArgumentParser as before. What it would give for this one is pinned by a test
/// (`plainExtractIsWhatTheParserGives`): default options, JSON to standard output or OUT.
enum PlainExtract {
    /// A plain command line: the input file, and where the result goes (nil: standard output).
    struct Call: Equatable {
        var file: String
        var output: String?
    }

    /// The call of a command line (program name dropped) that is exactly `extract FILE`, with
    /// `-o OUT` / `--output OUT` before or after FILE or neither; nil for any other. FILE and OUT
    /// are not options, standard input or a word ArgumentParser reads itself.
    static func call(in arguments: [String]) -> Call? {
        guard arguments.first == ExtractCommand.configuration.commandName else { return nil }
        var rest = arguments.dropFirst()
        var output: String?
        if let flag = rest.firstIndex(where: { $0 == "-o" || $0 == "--output" }) {
            guard flag + 1 < rest.endIndex, isPlainValue(rest[flag + 1]) else { return nil }
            output = rest[flag + 1]
            rest.removeSubrange(flag...(flag + 1))
        }
        guard rest.count == 1, let file = rest.first, isPlainValue(file) else { return nil }
        return Call(file: file, output: output)
    }

    private static func isPlainValue(_ s: String) -> Bool { !s.isEmpty && !s.hasPrefix("-") && s != "help" }

    /// What `extract FILE` runs with when no other option is given.
    static var options: ReportExtractor.Options { ReportExtractor.Options() }
    static let settings = OutputSettings()

    /// Extracts as `ExtractCommand.run` does with no other option; a failure ends the process as
    /// ArgumentParser ends it.
    static func run(_ call: Call) {
        Diagnostics.silenceLibraryOutput()
        do {
            try ExtractCommand.extract(call.file, format: nil, options: options, to: call.output, as: settings, verbose: false)
        } catch {
            GongkaiCommand.exit(withError: error)
        }
    }
}
