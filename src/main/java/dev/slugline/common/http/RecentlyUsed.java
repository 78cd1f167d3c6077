package dev.slugline.common.http;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A bounded map that keeps what is being used: entries live in two generations of at most {@code capacity / 2}
 * each; when the current one is full it becomes the previous one and the older one is dropped, and an entry read
 * from the previous generation moves back into the current one. So a stream of one-off keys (a crawler walking
 * every post) pushes out only what nobody asked for during a whole generation, not the hot pages.
 */
final class RecentlyUsed<K, V> {

    private final int generationSize;
    private volatile Map<K, V> current = new ConcurrentHashMap<>();
    private volatile Map<K, V> previous = Map.of();

    RecentlyUsed(int capacity) {
        this.generationSize = Math.max(1, capacity / 2);
    }

    V get(K key) {
        V value = current.get(key);
        if (value == null) {
            value = previous.get(key);
            if (value != null) {
                put(key, value);
            }
        }
        return value;
    }

    void put(K key, V value) {
        if (current.size() >= generationSize) {
            synchronized (this) {
                if (current.size() >= generationSize) {
                    previous = current;
                    current = new ConcurrentHashMap<>();
                }
            }
        }
        current.put(key, value);
    }

    int size() {
        return current.size() + previous.size();
    }
}
