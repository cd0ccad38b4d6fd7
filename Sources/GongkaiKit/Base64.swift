/// Base64 (RFC 4648, with padding): encoding for images embedded in HTML as data URIs, decoding for
/// the parts of single-file web pages (MHT). Written out to keep Foundation out of the library.
public enum Base64 {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    public static func encode(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity((bytes.count + 2) / 3 * 4)
        var i = 0
        while i + 3 <= bytes.count {
            let n = UInt32(bytes[i]) << 16 | UInt32(bytes[i + 1]) << 8 | UInt32(bytes[i + 2])
            out.append(alphabet[Int(n >> 18)]); out.append(alphabet[Int(n >> 12 & 63)])
            out.append(alphabet[Int(n >> 6 & 63)]); out.append(alphabet[Int(n & 63)])
            i += 3
        }
        let rest = bytes.count - i
        if rest > 0 {
            let n = UInt32(bytes[i]) << 16 | (rest == 2 ? UInt32(bytes[i + 1]) << 8 : 0)
            out.append(alphabet[Int(n >> 18)]); out.append(alphabet[Int(n >> 12 & 63)])
            out.append(rest == 2 ? alphabet[Int(n >> 6 & 63)] : UInt8(ascii: "="))
            out.append(UInt8(ascii: "="))
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Decodes base64 text, skipping line breaks and other characters outside the alphabet (MIME
    /// wraps lines at 76); stops at the padding.
    public static func decode(_ text: some Sequence<UInt8>) -> [UInt8] {
        var value: [UInt8: UInt32] = [:]
        for (i, c) in alphabet.enumerated() { value[c] = UInt32(i) }
        var out: [UInt8] = []
        var n: UInt32 = 0
        var bits = 0
        for c in text {
            if c == UInt8(ascii: "=") { break }
            guard let v = value[c] else { continue }
            n = n << 6 | v
            bits += 6
            if bits >= 8 {
                bits -= 8
                out.append(UInt8(truncatingIfNeeded: n >> UInt32(bits)))
            }
        }
        return out
    }
}
