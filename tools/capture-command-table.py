#!/usr/bin/env python3
"""Captures the oracle's command table (COMMAND INFO and COMMAND DOCS, RESP3) as typed JSON.

The reference server serves COMMAND from this file and its dispatcher reads arity, flags and
key specs from it, so the table is real Redis's, not ours. Re-run against Redis 7.0.15:
    tools/capture-command-table.py 6379 > reference-server/src/main/resources/commands/redis-7.0.15.json
Encoding of RESP3 types in JSON: bulk string -> string, integer -> number, array -> list,
simple string -> {"+": s}, set -> {"~": [...]}, map -> {"%": [[k, v], ...]}, null -> null,
double -> {",": text}, verbatim -> {"=": "fmt:text"}.
"""
import json, socket, sys

def read_reply(f):
    line = f.readline()
    t, rest = line[:1], line[1:-2].decode()
    if t == b'=':
        n = int(rest)
        return {"=": f.read(n + 2)[:-2].decode('utf-8', 'surrogateescape')}
    if t == b'$':
        n = int(rest)
        if n < 0: return None
        data = f.read(n + 2)[:-2]
        return data.decode('utf-8', 'surrogateescape')
    if t == b'+': return {"+": rest}
    if t == b'-': raise RuntimeError(rest)
    if t == b':': return int(rest)
    if t == b'_': return None
    if t == b',': return {",": rest}
    if t == b'#': return {"#": rest == 't'}
    if t in (b'*', b'~', b'%'):
        n = int(rest)
        if n < 0: return None
        if t == b'%':
            return {"%": [[read_reply(f), read_reply(f)] for _ in range(n)]}
        items = [read_reply(f) for _ in range(n)]
        return {"~": items} if t == b'~' else items
    raise RuntimeError("unexpected reply type %r" % line)

def call(sock, f, *args):
    out = b'*%d\r\n' % len(args)
    for a in args:
        a = a.encode()
        out += b'$%d\r\n%s\r\n' % (len(a), a)
    sock.sendall(out)
    return read_reply(f)

def main():
    port = int(sys.argv[1]) if len(sys.argv) > 1 else 6379
    sock = socket.create_connection(("127.0.0.1", port))
    f = sock.makefile('rb')
    call(sock, f, "HELLO", "3")
    version = call(sock, f, "INFO", "server")
    info = call(sock, f, "COMMAND", "INFO")
    docs = call(sock, f, "COMMAND", "DOCS")
    ver = [l for l in version["="][4:].split("\r\n") if l.startswith("redis_version:")]
    table = {"redis_version": ver[0].split(":")[1] if ver else "unknown",
             "info": sorted(info, key=lambda c: c[0]),
             "docs": docs}
    json.dump(table, sys.stdout, indent=None, separators=(",", ":"), sort_keys=False)
    sys.stdout.write("\n")

main()
