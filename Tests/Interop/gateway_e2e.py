#!/usr/bin/env python3
"""End-to-end checks of the running demo gateway with clients no one here wrote: slixmpp
1.17.0 and its own xep_0323, xep_0325, xep_0050 and xep_0163 plugins.

Usage: gateway_e2e.py DEMO_DIR STRANGER_JID STRANGER_PASSWORD

DEMO_DIR is where `scripts/demo --background` keeps its files: its env file, the server's
folder, the gateway's pid and state (the history, and the `simulator-faults` file through
which a simulated sensor is made to go silent). The stranger is an account on the same
server that the gateway's configuration does not know. The last checks stop and restart
the server, then stop the gateway. Prints one line per check
("ok …" or "FAIL …: why") and exits 1 if any check failed.
"""

import asyncio
import datetime
import os
import re
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import slixmpp
from slixmpp.xmlstream import ET

from iot_client import IoTClient, command_element, describe_stage, COMMANDS_NS
from slixmpp_peer import go_online, read_env

TIMEOUT = 20
failures = []


def check(name, condition, detail=""):
    print(("ok   " if condition else "FAIL ") + name + ("" if condition else f": {detail}"), flush=True)
    if not condition:
        failures.append(name)


async def readout(client, to, flags=None, fields=None):
    """Every callback of one XEP-0323 readout, until it ends."""
    done = asyncio.get_running_loop().create_future()
    events = []

    def callback(from_jid, result, nodeId=None, timestamp=None, fields=None, error_msg=None):
        events.append({"result": result, "fields": fields or [], "error": error_msg, "timestamp": timestamp})
        if result in ("done", "rejected", "failure") and not done.done():
            done.set_result(result)

    client.plugin["xep_0323"].request_data(client.boundjid.full, to, callback, fields=fields,
                                           flags=flags or {"momentary": "true"})
    result = await asyncio.wait_for(done, TIMEOUT)
    values = {f["name"]: f for event in events for f in event["fields"]}
    return result, values, events


async def control(client, to, name, typename, value):
    done = asyncio.get_running_loop().create_future()

    def callback(from_jid, result, nodeIds=None, fields=None, error_msg=None):
        if not done.done():
            done.set_result((result, error_msg))

    client.plugin["xep_0325"].set_request(client.boundjid.full, to, callback, [(name, typename, value)])
    return await asyncio.wait_for(done, TIMEOUT)


async def chat(client, to, text, replies):
    client.send_message(mto=to, mbody=text, mtype="chat")
    return (await asyncio.wait_for(replies.get(), TIMEOUT))["body"]


async def adhoc(client, to, node, values=None):
    """Runs a command: execute, then complete with `values`; the stages' descriptions."""
    iq = client.make_iq_set(ito=to)
    iq.append(command_element(node, "execute"))
    first = describe_stage(await iq.send(timeout=TIMEOUT))
    if values is None or first["status"] != "executing":
        return first, None
    iq = client.make_iq_set(ito=to)
    iq.append(command_element(node, "complete", first["sessionid"], values))
    return first, describe_stage(await iq.send(timeout=TIMEOUT))


async def stanza_error(coroutine):
    try:
        await coroutine
        return None
    except slixmpp.exceptions.IqError as error:
        return error.condition


async def presence_of(presences, resource, wanted, timeout):
    """Waits until the last presence of `resource` satisfies `wanted`; that presence or None."""
    deadline = asyncio.get_running_loop().time() + timeout
    while asyncio.get_running_loop().time() < deadline:
        last = presences.get(resource)
        if last is not None and wanted(last):
            return last
        await asyncio.sleep(0.2)
    return None


async def until(condition, timeout):
    """Polls `condition` until it holds; whether it did within `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        await asyncio.sleep(0.5)
    return False


def unpublished_since(history, since_ms):
    with sqlite3.connect(f"file:{history}?mode=ro", uri=True) as db:
        return db.execute("SELECT count(*) FROM readings WHERE published = 0 AND time_ms >= ?", (since_ms,)).fetchone()[0]


def most_readings_of_one_device_since(history, since_ms):
    with sqlite3.connect(f"file:{history}?mode=ro", uri=True) as db:
        row = db.execute("SELECT count(*) AS n FROM readings WHERE time_ms >= ? GROUP BY device ORDER BY n DESC LIMIT 1",
                         (since_ms,)).fetchone()
        return row[0] if row else 0


def backlog_reports(gateway_log):
    return [int(n) for n in re.findall(r"published (\d+) readings taken while offline", gateway_log.read_text())]


def unpublished(history):
    with sqlite3.connect(f"file:{history}?mode=ro", uri=True) as db:
        return db.execute("SELECT count(*) FROM readings WHERE published = 0").fetchone()[0]


async def main():
    demo = Path(sys.argv[1])
    env = read_env(demo / "env")
    stranger_jid, stranger_password = sys.argv[2], sys.argv[3]
    fault_file, history = demo / "state/simulator-faults", demo / "state/history.sqlite"
    prosody = [str(Path(__file__).resolve().parents[2] / "scripts/lib/prosody")]
    gateway = env["GATEWAY_JID"]
    thermostat, sensor, heater = (f"{gateway}/{name}" for name in ("thermostat", "living-room", "heater"))

    user = IoTClient(env["USER_JID"] + "/e2e", env["USER_PASSWORD"], env["CA_FILE"],
                     notify_nodes=["urn:xmpp:iot:sensordata"])
    stranger = IoTClient(stranger_jid + "/e2e", stranger_password, env["CA_FILE"])
    notifications = asyncio.Queue()
    user.add_event_handler("pubsub_publish", lambda msg: notifications.put_nowait(msg))
    replies = {user: asyncio.Queue(), stranger: asyncio.Queue()}
    for client, queue in replies.items():
        client.add_event_handler("message", lambda msg, queue=queue: queue.put_nowait(msg)
                                 if msg["type"] == "chat" and msg["body"] else None)
    presences = {}

    history_of_presence = []

    def on_presence(presence):
        if presence["from"].bare == gateway:
            presences[presence["from"].resource] = {
                "type": presence.xml.get("type"), "show": presence["show"] or None, "status": presence["status"]}
            history_of_presence.append((presence["from"].resource, presence.xml.get("type")))

    user.add_event_handler("presence", on_presence)
    for client in (user, stranger):
        await go_online(client, env["XMPP_HOST"], int(env["XMPP_PORT"]), TIMEOUT)
    user.send_presence_subscription(pto=gateway)

    # XEP-0323: a momentary readout of the BME280 brings every field, with units.
    result, values, _ = await readout(user, sensor)
    check("readout of living-room completes", result == "done", result)
    check("readout has temperature, humidity and pressure",
          {"temperature", "humidity", "pressure"} <= set(values), sorted(values))
    check("temperature comes with its unit", values.get("temperature", {}).get("unit") == "°C", values.get("temperature"))

    # A GPIO input shows its level from the start, not only after its first edge.
    result, values, _ = await readout(user, f"{gateway}/button")
    check("a button never pressed reads as released", result == "done" and values.get("state", {}).get("value") == "false",
          f"{result} {values}")

    version = await user.plugin["xep_0092"].get_version(sensor, timeout=TIMEOUT)
    check("a device answers XEP-0092 version", version["software_version"]["name"] == "xmpp-iot-gateway",
          version["software_version"]["name"])

    # XEP-0325: the thermostat's setpoint, then read back through XEP-0323.
    result, error = await control(user, thermostat, "setpoint", "double", "22.5")
    check("XEP-0325 set of the setpoint is OK", result == "OK", f"{result} {error}")
    _, values, _ = await readout(user, thermostat)
    check("the readout shows the new setpoint", values.get("setpoint", {}).get("value") == "22.5", values.get("setpoint"))
    result, _ = await control(user, thermostat, "setpoint", "double", "40")
    check("slixmpp hears an out-of-range setpoint refused", result == "FormError", result)
    iq = user.make_iq_set(ito=thermostat)
    request = ET.SubElement(iq.xml, "{urn:xmpp:iot:control}set")
    ET.SubElement(request, "{urn:xmpp:iot:control}double", {"name": "setpoint", "value": "40"})
    try:
        await iq.send(timeout=TIMEOUT)
        refusal = None
    except slixmpp.exceptions.IqError as error:
        refusal = (error.condition, error.text)
    check("the refusal names the limit", refusal is not None and refusal[0] == "bad-request" and "28" in refusal[1], refusal)

    # Historical readout from the local history: naive local times, as slixmpp sends them.
    now = datetime.datetime.now()
    start = (now - datetime.timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M:%S")
    end = (now + datetime.timedelta(minutes=1)).strftime("%Y-%m-%dT%H:%M:%S")
    result, values, events = await readout(user, sensor, flags={"historical": "true", "from": start, "to": end})
    check("a historical readout returns stored temperatures", result == "done" and "temperature" in values,
          f"{result} {[e['result'] for e in events]}")

    # Chat, from a client that only sends messages.
    reply = await chat(user, gateway, "thermostat 21", replies[user])
    check("a chat message sets the setpoint", "21" in reply and "etpoint" in reply, reply)
    reply = await chat(user, gateway, "get thermostat setpoint", replies[user])
    check("a chat message reads it back", "21" in reply, reply)
    reply = await chat(user, gateway, "thermostat 99", replies[user])
    check("chat says what is allowed", "between 5 and 28" in reply, reply)

    # Ad-hoc: Set parameters on the relay, and the relay follows.
    first, final = await adhoc(user, heater, "set-parameters", {"state": "1"})
    check("the Set parameters form offers the relay's state as a boolean",
          first["fields"].get("state", {}).get("type") == "boolean", first)
    check("submitting the form completes", final is not None and final["status"] == "completed", final)
    _, values, _ = await readout(user, heater)
    check("the relay reads back on", values.get("state", {}).get("value") in ("true", "1"), values.get("state"))
    await adhoc(user, heater, "set-parameters", {"state": "0"})

    # PEP: a subscriber advertising +notify hears readings.
    try:
        message = await asyncio.wait_for(notifications.get(), 30)
        items = message.xml.find("{http://jabber.org/protocol/pubsub#event}event")
        check("PEP notification carries sensor data", items is not None and "sensordata" in ET.tostring(items, encoding="unicode"))
    except asyncio.TimeoutError:
        check("PEP notification carries sensor data", False, "none within 30 s")

    # A Smack-shaped request: <req seqnr momentary='true'/> and nothing else.
    smack_fields = asyncio.get_running_loop().create_future()

    def on_smack_readout(from_jid, result, **_):
        if result == "done" and not smack_fields.done():
            smack_fields.set_result(result)

    # slixmpp's plugin routes <fields> by seqnr through its session table: register ours there.
    user.plugin["xep_0323"].sessions["4242"] = {"from": user.boundjid.full, "to": sensor, "callback": on_smack_readout}
    iq = user.make_iq_get(ito=sensor)
    iq.append(ET.Element("{urn:xmpp:iot:sensordata}req", {"seqnr": "4242", "momentary": "true"}))
    await iq.send(timeout=TIMEOUT)
    try:
        await asyncio.wait_for(smack_fields, TIMEOUT)
        check("a Smack-shaped request ends with done='true'", True)
    except asyncio.TimeoutError:
        check("a Smack-shaped request ends with done='true'", False, "no final <fields>")

    # The stranger is refused on every path, and nothing changes.
    _, values, _ = await readout(user, heater)
    relay_before = values.get("state", {}).get("value")
    result, _, events = await readout(stranger, sensor)
    check("a stranger's readout is rejected", result == "rejected", [e["result"] for e in events])
    result, error = await control(stranger, heater, "state", "boolean", "true")
    check("a stranger's control is refused", result != "OK", f"{result} {error}")
    reply = await chat(stranger, gateway, "heater on", replies[stranger])
    check("a stranger's chat command is refused", "not allowed" in reply, reply)
    condition = await stanza_error(adhoc(stranger, heater, "set-parameters"))
    check("a stranger's ad-hoc command is forbidden", condition == "forbidden", condition)
    _, values, _ = await readout(user, heater)
    check("the relay did not move", values.get("state", {}).get("value") == relay_before, (relay_before, values.get("state")))

    # Presence is health: a sensor that stops answering goes xa with the reason, and back.
    reading = await presence_of(presences, "co2", lambda p: p["type"] is None and p["show"] is None, 30)
    check("the CO2 sensor is available while it reads", reading is not None, presences.get("co2"))
    fault_file.write_text("co2 silent\n")
    failing = await presence_of(presences, "co2", lambda p: p["show"] == "xa", 60)
    check("a silent sensor goes xa, saying why", failing is not None and "failing" in (failing["status"] or ""),
          presences.get("co2"))
    fault_file.write_text("")
    recovered = await presence_of(presences, "co2", lambda p: p["type"] is None and p["show"] is None, 60)
    check("it comes back when the sensor answers again", recovered is not None, presences.get("co2"))

    # SIGHUP: a device added to the configuration comes online, the others keep their sessions.
    config = demo / "gateway.yaml"
    original = config.read_text()
    extra = "  - id: extra-co2\n    model: mh-z19b\n    simulate: true\n    interval: 5s\n\n"
    config.write_text(original.replace("\nthermostats:", "\n" + extra + "thermostats:", 1))
    seen_before = len(history_of_presence)
    gateway_pid = int((demo / "gateway.pid").read_text())
    os.kill(gateway_pid, signal.SIGHUP)
    added = await presence_of(presences, "extra-co2", lambda p: p["type"] is None, 30)
    check("a device added by a reload comes online", added is not None, presences.get("extra-co2"))
    dropped = [resource for resource, kind in history_of_presence[seen_before:] if kind == "unavailable"]
    check("no other device dropped its session", not dropped, dropped)
    config.write_text(original)
    os.kill(gateway_pid, signal.SIGHUP)
    removed = await presence_of(presences, "extra-co2", lambda p: p["type"] == "unavailable", 30)
    check("a device removed by a reload goes unavailable", removed is not None, presences.get("extra-co2"))

    for client in (user, stranger):
        client.disconnect()

    # Store and forward: readings taken while the server is down are kept, then published.
    gateway_log = demo / "gateway.log"
    reports_before = len(backlog_reports(gateway_log))
    subprocess.run(prosody + ["stop", str(demo / "xmpp")], check=True, stdout=subprocess.DEVNULL)
    offline_ms = int(time.time() * 1000)
    # Four readings of one device: the first waits in the session, the newest as the
    # device's state; the two between go out only through the backlog, each with its own
    # time, unless the newest state swallowed them.
    stored = await until(lambda: most_readings_of_one_device_since(history, offline_ms) >= 4, 60)
    check("readings keep being stored while the server is down", stored, unpublished_since(history, offline_ms))
    subprocess.run(prosody + ["restart", str(demo / "xmpp")], check=True, stdout=subprocess.DEVNULL)
    forwarded = await until(lambda: unpublished(history) == 0, 120)
    check("once the server is back, everything stored is published", forwarded, unpublished(history))
    replayed = await until(lambda: sum(backlog_reports(gateway_log)[reports_before:]) >= 2, 30)
    check("the readings a newer state replaced are published with their own times", replayed,
          backlog_reports(gateway_log))

    # SIGTERM: every device session says goodbye.
    watcher = IoTClient(env["USER_JID"] + "/goodbye", env["USER_PASSWORD"], env["CA_FILE"])
    presences.clear()
    watcher.add_event_handler("presence", on_presence)
    await go_online(watcher, env["XMPP_HOST"], int(env["XMPP_PORT"]), TIMEOUT)
    devices = [jid.split("/", 1)[1] for jid in env["DEVICE_JIDS"].split()]
    online = await until(lambda: all(presences.get(d, {}).get("type") is None and d in presences for d in devices), 30)
    check("every device is online again", online, presences)
    os.kill(int((demo / "gateway.pid").read_text()), signal.SIGTERM)
    gone = await until(lambda: all(presences.get(d, {}).get("type") == "unavailable" for d in devices), 20)
    check("on SIGTERM every device goes unavailable", gone, presences)
    watcher.disconnect()
    await asyncio.sleep(0.2)
    print(f"{len(failures)} of the checks failed" if failures else "all checks passed", flush=True)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
