/// Stage 2 of the stream builder — rows: the rows of numbers grouped into tables. A row whose
/// numbers do not line up with the columns seen so far, or that stands more than
/// `streamMaxRowGap` ems below the last one, starts another table.
struct StreamRowRegions {
    let settings: LayoutSettings

    func regions(_ numeric: [Int], _ lines: [StreamLine]) -> [[Int]] {
        var out: [[Int]] = []
        var current: [Int] = []
        var columns: [(Double, Double)] = []
        for i in numeric {
            let line = lines[i]
            let tol = settings.streamColumnTolerance * line.em
            let values = line.segments.filter(\.isValue)
            if let last = current.last {
                let far = line.box.y0 - lines[last].box.y1 > settings.streamMaxRowGap * line.em
                if far || !fits(values, columns, tol: tol, margin: settings.streamStrayColumnMargin * line.em) {
                    out.append(current)
                    current = []
                    columns = []
                }
            }
            current.append(i)
            for v in values { columns.append((v.box.x0 - tol, v.box.x1 + tol)) }
        }
        if !current.isEmpty { out.append(current) }
        return out
    }

    /// Whether a row's numbers fit the columns so far. One number in a new column inside the
    /// table's width (`margin` beyond its outer columns) is a column the rows so far left blank;
    /// two, or one beyond the table's edges, are another table.
    func fits(_ values: [StreamSegment], _ columns: [(Double, Double)], tol: Double, margin: Double) -> Bool {
        let strays = values.filter { v in !columns.contains { v.box.x0 - tol <= $0.1 && v.box.x1 + tol >= $0.0 } }
        let lo = columns.map(\.0).min() ?? 0, hi = columns.map(\.1).max() ?? 0
        return strays.isEmpty || (strays.count == 1 && strays[0].box.x0 >= lo - margin && strays[0].box.x1 <= hi + margin)
    }
}
