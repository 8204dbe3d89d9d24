/// A variable of a `Model`, valid only for the model that created it.
public struct VariableID: Hashable, Sendable {
    public let index: Int
}

/// A row (linear constraint) of a `Model`.
public struct RowID: Hashable, Sendable {
    public let index: Int
}

/// A block of a `Model`: the variables and rows of one asset.
public struct BlockID: Hashable, Sendable {
    public let index: Int
}
