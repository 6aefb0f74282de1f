package dev.verdict.server.net;

import dev.verdict.server.ServerContext;
import dev.verdict.server.client.Client;
import dev.verdict.server.Log;
import dev.verdict.server.resp.ProtocolException;
import dev.verdict.server.resp.QueryBufferLimitException;
import dev.verdict.server.resp.RequestDecoder;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.handler.codec.DecoderException;

/**
 * Runs each decoded request on the event-loop thread; replies are written once per loop
 * iteration, after every ready connection has been read, the way Redis writes in beforeSleep.
 */
final class ClientChannelHandler extends ChannelInboundHandlerAdapter {

    private final ServerContext server;
    private Client client;

    ClientChannelHandler(ServerContext server) {
        this.server = server;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        if (ProtectedMode.denies(server, ctx.channel())) {
            ctx.writeAndFlush(io.netty.buffer.Unpooled.wrappedBuffer(ProtectedMode.DENIED))
                    .addListener(io.netty.channel.ChannelFutureListener.CLOSE);
            server.stats().rejectedConnections++;
            return;
        }
        client = server.connect(ctx.channel());
        ctx.fireChannelActive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (client == null || client.closingAfterReply()) return; // Redis ignores what follows QUIT or a protocol error
        if (server.blocked().deferIfBlocked(client, (byte[][]) msg)) return; // Redis stops reading a blocked client
        server.dispatcher().dispatch(client, (byte[][]) msg);
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        server.flushAfterReads(ctx.executor());
    }

    /**
     * The client shut its side down (a request piped through {@code nc}, say). Redis reads the
     * requests, writes their replies before it sleeps, and only sees the end of input on its
     * next read; so here the connection closes once what is pending has been written.
     */
    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (!(event instanceof ChannelInputShutdownEvent)) {
            ctx.fireUserEventTriggered(event);
            return;
        }
        if (client == null) {
            ctx.close(); // refused by protected mode: nothing to answer
            return;
        }
        client.closeAfterReply();
        server.markPendingWrite(client);
        server.flushAfterReads(ctx.executor());
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (client != null) server.disconnect(client);
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        Throwable root = cause instanceof DecoderException && cause.getCause() != null ? cause.getCause() : cause;
        if (root instanceof QueryBufferLimitException && client != null) {
            ctx.pipeline().get(RequestDecoder.class).fail();
            Log.warning("Closing client that reached max query buffer length: " + ServerContext.describe(client));
            server.stats().clientQueryBufferLimitDisconnections++;
            ctx.close();
            return;
        }
        if (root instanceof ProtocolException protocolError && client != null) {
            ctx.pipeline().get(RequestDecoder.class).fail();
            client.reply().error("ERR " + protocolError.getMessage());
            client.closeAfterReply();
            server.markPendingWrite(client);
            server.flushPendingWrites();
            return;
        }
        ctx.close();
    }
}
