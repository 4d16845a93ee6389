extension Double {
    /// A number as people write it: `5`, `21.5`, `0.25` (a setpoint, a range's limit).
    var spokenText: String {
        if self == rounded(), abs(self) < 1e15 {
            return String(Int(self))
        }
        return String(self)
    }
}
