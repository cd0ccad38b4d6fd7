/// Decrypts the streams of a PDF encrypted by the standard security handler with an empty user
/// password (ISO 32000-1 §7.6.3) — the common case of a report published "protected": it opens
/// without a password, and only copying or editing is restricted. Revisions 2–4 are read (RC4
/// and AES-128); revision 5 and 6 (AES-256) and any file that needs a user password are left to
/// Poppler, which renders them.
///
/// The empty password is checked against the file's /U entry before anything is decrypted, so a
/// key derived wrongly can never feed garbage to the content reader.
struct StandardSecurityHandler {
    enum Cipher { case rc4, aes128, identity }

    let key: [UInt8]
    let streamCipher: Cipher

    /// The password padding string of Algorithm 2.
    static let padding: [UInt8] = [0x28, 0xBF, 0x4E, 0x5E, 0x4E, 0x75, 0x8A, 0x41, 0x64, 0x00, 0x4E, 0x56, 0xFF, 0xFA, 0x01, 0x08,
                                   0x2E, 0x2E, 0x00, 0xB6, 0xD0, 0x68, 0x3E, 0x80, 0x2F, 0x0C, 0xA9, 0xFE, 0x64, 0x53, 0x69, 0x7A]

    /// The handler for `encrypt` (the /Encrypt dictionary) and the first /ID string, or nil when
    /// it is not one this reader can open without a password.
    init?(encrypt: [String: PDFObject], id: [UInt8], resolve: (PDFObject) -> PDFObject) {
        func value(_ k: String) -> PDFObject? { encrypt[k].map(resolve) }
        guard value("Filter")?.name == "Standard", let r = value("R")?.int, (2...4).contains(r),
              case .string(let o)? = value("O"), case .string(let u)? = value("U"), o.count >= 32, u.count >= 16,
              let p = value("P")?.number else { return nil }
        let v = value("V")?.int ?? 0
        var length = 5
        var cipher = Cipher.rc4
        switch v {
        case 1: length = 5
        case 2: length = min(max((value("Length")?.int ?? 40) / 8, 5), 16)
        case 4:
            length = 16
            let stmF = value("StmF")?.name ?? "Identity"
            if stmF == "Identity" {
                cipher = .identity
            } else {
                guard let filter = value("CF")?.dictionary?[stmF].map(resolve)?.dictionary else { return nil }
                switch filter["CFM"].map(resolve)?.name {
                case "V2"?: cipher = .rc4
                case "AESV2"?: cipher = .aes128
                case "None"?: cipher = .identity
                default: return nil
                }
            }
        default: return nil
        }
        // Algorithm 2: the file key from the (empty) user password.
        let permissions = UInt32(bitPattern: Int32(truncatingIfNeeded: Int64(p.rounded())))
        var input = Self.padding + Array(o[0..<32])
        for i in 0..<4 { input.append(UInt8(truncatingIfNeeded: permissions >> (8 * UInt32(i)))) }
        input += id
        if r >= 4, case .boolean(false)? = value("EncryptMetadata") { input += [0xFF, 0xFF, 0xFF, 0xFF] }
        var hash = MD5.digest(input)
        if r >= 3 { for _ in 0..<50 { hash = MD5.digest(Array(hash[0..<length])) } }
        let key = Array(hash[0..<(r == 2 ? 5 : length)])
        // Algorithms 4 and 5: the empty password is the user password only if /U agrees.
        if r == 2 {
            guard RC4.apply(key: key, to: Self.padding) == Array(u[0..<32]) else { return nil }
        } else {
            var check = RC4.apply(key: key, to: MD5.digest(Self.padding + id))
            for i in 1...19 { check = RC4.apply(key: key.map { $0 ^ UInt8(i) }, to: check) }
            guard check == Array(u[0..<16]) else { return nil }
        }
        self.key = key
        self.streamCipher = cipher
    }

    /// Decrypts the data of the stream that is object `number` `generation` (Algorithm 1).
    func decrypt(_ data: [UInt8], number: Int, generation: Int) -> [UInt8]? {
        if streamCipher == .identity { return data }
        var input = key
        input += [UInt8(truncatingIfNeeded: number), UInt8(truncatingIfNeeded: number >> 8), UInt8(truncatingIfNeeded: number >> 16),
                  UInt8(truncatingIfNeeded: generation), UInt8(truncatingIfNeeded: generation >> 8)]
        if streamCipher == .aes128 { input += [0x73, 0x41, 0x6C, 0x54] }  // "sAlT"
        let objectKey = Array(MD5.digest(input).prefix(min(key.count + 5, 16)))
        switch streamCipher {
        case .rc4: return RC4.apply(key: objectKey, to: data)
        case .aes128: return AES128.decryptCBC(key: objectKey, data)
        case .identity: return data
        }
    }
}
