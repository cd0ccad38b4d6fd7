#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The encodings a text report is accepted in.
public enum TextEncoding: String, Sendable, Equatable {
    case utf8 = "UTF-8"
    case utf8BOM = "UTF-8 with BOM"
    case utf16LE = "UTF-16LE"
    case utf16BE = "UTF-16BE"
    case gb18030 = "GB18030"
}

/// Why bytes could not be read as text.
public struct TextDecodingError: Error, Sendable, Equatable, CustomStringConvertible {
    public var description: String
}

/// Bytes → String for text inputs: UTF-8 (strictly, with or without BOM), UTF-16 with a BOM, and
/// GB18030 (which includes GBK and GB2312) through iconv. Anything else is an error, never a
/// lossy decoding: a report read with replacement characters would lose its labels silently.
public enum TextDecoding {
    public static func decode(_ bytes: [UInt8]) throws(TextDecodingError) -> (text: String, encoding: TextEncoding) {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            guard let s = strictUTF8(bytes[3...]) else { throw .init(description: "starts with a UTF-8 byte-order mark but is not valid UTF-8") }
            return (s, .utf8BOM)
        }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            let little = bytes[0] == 0xFF
            if little, bytes.count >= 4, bytes[2] == 0, bytes[3] == 0 { throw .init(description: "UTF-32 text is not supported (save it as UTF-8)") }
            guard let s = utf16(bytes[2...], littleEndian: little) else {
                throw .init(description: "starts with a UTF-16 byte-order mark but is not valid UTF-16")
            }
            return (s, little ? .utf16LE : .utf16BE)
        }
        if bytes.contains(0) {
            throw .init(description: "contains NUL bytes (binary data, or UTF-16/32 without a byte-order mark)")
        }
        if let s = strictUTF8(bytes[...]) { return (s, .utf8) }
        if let s = iconvDecode(bytes, from: "GB18030") { return (s, .gb18030) }
        throw .init(description: "neither UTF-8, UTF-16 (with BOM) nor GB18030/GBK")
    }

    static func strictUTF8(_ bytes: ArraySlice<UInt8>) -> String? {
        var out = String.UnicodeScalarView()
        var decoder = UTF8()
        var it = bytes.makeIterator()
        while true {
            switch decoder.decode(&it) {
            case .scalarValue(let u): out.append(u)
            case .emptyInput: return String(out)
            case .error: return nil
            }
        }
    }

    static func utf16(_ bytes: ArraySlice<UInt8>, littleEndian: Bool) -> String? {
        guard bytes.count % 2 == 0 else { return nil }
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var i = bytes.startIndex
        while i < bytes.endIndex {
            let a = UInt16(bytes[i]), b = UInt16(bytes[i + 1])
            units.append(littleEndian ? a | b << 8 : a << 8 | b)
            i += 2
        }
        var out = String.UnicodeScalarView()
        var decoder = UTF16()
        var it = units.makeIterator()
        while true {
            switch decoder.decode(&it) {
            case .scalarValue(let u): out.append(u)
            case .emptyInput: return String(out)
            case .error: return nil
            }
        }
    }

    /// Converts with iconv into UTF-8; nil when the bytes are not valid in `encoding`.
    static func iconvDecode(_ bytes: [UInt8], from encoding: String) -> String? {
        let cd = iconv_open("UTF-8", encoding)
        if cd == iconv_t(bitPattern: -1) { return nil }
        defer { iconv_close(cd) }
        var input = bytes
        var output = [UInt8](repeating: 0, count: bytes.count * 2 + 16)
        let produced: Int? = input.withUnsafeMutableBufferPointer { inBuf -> Int? in
            output.withUnsafeMutableBufferPointer { outBuf -> Int? in
                var inPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(inBuf.baseAddress!).assumingMemoryBound(to: CChar.self)
                var inLeft = inBuf.count
                var outPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outBuf.baseAddress!).assumingMemoryBound(to: CChar.self)
                var outLeft = outBuf.count
                // GB18030 → UTF-8 grows at most 2× (2-byte → 3-byte, 4-byte → 4-byte), so one call suffices.
                if iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft) == -1 || inLeft != 0 { return nil }
                // Flush any shift state.
                if iconv(cd, nil, nil, &outPtr, &outLeft) == -1 { return nil }
                return outBuf.count - outLeft
            }
        }
        guard let produced else { return nil }
        return strictUTF8(output[0..<produced])
    }
}
