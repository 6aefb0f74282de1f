#!/usr/bin/env python3
"""Sends the same command scripts to two servers and prints every reply that differs.

    tools/resp-compare.py ORACLE_PORT OUR_PORT SCRIPT_FILE

SCRIPT_FILE holds one command per line in redis-cli syntax (shlex quoting); a line "---" starts
a new connection; lines starting with "#" are comments; "!raw <python bytes literal>" sends raw
bytes. Replies are compared as raw RESP, so byte differences (error texts, types) show.
"""
import ast, shlex, socket, sys, time

def read_reply(f):
    line = f.readline()
    if not line:
        return b'<closed>'
    t = line[:1]
    if t in (b'$', b'='):
        n = int(line[1:-2])
        if n < 0:
            return line
        return line + f.read(n + 2)
    if t in (b'*', b'~', b'%', b'>'):
        n = int(line[1:-2])
        out = line
        for _ in range(max(n, 0) * (2 if t == b'%' else 1)):
            out += read_reply(f)
        return out
    return line

def encode(args):
    out = b'*%d\r\n' % len(args)
    for a in args:
        a = a.encode()
        out += b'$%d\r\n%s\r\n' % (len(a), a)
    return out

def run(port, script):
    results = []
    sock = None
    for line in script:
        if line == '---' or sock is None:
            if sock: sock.close()
            sock = socket.create_connection(('127.0.0.1', port))
            sock.settimeout(3)
            f = sock.makefile('rb')
            if line == '---':
                continue
        if line.startswith('!raw '):
            sock.sendall(ast.literal_eval(line[5:]))
        elif line.startswith('!sleep '):
            time.sleep(float(line[7:]))
            continue
        else:
            sock.sendall(encode(shlex.split(line)))
        try:
            results.append((line, read_reply(f)))
        except socket.timeout:
            results.append((line, b'<timeout>'))
    return results

def main():
    oracle, ours, path = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
    script = [l.rstrip('\n') for l in open(path) if l.strip() and not l.startswith('#')]
    a, b = run(oracle, script), run(ours, script)
    diffs = 0
    for (cmd, ra), (_, rb) in zip(a, b):
        if ra != rb:
            diffs += 1
            print('DIFF %s\n  redis: %r\n  ours:  %r' % (cmd, ra[:600], rb[:600]))
    print('%d commands, %d differ' % (len(a), diffs))
    sys.exit(1 if diffs else 0)

if __name__ == '__main__':
    main()
