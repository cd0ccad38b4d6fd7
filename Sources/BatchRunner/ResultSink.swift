import SystemPackage
#if canImport(Glibc)
import Glibc
#endif

/// Writes batch records in input order, each with a single `write`, so that an interrupted run
/// (Ctrl-C, kill -9) leaves a file of whole records.
///
/// Every write is checked: a record that cannot be written (full disk, closed pipe, a file that
/// takes no writes) is reported on stderr and counted, and a partly written one is cut off
/// again, so the next record never lands glued onto half of it and `--resume` can fill the gap.
/// The output file is locked (`flock`) for the run, so two batches never write it at once, and
/// opened close-on-exec, so workers do not hold it.
public final class ResultSink {
    private let fd: Int32
    /// The output's name in messages.
    public let name: String
    private let isRegularFile: Bool
    private var pending: [Int: (text: String, source: String)] = [:]
    private var nextIndex = 0
    /// Records (and the CSV header) that could not be written.
    public private(set) var writeFailures = 0
    /// Device and inode of the output file, so batch can leave it out of its inputs.
    public let identity: (device: UInt64, inode: UInt64)?
    /// What an earlier run left in the file (`--resume`); empty otherwise.
    public private(set) var existing = ExistingOutput()
    /// Bytes the output takes before every write fails as on a full disk (the tests' full disk); nil: no limit.
    private var capacity: Int?
    /// Where the sink's complaints go (a record not written, broken records dropped): one line each.
    private let warn: (String) -> Void

    /// Why the output cannot be used.
    public struct OpenError: Error, CustomStringConvertible {
        public enum Reason: Sendable {
            case system(Errno)
            /// Another process holds the lock.
            case locked
            /// `--resume` could not read or repair what is there.
            case cannotResume(repair: Bool, Errno)
        }
        public let path: String
        public let reason: Reason

        public var description: String {
            switch reason {
            case .system(let errno): return "\(path): \(errno)"
            case .locked: return "\(path): another gongkai batch is writing it (the file is locked)"
            case .cannotResume(let repair, let errno): return "\(path): cannot \(repair ? "repair" : "read") the output to resume: \(errno)"
            }
        }
    }

    /// `path` nil or "-" writes to standard output. `resume` keeps what is there (after cutting
    /// away cut and broken records) and appends; otherwise the file is emptied once it is locked.
    /// `capacity`: see `capacity` (tests only).
    public init(path: String?, resume: Bool, csv: Bool, capacity: Int? = nil, warn: @escaping (String) -> Void) throws(OpenError) {
        self.capacity = capacity
        self.warn = warn
        guard let path, path != "-" else {
            fd = 1; name = "standard output"; isRegularFile = Self.isRegular(1); identity = nil
            return
        }
        name = path
        let opened = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard opened >= 0 else { throw OpenError(path: path, reason: .system(Errno(rawValue: errno))) }
        fd = opened
        isRegularFile = Self.isRegular(fd)
        var st = stat()
        identity = fstat(fd, &st) == 0 ? (UInt64(st.st_dev), UInt64(st.st_ino)) : nil
        if isRegularFile && flock(fd, LOCK_EX | LOCK_NB) != 0 {
            throw OpenError(path: path, reason: errno == EWOULDBLOCK ? .locked : .system(Errno(rawValue: errno)))
        }
        guard isRegularFile else { return }
        if resume { try repairForResume(csv: csv) } else { _ = ftruncate(fd, 0) }
        _ = lseek(fd, 0, SEEK_END)
    }

    deinit { if fd != 1 { close(fd) } }

    /// Whether the output holds nothing yet (standard output: always).
    public var isEmpty: Bool { !isRegularFile || fd == 1 || lseek(fd, 0, SEEK_END) == 0 }

    /// Reads what an earlier run wrote and cuts the file back to its whole records.
    private func repairForResume(csv: Bool) throws(OpenError) {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            if n < 0 { throw OpenError(path: name, reason: .cannotResume(repair: false, Errno(rawValue: errno))) }
            if n == 0 { break }
            bytes.append(contentsOf: chunk[0..<n])
        }
        let (output, kept) = ExistingOutput.parse(bytes, csv: csv)
        existing = output
        guard kept.count != bytes.count else { return }
        if output.dropped > 0 {
            warn("gongkai batch: \(name): \(output.dropped) broken record(s) dropped; their inputs are converted again")
        }
        // Kept bytes are a prefix unless a broken record sat mid-file; then the rest is rewritten.
        let prefix = zip(kept, bytes).prefix { $0 == $1 }.count
        guard ftruncate(fd, off_t(prefix)) == 0 else { throw OpenError(path: name, reason: .cannotResume(repair: true, Errno(rawValue: errno))) }
        _ = lseek(fd, 0, SEEK_END)
        do throws(Errno) { try Self.writeAll(fd, Array(kept[prefix...])) } catch {
            throw OpenError(path: name, reason: .cannotResume(repair: true, error))
        }
    }

    /// Writes `text` now; on failure reports it (naming `source`, the input the record is of),
    /// counts it and cuts off whatever part of it reached the file.
    @discardableResult
    public func writeNow(_ text: String, source: String = "the CSV header") -> Bool {
        guard !text.isEmpty else { return true }
        let start = isRegularFile ? lseek(fd, 0, SEEK_END) : -1
        do {
            try write(Array(text.utf8))
            return true
        } catch {
            writeFailures += 1
            if start >= 0 { _ = ftruncate(fd, start) }
            warn("gongkai batch: \(name): cannot write the record of \(source): \(error)")
            return false
        }
    }

    private func write(_ bytes: [UInt8]) throws(Errno) {
        guard let capacity else { return try Self.writeAll(fd, bytes) }
        let room = max(0, min(capacity, bytes.count))
        try Self.writeAll(fd, Array(bytes[..<room]))
        self.capacity = capacity - room
        if room < bytes.count { throw Errno.noSpace }
    }

    /// Writes all of `bytes`, retrying interrupted and short writes.
    static func writeAll(_ fd: Int32, _ bytes: [UInt8]) throws(Errno) {
        do { _ = try FileDescriptor(rawValue: fd).writeAll(bytes) } catch { throw error as? Errno ?? Errno.ioError }
    }

    /// Queues the record of input `index` (from input `source`); writes every record that is now
    /// next in order. `nil` marks an input that produced no record (skipped).
    public func deliver(_ index: Int, _ record: String?, source: String) {
        pending[index] = (record ?? "", source)
        while let next = pending.removeValue(forKey: nextIndex) {
            writeNow(next.text, source: next.source)
            nextIndex += 1
        }
    }

    /// Flushes the file to disk; false (after reporting it) when that fails — the records may then
    /// not be on disk. EINVAL means the file cannot be flushed at all (/proc, some devices).
    public func finish() -> Bool {
        guard isRegularFile, fsync(fd) != 0, errno != EINVAL else { return true }
        warn("gongkai batch: \(name): cannot write the output to disk: \(Errno(rawValue: errno))")
        return false
    }

    private static func isRegular(_ fd: Int32) -> Bool {
        var st = stat()
        return fstat(fd, &st) == 0 && (st.st_mode & S_IFMT) == S_IFREG
    }
}
