import Hardware

/// A device on a `SimulatedI2CBus`: it answers each transaction addressed to it, or does not
/// acknowledge it (`nil`), as a real chip NACKs what it cannot take.
public protocol SimulatedI2CDevice: Sendable {
    func respond(to transaction: I2CTransaction) -> [UInt8]?
}
