@_exported import PopplerKit
@_exported import PageGeometry
@_exported import TableLayout
