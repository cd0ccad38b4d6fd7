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

    @Option(name: .customLong("repeat"), help: "Leak check: extract this many times after a warm-up and print resident memory (fuzz/fuzz.py --leak-check).")
    var repeatRuns: Int?

    /// Sets the process's resource limits. A CPU-time limit is per document: `limitCPU(forNextDocument:)`.
    func applyLimits() {
        if let mb = maxMemoryMb, mb > 0, !Self.underSanitizer {
            var limit = rlimit(rlim_cur: rlim_t(mb) << 20, rlim_max: rlim_t(mb) << 20)
            setrlimit(__rlimit_resource_t(RLIMIT_AS.rawValue), &limit)
            CrashReporter.install(file: "document", limitMiB: mb, channel: Diagnostics.channel)
        }
        // An ignored SIGXCPU is inherited across exec (test runners ignore it): restore the default.
        if maxCpuSeconds != nil { signal(SIGXCPU, SIG_DFL) }
    }

    /// Allows the next document `maxCpuSeconds` of CPU time from now (a long-lived worker's CPU
    /// time adds up over documents, so the soft limit moves on with each one).
    func limitCPU(forNextDocument: Void = ()) {
        guard let seconds = maxCpuSeconds, seconds > 0 else { return }
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        let used = Int(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + 1
        var limit = rlimit(rlim_cur: rlim_t(used + seconds), rlim_max: rlim_t.max)
        setrlimit(__rlimit_resource_t(RLIMIT_CPU.rawValue), &limit)
    }

    /// Under a sanitizer with `GONGKAI_SANITIZER_LOG=DIR` (fuzz/fuzz.py --sanitizer-log): the
    /// reports of the next document go to a file named after it (batch workers, before each document).
    static func nameSanitizerReports(after file: String) {
        guard underSanitizer, let dir = getenv("GONGKAI_SANITIZER_LOG").map({ String(cString: $0) }) else { return }
        nameSanitizerReports(after: file, in: dir)
    }

    /// Whether this build runs under AddressSanitizer or ThreadSanitizer: their shadow memory
    /// takes terabytes of address space, so an address-space limit would stop the worker before
    /// it starts (the sanitizer run of the tests, docs/fuzzing.md). The limit is left off there.
    static let underSanitizer: Bool = {
        guard let handle = dlopen(nil, RTLD_NOW) else { return false }
        defer { dlclose(handle) }
        return dlsym(handle, "__asan_init") != nil || dlsym(handle, "__tsan_init") != nil
    }()

    /// Fuzzing hook (fuzz/fuzz.py --sanitizer-log): AddressSanitizer and LeakSanitizer reports of
    /// this worker go to DIR/<input file name>.<pid>, so each report names the input that caused it.
    private static func nameSanitizerReports(after file: String, in dir: String) {
        typealias SetReportPath = @convention(c) (UnsafePointer<CChar>) -> Void
        guard let handle = dlopen(nil, RTLD_NOW) else { return }
        defer { dlclose(handle) }
        guard let symbol = dlsym(handle, "__sanitizer_set_report_path") else { return }
        let name = file.split(separator: "/").last.map(String.init) ?? "input"
        let set = unsafeBitCast(symbol, to: SetReportPath.self)
        (dir + "/" + name).withCString { set($0) }
    }

    /// Leak check: runs `body` twenty times to warm Poppler's, cairo's and the allocator's caches,
    /// then `runs` times more, and prints the resident set size after the warm-up, half-way and
    /// at the end on the error channel (`memory: runs N before_kib A middle_kib M after_kib B`).
    /// Caches and allocator arenas still grow for a while after the warm-up and then level off;
    /// a leak grows in the second half as much as in the first, so B − M is the measure.
    func measureMemory(runs: Int, _ body: () -> Void) {
        for _ in 0..<20 { body() }
        let before = Self.residentKiB()
        let half = max(0, runs) / 2
        for _ in 0..<half { body() }
        let middle = Self.residentKiB()
        for _ in half..<max(0, runs) { body() }
        Diagnostics.error("memory: runs \(runs) before_kib \(before) middle_kib \(middle) after_kib \(Self.residentKiB())")
    }

    static func residentKiB() -> Int {
        let fd = open("/proc/self/statm", O_RDONLY)
        guard fd >= 0 else { return 0 }
        defer { close(fd) }
        var buffer = [UInt8](repeating: 0, count: 256)
        let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
        guard n > 0 else { return 0 }
        let fields = buffer[0..<n].split(separator: 0x20)
        guard fields.count > 1, let pages = Int(String(decoding: fields[1], as: UTF8.self)) else { return 0 }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE))) / 1024
    }
}
