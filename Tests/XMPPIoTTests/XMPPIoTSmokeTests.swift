import Testing
@testable import XMPPIoT

