#if canImport(Glibc)
import Glibc
#endif

/// Tells an allocation failure from a crash in a batch worker.
///
/// Under `--max-memory-mb` an allocation that the address-space limit refuses ends the worker
/// with SIGABRT or a runtime trap (Swift, GLib and Poppler all abort when memory runs out), which
/// the batch would report as a crash. This handler runs on those signals: when the worker's
/// address space is close to its limit (or 64 MiB more cannot be mapped), it writes one line
/// saying so to the CLI's error channel, which the batch turns into the code `out_of_memory`.
/// Either way the signal is then re-raised with its default action, so the worker still dies of it.
///
/// Everything the handler touches is prepared beforehand; it only calls open/read/mmap/write.
enum CrashReporter {
    nonisolated(unsafe) private static var message: UnsafeMutablePointer<UInt8>?
    nonisolated(unsafe) private static var messageLength = 0
    nonisolated(unsafe) private static var buffer: UnsafeMutablePointer<UInt8>?
    nonisolated(unsafe) private static var limitPages = 0
    nonisolated(unsafe) private static var channel: Int32 = 2

    static let signals: [Int32] = [SIGABRT, SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGFPE]

    static func install(file: String, limitMiB: Int, channel: Int32) {
        let line = Array("gongkai: \(file): out of memory (the worker's address space reached its \(limitMiB) MiB limit; raise --max-memory-mb)\n".utf8)
        let m = UnsafeMutablePointer<UInt8>.allocate(capacity: line.count)
        m.initialize(from: line, count: line.count)
        message = m
        messageLength = line.count
        buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: 128)
        limitPages = (limitMiB << 20) / max(1, Int(sysconf(Int32(_SC_PAGESIZE))))
        Self.channel = channel
        // An alternate stack, so that the handler also runs when the stack itself overflowed.
        let size = 64 << 10
        var stack = stack_t(ss_sp: UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 16), ss_flags: 0, ss_size: size)
        sigaltstack(&stack, nil)
        for signal in signals {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = handler
            action.sa_flags = Int32(SA_ONSTACK) | Int32(bitPattern: UInt32(SA_RESETHAND))
            sigemptyset(&action.sa_mask)
            sigaction(signal, &action, nil)
        }
    }

    private static let handler: @convention(c) (Int32) -> Void = { signal in
        if CrashReporter.nearLimit(), let m = CrashReporter.message {
            _ = write(CrashReporter.channel, m, CrashReporter.messageLength)
        }
        Glibc.signal(signal, SIG_DFL)
        raise(signal)
    }

    /// Whether the address space is within a quarter of the limit, or 64 MiB more cannot be mapped.
    private static func nearLimit() -> Bool {
        if let probe = mmap(nil, 64 << 20, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0), probe != MAP_FAILED {
            munmap(probe, 64 << 20)
        } else {
            return true
        }
        guard let buffer else { return false }
        let fd = open("/proc/self/statm", O_RDONLY)
        guard fd >= 0 else { return false }
        let n = read(fd, buffer, 127)
        close(fd)
        var pages = 0
        var i = 0
        while i < n, buffer[i] >= 0x30, buffer[i] <= 0x39 {
            pages = pages * 10 + Int(buffer[i] - 0x30)
            i += 1
        }
        return limitPages > 0 && pages * 4 >= limitPages * 3
    }
}
