/// Demand-response events, customer baseline (CBL) methods and settlement.
