import CPoppler

/// SHA-256 of a byte buffer, for `source.sha256` and batch resume matching: GLib's `GChecksum`
/// (GLib is linked already for Poppler; swift-crypto would bring Foundation and BoringSSL and
/// milliseconds of start-up to every `gongkai extract`).
public enum SHA256 {
    /// Lower-case hex digest.
    public static func hex(_ bytes: [UInt8]) -> String {
        let checksum = g_checksum_new(G_CHECKSUM_SHA256)
        defer { g_checksum_free(checksum) }
        bytes.withUnsafeBufferPointer { buffer in
            // g_checksum_update takes a gssize; feed very large buffers in pieces.
            var offset = 0
            repeat {
                let count = min(buffer.count - offset, Int(Int32.max))
                g_checksum_update(checksum, buffer.baseAddress.map { $0 + offset }, gssize(count))
                offset += count
            } while offset < buffer.count
        }
        return String(cString: g_checksum_get_string(checksum))
    }
}

/// Base64 (RFC 4648, with padding): encoding for images embedded in HTML as data URIs, decoding for
/// the parts of single-file web pages (MHT). GLib's `g_base64_encode` / `g_base64_decode`.
public enum Base64 {
    public static func encode(_ bytes: [UInt8]) -> String {
        guard !bytes.isEmpty else { return "" }
        let encoded = bytes.withUnsafeBufferPointer { g_base64_encode($0.baseAddress, gsize($0.count)) }
        guard let encoded else { return "" }
        defer { g_free(encoded) }
        return String(cString: encoded)
    }

    /// Decodes base64 text; GLib skips line breaks and other characters outside the alphabet (MIME
    /// wraps lines at 76).
    public static func decode(_ text: some Sequence<UInt8>) -> [UInt8] {
        var input = Array(text)
        guard !input.isEmpty else { return [] }
        input.append(0)
        var count: gsize = 0
        let decoded = input.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: gchar.self, capacity: buffer.count) { g_base64_decode($0, &count) }
        }
        guard let decoded else { return [] }
        defer { g_free(decoded) }
        return Array(UnsafeBufferPointer(start: decoded, count: Int(count)))
    }
}
