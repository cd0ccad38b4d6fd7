import ArgumentParser
import BatchRunner
import GongkaiKit
#if canImport(Glibc)
import Glibc
#endif

struct CorpusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "corpus",
        abstract: "Regression-test the extractor against a folder of documents with expected JSON.",
        subcommands: [CorpusCheckCommand.self, CorpusUpdateCommand.self]
    )
}

/// Options shared by `corpus check` and `corpus update`.
struct CorpusOptions: ParsableArguments {
    @Argument(help: "Folder of inputs, each with NAME.expected.json (or --expected-suffix) beside it.")
    var directory: String

    @Option(help: "Ending of the expected files that sit beside the inputs (e.g. .truth.json).")
    var expectedSuffix = ".expected.json"

    @Option(help: "Documents extracted at once (default: the number of cores).")
    var jobs: Int = ReportExtractor.Options.processorCount

    @Option(help: "Seconds one document may take.")
    var timeout: Double = 60

    /// Inputs in the folder (recursively) paired with their expected file's path.
    func pairs(includeMissing: Bool = false, names: [String] = []) -> [(input: String, expected: String)] {
        InputCollector.collect([directory]).files.map(\.display).compactMap { input in
            let expected = Self.expectedPath(for: input, suffix: expectedSuffix)
            guard includeMissing || access(expected, F_OK) == 0 else { return nil }
            if !names.isEmpty {
                let base = input.split(separator: "/").last.map(String.init) ?? input
                guard names.contains(where: { base == $0 || base.hasPrefix($0 + ".") }) else { return nil }
            }
            return (input, expected)
        }
    }

    static func expectedPath(for input: String, suffix: String) -> String {
        let slash = input.lastIndex(of: "/")
        let name = slash.map { input[input.index(after: $0)...] } ?? input[...]
        let stem = name.firstIndex(of: ".").map { name[..<$0] } ?? name
        return (slash.map { String(input[...$0]) } ?? "") + stem + suffix
    }

    /// Extracts every input in worker processes; results in input order (nil text for a failure).
    func extractAll(_ inputs: [String]) -> [(json: JSONValue?, error: String?)] {
        var results = [(json: JSONValue?, error: String?)](repeating: (nil, "not run"), count: inputs.count)
        let worker = [BatchCommand.executablePath(), "worker", "--format", "jsonl", "--threads", "1"]
        WorkerPool(jobs: jobs, timeout: timeout, workerArguments: worker).run(count: inputs.count, path: { Array(inputs[$0].utf8) }, done: { outcome in
            if case .exited(0) = outcome.status {
                do { results[outcome.index] = (try JSONParser.parse(String(decoding: outcome.stdout, as: UTF8.self)), nil) } catch {
                    results[outcome.index] = (nil, "unreadable output: \(error)")
                }
            } else {
                results[outcome.index] = (nil, outcome.failure(path: inputs[outcome.index], timeout: timeout).message)
            }
        }, tick: {})
        return results
    }
}

extension DiffCommand {
    /// A JSON file as it is; any other input extracted first, so that a DOCX can be compared
    /// with the PDF made from it.
    static func document(_ path: String) throws -> JSONValue {
        let bytes = try FileBytes.read(path: path)
        let firstByte = bytes.first { ![0x20, 0x09, 0x0A, 0x0D, 0xEF, 0xBB, 0xBF].contains($0) }
        if path.lowercased().hasSuffix(".json") || firstByte == UInt8(ascii: "{") {
            return try JSONParser.parse(String(decoding: bytes, as: UTF8.self))
        }
        return try ReportExtractor().extract(bytes: bytes, path: path).json()
    }
}

func readJSONFile(_ path: String) throws -> JSONValue {
    let bytes = try FileBytes.read(path: path)
    return try JSONParser.parse(String(decoding: bytes, as: UTF8.self))
}

struct CorpusCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Extract every input that has an expected file and compare cell by cell.",
        discussion: "Prints each differing path with expected and actual values, then a score line and 'N passed, N failed'. Exit status 1 when any document differs."
    )

    @OptionGroup var corpus: CorpusOptions

    @Option(help: "Also write a summary report (.md or .html), worst documents first.")
    var report: String?

    func run() throws {
        Diagnostics.silenceLibraryOutput()
        let pairs = corpus.pairs()
        guard !pairs.isEmpty else {
            Diagnostics.error("gongkai corpus: no input in \(corpus.directory) has a \(corpus.expectedSuffix) file beside it")
            throw ExitCode(2)
        }
        let results = corpus.extractAll(pairs.map(\.input))
        var rows: [CorpusReport.Row] = []
        var totals = CorpusReport.Totals()
        for (pair, result) in zip(pairs, results) {
            let expected: JSONValue
            do { expected = try readJSONFile(pair.expected) } catch {
                print("\(pair.input): cannot read \(pair.expected): \(error)")
                rows.append(.init(input: pair.input, cells: 0, right: 0, lines: ["expected file unreadable"], failed: true))
                totals.failed += 1
                continue
            }
            guard let actual = result.json else {
                let cells = DocumentComparison.cells(expected).count
                print("\(pair.input): no result: \(result.error ?? "")")
                rows.append(.init(input: pair.input, cells: cells, right: 0, lines: [result.error ?? "no result"], failed: true))
                totals.add(cells: cells, right: 0, metadata: 0, metadataRight: 0, broken: 0, flagged: 0, falseAlarms: 0)
                totals.failed += 1
                continue
            }
            let diff = DocumentComparison(expected: expected, actual: actual)
            let brokenCount = DocumentComparison.failingRules(expected, preferBroken: true).count
            totals.add(cells: diff.expectedCellCount, right: diff.rightCells, metadata: diff.metadataCount,
                       metadataRight: diff.metadataCount - diff.metadata.count, broken: brokenCount,
                       flagged: brokenCount - diff.missedChecks.count, falseAlarms: diff.falseAlarms.count)
            if diff.isEmpty {
                totals.passed += 1
            } else {
                totals.failed += 1
                print("\(pair.input): \(diff.rightCells)/\(diff.expectedCellCount) cells right")
                for line in diff.lines { print("    " + line) }
            }
            rows.append(.init(input: pair.input, cells: diff.expectedCellCount, right: diff.rightCells, lines: diff.lines, failed: !diff.isEmpty))
        }
        print(totals.scoreLine)
        print("\(totals.passed) passed, \(totals.failed) failed")
        if let report {
            do { try OutputTarget(report).write(CorpusReport.render(rows: rows, totals: totals, html: report.lowercased().hasSuffix(".html"))) } catch {
                Diagnostics.error("gongkai corpus: \(report): cannot write report: \(error)")
                throw ExitCode(ExitStatus.outputFailed)
            }
        }
        if totals.failed > 0 { throw ExitCode(1) }
    }
}

struct CorpusUpdateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "update",
        abstract: "Write or rewrite expected files from the current output, after showing what changes."
    )

    @OptionGroup var corpus: CorpusOptions

    @Argument(help: "Only these inputs (file names, with or without extension).")
    var names: [String] = []

    @Flag(help: "Write without asking (needed when standard input is not a terminal).")
    var yes = false

    func run() throws {
        Diagnostics.silenceLibraryOutput()
        let pairs = corpus.pairs(includeMissing: true, names: names)
        let results = corpus.extractAll(pairs.map(\.input))
        var writes: [(path: String, text: String)] = []
        for (pair, result) in zip(pairs, results) {
            guard let actual = result.json else { print("\(pair.input): skipped, no result: \(result.error ?? "")"); continue }
            let expected = Self.expectedDocument(from: actual)
            if let old = try? readJSONFile(pair.expected) {
                let diff = DocumentComparison(expected: old, actual: expected)
                if diff.isEmpty { continue }
                print("\(pair.expected): \(diff.lines.count) changes")
                for line in diff.lines { print("    " + line) }
            } else {
                print("\(pair.expected): new")
            }
            writes.append((pair.expected, expected.rendered(pretty: true) + "\n"))
        }
        guard !writes.isEmpty else { print("nothing to update"); return }
        if !yes {
            guard isatty(0) != 0 else {
                Diagnostics.error("gongkai corpus: standard input is not a terminal; pass --yes to write \(writes.count) files")
                throw ExitCode(ExitStatus.usage)
            }
            Diagnostics.write("Write \(writes.count) expected files? [y/N] ")
            guard let answer = readLine(), answer.lowercased().hasPrefix("y") else { print("nothing written"); return }
        }
        for w in writes { try OutputTarget(w.path).write(w.text) }
        print("\(writes.count) expected files written")
    }

    /// The expected file: the document without what varies between machines or runs (source
    /// path), plus `broken_checks`, the rules that fail in this document.
    static func expectedDocument(from actual: JSONValue) -> JSONValue {
        guard case .object(var o) = actual else { return actual }
        o["source"] = nil
        o["provenance"] = nil
        let failing = DocumentComparison.failingRules(actual, preferBroken: false).sorted()
        o["broken_checks"] = .array(failing.map(JSONValue.string))
        return .object(o)
    }
}

struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Show the cell-level differences between two extracted documents.",
        discussion: "Each is a JSON document (gongkai's output or an expected file) or an input to extract first (PDF, DOCX, web page, text). Exit status 0 when they agree, 1 when they differ."
    )

    @Argument(help: "The first (reference) document.") var first: String
    @Argument(help: "The second document.") var second: String

    func run() throws {
        let a: JSONValue, b: JSONValue
        do { a = try Self.document(first); b = try Self.document(second) } catch let failure as ExtractionError {
            Diagnostics.error("gongkai diff: " + failure.message)
            throw ExitCode(failure.exitStatus)
        } catch {
            Diagnostics.error("gongkai diff: \(error)")
            throw ExitCode(2)
        }
        let diff = DocumentComparison(expected: a, actual: b)
        for line in diff.lines { print(line.replacing("expected", with: "first").replacing("actual", with: "second")) }
        print("\(diff.rightCells)/\(diff.expectedCellCount) cells agree")
        if !diff.isEmpty { throw ExitCode(1) }
    }
}
