#!/usr/bin/env python3
"""A deliberately broken XMPP server on 127.0.0.1, for what a real server never sends.

Usage: hostile_server.py --mode MODE [--port N] [--time-limit S] [--dir DIR] [--direct-tls]
                         [--password P] …

Every connection is a real XMPP stream up to the point of misbehaviour: the client's
stream header is read, ours has an id and version='1.0', features follow, <proceed/> is
followed by a TLS handshake with the mode's certificate. Modes:

  bad-cert               STARTTLS; the iot.test certificate comes from a CA nobody trusts
  wrong-host             STARTTLS; trusted by the test CA, but issued for other.test
  wrong-scram-signature  STARTTLS with the real iot.test certificate; offers SCRAM-SHA-1
                         only, checks the client's proof against --password, then sends
                         <success> with a wrong v= (the server signature)
  no-starttls            features without <starttls/>, PLAIN offered in plaintext
  doctype                a DOCTYPE with entity declarations before the stream header,
                         and an entity reference inside the features
  endless-stanza         right after the stream header: <message><body> and then 'x'
                         forever, at --rate bytes/s, up to --max-bytes or the client leaving
  garbage                random bytes (seeded: reproducible) right after the stream header
  stall                  the stream header and half of the first element after it
                         (<stream:features>), then silence; the connection stays open

With --direct-tls the TLS handshake comes first (XEP-0368) and STARTTLS is skipped
(not with no-starttls). Once past TLS, bad-cert and wrong-host carry on, offer
PLAIN/SCRAM and record whether the client sent credentials (it must not).

stdout, one line each, flushed (the test reads it):
  PORT=n                 once listening (--port 0 picks a free port)
  CONNECTION n           each accepted connection, numbered from 1 (for reconnect tests)
  EVENT n WHAT [k=v …]   what connection n did, e.g. "EVENT 1 tls-failed reason=…",
                         "EVENT 1 recv starttls", "EVENT 2 credentials-sent mechanism=PLAIN",
                         "EVENT 1 recv error condition=restricted-xml",
                         "EVENT 1 disconnected after=2.01s"
It exits by itself after --time-limit seconds (default 120), or on SIGTERM/SIGINT.
The certificates come from `scripts/lib/prosody certs [DIR]`.
"""

import argparse
import asyncio
import base64
import collections
import hashlib
import hmac
import os
import random
import signal
import ssl
import sys
import time
import xml.etree.ElementTree as ET
from pathlib import Path

DOMAIN = "iot.test"
STREAMS_NS = "http://etherx.jabber.org/streams"
TLS_NS = "urn:ietf:params:xml:ns:xmpp-tls"
SASL_NS = "urn:ietf:params:xml:ns:xmpp-sasl"
STREAM_ERRORS_NS = "urn:ietf:params:xml:ns:xmpp-streams"

STARTTLS_REQUIRED = f"<starttls xmlns='{TLS_NS}'><required/></starttls>"


def mechanisms(*names):
    offered = "".join(f"<mechanism>{name}</mechanism>" for name in names)
    return f"<mechanisms xmlns='{SASL_NS}'>{offered}</mechanisms>"


def b64(data):
    return base64.b64encode(data).decode()


def say(line):
    print(line, flush=True)


class ClientGone(Exception):
    """The client disconnected, closed its stream, or sent something unparseable."""


class Connection:
    """One client: reads its XML stream element by element, writes raw strings."""

    def __init__(self, number, reader, writer, args):
        self.number, self.reader, self.writer, self.args = number, reader, writer, args
        self.started = time.monotonic()
        self.sent_bytes = 0   # endless-stanza's payload so far
        self.new_parser()

    def event(self, what, **details):
        say(" ".join([f"EVENT {self.number} {what}"] + [f"{k}={v}" for k, v in details.items()]))

    def new_parser(self):
        """A stream restart (after TLS, after SASL) starts a new XML document."""
        self.parser = ET.XMLPullParser(("start", "end"))
        self.depth, self.root, self.pending = 0, None, collections.deque()

    async def _read_more(self):
        data = await self.reader.read(65536)
        if not data:
            raise ClientGone("disconnected")
        try:
            self.parser.feed(data)
        except ET.ParseError as e:
            self.event("client-sent-malformed-xml", error=str(e).replace(" ", "_"))
            raise ClientGone("malformed XML")
        for kind, element in self.parser.read_events():
            if kind == "start":
                self.depth += 1
                if self.depth == 1:
                    self.root = element
                    self.pending.append(("header", element))
            else:
                self.depth -= 1
                if self.depth == 1:
                    self.root.remove(element)   # keep memory flat on long streams
                    self.pending.append(("element", element))
                elif self.depth == 0:
                    self.pending.append(("close", element))

    async def next(self):
        """("header" | "element" | "close", element); "element"s are logged as they come."""
        while not self.pending:
            await self._read_more()
        kind, element = self.pending.popleft()
        if kind == "header":
            self.event("recv stream-header", to=element.get("to"), version=element.get("version"))
        elif kind == "element":
            name = local_name(element)
            if name == "error" and element.tag == f"{{{STREAMS_NS}}}error":
                conditions = [local_name(c) for c in element if c.tag.startswith(f"{{{STREAM_ERRORS_NS}}}")]
                self.event("recv error", condition=",".join(c for c in conditions if c != "text") or "none")
            else:
                self.event(f"recv {name}")
        elif kind == "close":
            self.event("client-closed-stream")
        return kind, element

    async def client_header(self):
        kind, element = await self.next()
        if kind != "header":
            raise ClientGone(f"expected a stream header, got {kind}")

    async def element(self):
        kind, element = await self.next()
        if kind == "close":
            self.send("</stream:stream>")
            raise ClientGone("closed its stream")
        if kind == "header":
            raise ClientGone("restarted the stream unexpectedly")
        return element

    def send(self, text):
        self.writer.write(text.encode() if isinstance(text, str) else text)

    def send_header(self, features=None, declaration=True):
        stream_id = b64(os.urandom(12))
        self.send(("<?xml version='1.0'?>" if declaration else "")
                  + f"<stream:stream xmlns='jabber:client' xmlns:stream='{STREAMS_NS}'"
                  + f" id='{stream_id}' from='{DOMAIN}' version='1.0' xml:lang='en'>")
        if features is not None:
            self.send(f"<stream:features>{features}</stream:features>")

    async def tls(self, cert_name):
        """Server side of the TLS handshake with one of the test certificates."""
        await self.writer.drain()
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(*self.args.certificates[cert_name])
        try:
            await self.writer.start_tls(context, ssl_handshake_timeout=10)
        except (ssl.SSLError, ConnectionError, asyncio.TimeoutError, OSError) as e:
            reason = getattr(e, "reason", None) or type(e).__name__
            self.event("tls-failed", reason=reason)
            raise ClientGone("TLS handshake failed")
        self.event("tls-ok", version=self.writer.get_extra_info("ssl_object").version())
        self.new_parser()

    async def secure(self, cert_name):
        """TLS with the given certificate: STARTTLS here, or already done (Direct TLS)."""
        if self.args.direct_tls:
            return
        self.send_header(STARTTLS_REQUIRED)
        element = await self.element()
        if element.tag != f"{{{TLS_NS}}}starttls":
            self.event("expected-starttls")
            raise ClientGone("no starttls")
        self.send(f"<proceed xmlns='{TLS_NS}'/>")
        await self.tls(cert_name)
        await self.client_header()

    async def observe(self):
        """Logs what the client still sends until it leaves; answers a stream close."""
        while True:
            kind, _ = await self.next()
            if kind == "close":
                self.send("</stream:stream>")
                raise ClientGone("closed its stream")

    async def write_paced(self, chunks, rate):
        """Writes chunks at about `rate` bytes/s, counting them in sent_bytes."""
        for chunk in chunks:
            self.send(chunk)
            await self.writer.drain()   # a client that stops reading stalls us, not our memory
            self.sent_bytes += len(chunk)
            await asyncio.sleep(len(chunk) / rate)


def local_name(element):
    return element.tag.rpartition("}")[2]


# ------------------------------------------------------------------ modes

async def offer_login_after_tls(conn):
    """For bad-cert/wrong-host: a client that accepted the certificate gets a login offer,
    and we record whether it handed over credentials."""
    conn.event("client-accepted-certificate")
    conn.send_header(mechanisms("SCRAM-SHA-1", "PLAIN"))
    element = await conn.element()
    if local_name(element) == "auth":
        conn.event("credentials-sent", mechanism=element.get("mechanism"))
        conn.send(f"<failure xmlns='{SASL_NS}'><not-authorized/></failure></stream:stream>")


async def mode_bad_cert(conn):
    await conn.secure("untrusted")
    await offer_login_after_tls(conn)


async def mode_wrong_host(conn):
    await conn.secure("other-host")
    await offer_login_after_tls(conn)


async def mode_wrong_scram_signature(conn):
    await conn.secure("good")
    conn.send_header(mechanisms("SCRAM-SHA-1"))
    if not await scram_sha1_exchange(conn, conn.args.password, conn.args.iterations):
        return
    # A correct client gives up here. One that restarts the stream did not check v=.
    kind, _ = await conn.next()
    if kind == "header":
        conn.event("client-ignored-bad-server-signature")
        conn.send_header("<bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'/>")
    await conn.observe()


async def scram_sha1_exchange(conn, password, iterations):
    """Server side of SCRAM-SHA-1 (RFC 5802), honest except for the final signature.
    Returns True when the client's proof was right and the wrong v= went out."""
    sasl_failure = f"<failure xmlns='{SASL_NS}'>{{}}</failure>"
    auth = await conn.element()
    if local_name(auth) != "auth" or auth.get("mechanism") != "SCRAM-SHA-1":
        conn.send(sasl_failure.format("<invalid-mechanism/>"))
        return False
    client_first = base64.b64decode(auth.text or "").decode()
    gs2_flag, _, rest = client_first.partition(",")
    authzid, _, client_first_bare = rest.partition(",")
    gs2_header = f"{gs2_flag},{authzid},"
    fields = dict(part.split("=", 1) for part in client_first_bare.split(","))
    client_nonce = fields["r"]
    conn.event("scram-client-first", user=fields.get("n"), gs2=gs2_flag)

    salt = os.urandom(16)
    nonce = client_nonce + b64(os.urandom(18))
    server_first = f"r={nonce},s={b64(salt)},i={iterations}"
    conn.send(f"<challenge xmlns='{SASL_NS}'>{b64(server_first.encode())}</challenge>")

    response = await conn.element()
    client_final = base64.b64decode(response.text or "").decode()
    without_proof, _, proof = client_final.rpartition(",p=")
    final_fields = dict(part.split("=", 1) for part in without_proof.split(","))
    if final_fields.get("r") != nonce:
        conn.event("scram-nonce-wrong")
        conn.send(sasl_failure.format("<malformed-request/>"))
        return False
    if base64.b64decode(final_fields.get("c", "")).decode() != gs2_header:
        # c= must repeat the gs2 header (no channel binding is offered here).
        conn.event("scram-channel-binding-mismatch")
        conn.send(sasl_failure.format("<not-authorized/>"))
        return False
    auth_message = f"{client_first_bare},{server_first},{without_proof}".encode()

    salted = hashlib.pbkdf2_hmac("sha1", password.encode(), salt, iterations)
    client_key = hmac.new(salted, b"Client Key", hashlib.sha1).digest()
    stored_key = hashlib.sha1(client_key).digest()
    client_signature = hmac.new(stored_key, auth_message, hashlib.sha1).digest()
    claimed_key = bytes(a ^ b for a, b in zip(base64.b64decode(proof), client_signature))
    if hashlib.sha1(claimed_key).digest() != stored_key:
        conn.event("scram-proof-wrong")
        conn.send(sasl_failure.format("<not-authorized/>"))
        return False
    conn.event("scram-proof-ok")

    server_key = hmac.new(salted, b"Server Key", hashlib.sha1).digest()
    signature = hmac.new(server_key, auth_message, hashlib.sha1).digest()
    wrong = bytes([signature[0] ^ 0x01]) + signature[1:]   # one bit off: well-formed, wrong
    conn.send(f"<success xmlns='{SASL_NS}'>{b64(f'v={b64(wrong)}'.encode())}</success>")
    conn.event("sent-wrong-server-signature")
    return True


async def mode_no_starttls(conn):
    conn.send_header(mechanisms("PLAIN"))
    element = await conn.element()
    name = local_name(element)
    if name == "auth":
        conn.event("credentials-sent-in-plaintext", mechanism=element.get("mechanism"))
        conn.send(f"<failure xmlns='{SASL_NS}'><not-authorized/></failure></stream:stream>")
    elif name == "starttls":
        conn.send(f"<failure xmlns='{TLS_NS}'/></stream:stream>")   # RFC 6120 5.4.2.2
    else:
        await conn.observe()


async def mode_doctype(conn):
    # A small entity-expansion chain (1000 bytes if expanded, so harmless either way) and
    # a reference to it: a parser that honours DTDs would expand it.
    doctype = ("<!DOCTYPE stream:stream ["
               "<!ENTITY a 'aaaaaaaaaa'>"
               "<!ENTITY b '&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;'>"
               "<!ENTITY c '&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;'>]>")
    conn.send("<?xml version='1.0'?>" + doctype)
    features = "" if conn.args.direct_tls else STARTTLS_REQUIRED
    conn.send_header(features + "<x xmlns='urn:example:hostile'>&c;</x>", declaration=False)
    await conn.observe()


async def mode_endless_stanza(conn):
    conn.send_header()
    conn.send(f"<message from='{DOMAIN}' type='chat'><body>")
    chunk = b"x" * 65536
    count = max(1, conn.args.max_bytes // len(chunk))
    watcher = asyncio.ensure_future(conn.observe())   # notices the client leaving
    writer = asyncio.ensure_future(conn.write_paced((chunk for _ in range(count)), conn.args.rate))
    try:
        await asyncio.wait({watcher, writer}, return_when=asyncio.FIRST_COMPLETED)
    finally:
        for task in (watcher, writer):
            task.cancel()
    conn.event("endless-stanza-stopped", sent_bytes=conn.sent_bytes)


async def mode_garbage(conn):
    conn.send_header()
    garbage = random.Random(conn.args.seed + conn.number).randbytes(conn.args.garbage_bytes)
    conn.send(garbage)
    conn.event("garbage-sent", bytes=len(garbage))
    await conn.observe()


async def mode_stall(conn):
    conn.send_header()
    conn.send(f"<stream:features><starttls xmlns='{TLS_NS}'><requ")
    conn.event("stalling")
    await conn.observe()


MODES = {
    "bad-cert": mode_bad_cert,
    "wrong-host": mode_wrong_host,
    "wrong-scram-signature": mode_wrong_scram_signature,
    "no-starttls": mode_no_starttls,
    "doctype": mode_doctype,
    "endless-stanza": mode_endless_stanza,
    "garbage": mode_garbage,
    "stall": mode_stall,
}

# The certificate each mode presents during its TLS handshake.
MODE_CERTIFICATE = {"bad-cert": "untrusted", "wrong-host": "other-host"}


# ------------------------------------------------------------------ server

async def serve(args):
    connections = 0
    handlers = set()

    async def on_connect(reader, writer):
        nonlocal connections
        connections += 1
        conn = Connection(connections, reader, writer, args)
        say(f"CONNECTION {conn.number}")
        handlers.add(asyncio.current_task())
        try:
            if args.direct_tls:
                await conn.tls(MODE_CERTIFICATE.get(args.mode, "good"))
            await conn.client_header()
            await MODES[args.mode](conn)
            await writer.drain()
        except ClientGone:
            pass
        except (ConnectionError, ssl.SSLError, OSError) as e:
            conn.event("connection-error", error=type(e).__name__)
        except (ValueError, KeyError, UnicodeDecodeError) as e:
            # The client sent something our simple SASL parsing cannot read.
            conn.event("client-sent-unreadable", error=type(e).__name__)
        except asyncio.CancelledError:
            pass
        finally:
            conn.event("disconnected", after=f"{time.monotonic() - conn.started:.2f}s")
            writer.close()
            try:
                await asyncio.wait_for(writer.wait_closed(), 2)
            except (asyncio.TimeoutError, ConnectionError, ssl.SSLError, OSError, asyncio.CancelledError):
                pass
            handlers.discard(asyncio.current_task())

    server = await asyncio.start_server(on_connect, "127.0.0.1", args.port)
    say(f"PORT={server.sockets[0].getsockname()[1]}")

    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    try:
        await asyncio.wait_for(stop.wait(), args.time_limit)
    except asyncio.TimeoutError:
        pass
    server.close()
    for task in list(handlers):
        task.cancel()
    await asyncio.gather(*handlers, return_exceptions=True)


def parse_args(argv):
    here = Path(__file__).resolve().parent
    parser = argparse.ArgumentParser(description="a deliberately broken XMPP server on 127.0.0.1")
    parser.add_argument("--mode", required=True, choices=sorted(MODES))
    parser.add_argument("--port", type=int, default=0, help="0: any free port (printed as PORT=n)")
    parser.add_argument("--time-limit", type=float, default=120, help="seconds until it exits")
    parser.add_argument("--dir", default=str(here.parent.parent / ".test-run" / "xmpp"),
                        help="the folder of scripts/lib/prosody (certs/ and pki/)")
    parser.add_argument("--direct-tls", action="store_true", help="TLS first (XEP-0368), no STARTTLS")
    parser.add_argument("--password", help="wrong-scram-signature: the password the client uses")
    parser.add_argument("--iterations", type=int, default=4096, help="SCRAM iteration count")
    parser.add_argument("--rate", type=int, default=5_000_000, help="endless-stanza: bytes per second")
    parser.add_argument("--max-bytes", type=int, default=50 * 1024 * 1024, help="endless-stanza: cap")
    parser.add_argument("--garbage-bytes", type=int, default=65536, help="garbage: how many bytes")
    parser.add_argument("--seed", type=int, default=0, help="garbage: seed (plus the connection number)")
    args = parser.parse_args(argv)
    if args.mode == "wrong-scram-signature" and args.password is None:
        parser.error("wrong-scram-signature needs --password")
    if args.mode == "no-starttls" and args.direct_tls:
        parser.error("no-starttls is about plaintext; --direct-tls makes no sense with it")
    base = Path(args.dir)
    args.certificates = {
        "good": (base / "certs" / f"{DOMAIN}.crt", base / "certs" / f"{DOMAIN}.key"),
        "untrusted": (base / "pki" / "hostile" / f"{DOMAIN}.crt", base / "pki" / "hostile" / f"{DOMAIN}.key"),
        "other-host": (base / "pki" / "hostile" / "other.test.crt", base / "pki" / "hostile" / "other.test.key"),
    }
    for crt, key in args.certificates.values():
        if not (crt.is_file() and key.is_file()):
            parser.error(f"{crt} is missing; run: scripts/lib/prosody certs {args.dir}")
    return args


if __name__ == "__main__":
    asyncio.run(serve(parse_args(sys.argv[1:])))
