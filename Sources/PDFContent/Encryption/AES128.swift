/// AES-128 decryption in CBC mode (FIPS 197), for streams of PDFs encrypted with `/AESV2`. Only
/// decryption is needed; the tables are computed, not typed in, and the cipher is checked against
/// FIPS 197's example vector.
enum AES128 {
    private static let sbox: [UInt8] = {
        // The multiplicative inverse in GF(2⁸) followed by the affine transformation.
        var box = [UInt8](repeating: 0, count: 256)
        var p: UInt8 = 1, q: UInt8 = 1
        repeat {
            p = p ^ (p << 1) ^ (p & 0x80 != 0 ? 0x1B : 0)
            q ^= q << 1; q ^= q << 2; q ^= q << 4
            if q & 0x80 != 0 { q ^= 0x09 }
            let rot = { (x: UInt8, n: UInt8) -> UInt8 in (x << n) | (x >> (8 - n)) }
            box[Int(p)] = q ^ rot(q, 1) ^ rot(q, 2) ^ rot(q, 3) ^ rot(q, 4) ^ 0x63
        } while p != 1
        box[0] = 0x63
        return box
    }()

    private static let inverseSbox: [UInt8] = {
        var inv = [UInt8](repeating: 0, count: 256)
        for (i, v) in sbox.enumerated() { inv[Int(v)] = UInt8(i) }
        return inv
    }()

    private static func xtime(_ x: UInt8) -> UInt8 { (x << 1) ^ (x & 0x80 != 0 ? 0x1B : 0) }
    private static func mul(_ x: UInt8, _ y: UInt8) -> UInt8 {
        var a = x, b = y, r: UInt8 = 0
        while b != 0 {
            if b & 1 != 0 { r ^= a }
            a = xtime(a)
            b >>= 1
        }
        return r
    }

    /// The eleven round keys of a 16-byte key.
    static func expand(_ key: [UInt8]) -> [UInt8] {
        var w = key
        var rcon: UInt8 = 1
        while w.count < 176 {
            var t = Array(w[(w.count - 4)...])
            if w.count % 16 == 0 {
                t = [sbox[Int(t[1])] ^ rcon, sbox[Int(t[2])], sbox[Int(t[3])], sbox[Int(t[0])]]
                rcon = xtime(rcon)
            }
            for i in 0..<4 { w.append(w[w.count - 16] ^ t[i]) }
        }
        return w
    }

    /// Decrypts one 16-byte block with expanded keys `w`.
    static func decryptBlock(_ input: ArraySlice<UInt8>, _ w: [UInt8]) -> [UInt8] {
        var s = Array(input)
        for i in 0..<16 { s[i] ^= w[160 + i] }
        for round in stride(from: 9, through: 0, by: -1) {
            // Inverse ShiftRows (state is column-major: s[r + 4c]) and inverse SubBytes.
            var t = s
            for r in 0..<4 { for c in 0..<4 { t[r + 4 * ((c + r) % 4)] = inverseSbox[Int(s[r + 4 * c])] } }
            for i in 0..<16 { t[i] ^= w[16 * round + i] }
            if round > 0 {
                for c in 0..<4 {
                    let a0 = t[4 * c], a1 = t[4 * c + 1], a2 = t[4 * c + 2], a3 = t[4 * c + 3]
                    t[4 * c] = mul(a0, 14) ^ mul(a1, 11) ^ mul(a2, 13) ^ mul(a3, 9)
                    t[4 * c + 1] = mul(a0, 9) ^ mul(a1, 14) ^ mul(a2, 11) ^ mul(a3, 13)
                    t[4 * c + 2] = mul(a0, 13) ^ mul(a1, 9) ^ mul(a2, 14) ^ mul(a3, 11)
                    t[4 * c + 3] = mul(a0, 11) ^ mul(a1, 13) ^ mul(a2, 9) ^ mul(a3, 14)
                }
            }
            s = t
        }
        return s
    }

    /// CBC decryption of `data` = 16-byte IV + ciphertext, PKCS#5 padding removed. nil when the
    /// data is not a whole number of blocks.
    static func decryptCBC(key: [UInt8], _ data: [UInt8]) -> [UInt8]? {
        guard key.count == 16, data.count >= 32, data.count % 16 == 0 else { return data.count == 16 ? [] : nil }
        let w = expand(key)
        var out: [UInt8] = []
        out.reserveCapacity(data.count - 16)
        var previous = data[0..<16]
        for start in stride(from: 16, to: data.count, by: 16) {
            let block = data[start..<(start + 16)]
            let plain = decryptBlock(block, w)
            for i in 0..<16 { out.append(plain[i] ^ previous[previous.startIndex + i]) }
            previous = block
        }
        if let pad = out.last, (1...16).contains(pad), Int(pad) <= out.count, out.suffix(Int(pad)).allSatisfy({ $0 == pad }) {
            out.removeLast(Int(pad))
        }
        return out
    }
}
