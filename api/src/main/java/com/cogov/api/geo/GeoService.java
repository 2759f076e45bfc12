package com.cogov.api.geo;

import com.cogov.api.paging.RankCursor;
import io.micronaut.context.BeanProvider;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.redisson.api.RBatch;
import org.redisson.api.RGeo;
import org.redisson.api.RMap;
import org.redisson.api.RedissonClient;
import org.redisson.api.geo.GeoOrder;
import org.redisson.api.geo.GeoSearchArgs;
import org.redisson.api.geo.GeoUnit;
import org.redisson.client.codec.StringCodec;

/**
 * The geo piece (docs/platform: geo): "near me" through Redis GEO, never a table scan. An index (e.g. {@code pharmacy})
 * holds members by id, each in one partition (a district), so a search confined to a district reads only that
 * district's set. Redis holds a copy: the owning feature puts a member after each committed change and rebuilds the
 * index from its database at start and periodically, which also repairs a refresh lost while Redis was away.
 * <p>
 * Keys: {@code cogov:geo:{index}} (all members), {@code cogov:geo:{index}:p:{partition}}, and the hash
 * {@code cogov:geo:{index}:partition} (member → partition), so a member moved to another partition leaves the old one.
 */
@Singleton
public class GeoService {

    /** A member to (re)place: its id, partition and where it is. */
    public record Member(long id, String partition, GeoPoint point) {}

    /** Past this many members a nearest-first page is not looked for further: a radius that wide is a mistake. */
    private static final int MAX_FETCH = 20_000;

    /** How often a node asks Redis whether an index is still there before it searches it. */
    private static final long BUILT_CHECK_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(1);

    private final RedissonClient redis;
    // Lazily: the sources are features' beans that themselves use this piece.
    private final BeanProvider<GeoIndexSource> sources;
    private final Map<String, Long> builtSeenAt = new java.util.concurrent.ConcurrentHashMap<>();

    GeoService(RedissonClient redis, BeanProvider<GeoIndexSource> sources) {
        this.redis = redis;
        this.sources = sources;
    }

    /**
     * Builds the index from its source (idempotent: any node may run it at any time) and marks it built. Members no
     * longer given are not removed here; the owner removes them as they change.
     */
    public void rebuild(String index) {
        GeoIndexSource source = sources.stream()
                .filter(s -> s.index().equals(index))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no GeoIndexSource for geo index " + index));
        putAll(index, source.members());
        redis.getBucket(builtKey(index), StringCodec.INSTANCE).set("1");
        builtSeenAt.put(index, System.nanoTime());
    }

    /**
     * An index Redis lost (a restart without persistence, a failover) is built again before it is searched: at most
     * one check a second per node, and the first search after a loss waits for the build (some 6,400 members).
     */
    private void ensureBuilt(String index) {
        Long seen = builtSeenAt.get(index);
        if (seen != null && System.nanoTime() - seen < BUILT_CHECK_NANOS) {
            return;
        }
        if (redis.getBucket(builtKey(index), StringCodec.INSTANCE).isExists()) {
            builtSeenAt.put(index, System.nanoTime());
        } else {
            rebuild(index);
        }
    }

    /** Places the member (or moves it: out of its former partition, into this one). */
    public void put(String index, Member member) {
        String id = String.valueOf(member.id());
        String before = partitions(index).get(id);
        RBatch batch = redis.createBatch();
        if (before != null && !before.equals(member.partition())) {
            batch.getGeo(partitionKey(index, before), StringCodec.INSTANCE).removeAsync(id);
        }
        double lat = member.point().latitude();
        double lng = member.point().longitude();
        batch.getGeo(allKey(index), StringCodec.INSTANCE).addAsync(lng, lat, id);
        batch.getGeo(partitionKey(index, member.partition()), StringCodec.INSTANCE)
                .addAsync(lng, lat, id);
        batch.getMap(partitionMapKey(index), StringCodec.INSTANCE).fastPutAsync(id, member.partition());
        batch.execute();
    }

    /** Takes the member out (it has no place any more). */
    public void remove(String index, long memberId) {
        String id = String.valueOf(memberId);
        String before = partitions(index).get(id);
        RBatch batch = redis.createBatch();
        if (before != null) {
            batch.getGeo(partitionKey(index, before), StringCodec.INSTANCE).removeAsync(id);
        }
        batch.getGeo(allKey(index), StringCodec.INSTANCE).removeAsync(id);
        batch.getMap(partitionMapKey(index), StringCodec.INSTANCE).fastRemoveAsync(id);
        batch.execute();
    }

    /** Places every member given, pipelined. */
    private void putAll(String index, List<Member> members) {
        for (int from = 0; from < members.size(); from += 500) {
            List<Member> chunk = members.subList(from, Math.min(members.size(), from + 500));
            Map<String, String> before = partitions(index)
                    .getAll(chunk.stream()
                            .map(m -> String.valueOf(m.id()))
                            .collect(java.util.stream.Collectors.toSet()));
            RBatch batch = redis.createBatch();
            for (Member m : chunk) {
                String id = String.valueOf(m.id());
                String old = before.get(id);
                if (old != null && !old.equals(m.partition())) {
                    batch.getGeo(partitionKey(index, old), StringCodec.INSTANCE).removeAsync(id);
                }
                double lat = m.point().latitude();
                double lng = m.point().longitude();
                batch.getGeo(allKey(index), StringCodec.INSTANCE).addAsync(lng, lat, id);
                batch.getGeo(partitionKey(index, m.partition()), StringCodec.INSTANCE)
                        .addAsync(lng, lat, id);
                batch.getMap(partitionMapKey(index), StringCodec.INSTANCE).fastPutAsync(id, m.partition());
            }
            batch.execute();
        }
    }

    /**
     * The members within {@code radiusMeters} of the point, nearest first (distance, then id), strictly after the
     * cursor, at most {@code fetch} of them.
     *
     * @param partition null for the whole index
     */
    public List<Nearby> nearest(
            String index,
            @Nullable String partition,
            GeoPoint from,
            double radiusMeters,
            @Nullable RankCursor after,
            int fetch) {
        ensureBuilt(index);
        RGeo<String> geo =
                redis.getGeo(partition == null ? allKey(index) : partitionKey(index, partition), StringCodec.INSTANCE);
        // Redis GEO cannot start at a distance: fetch the nearest (rows already paged + this page + a margin), keep
        // those after the cursor, and fetch more if the margin was not enough.
        int count = (after == null ? 0 : after.seen()) + fetch + 16;
        while (true) {
            Map<String, Double> found = geo.searchWithDistance(GeoSearchArgs.from(from.longitude(), from.latitude())
                    .radius(radiusMeters, GeoUnit.METERS)
                    .order(GeoOrder.ASC)
                    .count(count));
            List<Nearby> rows = new ArrayList<>(found.size());
            found.forEach((id, distance) -> rows.add(new Nearby(Long.parseLong(id), distance)));
            rows.sort(Comparator.comparingDouble(Nearby::distanceMeters).thenComparingLong(Nearby::id));
            boolean exhausted = rows.size() < count;
            // When the fetch was cut by its count, members as far as the last one may have been left out: only rows
            // nearer than it are certain to be in order with everything not fetched.
            double farthest = rows.isEmpty() ? 0 : rows.get(rows.size() - 1).distanceMeters();
            List<Nearby> page = rows.stream()
                    .filter(r -> exhausted || r.distanceMeters() < farthest)
                    .filter(r -> after == null || after.before(r.distanceMeters(), r.id()))
                    .limit(fetch)
                    .toList();
            if (page.size() == fetch || exhausted || count >= MAX_FETCH) {
                return page;
            }
            count = Math.min(MAX_FETCH, count * 2);
        }
    }

    private RMap<String, String> partitions(String index) {
        return redis.getMap(partitionMapKey(index), StringCodec.INSTANCE);
    }

    private static String allKey(String index) {
        return "cogov:geo:" + index;
    }

    private static String partitionKey(String index, String partition) {
        return "cogov:geo:" + index + ":p:" + partition;
    }

    private static String builtKey(String index) {
        return "cogov:geo:" + index + ":built";
    }

    private static String partitionMapKey(String index) {
        return "cogov:geo:" + index + ":partition";
    }
}
