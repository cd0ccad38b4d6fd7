import ArgumentParser
#if canImport(Glibc)
import Glibc
#endif

/// Options `batch` passes to the `extract` processes it runs as workers. Hidden from --help.
struct WorkerOptions: ParsableArguments {
    @Option(help: "Threads per document.")
    var threads: Int?

    @Option(help: "Address-space limit for this process, in MiB (batch workers).")
    var maxMemoryMb: Int?

    @Option(help: "CPU-time limit for this process, in seconds (batch workers).")
    var maxCpuSeconds: Int?

    /// Sets the process's resource limits.
    func applyLimits() {
        if let mb = maxMemoryMb, mb > 0 {
            var limit = rlimit(rlim_cur: rlim_t(mb) << 20, rlim_max: rlim_t(mb) << 20)
            setrlimit(__rlimit_resource_t(RLIMIT_AS.rawValue), &limit)
        }
        if let seconds = maxCpuSeconds, seconds > 0 {
            var limit = rlimit(rlim_cur: rlim_t(seconds), rlim_max: rlim_t(seconds + 1))
            setrlimit(__rlimit_resource_t(RLIMIT_CPU.rawValue), &limit)
        }
    }

    /// The fault-injection hook the batch tests use: GONGKAI_TEST_FAULT=crash:NAME, hang:NAME or
    /// slow:NAME makes the worker crash, hang, or take three seconds longer on a file named NAME.
    static func injectFault(for file: String) {
        guard let fault = getenv("GONGKAI_TEST_FAULT").map({ String(cString: $0) }) else { return }
        let parts = fault.split(separator: ":", maxSplits: 1).map(String.init)
        guard parts.count == 2, file.hasSuffix("/" + parts[1]) || file == parts[1] else { return }
        if parts[0] == "crash" { abort() }
        if parts[0] == "hang" { while true { sleep(60) } }
        if parts[0] == "slow" { sleep(3) }
    }
}
