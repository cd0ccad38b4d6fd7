import ArgumentParser
import GongkaiKit

@main
struct GongkaiCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gongkai",
        abstract: "Turn 政府信息公开工作年度报告 (PDF, web page, Word, text) into typed, checked JSON.",
        discussion: ExitStatus.helpText,
        subcommands: [ExtractCommand.self, BatchCommand.self, CorpusCommand.self, DiffCommand.self, InspectCommand.self,
                      DebugGridCommand.self, WorkerCommand.self],
        defaultSubcommand: nil
    )

    /// A plain `extract FILE [-o OUT]` runs without ArgumentParser (`PlainExtract`); any other
    /// command line is parsed.
    static func main() {
        if let call = PlainExtract.call(in: Array(CommandLine.arguments.dropFirst())) { return PlainExtract.run(call) }
        main(nil)
    }
}
