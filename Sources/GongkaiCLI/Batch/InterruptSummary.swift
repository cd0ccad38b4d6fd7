#if canImport(Glibc)
import Glibc
#endif

/// The summary line a batch stopped by SIGINT, SIGTERM or SIGHUP still prints, so the user sees
/// how far it got. The signal handler may only call async-signal-safe functions: the counts are
/// kept in plain memory set up in advance, and the line is formatted by hand and sent with `write`.
enum InterruptSummary {
    /// converted, failed, skipped.
    nonisolated(unsafe) private static let counts: UnsafeMutablePointer<Int> = {
        let p = UnsafeMutablePointer<Int>.allocate(capacity: 3)
        p.initialize(repeating: 0, count: 3)
        return p
    }()
    /// Set by the first `update`: only a batch prints the line (corpus runs use the same pool).
    nonisolated(unsafe) private static var active = false
    nonisolated(unsafe) private static let line: UnsafeMutablePointer<UInt8> = .allocate(capacity: 256)

    /// Records the counts so far (called from the batch's main loop).
    static func update(_ progress: BatchProgress) {
        active = true
        counts[0] = progress.converted; counts[1] = progress.failed; counts[2] = progress.skipped
    }

    /// Writes "gongkai batch: stopped by signal N: C converted, F failed, S skipped; --resume continues".
    /// Async-signal-safe: no allocation, no locks.
    static func writeFromSignalHandler(_ signal: Int32) {
        guard active else { return }
        var n = 0
        append("\ngongkai batch: stopped by signal ", &n); append(signal, &n)
        append(": ", &n); append(counts[0], &n)
        append(" converted, ", &n); append(counts[1], &n)
        append(" failed, ", &n); append(counts[2], &n)
        append(" skipped; run again with --resume to continue\n", &n)
        _ = Glibc.write(Diagnostics.channel, line, n)
    }

    private static func append(_ text: StaticString, _ n: inout Int) {
        text.withUTF8Buffer { for b in $0 where n < 255 { line[n] = b; n += 1 } }
    }

    private static func append<I: BinaryInteger>(_ value: I, _ n: inout Int) {
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var v = UInt64(clamping: value)
        var count = 0
        withUnsafeMutableBytes(of: &digits) { d in
            repeat { d[count] = UInt8(48 + v % 10); v /= 10; count += 1 } while v > 0 && count < 20
            while count > 0 && n < 255 { count -= 1; line[n] = d[count]; n += 1 }
        }
    }
}
