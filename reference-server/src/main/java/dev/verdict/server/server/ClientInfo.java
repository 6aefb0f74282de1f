package dev.verdict.server.server;

import dev.verdict.server.client.Client;

import java.net.InetSocketAddress;

/** One CLIENT LIST / CLIENT INFO line, field for field as Redis 7.0's getClientInfoString. */
public final class ClientInfo {

    private ClientInfo() {
    }

    public static String line(Client c) {
        long now = System.currentTimeMillis();
        int multi = c.transaction().inMulti() ? c.transaction().queued().size() : -1;
        long obl = c.reply().pendingBytes();
        long omem = c.outputBytes();
        return "id=" + c.id()
                + " addr=" + address(c)
                + " laddr=" + localAddress(c)
                + " fd=" + fd(c)
                + " name=" + c.name()
                + " age=" + (now - c.createdAtMillis()) / 1000
                + " idle=" + (now - c.lastInteractionMillis()) / 1000
                + " flags=" + flags(c)
                + " db=" + c.db().id()
                + " sub=" + c.subscriptions().channelCount()
                + " psub=" + c.subscriptions().patternCount()
                + " ssub=" + c.subscriptions().shardCount()
                + " multi=" + multi
                + " qbuf=0 qbuf-free=0 argv-mem=0 multi-mem=0 rbs=0 rbp=0"
                + " obl=" + obl
                + " oll=0"
                + " omem=" + omem
                + " tot-mem=" + omem
                + " events=r"
                + " cmd=" + c.lastCommand()
                + " user=default redir=" + (c.tracking() == null ? -1 : c.tracking().redirect())
                + " resp=" + c.protocol();
    }

    static String flags(Client c) {
        StringBuilder f = new StringBuilder();
        if (c.isReplica()) f.append(c.monitor() ? 'O' : 'S');
        else if (c.monitor()) f.append('O');
        if (c.isMaster()) f.append('M');
        if (c.subscriptions().active()) f.append('P');
        if (c.transaction().inMulti()) f.append('x');
        if (c.server().blocked().isBlocked(c)) f.append('b');
        var tracking = c.tracking();
        if (tracking != null) {
            f.append('t');
            if (tracking.brokenRedirect()) f.append('R');
            if (tracking.bcast()) f.append('B');
        }
        if (c.transaction().dirtyCas()) f.append('d');
        if (c.closingAfterReply()) f.append('c');
        if (c.noEvict()) f.append('e');
        if (f.length() == 0) f.append('N');
        return f.toString();
    }

    public static String address(Client c) {
        return format(c.channel().remoteAddress());
    }

    public static String localAddress(Client c) {
        return format(c.channel().localAddress());
    }

    private static String format(java.net.SocketAddress address) {
        if (address instanceof InetSocketAddress a) return a.getAddress().getHostAddress() + ":" + a.getPort();
        return String.valueOf(address);
    }

    /** The channel's file descriptor where the transport exposes it (epoll), else -1. */
    private static int fd(Client c) {
        if (c.channel() instanceof io.netty.channel.unix.UnixChannel unix) return unix.fd().intValue();
        return -1;
    }
}
