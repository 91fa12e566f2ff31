package io.lakegate.proxy.gateway;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A map whose entries live a fixed time after their last write and of which there are never more than a fixed
 * number: its keys come from strangers (user names, addresses), so neither its size nor its age may be theirs to
 * choose. Not thread-safe: {@link LoginThrottle} decides under one lock.
 * <p>
 * Every write moves its entry to the end, so entries are in the order of their last write: expired ones are found at
 * the head, and when the map is full the one dropped is the one left alone longest.
 */
final class ExpiringMap<K, V> {
    private record Timed<V>(V value, long writtenAt) {
    }

    private final long ttlMillis;
    private final int maxEntries;
    private final LinkedHashMap<K, Timed<V>> entries = new LinkedHashMap<>();

    ExpiringMap(long ttlMillis, int maxEntries) {
        this.ttlMillis = ttlMillis;
        this.maxEntries = maxEntries;
    }

    V get(K key, long now) {
        Timed<V> timed = entries.get(key);
        if (timed == null) {
            return null;
        }
        if (now - timed.writtenAt() >= ttlMillis) {
            entries.remove(key);
            return null;
        }
        return timed.value();
    }

    void put(K key, V value, long now) {
        entries.remove(key);
        entries.put(key, new Timed<>(value, now));
        purge(now);
    }

    void remove(K key) {
        entries.remove(key);
    }

    int size() {
        return entries.size();
    }

    private void purge(long now) {
        Iterator<Map.Entry<K, Timed<V>>> oldest = entries.entrySet().iterator();
        while (oldest.hasNext()) {
            Map.Entry<K, Timed<V>> e = oldest.next();
            if (entries.size() > maxEntries || now - e.getValue().writtenAt() >= ttlMillis) {
                oldest.remove();
            } else {
                break;
            }
        }
    }
}
