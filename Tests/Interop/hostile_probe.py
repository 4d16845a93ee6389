#!/usr/bin/env python3
"""Shows that hostile_server.py misbehaves as intended, with a tiny strict client of its
own: blocking sockets, Python's ssl with the test CA as the only trust anchor, no slixmpp.
scripts/lib/interop-smoke runs it once per mode.

Usage: hostile_probe.py --mode MODE --port N --ca CA_FILE [--password P] [--direct-tls]
Prints "ok   <mode>: <what it saw>" or "FAIL <mode>: <why>"; exit status 0 or 1.
For bad-cert and wrong-host it connects twice: once verifying (must fail), then once
with that one check relaxed (must get through), so the failure is the certificate's and
not a broken server's.
"""

import argparse
import base64
import hashlib
import hmac
import os
import socket
import ssl
import sys
import xml.etree.ElementTree as ET

DOMAIN = "iot.test"
HEADER = (b"<?xml version='1.0'?><stream:stream xmlns='jabber:client' "
          b"xmlns:stream='http://etherx.jabber.org/streams' to='iot.test' version='1.0'>")
HEADER_END = b"xml:lang='en'>"   # how hostile_server.py ends its stream header
TIMEOUT = 5


class Failed(Exception):
    pass


class Client:
    def __init__(self, port, direct_tls=False, context=None):
        self.sock = socket.create_connection(("127.0.0.1", port), timeout=TIMEOUT)
        self.buffer = b""
        if direct_tls:
            self.sock = context.wrap_socket(self.sock, server_hostname=DOMAIN)

    def send(self, data):
        self.sock.sendall(data)

    def read_until(self, marker, limit=1 << 20):
        """Everything up to and including `marker`; Failed on EOF, silence or `limit`."""
        while marker not in self.buffer:
            if len(self.buffer) > limit:
                raise Failed(f"no {marker!r} in the first {limit} bytes")
            try:
                data = self.sock.recv(65536)
            except socket.timeout:
                raise Failed(f"timed out waiting for {marker!r}")
            if not data:
                raise Failed(f"connection closed before {marker!r}")
            self.buffer += data
        end = self.buffer.index(marker) + len(marker)
        seen, self.buffer = self.buffer[:end], self.buffer[end:]
        return seen

    def open_stream(self):
        """Our header out; theirs and the features in."""
        self.send(HEADER)
        return self.read_until(b"</stream:features>")

    def starttls(self, context):
        features = self.open_stream()
        if b"starttls" not in features:
            raise Failed("no <starttls/> offered")
        self.send(b"<starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'/>")
        self.read_until(b"<proceed")
        self.read_until(b">")
        self.sock = context.wrap_socket(self.sock, server_hostname=DOMAIN)

    def close(self):
        self.sock.close()


def verifying_context(ca, check_hostname=True):
    context = ssl.create_default_context(cafile=ca)
    context.check_hostname = check_hostname
    return context


def secure(args, context):
    """A TLS-protected stream either way: Direct TLS or STARTTLS."""
    client = Client(args.port, args.direct_tls, context)
    if not args.direct_tls:
        client.starttls(context)
    return client


def expect_rejected_then_accepted(args, relaxed, wanted_code):
    try:
        secure(args, verifying_context(args.ca)).close()
    except ssl.SSLCertVerificationError as e:
        if e.verify_code != wanted_code:
            raise Failed(f"rejected, but for another reason: {e.verify_message}")
        rejected = e.verify_message
    else:
        raise Failed("the certificate was accepted")
    client = secure(args, relaxed)     # the same server, the one check relaxed
    features = client.open_stream()
    client.close()
    if b"<mechanism>" not in features:
        raise Failed("past TLS, but no login offered")
    return f"verification failed ({rejected}); with that check off, TLS and login offer follow"


def probe_bad_cert(args):
    unverified = ssl.create_default_context()
    unverified.check_hostname, unverified.verify_mode = False, ssl.CERT_NONE
    return expect_rejected_then_accepted(args, unverified, 20)   # unable to get local issuer


def probe_wrong_host(args):
    return expect_rejected_then_accepted(args, verifying_context(args.ca, check_hostname=False), 62)


def probe_wrong_scram_signature(args):
    client = secure(args, verifying_context(args.ca))
    features = client.open_stream()
    offered = [m.decode() for m in features.split(b"<mechanism>")[1:]]
    offered = [m.split("<", 1)[0] for m in offered]
    if offered != ["SCRAM-SHA-1"]:
        raise Failed(f"offered {offered}, not SCRAM-SHA-1 alone")
    nonce = base64.b64encode(os.urandom(18)).decode()
    first_bare = f"n=gw,r={nonce}"
    client.send(f"<auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl' mechanism='SCRAM-SHA-1'>"
                f"{b64('n,,' + first_bare)}</auth>".encode())
    server_first = base64.b64decode(text_of(client.read_until(b"</challenge>"))).decode()
    fields = dict(part.split("=", 1) for part in server_first.split(","))
    if not fields["r"].startswith(nonce):
        raise Failed("server nonce does not extend ours")
    salted = hashlib.pbkdf2_hmac("sha1", args.password.encode(), base64.b64decode(fields["s"]), int(fields["i"]))
    without_proof = f"c=biws,r={fields['r']}"
    auth_message = f"{first_bare},{server_first},{without_proof}".encode()
    client_key = hmac.new(salted, b"Client Key", hashlib.sha1).digest()
    signature = hmac.new(hashlib.sha1(client_key).digest(), auth_message, hashlib.sha1).digest()
    proof = bytes(a ^ b for a, b in zip(client_key, signature))
    client.send(f"<response xmlns='urn:ietf:params:xml:ns:xmpp-sasl'>"
                f"{b64(without_proof + ',p=' + base64.b64encode(proof).decode())}</response>".encode())
    start = client.read_until(b">", limit=4096)
    if b"<success" not in start:
        raise Failed(f"no <success>: {start[:80]!r}")
    server_final = base64.b64decode(text_of(start + client.read_until(b"</success>"))).decode()
    client.close()
    expected = hmac.new(hmac.new(salted, b"Server Key", hashlib.sha1).digest(), auth_message, hashlib.sha1).digest()
    if server_final == "v=" + base64.b64encode(expected).decode():
        raise Failed("the server signature is right")
    return f"proof accepted, then <success> with a wrong signature ({server_final})"


def probe_no_starttls(args):
    client = Client(args.port)
    features = client.open_stream()
    client.close()
    if b"starttls" in features or b"<mechanism>PLAIN</mechanism>" not in features:
        raise Failed(f"unexpected features {features[-200:]!r}")
    return "plaintext features: no <starttls/>, PLAIN offered"


def probe_doctype(args):
    client = Client(args.port, args.direct_tls, verifying_context(args.ca))
    client.send(HEADER)
    data = client.read_until(b"</stream:features>")
    client.close()
    prolog = data.split(b"<stream:stream", 1)[0]
    if b"<!DOCTYPE" not in prolog or b"<!ENTITY" not in prolog or b"&c;" not in data:
        raise Failed(f"no DOCTYPE with entities before the stream header: {data[:120]!r}")
    return "DOCTYPE with entity declarations before the header, entity reference in the features"


def probe_endless_stanza(args):
    client = Client(args.port, args.direct_tls, verifying_context(args.ca))
    client.send(HEADER)
    head = client.read_until(b"<body>")
    received = 0
    while received < 1 << 20:         # 1 MiB is plenty to see it never ends
        data = client.sock.recv(65536)
        if not data:
            raise Failed("the server closed the connection")
        if data.strip(b"x"):
            raise Failed(f"something other than 'x' inside the body: {data[:40]!r}")
        received += len(data)
    client.close()
    return f"{received} bytes of an unterminated <body> after {head.count(b'<')} tags, and still going"


def probe_garbage(args):
    client = Client(args.port, args.direct_tls, verifying_context(args.ca))
    client.send(HEADER)
    data = client.read_until(HEADER_END) + client.buffer
    try:
        data += client.sock.recv(65536)
    except socket.timeout:
        pass
    if data.endswith(HEADER_END):
        raise Failed("nothing after the header")
    client.close()
    parser = ET.XMLPullParser()
    try:
        parser.feed(data)
        list(parser.read_events())
    except ET.ParseError as e:
        return f"not XML after a well-formed header ({e})"
    raise Failed("what followed the header parsed as XML")


def probe_stall(args):
    client = Client(args.port, args.direct_tls, verifying_context(args.ca))
    client.send(HEADER)
    data = client.read_until(HEADER_END) + client.buffer
    client.sock.settimeout(2)
    try:
        while True:
            more = client.sock.recv(65536)
            if not more:
                raise Failed("the server closed the connection")
            data += more
    except socket.timeout:
        pass
    client.close()
    if data.rstrip().endswith(b">"):
        raise Failed(f"the last element is complete: {data[-60:]!r}")
    return f"header, then {data.split(HEADER_END, 1)[1][-40:]!r} and 2 s of silence, connection open"


def b64(text):
    return base64.b64encode(text.encode()).decode()


def text_of(element_bytes):
    return element_bytes.split(b">", 1)[1].rsplit(b"<", 1)[0] if b">" in element_bytes else b""


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mode", required=True)
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--ca", required=True, help="the test CA (XMPP_CA_FILE)")
    parser.add_argument("--password", default="gwpass")
    parser.add_argument("--direct-tls", action="store_true")
    args = parser.parse_args(argv)
    probe = globals()["probe_" + args.mode.replace("-", "_")]
    try:
        print(f"ok   {args.mode}: {probe(args)}")
        return 0
    except (Failed, OSError, ssl.SSLError) as e:
        print(f"FAIL {args.mode}: {type(e).__name__}: {e}")
        return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
