/// Which generation of XEP-0323/0325 shapes a peer speaks, so replies are built in a form
/// its client completes on.
public enum SensorDataDialect: Sendable, Hashable {
    /// XEP-0323 v0.3+ / XEP-0325 v0.3+: stanza errors, `<setResponse/>`, every value type.
    case standard
    /// The v0.2 shapes slixmpp 1.17.0 speaks: `<rejected>` and `responseCode` beside the
    /// stanza error, integers as `numeric`, durations as `timeSpan`, dates and times as `string`.
    case slixmpp
    /// Smack: momentary-only requests and `<bool>` parameters. Replies are standard; Smack
    /// finishes only on `done='true'`, which every reply carries anyway.
    case smack
}
