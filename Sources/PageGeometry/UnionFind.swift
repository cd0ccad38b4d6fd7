/// Disjoint sets over 0..<n, used to merge grid cells, to group ruling lines into tables and a
/// scan's ink into pieces of print.
public struct UnionFind {
    private var parent: [Int]
    public init(_ n: Int) { parent = Array(0..<n) }
    public mutating func find(_ x: Int) -> Int {
        var r = x
        while parent[r] != r { r = parent[r] }
        var y = x
        while parent[y] != r { let next = parent[y]; parent[y] = r; y = next }
        return r
    }
    public mutating func union(_ a: Int, _ b: Int) {
        let ra = find(a), rb = find(b)
        if ra != rb { parent[max(ra, rb)] = min(ra, rb) }
    }
}
