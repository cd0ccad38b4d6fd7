import Foundation
import ZIPFoundation

// Opens a DOCX held in memory and reads word/document.xml whole; prints the member's size.
let data = try Data(contentsOf: URL(fileURLWithPath: CommandLine.arguments[1]))
let archive = try Archive(data: data, accessMode: .read)
guard let entry = archive["word/document.xml"] else { exit(4) }
var xml = Data()
_ = try archive.extract(entry) { xml.append($0) }
print(xml.count)
