#!/usr/bin/env python3
"""Capture a reply transcript from a real Redis for the reference server's transcript tests.

Usage: capture-transcript.py PORT SCRIPT.txt OUT.jsonl

SCRIPT lines are commands in redis-cli quoting; '#' starts a comment. A line
'config NAME VALUE' applies the setting (CONFIG SET on Redis, a start-up argument for the
reference server). A command prefixed with '!' runs but its reply is not compared (time-
dependent replies). The real server is flushed first. Output: one JSON object per line:
{"config": [name, value]} or {"cmd": [...], "reply": "<raw RESP as latin-1>", "compare": bool}.
"""
import json, shlex, socket, sys


def encode(args):
    out = b"*%d\r\n" % len(args)
    for a in args:
        a = a.encode("utf-8")
        out += b"$%d\r\n%s\r\n" % (len(a), a)
    return out


def read_reply(f):
    line = f.readline()
    t = line[:1]
    if t in b"$=!":
        n = int(line[1:-2])
        return line if n < 0 else line + f.read(n + 2)
    if t in b"*%~>":
        n = int(line[1:-2])
        if n < 0:
            return line
        m = n * 2 if t == b"%" else n
        return line + b"".join(read_reply(f) for _ in range(m))
    return line


def main():
    port, script, out = int(sys.argv[1]), sys.argv[2], sys.argv[3]
    s = socket.create_connection(("127.0.0.1", port))
    f = s.makefile("rb")
    s.sendall(encode(["FLUSHALL"]))
    read_reply(f)
    lines = []
    with open(script) as src:
        for raw in src:
            raw = raw.strip()
            if not raw or raw.startswith("#"):
                continue
            compare = not raw.startswith("!")
            args = shlex.split(raw.lstrip("!"))
            if args[0].lower() == "config":
                s.sendall(encode(["CONFIG", "SET", args[1], args[2]]))
                read_reply(f)
                lines.append(json.dumps({"config": [args[1], args[2]]}))
                continue
            s.sendall(encode(args))
            reply = read_reply(f).decode("latin-1")
            lines.append(json.dumps({"cmd": args, "reply": reply, "compare": compare}))
    with open(out, "w") as dst:
        dst.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
