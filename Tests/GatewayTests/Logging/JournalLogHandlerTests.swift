import Foundation
import Logging
import Synchronization
import Testing
@testable import Gateway

/// Collects the lines a handler writes.
final class CapturedLines: Sendable {
    private let lines = Mutex<[String]>([])

    var all: [String] { lines.withLock { $0 } }

    var output: @Sendable (String) -> Void {
        { line in self.lines.withLock { $0.append(line) } }
    }
}

struct JournalLogHandlerTests {
    static func logger(
        _ label: String = "Gateway", format: LogLineFormat = .journal, level: Logger.Level = .trace,
        redaction: LogRedaction = LogRedaction(), lines: CapturedLines
    ) -> Logger {
        Logger(label: label) { label in
            JournalLogHandler(
                label: label, levels: LogLevels(LoggingConfiguration(level: level)), format: format, redaction: redaction,
                output: lines.output,
                now: { Date(timeIntervalSince1970: 1_700_000_000.25) }
            )
        }
    }

    @Test func journalLinesCarryThePriorityTheModuleAndSortedMetadata() {
        let lines = CapturedLines()
        var logger = Self.logger(lines: lines)
        logger[metadataKey: "jid"] = "gateway@example.org/hall"
        logger.info("device online", metadata: ["device": "hall", "status": "all fine", "empty": ""])
        logger.warning("stale")
        logger.error("bus error", metadata: ["reason": "NACK at 0x76 \"busy\""])
        logger.critical("x")
        logger.notice("n")
        logger.debug("d")
        #expect(lines.all == [
            #"<6>Gateway: device online device=hall empty="" jid=gateway@example.org/hall status="all fine""#,
            "<4>Gateway: stale jid=gateway@example.org/hall",
            #"<3>Gateway: bus error jid=gateway@example.org/hall reason="NACK at 0x76 \"busy\"""#,
            "<2>Gateway: x jid=gateway@example.org/hall",
            "<5>Gateway: n jid=gateway@example.org/hall",
            "<7>Gateway: d jid=gateway@example.org/hall",
        ])
    }

    @Test func plainLinesHaveTimeAndLevel() {
        let lines = CapturedLines()
        let logger = Self.logger("XMPPClient", format: .plain, lines: lines)
        logger.info("connected", metadata: ["host": "xmpp.example.org", "port": "\(5222)"])
        #expect(lines.all == ["2023-11-14T22:13:20.250Z info XMPPClient: connected host=xmpp.example.org port=5222"])
    }

    /// A multi-line message or value still makes one line.
    @Test func oneEventIsOneLine() {
        let lines = CapturedLines()
        let logger = Self.logger(lines: lines)
        logger.error("frame refused:\nFF 86\tbad", metadata: ["detail": "a\nb", "list": ["1", "2 3"], "map": ["k": "v"]])
        #expect(lines.all == [#"<3>Gateway: frame refused:\nFF 86\tbad detail=a\nb list="[1, 2 3]" map="{k: v}""#])
    }

    /// The password never reaches a line: not in the message, not in a value, not under a
    /// key that names a secret, not when registered after the logger was made.
    @Test func passwordsNeverReachALine() {
        let lines = CapturedLines()
        let redaction = LogRedaction()
        let logger = Self.logger(redaction: redaction, lines: lines)
        logger.info("login", metadata: ["password": "anything", "client_secret": "x", "authToken": "y"])
        redaction.register("hunter2")
        redaction.register("")
        logger.error("SASL failed for password hunter2", metadata: ["response": "n,,n=gw,p=hunter2", "nested": ["hunter2", "ok"]])
        #expect(lines.all == [
            "<6>Gateway: login authToken=<redacted> client_secret=<redacted> password=<redacted>",
            #"<3>Gateway: SASL failed for password <redacted> nested="[<redacted>, ok]" response="n,,n=gw,p=<redacted>""#,
        ])
        #expect(lines.all.allSatisfy { !$0.contains("hunter2") })
        #expect(redaction.redact("hunter2hunter2") == "<redacted><redacted>")
        #expect(LogRedaction(secrets: ["abc", "abcdef"]).redact("xabcdefx") == "x<redacted>x")
    }

    /// Levels come from the configuration: per module by label prefix, else the default; a
    /// reload changes them for loggers already made, except where a logger set its own.
    @Test func levelsPerModule() {
        let lines = CapturedLines()
        let levels = LogLevels(LoggingConfiguration(level: .warning, moduleLevels: ["XMPPClient": .debug, "Gateway.thermostat": .trace]))
        let factory = GatewayLogging.handlerFactory(levels: levels, redaction: LogRedaction(), format: .journal, output: lines.output)
        let tls = Logger(label: "XMPPClient.tls", factory: factory)
        let gateway = Logger(label: "Gateway", factory: factory)
        var own = Logger(label: "Gateway.history", factory: factory)
        own.logLevel = .error
        tls.debug("handshake")
        Logger(label: "XMPPClient", factory: factory).trace("bytes")
        gateway.info("hidden")
        gateway.warning("shown")
        Logger(label: "Gateway.thermostat", factory: factory).trace("tick")
        own.warning("hidden too")
        levels.update(LoggingConfiguration(level: .info))
        tls.debug("hidden after reload")
        gateway.info("shown after reload")
        own.warning("still hidden")
        #expect(lines.all == [
            "<7>XMPPClient.tls: handshake", "<4>Gateway: shown", "<7>Gateway.thermostat: tick", "<6>Gateway: shown after reload",
        ])
    }

    @Test func journalStreamMustBeStderrItself() {
        #expect(JournalStream.matches("8:12345", device: 8, inode: 12345))
        #expect(!JournalStream.matches("8:12345", device: 8, inode: 12346))
        #expect(!JournalStream.matches("garbage", device: 8, inode: 12345))
        #expect(!JournalStream.matches(nil, device: 8, inode: 12345))
        #expect(LogLineFormat.forStandardError(environment: { _ in nil }) == .plain)
        var status = stat()
        #expect(fstat(STDERR_FILENO, &status) == 0)
        let stream = "\(status.st_dev):\(status.st_ino)"
        #expect(LogLineFormat.forStandardError(environment: { ["JOURNAL_STREAM": stream][$0] }) == .journal)
    }
}
