"""A local SMTP sink for the mailer's tests: accepts every message on
127.0.0.1:PORT and writes each one, decoded, as a JSON file in FOLDER
before answering 250. Prints "ready" once listening; stops when its
standard input closes. Usage: python3 smtp_sink.py PORT FOLDER"""

import email
import json
import pathlib
import sys
from email import policy

from aiosmtpd.controller import Controller

folder = pathlib.Path(sys.argv[2])


class Sink:
    async def handle_DATA(self, server, session, envelope):
        message = email.message_from_bytes(envelope.content, policy=policy.default)
        record = {
            "from": envelope.mail_from,
            "to": envelope.rcpt_tos,
            "subject": str(message["subject"]),
            "reply_to": str(message["reply-to"]),
            "body": message.get_content(),
        }
        number = len(list(folder.glob("*.json")))
        partial = folder / f"{number}.part"
        partial.write_text(json.dumps(record), encoding="utf-8")
        partial.rename(folder / f"{number}.json")
        return "250 OK"


controller = Controller(Sink(), hostname="127.0.0.1", port=int(sys.argv[1]))
controller.start()
print("ready", flush=True)
sys.stdin.read()
controller.stop()
