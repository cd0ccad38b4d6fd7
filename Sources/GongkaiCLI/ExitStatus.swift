import GongkaiKit

/// Exit statuses of the CLI. Each input failure class has its own, so scripts can tell them apart.
enum ExitStatus {
    static let ok: Int32 = 0
    static let usage: Int32 = 64
    static let outputFailed: Int32 = 73

    static var helpText: String {
        """
        EXIT STATUS
          0   success
          3   the file cannot be read (missing, a directory, no permission)
          4   empty file
          5   not a PDF (the message says what it looks like, e.g. HTML)
          6   damaged PDF
          7   encrypted PDF (use --password)
          8   no text layer (a scan: run OCR first)
          9   no report tables found (not a 政府信息公开工作年度报告?)
          10  unknown template (e.g. a report before the 2019 format)
          11  a format not read (legacy Word/WPS, spreadsheet, OFD, archive, image; the
              message names it and how to convert it)
          12  text in another encoding than UTF-8, GB18030/GBK or UTF-16 with BOM
          13  file too large (over --max-bytes, default 200M)
          14  encrypted PDF and the --password given does not open it
          64  bad command line
          73  the output could not be written
        Errors are one line on standard error: the file, then what is wrong.
        """
    }
}
