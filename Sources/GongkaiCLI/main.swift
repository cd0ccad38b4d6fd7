import GongkaiKit
import Foundation
let args = CommandLine.arguments
let doc = try PDFDocument(path: args[1])
let t0 = Date()
for i in 0..<doc.pageCount {
  var st = RulingLineScanner.Settings(); st.scale = Double(ProcessInfo.processInfo.environment["SCALE"] ?? "1.5")!
  let c = doc.content(page: i, withRulingLines: ProcessInfo.processInfo.environment["NOR"] == nil, settings: st)!
  print("page \(c.number) \(c.width)x\(c.height) glyphs \(c.glyphs.count) lines \(c.rulingLines.count)")
  if ProcessInfo.processInfo.environment["GRID"] != nil { for t in LatticeExtractor().extract(c).tables { print("--- table \(t.rowCount)x\(t.columnCount)"); print(t.debugDescription) } }
  if args.count > 2 { for l in c.rulingLines { print("  \(l.orientation) pos=\(String(format:"%.1f",l.position)) \(String(format:"%.1f",l.start))-\(String(format:"%.1f",l.end)) t=\(l.thickness)") } }
}
FileHandle.standardError.write("time \(Date().timeIntervalSince(t0))\n".data(using:.utf8)!)
