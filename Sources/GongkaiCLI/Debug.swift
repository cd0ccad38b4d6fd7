import GongkaiKit
func debugGrids(_ path: String) {
  let doc = try! PDFDocument(path: path)
  for i in 0..<doc.pageCount {
    let g = doc.glyphs(page: i)
    let lines = doc.rulingLines(page: i, glyphs: g)
    let (size) = doc.pageSize(i)!
    let page = PageContent(number: i+1, width: size.width, height: size.height, glyphs: g, rulingLines: lines)
    for t in LatticeExtractor().extract(page).tables { print("--- page \(i+1) table \(t.rowCount)x\(t.columnCount)"); print(t.debugDescription) }
  }
}
