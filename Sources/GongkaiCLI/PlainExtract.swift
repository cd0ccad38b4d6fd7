import ArgumentParser
import GongkaiKit

/// `gongkai extract FILE` and nothing else — the common call, run once per document by scripts and
/// benchmarks — read without ArgumentParser.
///
/// Why: building the command's argument sets looks up, by reflection, the metadata and protocol
/// conformances of every option of every option group, each lookup a scan of all the binary's
/// conformance records: about 3 ms of a 35 ms one-page report. A command line with anything else
/// goes through ArgumentParser as before. What it would give for this one is pinned by a test
/// (`plainExtractIsWhatTheParserGives`): default options, JSON to standard output.
enum PlainExtract {
    /// The FILE of a command line (program name dropped) that is exactly `extract FILE`, FILE not
    /// an option, standard input or a word ArgumentParser reads itself; nil for any other.
    static func file(in arguments: [String]) -> String? {
        guard arguments.count == 2, arguments[0] == ExtractCommand.configuration.commandName else { return nil }
        let file = arguments[1]
        guard !file.isEmpty, !file.hasPrefix("-"), file != "help" else { return nil }
        return file
    }

    /// What `extract FILE` runs with when no option is given.
    static var options: ReportExtractor.Options { ReportExtractor.Options() }
    static let settings = OutputSettings()

    /// Extracts as `ExtractCommand.run` does with no options; a failure ends the process as
    /// ArgumentParser ends it.
    static func run(_ file: String) {
        Diagnostics.silenceLibraryOutput()
        do {
            try ExtractCommand.extract(file, format: nil, options: options, to: nil, as: settings, verbose: false)
        } catch {
            GongkaiCommand.exit(withError: error)
        }
    }
}
