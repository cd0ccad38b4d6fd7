/// A rebuilt table's column boundaries, left to right, and which columns a position or a text's
/// extent falls in: the one mapping from positions to columns shared by the stream builder (PDF
/// points) and the layout-text builder (character columns).
public struct ColumnEdges: Sendable, Equatable {
    /// x of each boundary (count + 1 values, increasing).
    public let edges: [Double]

    public init(_ edges: [Double]) { self.edges = edges }

    public var count: Int { edges.count - 1 }

    /// The column a position falls in: the last one whose left edge is at or left of it, clamped
    /// to the grid (a position left of the first edge is in the first column, one right of the
    /// last edge in the last).
    public func column(of x: Double) -> Int { Swift.max(0, Swift.min(count - 1, edges.lastIndex { $0 <= x } ?? 0)) }

    /// The columns whose middles lie within `x0...x1` (a text over them); nil when no middle does.
    public func columns(withMiddlesIn x0: Double, _ x1: Double) -> ClosedRange<Int>? {
        let inside = (0..<Swift.max(0, count)).filter { c in
            let mid = (edges[c] + edges[c + 1]) / 2
            return mid >= x0 && mid <= x1
        }
        guard let a = inside.first, let b = inside.last else { return nil }
        return a...b
    }

    /// The centre of a range of columns.
    public func center(_ r: ClosedRange<Int>) -> Double { (edges[r.lowerBound] + edges[r.upperBound + 1]) / 2 }
}
