package dev.verdict.reports.browser;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Serves a site folder read-only on a free loopback port, so a browser can load it. */
public final class SiteServer implements AutoCloseable {

    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "json", "application/json",
            "md", "text/markdown; charset=utf-8",
            "jsonl", "text/plain; charset=utf-8",
            "svg", "image/svg+xml",
            "png", "image/png",
            "js", "text/javascript");

    private final Path root;
    private final HttpServer server;

    private SiteServer(Path root, HttpServer server) {
        this.root = root;
        this.server = server;
    }

    public static SiteServer start(Path siteDir) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        SiteServer site = new SiteServer(siteDir.toAbsolutePath().normalize(), server);
        server.createContext("/", site::serve);
        server.start();
        return site;
    }

    public URI uri(String page) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/" + page);
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = URLDecoder.decode(exchange.getRequestURI().getPath(), StandardCharsets.UTF_8);
            Path file = root.resolve(path.substring(1)).normalize();
            if (Files.isDirectory(file)) {
                file = file.resolve("index.html");
            }
            if (!file.startsWith(root) || !Files.isRegularFile(file)) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            String name = file.getFileName().toString();
            String extension = name.substring(name.lastIndexOf('.') + 1);
            exchange.getResponseHeaders().set("Content-Type", TYPES.getOrDefault(extension, "application/octet-stream"));
            exchange.sendResponseHeaders(200, Files.size(file));
            try (OutputStream body = exchange.getResponseBody()) {
                Files.copy(file, body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
