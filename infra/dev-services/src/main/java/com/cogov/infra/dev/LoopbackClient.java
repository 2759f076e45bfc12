package com.cogov.infra.dev;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A bare HTTP/1.1 client whose connections come from one address of its own in 127.0.0.0/8, so that a test can be a
 * client the server has never seen, as the server's socket sees it, whatever headers it sends. (Micronaut's and the
 * JDK's clients cannot choose the local address.) One request per connection; enough for small JSON exchanges.
 */
public final class LoopbackClient {

    private final InetAddress local;
    private final int port;

    private LoopbackClient(InetAddress local, int port) {
        this.local = local;
        this.port = port;
    }

    /** A client from a random loopback address (not 127.0.0.1) to the server on {@code port} of 127.0.0.1. */
    public static LoopbackClient ofNewAddress(int port) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        byte[] address = {
            127, (byte) random.nextInt(1, 255), (byte) random.nextInt(0, 256), (byte) random.nextInt(1, 255)
        };
        try {
            return new LoopbackClient(InetAddress.getByAddress(address), port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The address the server sees this client's connections come from. */
    public String address() {
        return local.getHostAddress();
    }

    public record Response(int status, Map<String, List<String>> headers, String body) {

        public Optional<String> header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
        }
    }

    /** Sends one request; {@code json} is the body, or {@code null} for none. */
    public Response send(String method, String path, Map<String, String> headers, String json) {
        byte[] body = json == null ? new byte[0] : json.getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder()
                .append(method)
                .append(' ')
                .append(path)
                .append(" HTTP/1.1\r\n")
                .append("Host: 127.0.0.1:")
                .append(port)
                .append("\r\n")
                .append("Connection: close\r\n");
        if (json != null) {
            head.append("Content-Type: application/json\r\n")
                    .append("Content-Length: ")
                    .append(body.length)
                    .append("\r\n");
        }
        headers.forEach(
                (name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        head.append("\r\n");
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(local, 0));
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5_000);
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
            return parse(socket.getInputStream().readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Response parse(byte[] raw) throws IOException {
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            throw new IOException("Not an HTTP response: " + text);
        }
        String[] lines = text.substring(0, end).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.computeIfAbsent(
                            lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                    .add(lines[i].substring(colon + 1).strip());
        }
        byte[] body = Arrays.copyOfRange(raw, end + 4, raw.length);
        if (headers.getOrDefault("transfer-encoding", List.of()).contains("chunked")) {
            body = unchunk(new ByteArrayInputStream(body));
        }
        return new Response(status, headers, new String(body, StandardCharsets.UTF_8));
    }

    private static byte[] unchunk(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (true) {
            StringBuilder size = new StringBuilder();
            for (int c = in.read(); c != '\n' && c != -1; c = in.read()) {
                if (c != '\r') {
                    size.append((char) c);
                }
            }
            int length = Integer.parseInt(size.toString().split(";")[0].strip(), 16);
            if (length == 0) {
                return out.toByteArray();
            }
            out.write(in.readNBytes(length));
            in.readNBytes(2); // CRLF after the chunk
        }
    }
}
