import GongkaiKit
import Foundation
let args = CommandLine.arguments
if args.count > 2 { debugGrids(args[1]); exit(0) }
do {
  let doc = try ReportExtractor().extract(path: args[1])
  print(doc.json().rendered())
} catch {
  FileHandle.standardError.write((error.message + "\n").data(using: .utf8)!)
  exit(error.exitStatus)
}
