import ArgumentParser
import GongkaiKit
#if canImport(Glibc)
import Glibc
#endif

struct BatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "batch",
        abstract: "Convert many reports into one dataset (JSON Lines or long-form CSV).",
        discussion: """
        Inputs are files, folders (searched recursively for .pdf .txt .md .html) and glob patterns; \
        they are processed in sorted order and written in that order, one record per document. \
        Each document is parsed in its own worker process, so a crash, hang or runaway memory \
        loses only that file, which is recorded as {"source": …, "error": {"code": …, "message": …}}: \
        the codes of `gongkai extract` failures, and "crashed", "timeout" (wall-clock --timeout or \
        CPU --max-cpu-seconds), "out_of_memory" (--max-memory-mb) for workers that were stopped. \
        Files over --max-bytes are recorded as "too_large" without being read. \
        Records are written whole, so an interrupted run leaves a valid file; --resume skips \
        inputs already in the output (matched by content hash). The exit status is 0 when every \
        file converted, 1 when any failed.
        """
    )

    @Argument(help: "Files, folders or glob patterns.")
    var paths: [String]

    @Option(name: .shortAndLong, help: "Write here instead of standard output.")
    var output: String?

    @OptionGroup var out: OutputOptions

    @Option(help: "Documents converted at once (default: the number of cores).")
    var jobs: Int = ReportExtractor.Options.processorCount

    @Option(help: "Seconds one document may take before its worker is killed.")
    var timeout: Double = 60

    @Option(help: "Address-space limit of each worker, in MiB.")
    var maxMemoryMb: Int = 4096

    @Option(help: "CPU seconds one document may use before its worker is stopped (default: --timeout; 0: no limit).")
    var maxCpuSeconds: Int?

    @OptionGroup var limits: LimitOptions

    @Flag(help: "Skip inputs whose content hash is already in the output file; append the rest.")
    var resume = false

    @Option(help: "Process only shard I of N (e.g. 2/8): a deterministic part of the inputs.")
    var shard: String?

    @Option(help: "Password for encrypted PDFs.")
    var password: String?

    func validate() throws {
        if resume && (output == nil || output == "-") { throw ValidationError("--resume needs an output file (-o FILE)") }
        if let shard, parsedShard(shard) == nil { throw ValidationError("--shard takes I/N with 1 ≤ I ≤ N, e.g. 2/8") }
        if jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if maxMemoryMb < 0 || (maxCpuSeconds ?? 0) < 0 || timeout < 0 { throw ValidationError("limits cannot be negative") }
    }

    /// The CPU-time limit passed to workers: --max-cpu-seconds, else the wall-clock timeout.
    var cpuSeconds: Int { maxCpuSeconds ?? (timeout > 0 ? Int(timeout.rounded(.up)) : 0) }

    private func parsedShard(_ s: String) -> (Int, Int)? {
        let parts = s.split(separator: "/").compactMap { Int($0) }
        guard parts.count == 2, parts[1] >= 1, (1...parts[1]).contains(parts[0]) else { return nil }
        return (parts[0], parts[1])
    }

    func run() throws {
        Diagnostics.silenceLibraryOutput()
        var format = out
        if format.format == .json { format.format = .jsonl }
        let (found, missing) = InputCollector.collect(paths)
        var inputs = found + missing
        if let shard, let (i, n) = parsedShard(shard) { inputs = InputCollector.shard(inputs, index: i, count: n) }

        let csv = format.format == .csv
        let done = resume ? ResultSink.hashesInExistingOutput(output!, csv: csv) : []
        let sink: ResultSink
        do { sink = try ResultSink(path: output, append: resume) } catch {
            Diagnostics.error("gongkai batch: cannot write output: \(error)")
            throw ExitCode(ExitStatus.outputFailed)
        }
        if !resume || done.isEmpty && fileSize(output) == 0 { sink.writeNow(format.preamble) }

        // Hash every input first: resume matches by content, and unreadable inputs fail here.
        var progress = BatchProgress(total: inputs.count)
        var work: [(index: Int, path: String, sha: String)] = []
        var order = 0
        let maxBytes = limits.maxBytes.value
        for path in inputs {
            let bytes: [UInt8]
            do { bytes = try FileBytes.read(path: path, limit: maxBytes) } catch {
                // A giant file is never read whole, here or in a worker: it is recorded without a hash.
                let failure: ExtractionError = error.tooLarge.map { .tooLarge(path: path, bytes: $0, limit: maxBytes) }
                    ?? .unreadable(path: path, detail: error.description)
                sink.deliver(order, format.renderFailure(path: path, sha256: "", code: failure.code, message: failure.message))
                progress.failed += 1
                order += 1
                continue
            }
            let sha = SHA256.hex(bytes)
            if done.contains(sha) {
                sink.deliver(order, nil)
                progress.skipped += 1
            } else {
                work.append((order, path, sha))
            }
            order += 1
        }
        progress = BatchProgress(total: work.count, carrying: progress)

        let me = Self.executablePath()
        let pool = WorkerPool(jobs: jobs, timeout: timeout)
        pool.run(count: work.count, arguments: { i in
            var args = [me, "extract", work[i].path, "--worker", "--format", format.format.rawValue, "--no-csv-header",
                        "--threads", "1", "--max-memory-mb", String(maxMemoryMb), "--max-cpu-seconds", String(cpuSeconds)]
            args += limits.workerArguments
            if format.provenance { args.append("--provenance") }
            if let password { args += ["--password", password] }
            return args
        }, done: { outcome in
            let item = work[outcome.index]
            if case .exited(0) = outcome.status, Self.isWholeRecord(outcome.stdout, csv: csv) {
                progress.converted += 1
                sink.deliver(item.index, String(decoding: outcome.stdout, as: UTF8.self))
                return
            }
            progress.failed += 1
            let (code, message) = Self.describeFailure(outcome, path: item.path, timeout: timeout, cpuSeconds: cpuSeconds)
            sink.deliver(item.index, format.renderFailure(path: item.path, sha256: item.sha, code: code, message: message))
        }, tick: { progress.draw() })
        progress.finish()
        if progress.failed > 0 { throw ExitCode(1) }
    }

    /// What a worker that exited 0 must have written: one whole record (JSON Lines: one line;
    /// CSV: whole rows). Anything else is reported as `bad_output`, never passed on.
    static func isWholeRecord(_ stdout: [UInt8], csv: Bool) -> Bool {
        guard let last = stdout.last, last == 0x0A else { return false }
        if csv { return true }
        return stdout.firstIndex(of: 0x0A) == stdout.count - 1 && stdout.first == UInt8(ascii: "{")
    }

    /// What libraries print when an allocation fails (Swift runtime, Poppler, GLib, C++).
    static let outOfMemoryMarkers = ["Could not allocate memory", "Out of memory", "out of memory", "failed to allocate", "std::bad_alloc"]

    static func describeFailure(_ outcome: WorkerPool.Outcome, path: String, timeout: Double, cpuSeconds: Int = 0) -> (String, String) {
        // The worker's own last line; its standard error also carries the libraries' messages.
        let lines = outcome.stderr.split(separator: "\n")
        let said = lines.last { $0.hasPrefix("gongkai: ") }.map { String($0.dropFirst(9)) } ?? ""
        let message = said.isEmpty ? (lines.last.map(String.init) ?? "") : said
        switch outcome.status {
        case .exited(0):
            return ("bad_output", "\(path): worker exited 0 but wrote no whole record (\(outcome.stdout.count) bytes)")
        case .exited(let status):
            return (ExtractionError.code(forExitStatus: status) ?? "failed", message.isEmpty ? "\(path): worker exited with status \(status)" : message)
        case .signalled(let signal) where signal == SIGXCPU || (signal == SIGKILL && cpuSeconds > 0 && outcome.cpuSeconds >= Double(cpuSeconds)):
            // SIGXCPU at the soft limit; SIGKILL at the hard one, a second later, if SIGXCPU was ignored.
            return ("timeout", "\(path): no result within the CPU-time limit of \(cpuSeconds) s; worker stopped")
        case .signalled(let signal):
            if said.contains("out of memory") { return ("out_of_memory", said) }
            if let marker = outOfMemoryMarkers.first(where: { outcome.stderr.contains($0) }) {
                return ("out_of_memory", "\(path): out of memory (\"\(marker)\" in the worker's messages; raise --max-memory-mb)")
            }
            let name = signal == SIGKILL ? "SIGKILL (memory or CPU limit?)" : Self.signalName(signal)
            // A Swift runtime error says what it was ("Fatal error: Index out of range").
            let fatal = lines.last { $0.contains("Fatal error") }.map { ": " + $0.trimmingPrefix(while: { $0 == " " }) } ?? ""
            return ("crashed", "\(path): worker crashed with \(name)\(fatal)")
        case .timedOut:
            return ("timeout", "\(path): no result after \(Int(timeout)) s; worker killed")
        case .couldNotStart(let reason):
            return ("worker_failed", "\(path): could not start a worker: \(reason)")
        }
    }

    static func signalName(_ signal: Int32) -> String {
        let names: [Int32: String] = [SIGSEGV: "SIGSEGV", SIGABRT: "SIGABRT", SIGBUS: "SIGBUS", SIGILL: "SIGILL (a Swift runtime trap)",
                                      SIGTRAP: "SIGTRAP (a Swift runtime trap)", SIGFPE: "SIGFPE", SIGXCPU: "SIGXCPU"]
        return names[signal] ?? "signal \(signal)"
    }

    static func executablePath() -> String {
        var buffer = [CChar](repeating: 0, count: 4096)
        let n = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        return n > 0 ? String(decoding: buffer[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self) : CommandLine.arguments[0]
    }

    private func fileSize(_ path: String?) -> Int {
        guard let path else { return 0 }
        var st = stat()
        return stat(path, &st) == 0 ? Int(st.st_size) : 0
    }
}
