package com.cogov.infra.dev;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import redis.embedded.RedisServer;

/**
 * A real redis-server (embedded-redis) on a fixed port chosen once, so that it can be stopped and started again
 * at the same address for outage drills while the app keeps its connection settings.
 */
final class EmbeddedRedis implements AutoCloseable {

    private final int port;
    private final Path dir;
    private final boolean persistent;
    private RedisServer server;

    EmbeddedRedis(int port, Path dir, boolean persistent) {
        this.port = port;
        this.dir = dir;
        this.persistent = persistent;
    }

    synchronized EmbeddedRedis start() {
        if (server != null && server.isActive()) {
            return this;
        }
        try {
            Files.createDirectories(dir);
            server = RedisServer.newRedisServer()
                    .bind("127.0.0.1")
                    .port(port)
                    .setting("dir " + dir.toAbsolutePath())
                    // The embedded default keeps tokens and counters across restarts; tests start empty.
                    .setting("appendonly " + (persistent ? "yes" : "no"))
                    .setting("save \"\"")
                    .setting("maxmemory 256mb")
                    // Full, it drops the least used keys that expire anyway (caches, counters) instead of refusing
                    // every write, which would stop sign-in (WeChat's access token is kept here).
                    .setting("maxmemory-policy volatile-lru")
                    .onShutdownForceStop(true)
                    .build();
            server.start();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException("Embedded Redis did not start on port " + port, e);
        }
    }

    synchronized void stop() {
        if (server != null) {
            try {
                server.stop();
            } catch (IOException e) {
                throw new UncheckedIOException("Embedded Redis did not stop", e);
            }
            server = null;
        }
    }

    String address() {
        return "redis://127.0.0.1:" + port;
    }

    @Override
    public void close() {
        stop();
    }
}
