/// A problem reading an MPS file; names the line and what was expected.
public struct MPSError: Error, Equatable, CustomStringConvertible {
    public var file: String
    /// 1-based line number, or 0 when the problem is not tied to a line.
    public var line: Int
    public var message: String

    public var description: String {
        line > 0 ? "\(file):\(line): \(message)" : "\(file): \(message)"
    }
}
