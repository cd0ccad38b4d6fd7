import Foundation
import Testing
@testable import PDFContent

private func hex(_ bytes: [UInt8]) -> String { bytes.map { String(format: "%02x", $0) }.joined() }
private func bytes(hex: String) -> [UInt8] {
    var out: [UInt8] = []
    var i = hex.startIndex
    while i < hex.endIndex {
        let j = hex.index(i, offsetBy: 2)
        out.append(UInt8(hex[i..<j], radix: 16)!)
        i = j
    }
    return out
}

@Test(arguments: [
    ("", "d41d8cd98f00b204e9800998ecf8427e"),
    ("abc", "900150983cd24fb0d6963f7d28e17f72"),
    ("message digest", "f96b697d7cb7938d525a2f31aaf161d0"),
    ("12345678901234567890123456789012345678901234567890123456789012345678901234567890", "57edf4a22be3c955ac49da2e2107b67a"),
])
func md5MatchesRFC1321(input: String, digest: String) {
    #expect(hex(MD5.digest(Array(input.utf8))) == digest)
}

@Test func rc4AndAESMatchTheirReferenceVectors() {
    #expect(hex(RC4.apply(key: Array("Key".utf8), to: Array("Plaintext".utf8))) == "bbf316e8d940af0ad3")
    // FIPS 197, appendix C.1.
    let key = bytes(hex: "000102030405060708090a0b0c0d0e0f")
    let cipher = bytes(hex: "69c4e0d86a7b0430d8cdb78070b4c55a")
    #expect(hex(AES128.decryptBlock(cipher[...], AES128.expand(key))) == "00112233445566778899aabbccddeeff")
}

private func fixture(_ name: String) throws -> [UInt8] {
    let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/\(name)").path
    return [UInt8](try #require(FileManager.default.contents(atPath: path)))
}

@Test(arguments: ["restricted_rc4_40.pdf", "restricted_rc4_128.pdf", "restricted_aes_128.pdf"])
func protectedFilesWithoutAUserPasswordAreDecrypted(name: String) throws {
    // A report "protected" against copying opens for anyone: its streams decrypt with the empty
    // password, and the table page paints what the unprotected file paints.
    let plain = try #require(PDFFile(bytes: try fixture("object_streams.pdf")))
    let file = try #require(PDFFile(bytes: try fixture(name)))
    #expect(file.pages.count == plain.pages.count)
    let expected = try plain.paintedShapes(page: 1)
    let got = try file.paintedShapes(page: 1)
    #expect(got.segments.count == expected.segments.count)
    #expect(got.segments.count >= 50)
    #expect(got.segments == expected.segments)
}

@Test func aes256AndUserPasswordsAreLeftToPoppler() throws {
    #expect(PDFFile(bytes: try fixture("restricted_aes_256.pdf")) == nil)
}
