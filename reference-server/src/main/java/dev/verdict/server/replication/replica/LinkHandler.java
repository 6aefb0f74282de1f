package dev.verdict.server.replication.replica;

import dev.verdict.server.Log;
import dev.verdict.server.resp.RequestDecoder;
import dev.verdict.server.resp.RequestLimits;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;

/**
 * The first handler of the connection to the master. During the handshake and the RDB transfer
 * it gathers bytes and hands them to the {@link MasterLink}; once the stream starts it installs
 * the request decoder and the {@link MasterClient} behind itself, passes on what was left over,
 * and from then on only counts what arrives (read_reploff, lastinteraction).
 */
final class LinkHandler extends ChannelInboundHandlerAdapter {

    /** A master's stream is exempt from the client limits (proto-max-bulk-len, query buffer). */
    private static final RequestLimits UNLIMITED = new RequestLimits() {
        @Override
        public long protoMaxBulkLen() {
            return Integer.MAX_VALUE - 2;
        }

        @Override
        public long clientQueryBufferLimit() {
            return Long.MAX_VALUE;
        }

        @Override
        public void bytesRead(int count) {
        }
    };

    private final MasterLink link;
    private ByteBuf gathered;
    private MasterClient stream;

    LinkHandler(MasterLink link) {
        this.link = link;
    }

    /** From now on the bytes are the replication stream, applied by {@code master}. */
    void startStream(ChannelHandlerContext ctx, MasterClient master) {
        stream = master;
        ctx.pipeline().addAfter(ctx.name(), "master-stream", master);
        ctx.pipeline().addAfter(ctx.name(), "master-decoder", new RequestDecoder(UNLIMITED));
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ByteBuf in = (ByteBuf) msg;
        link.arrived(ctx.channel());
        if (stream != null) {
            stream.read(in.readableBytes());
            ctx.fireChannelRead(in);
            return;
        }
        if (gathered == null) {
            gathered = in;
        } else {
            gathered = ctx.alloc().compositeBuffer().addComponents(true, gathered, in);
        }
        try {
            link.consume(ctx, gathered);
        } catch (RuntimeException e) {
            Log.warning("Error on the replication link: " + e);
            ctx.close();
        }
        if (gathered == null) return; // released by a close
        if (stream != null && gathered.isReadable()) {
            ByteBuf rest = gathered;
            gathered = null;
            stream.read(rest.readableBytes());
            ctx.fireChannelRead(rest);
        } else if (!gathered.isReadable()) {
            gathered.release();
            gathered = null;
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        link.readBatchDone(ctx);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (gathered != null) {
            gathered.release();
            gathered = null;
        }
        link.closed(ctx.channel());
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        Log.warning("Error condition on socket for SYNC: " + cause.getMessage());
        ctx.close();
    }
}
