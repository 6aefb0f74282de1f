package dev.verdict.server.net;

import dev.verdict.server.ServerContext;
import dev.verdict.server.resp.RequestDecoder;
import dev.verdict.server.resp.RequestLimits;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;

import java.net.InetSocketAddress;

/**
 * The Netty bootstrap: ONE event-loop thread accepts, reads, executes and writes, exactly
 * Redis's model, so the data path needs no locks. Native epoll when the platform has it.
 */
public final class NetworkServer {

    private final ServerContext server;
    private final EventLoopGroup loop;
    private final Class<? extends ServerChannel> channelType;
    private Channel listener;

    public NetworkServer(ServerContext server) {
        this.server = server;
        boolean epoll = Epoll.isAvailable();
        IoHandlerFactory io = epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
        this.loop = new MultiThreadIoEventLoopGroup(1, runnable -> {
            // Netty's thread class: its thread-locals (buffer recyclers, the allocator's magazines)
            // are fields there, found by a lookup in a shared set on any other thread.
            Thread t = new io.netty.util.concurrent.FastThreadLocalThread(runnable, "verdict-event-loop");
            t.setDaemon(false);
            return t;
        }, io);
        this.channelType = epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
    }

    /** The channel type for outgoing connections on this server's loop (a replica's link to its master). */
    public static Class<? extends io.netty.channel.socket.SocketChannel> clientChannelType() {
        return Epoll.isAvailable() ? io.netty.channel.epoll.EpollSocketChannel.class
                : io.netty.channel.socket.nio.NioSocketChannel.class;
    }

    /** The single thread every command runs on. */
    public EventLoopGroup loop() {
        return loop;
    }

    /** Binds and returns the port actually bound (0 asks the OS for a free one). */
    public int bind(String host, int port) throws InterruptedException {
        RequestLimits limits = new RequestLimits() {
            @Override
            public long protoMaxBulkLen() {
                return server.protoMaxBulkLen();
            }

            @Override
            public long clientQueryBufferLimit() {
                return server.clientQueryBufferLimit();
            }

            @Override
            public void bytesRead(int count) {
                server.stats().netInputBytes += count;
                server.stats().totalReadsProcessed++;
            }
        };
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(loop)
                .channel(channelType)
                .option(ChannelOption.SO_BACKLOG, server.config().getInt("tcp-backlog"))
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                // a client's end of input closes the connection only after its replies are written
                .childOption(ChannelOption.ALLOW_HALF_CLOSURE, true)
                .childOption(ChannelOption.SO_KEEPALIVE, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(new RequestDecoder(limits), new ClientChannelHandler(server));
                    }
                });
        listener = bootstrap.bind(new InetSocketAddress(host, port)).sync().channel();
        return ((InetSocketAddress) listener.localAddress()).getPort();
    }

    public void close() {
        if (listener != null) listener.close().syncUninterruptibly();
        loop.shutdownGracefully(0, 2, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
    }
}
