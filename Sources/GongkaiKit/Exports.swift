@_exported import GongkaiReport
@_exported import HTMLTables
@_exported import OCRKit
@_exported import PageGeometry
@_exported import PopplerKit
@_exported import TableLayout
@_exported import TextTables
@_exported import WordTables
