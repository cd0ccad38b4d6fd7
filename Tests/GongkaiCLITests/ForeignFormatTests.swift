import Foundation
import GongkaiKit
import Testing

/// Refused formats: each fixture (scripts/make_word_fixtures.py) with the words its one-line
/// message must carry: the format it names and the conversion it advises.
private let refused: [(file: String, format: String, advice: String)] = [
    ("legacy.doc", "a legacy Word document (.doc)", "soffice --headless --convert-to docx"),
    ("report_rtf.doc", "an RTF document (.rtf, often named .doc)", "soffice --headless --convert-to docx"),
    ("kingsoft.wps", "a WPS Writer document (.wps)", "soffice --headless --convert-to docx"),
    ("sheet.xls", "a legacy Excel workbook (.xls)", "soffice --headless --convert-to html"),
    ("sheet.et", "a WPS spreadsheet (.et)", "soffice --headless --convert-to html"),
    ("protected.docx", "a password-protected Office document (an encrypted DOCX or XLSX)", "save it without one"),
    ("truncated.docx", "a damaged Word document (DOCX; truncated download?)", "download it again"),
    ("book.xlsx", "an Excel workbook (.xlsx)", "soffice --headless --convert-to html"),
    ("document.ofd", "an OFD document (.ofd)", "convert it to PDF first"),
    ("bundle.zip", "a zip archive", "unpack it"),
    ("bundle.rar", "a RAR archive", "unpack it"),
    ("bundle.7z", "a 7z archive", "unpack it"),
    ("scan.png", "a PNG image", "ocrmypdf"),
    ("scan.jpg", "a JPEG image", "ocrmypdf"),
    ("scan.tif", "a TIFF image", "ocrmypdf"),
    ("scan.gif", "a GIF image", "ocrmypdf"),
    ("scan.bmp", "a BMP image", "ocrmypdf"),
]

private let folder = "Tests/GongkaiCLITests/ForeignFixtures/"

@Test(arguments: refused.map(\.file))
func eachRefusedFormatIsNamedWithExit11(file: String) throws {
    let expected = try #require(refused.first { $0.file == file })
    let result = try CLI.run(["extract", folder + file])
    #expect(result.status == 11)
    #expect(result.stdout.isEmpty)
    let lines = result.stderr.split(separator: "\n")
    #expect(lines.count == 1, "one line: \(result.stderr)")
    #expect(result.stderr.hasPrefix("gongkai: " + folder + file + ": " + expected.format + " is not read by gongkai; "), "\(result.stderr)")
    #expect(result.stderr.contains(expected.advice))
}

@Test func legacyOfficeFilesAreToldApartByTheirStreamsNotTheirNames() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("gongkai-ole-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    for (source, format) in [("legacy.doc", "a legacy Word document (.doc)"), ("sheet.xls", "a legacy Excel workbook (.xls)")] {
        let renamed = dir.appendingPathComponent("download.bin")
        try? FileManager.default.removeItem(at: renamed)
        try FileManager.default.copyItem(at: CLI.root.appendingPathComponent(folder + source), to: renamed)
        let result = try CLI.run(["extract", renamed.path])
        #expect(result.status == 11)
        #expect(result.stderr.contains(format), "\(source): \(result.stderr)")
    }
}

@Test func batchRecordsEachRefusedFileAndGoesOnToTheWordReport() throws {
    let files = refused.map { folder + $0.file } + ["samples/docx/w017.docx"]
    let result = try CLI.run(["batch"] + files + ["--jobs", "2"])
    #expect(result.status == 1)
    let records = try String(decoding: result.stdout, as: UTF8.self).split(separator: "\n").map {
        try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
    }
    #expect(records.count == files.count)
    for r in records {
        let path = ((r["source"] as? [String: Any])?["path"] as? String) ?? ""
        let error = r["error"] as? [String: Any]
        if path == "samples/docx/w017.docx" {
            #expect(error == nil, "the DOCX converts: \(r)")
            #expect((r["report"] as? [String: Any])?["agency"] as? String == "厦门市应急管理局")
        } else {
            #expect(error?["code"] as? String == "unsupported_format", "\(path): \(r)")
            #expect((error?["message"] as? String)?.contains("is not read by gongkai") == true)
        }
    }
}

@Test func aWordReportConvertsToCSVAndDiffsAgainstItsExpectedFile() throws {
    let csv = try CLI.run(["extract", "samples/docx/w017.docx", "--format", "csv"])
    #expect(csv.status == 0)
    let text = String(decoding: csv.stdout, as: UTF8.self)
    #expect(text.contains("samples/docx/w017.docx,"))
    #expect(text.contains(",proactive.coercion.change,-2,false,"))
    let same = try CLI.run(["diff", "samples/docx/w017.expected.json", "samples/docx/w017.docx"])
    #expect(same.status == 0, "\(String(decoding: same.stdout, as: UTF8.self))")
    let other = try CLI.run(["diff", "samples/docx/w000.expected.json", "samples/docx/w017.docx"])
    #expect(other.status == 1)
}

@Test func aZipForcedAsDOCXFailsWithItsOwnMessage() throws {
    let forced = try CLI.run(["extract", "--input-format", "docx", folder + "bundle.zip"])
    #expect(forced.status == 3)
    #expect(forced.stderr.contains("no word/document.xml"), "\(forced.stderr)")
}

@Test func aSingleFileWebPageNamedDocIsReadAsItsPage() throws {
    // Quoted-printable with soft line breaks every 76 characters, and base64 (scripts/make_word_fixtures.py).
    for stem in ["pingtan_2024_article", "shanghai_bgt_2019_fragment"] {
        let page = try CLI.run(["extract", "samples/html/\(stem).html", "--compact"])
        let mht = try CLI.run(["extract", "samples/html/\(stem)_mht.doc", "--compact"])
        #expect(mht.status == 0, "\(stem): \(mht.stderr)")
        let a = try #require(page.json), b = try #require(mht.json)
        #expect(!cells(a).isEmpty)
        #expect(NSDictionary(dictionary: cells(a)) == NSDictionary(dictionary: cells(b)), "\(stem)")
        #expect((a["report"] as? [String: Any])?["title"] as? String == (b["report"] as? [String: Any])?["title"] as? String)
    }
}

@Test func base64DecodesWhatItEncodesAcrossMIMELineBreaks() {
    for length in 0..<8 {
        let bytes = (0..<(length * 37)).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ length) }
        var wrapped = Array(Base64.encode(bytes).utf8)
        for at in stride(from: 76, to: wrapped.count, by: 78) { wrapped.insert(contentsOf: [13, 10], at: at) }
        #expect(Base64.decode(wrapped) == bytes)
    }
}
