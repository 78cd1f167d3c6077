package dev.slugline.common.http;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RecentlyUsedTest {

    @Test
    void aKeyInUseSurvivesAStreamOfOneOffKeysAndTheSizeStaysBounded() {
        RecentlyUsed<String, Integer> cache = new RecentlyUsed<>(100);
        cache.put("home", 0);
        for (int i = 0; i < 10_000; i++) {
            cache.put("post-" + i, i);
            if (i % 40 == 0) {
                assertThat(cache.get("home")).as("after %d one-off keys", i).isZero();
            }
            assertThat(cache.size()).isLessThanOrEqualTo(100);
        }
        assertThat(cache.get("post-9999")).isEqualTo(9999);
        assertThat(cache.get("post-1")).as("asked for once, long ago").isNull();
    }

    @Test
    void aKeyNobodyAsksForIsDroppedAfterTwoGenerations() {
        RecentlyUsed<String, Integer> cache = new RecentlyUsed<>(4);
        cache.put("a", 1);
        cache.put("b", 2);
        cache.put("c", 3); // a and b are the previous generation now
        cache.put("d", 4);
        assertThat(cache.get("a")).isEqualTo(1); // moved back into the current one
        cache.put("e", 5);
        assertThat(cache.get("b")).isNull();
        assertThat(cache.get("a")).isEqualTo(1);
    }
}
