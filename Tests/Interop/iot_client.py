#!/usr/bin/env python3
"""An IoT client no one here wrote: slixmpp 1.17.0 with its own xep_0323, xep_0325, xep_0050
and xep_0163 plugins, talking to the gateway's device and hub JIDs.

Usage: iot_client.py [--env FILE] [--timeout S] JID PASSWORD MODE [ARGS]

  readout TO [--fields a,b] [--historical FROM TO]
              an XEP-0323 readout (momentary, or historical between two naive local
              times as slixmpp sends them); one JSON line per callback, exit after done,
              rejected or failure
  control TO NAME TYPE VALUE
              an XEP-0325 set by IQ (TYPE: boolean, double, int, string, …); one line
  control-message TO NAME TYPE VALUE
              the same as a message (no answer expected)
  chat TO TEXT [TEXT …]
              sends each text as a chat message and waits for the reply to it
  adhoc TO NODE [VAR=VALUE …]
              runs an XEP-0050 command: executes it, fills the form with the values,
              completes it; one line per stage
  commands TO lists TO's ad-hoc commands (disco#items on the commands node)
  disco TO    disco#info of TO
  watch TO    subscribes to TO's presence and listens to PEP notifications of TO's
              account (+notify for NODE given with --notify); prints them until EOF on
              stdin or SIGTERM

stdout: READY once online, then JSON objects, one per line. Exit status 0 done, 1 failure,
2 bad usage. The server and CA come from the env file that scripts/lib/prosody writes.
"""

import argparse
import asyncio
import sys
from pathlib import Path

import slixmpp
from slixmpp.exceptions import IqError, IqTimeout
from slixmpp.xmlstream import ET

from slixmpp_peer import emit, go_online, read_env, watch_stop

COMMANDS_NS = "http://jabber.org/protocol/commands"
FORMS_NS = "jabber:x:data"


class IoTClient(slixmpp.ClientXMPP):
    def __init__(self, jid, password, ca_file, notify_nodes=()):
        super().__init__(jid, password)
        self.ca_certs = Path(ca_file)
        self.enable_direct_tls, self.enable_starttls = False, True   # the env's XMPP_PORT is STARTTLS
        for plugin in ("xep_0030", "xep_0004", "xep_0050", "xep_0060", "xep_0092", "xep_0115", "xep_0163",
                       "xep_0199", "xep_0323", "xep_0325"):
            self.register_plugin(plugin)
        for node in notify_nodes:
            self.plugin["xep_0163"].add_interest(node)


def readout_callback(done):
    def callback(from_jid, result, nodeId=None, timestamp=None, fields=None, error_msg=None):
        emit({"event": "readout", "from": str(from_jid), "result": result, "nodeId": nodeId,
              "timestamp": timestamp, "fields": fields, "error": error_msg})
        if result in ("done", "rejected", "failure", "cancelled") and not done.done():
            done.set_result(result)
    return callback


async def run_readout(client, to, fields, historical, timeout):
    done = asyncio.get_running_loop().create_future()
    flags = {"momentary": "true"}
    if historical:
        flags = {"historical": "true", "from": historical[0], "to": historical[1]}
    client.plugin["xep_0323"].request_data(client.boundjid.full, to, readout_callback(done),
                                           fields=fields, flags=flags)
    result = await asyncio.wait_for(done, timeout)
    return 0 if result == "done" else 1


async def run_control(client, to, name, typename, value, timeout):
    done = asyncio.get_running_loop().create_future()

    def callback(from_jid, result, nodeIds=None, fields=None, error_msg=None):
        emit({"event": "control", "from": str(from_jid), "result": result, "fields": fields,
              "error": error_msg})
        if not done.done():
            done.set_result(result)

    client.plugin["xep_0325"].set_request(client.boundjid.full, to, callback, [(name, typename, value)])
    result = await asyncio.wait_for(done, timeout)
    return 0 if result == "OK" else 1


async def run_chat(client, to, texts, timeout):
    replies = asyncio.Queue()
    client.add_event_handler("message", lambda msg: replies.put_nowait(msg)
                             if msg["body"] and msg["type"] in ("chat", "normal") else None)
    for text in texts:
        client.send_message(mto=to, mbody=text, mtype="chat")
        reply = await asyncio.wait_for(replies.get(), timeout)
        emit({"event": "reply", "to": text, "from": str(reply["from"]), "body": reply["body"]})
    return 0


def command_element(node, action, sessionid=None, values=None):
    command = ET.Element(f"{{{COMMANDS_NS}}}command", {"node": node, "action": action})
    if sessionid:
        command.set("sessionid", sessionid)
    if values is not None:
        form = ET.SubElement(command, f"{{{FORMS_NS}}}x", {"type": "submit"})
        for var, value in values.items():
            field = ET.SubElement(form, f"{{{FORMS_NS}}}field", {"var": var})
            ET.SubElement(field, f"{{{FORMS_NS}}}value").text = value
    return command


def describe_stage(iq):
    command = iq.xml.find(f"{{{COMMANDS_NS}}}command")
    form = command.find(f"{{{FORMS_NS}}}x") if command is not None else None
    fields = {}
    if form is not None:
        for field in form.findall(f"{{{FORMS_NS}}}field"):
            fields[field.get("var")] = {
                "type": field.get("type"),
                "label": field.get("label"),
                "values": [v.text for v in field.findall(f"{{{FORMS_NS}}}value")],
                "options": [o.findtext(f"{{{FORMS_NS}}}value") for o in field.findall(f"{{{FORMS_NS}}}option")],
                "validation": ET.tostring(v, encoding="unicode") if (v := field.find("{http://jabber.org/protocol/xdata-validate}validate")) is not None else None,
            }
    notes = [{"type": n.get("type"), "text": n.text} for n in command.findall(f"{{{COMMANDS_NS}}}note")] if command is not None else []
    return {"event": "adhoc", "status": command.get("status") if command is not None else None,
            "sessionid": command.get("sessionid") if command is not None else None,
            "form_type": form.get("type") if form is not None else None, "fields": fields, "notes": notes}


async def command_iq(client, to, element, timeout):
    iq = client.make_iq_set(ito=to)
    iq.append(element)
    try:
        return await iq.send(timeout=timeout)
    except IqError as error:
        emit({"event": "adhoc-error", "condition": error.condition, "text": error.text})
        return None


async def run_adhoc(client, to, node, assignments, timeout):
    values = dict(a.split("=", 1) for a in assignments)
    first = await command_iq(client, to, command_element(node, "execute"), timeout)
    if first is None:
        return 1
    stage = describe_stage(first)
    emit(stage)
    if stage["status"] != "executing":
        return 0
    final = await command_iq(client, to, command_element(node, "complete", stage["sessionid"], values), timeout)
    if final is None:
        return 1
    emit(describe_stage(final))
    return 0


async def run_items(client, to, node, timeout):
    items = await client.plugin["xep_0030"].get_items(jid=to, node=node, timeout=timeout)
    emit({"event": "items", "items": [{"jid": str(j), "node": n, "name": name}
                                      for j, n, name in items["disco_items"]["items"]]})
    return 0


async def run_disco(client, to, timeout):
    info = await client.plugin["xep_0030"].get_info(jid=to, timeout=timeout)
    emit({"event": "info", "identities": [list(i) for i in info["disco_info"]["identities"]],
          "features": sorted(info["disco_info"]["features"])})
    return 0


async def run_watch(client, to, stop):
    target = slixmpp.JID(to)

    def on_presence(presence):
        if presence["from"].bare == target.bare:
            emit({"event": "presence", "from": str(presence["from"]), "type": presence.xml.get("type"),
                  "show": presence["show"] or None, "status": presence["status"] or None})

    def on_event(msg):
        items = msg.xml.find("{http://jabber.org/protocol/pubsub#event}event/{http://jabber.org/protocol/pubsub#event}items")
        if items is not None:
            emit({"event": "pep", "from": str(msg["from"]), "node": items.get("node"),
                  "xml": ET.tostring(items, encoding="unicode")})

    client.add_event_handler("presence", on_presence)
    client.add_event_handler("message", on_event)
    client.send_presence_subscription(pto=target.bare)
    emit({"event": "subscribed-asked", "to": target.bare})
    await stop.wait()
    return 0


def main():
    parser = argparse.ArgumentParser(add_help=True)
    parser.add_argument("--env", default=str(Path(__file__).resolve().parents[2] / ".test-run/xmpp/env"))
    parser.add_argument("--timeout", type=float, default=20)
    parser.add_argument("--fields")
    parser.add_argument("--historical", nargs=2)
    parser.add_argument("--notify", action="append", default=[])
    parser.add_argument("jid")
    parser.add_argument("password")
    parser.add_argument("mode", choices=["readout", "control", "control-message", "chat", "adhoc",
                                         "commands", "disco", "watch"])
    parser.add_argument("args", nargs="*")
    options = parser.parse_args()
    env = read_env(options.env)
    client = IoTClient(options.jid, options.password, env["XMPP_CA_FILE"], options.notify)

    async def session():
        await go_online(client, env["XMPP_HOST"], int(env["XMPP_PORT"]), options.timeout)
        args, timeout = options.args, options.timeout
        if options.mode == "readout":
            fields = options.fields.split(",") if options.fields else None
            return await run_readout(client, args[0], fields, options.historical, timeout)
        if options.mode == "control":
            return await run_control(client, args[0], args[1], args[2], args[3], timeout)
        if options.mode == "control-message":
            client.plugin["xep_0325"].set_command(client.boundjid.full, args[0], [(args[1], args[2], args[3])])
            emit({"event": "sent"})
            await asyncio.sleep(0)
            return 0
        if options.mode == "chat":
            return await run_chat(client, args[0], args[1:], timeout)
        if options.mode == "adhoc":
            return await run_adhoc(client, args[0], args[1], args[2:], timeout)
        if options.mode == "commands":
            return await run_items(client, args[0], COMMANDS_NS, timeout)
        if options.mode == "disco":
            return await run_disco(client, args[0], timeout)
        stop = asyncio.Event()
        watch_stop(stop, watch_stdin=True)
        return await run_watch(client, args[0], stop)

    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    try:
        status = loop.run_until_complete(session())
    except (asyncio.TimeoutError, IqTimeout):
        emit({"event": "error", "reason": "timeout"})
        status = 1
    except Exception as error:  # reported to the test as a line, never a traceback
        emit({"event": "error", "reason": str(error)})
        status = 1
    client.disconnect()
    loop.run_until_complete(asyncio.sleep(0.1))
    sys.exit(status)


if __name__ == "__main__":
    main()
