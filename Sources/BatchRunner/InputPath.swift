#if canImport(Glibc)
import Glibc
#endif

/// A file name as the file system has it: bytes. Linux names need not be UTF-8 — GBK names from
/// zip archives made on Chinese Windows are common in report archives — and a Swift `String`
/// would replace such bytes, after which the file cannot be opened. The bytes open the file;
/// `display` (see `escaped`) names it in messages and records.
///
/// A byte array rather than swift-system's `FilePath`: everything done with it here (join a
/// name, open, stat, opendir) is one C call on a NUL-terminated buffer, and the escaping for
/// display is ours to choose either way.
public struct InputPath: Hashable, Comparable, Sendable {
    public let bytes: [UInt8]
    public let display: String

    public init(bytes: [UInt8]) {
        self.bytes = bytes
        display = Self.escaped(bytes)
    }

    public init(_ string: String) { self.init(bytes: Array(string.utf8)) }

    public static func < (a: InputPath, b: InputPath) -> Bool { a.bytes.lexicographicallyPrecedes(b.bytes) }

    /// Whether the name is valid UTF-8 (`display` is then the name itself).
    public var isUTF8: Bool { String(validating: bytes, as: UTF8.self) != nil }

    /// `name` (bytes of one directory entry) inside this folder.
    public func appending(_ name: [UInt8]) -> InputPath {
        InputPath(bytes: bytes.last == UInt8(ascii: "/") ? bytes + name : bytes + [UInt8(ascii: "/")] + name)
    }

    /// Runs `body` with the name as a C string.
    public func withCString<T>(_ body: (UnsafePointer<CChar>) -> T) -> T {
        (bytes + [0]).withUnsafeBufferPointer { $0.withMemoryRebound(to: CChar.self) { body($0.baseAddress!) } }
    }

    /// The name for people, one path component at a time: a component that is valid UTF-8 as it
    /// is, in any other every byte outside ASCII as `\xNN`. Per component, not per byte: GBK bytes
    /// often happen to form valid UTF-8 sequences too, and half-decoded names would mislead.
    public static func escaped(_ bytes: [UInt8]) -> String {
        if let valid = String(validating: bytes, as: UTF8.self) { return valid }
        let components = bytes.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false).map { component -> String in
            if let valid = String(validating: component, as: UTF8.self) { return valid }
            return component.map { b -> String in
                if b < 0x80 { return String(UnicodeScalar(b)) }
                let hex = String(b, radix: 16, uppercase: true)
                return "\\x" + (hex.count == 1 ? "0" + hex : hex)
            }.joined()
        }
        return components.joined(separator: "/")
    }

    /// The bytes of command-line argument `argument` as the shell passed them: Swift decodes the
    /// arguments to `String`, replacing bytes that are not UTF-8, so the raw ones are looked up.
    public static func argument(_ argument: String) -> InputPath {
        for i in 0..<Int(CommandLine.argc) {
            guard let raw = CommandLine.unsafeArgv[i] else { continue }
            let bytes = Array(UnsafeBufferPointer(start: raw, count: strlen(raw))).map { UInt8(bitPattern: $0) }
            if String(validating: bytes, as: UTF8.self) == nil, String(decoding: bytes, as: UTF8.self) == argument {
                return InputPath(bytes: bytes)
            }
        }
        return InputPath(argument)
    }
}
