#!/usr/bin/env python3
"""Sends the same command scripts to two servers and prints every reply that differs.

    tools/resp-compare.py ORACLE_PORT OUR_PORT SCRIPT_FILE

SCRIPT_FILE: one command per line in redis-cli syntax (shlex quoting), sent on connection "a";
"@name CMD" sends on connection "name" (opened on first use); "@name !close" closes it;
"!raw <python bytes literal>" sends raw bytes and reads one reply (b'' only reads);
"!sleep S" waits; "#" starts a comment. Replies are compared as raw RESP bytes, except the
client id inside HELLO's reply.
"""
import ast, re, shlex, socket, sys, time

# Client ids differ between any two servers; HELLO's id field is compared as a placeholder.
HELLO_ID = re.compile(rb'\$2\r\nid\r\n:\d+\r\n')

class Conn:
    def __init__(self, port):
        self.sock = socket.create_connection(('127.0.0.1', port))
        self.sock.settimeout(1.5)
        self.buf = b''

    def _fill(self):
        data = self.sock.recv(65536)
        if not data:
            raise EOFError
        self.buf += data

    def line(self):
        while b'\r\n' not in self.buf:
            self._fill()
        i = self.buf.index(b'\r\n') + 2
        out, self.buf = self.buf[:i], self.buf[i:]
        return out

    def exact(self, n):
        while len(self.buf) < n:
            self._fill()
        out, self.buf = self.buf[:n], self.buf[n:]
        return out

    def reply(self):
        line = self.line()
        t = line[:1]
        if t in (b'$', b'='):
            n = int(line[1:-2])
            return line if n < 0 else line + self.exact(n + 2)
        if t in (b'*', b'~', b'%', b'>'):
            n = int(line[1:-2])
            out = line
            for _ in range(max(n, 0) * (2 if t == b'%' else 1)):
                out += self.reply()
            return out
        return line

def encode(args):
    out = b'*%d\r\n' % len(args)
    for a in args:
        a = a.encode()
        out += b'$%d\r\n%s\r\n' % (len(a), a)
    return out

def run(port, script):
    conns, results = {}, []
    for line in script:
        name = 'a'
        if line.startswith('@'):
            name, line = line[1:].split(' ', 1)
        if line.startswith('!sleep '):
            time.sleep(float(line[7:]))
            continue
        if line == '!close':
            conns.pop(name).sock.close()
            continue
        if name not in conns:
            conns[name] = Conn(port)
        c = conns[name]
        c.sock.sendall(ast.literal_eval(line[5:]) if line.startswith('!raw ') else encode(shlex.split(line)))
        try:
            results.append((name + ' ' + line, c.reply()))
        except socket.timeout:
            results.append((name + ' ' + line, b'<no reply>'))
        except (EOFError, ConnectionResetError):
            results.append((name + ' ' + line, b'<closed>'))
    for c in conns.values():
        c.sock.close()
    return results

def main():
    oracle, ours, path = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
    script = [l.rstrip('\n') for l in open(path) if l.strip() and not l.startswith('#')]
    a, b = run(oracle, script), run(ours, script)
    diffs = 0
    for (cmd, ra), (_, rb) in zip(a, b):
        if HELLO_ID.sub(b'<id>', ra) != HELLO_ID.sub(b'<id>', rb):
            diffs += 1
            print('DIFF %s\n  redis: %r\n  ours:  %r' % (cmd, ra[:600], rb[:600]))
    print('%d commands, %d differ' % (len(a), diffs))
    sys.exit(1 if diffs else 0)

if __name__ == '__main__':
    main()
