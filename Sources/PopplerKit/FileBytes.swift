import SystemPackage
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a whole file with POSIX calls: no Foundation (and its start-up cost) in the pipeline.
public enum FileBytes {
    /// Why a file could not be read: what the system said, or a refusal of ours.
    public enum ReadError: Error, CustomStringConvertible, Equatable {
        case system(Errno)
        case isDirectory
        /// A regular file larger than the limit: its size.
        case fileTooLarge(size: Int, limit: Int)
        /// A pipe or device that gave more than the limit: the bytes read before giving up.
        case streamTooLarge(read: Int, limit: Int)

        public var description: String {
            switch self {
            case .system(let errno): return errno.description
            case .isDirectory: return "is a directory"
            case .fileTooLarge(let size, let limit): return "file too large (\(size) bytes, limit \(limit))"
            case .streamTooLarge(_, let limit): return "more than \(limit) bytes"
            }
        }

        /// Set when the file is larger than the limit: its size (for a regular file) or the bytes
        /// read before giving up (a pipe, a device such as /dev/zero).
        public var tooLarge: Int? {
            switch self {
            case .fileTooLarge(let size, _): return size
            case .streamTooLarge(let read, _): return read
            case .system, .isDirectory: return nil
            }
        }

        /// The error `errno` holds now.
        static var current: ReadError { .system(Errno(rawValue: errno)) }
    }

    /// Everything on standard input (a pipe, a file or a terminal) until end of file, at most `limit` bytes.
    public static func readStandardInput(limit: Int = Int.max) throws(ReadError) -> [UInt8] {
        try readAll(fd: 0, sizeHint: 1 << 16, limit: limit)
    }

    /// The file's bytes. A file larger than `limit` is refused before it is read (regular files)
    /// or as soon as `limit` bytes have come in (pipes, devices), so a 2 GB file or /dev/zero
    /// never fills memory.
    public static func read(path: String, limit: Int = Int.max) throws(ReadError) -> [UInt8] {
        try read(opening: open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC), limit: limit)
    }

    /// The file whose name is the bytes `pathBytes` (no NUL), for names that are not UTF-8 (GBK
    /// names from Windows-made zip archives), which a `String` cannot hold unchanged.
    public static func read(pathBytes: [UInt8], limit: Int = Int.max) throws(ReadError) -> [UInt8] {
        try read(opening: withCPath(pathBytes) { open($0, O_RDONLY | O_NONBLOCK | O_CLOEXEC) }, limit: limit)
    }

    /// Runs `body` with `bytes` as a NUL-terminated C path.
    public static func withCPath<T>(_ bytes: [UInt8], _ body: (UnsafePointer<CChar>) -> T) -> T {
        (bytes + [0]).withUnsafeBufferPointer { $0.withMemoryRebound(to: CChar.self) { body($0.baseAddress!) } }
    }

    /// Reads the file open at `fd` (−1: the open failed, errno says why) and closes it.
    /// O_NONBLOCK is only for the open itself: a FIFO without a writer would block open() for ever.
    private static func read(opening fd: Int32, limit: Int) throws(ReadError) -> [UInt8] {
        guard fd >= 0 else { throw .current }
        defer { close(fd) }
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK)
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw .current }
        if (st.st_mode & S_IFMT) == S_IFDIR { throw .isDirectory }
        let size = Int(st.st_size)
        if (st.st_mode & S_IFMT) == S_IFREG, size > limit {
            throw .fileTooLarge(size: size, limit: limit)
        }
        return try readAll(fd: fd, sizeHint: max(0, min(size, limit)), limit: limit)
    }

    private static func readAll(fd: Int32, sizeHint: Int, limit: Int) throws(ReadError) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(sizeHint)
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw .current
            }
            if n == 0 { break }
            if n > limit - out.count {
                throw .streamTooLarge(read: out.count + n, limit: limit)
            }
            out.append(contentsOf: chunk[0..<n])
        }
        return out
    }

    /// Size in bytes of a regular file, nil for anything else (missing, directory, pipe, device).
    public static func regularFileSize(path: String) -> Int? {
        regularFileSize(pathBytes: Array(path.utf8))
    }

    /// Size of the regular file whose name is the bytes `pathBytes`, nil for anything else.
    public static func regularFileSize(pathBytes: [UInt8]) -> Int? {
        var st = stat()
        guard withCPath(pathBytes, { stat($0, &st) }) == 0, (st.st_mode & S_IFMT) == S_IFREG else { return nil }
        return Int(st.st_size)
    }
}
