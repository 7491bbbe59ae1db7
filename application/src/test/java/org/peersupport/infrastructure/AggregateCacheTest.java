package org.peersupport.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;
import org.junit.jupiter.api.Test;

/** The aggregate cache keeps, replaces and drops entries, and tells registered listeners so. */
class AggregateCacheTest {

    private final List<String> heard = new ArrayList<>();

    private final Cache.EntryListener listener = new Cache.EntryListenerAdapter() {
        @Override
        public void onEntryCreated(Object key, Object value) {
            heard.add("created " + key + "=" + value);
        }

        @Override
        public void onEntryUpdated(Object key, Object value) {
            heard.add("updated " + key + "=" + value);
        }

        @Override
        public void onEntryRead(Object key, Object value) {
            heard.add("read " + key + "=" + value);
        }

        @Override
        public void onEntryRemoved(Object key) {
            heard.add("removed " + key);
        }

        @Override
        public void onEntryExpired(Object key) {
            heard.add("expired " + key);
        }
    };

    @Test
    void listenersHearOfEveryChangeUntilTheyUnregister() {
        Cache cache = new AggregateCache(10);
        Registration registration = cache.registerCacheEntryListener(listener);

        cache.put("a", 1);
        cache.put("a", 2);
        assertThat(cache.<String, Integer>get("a")).isEqualTo(2);
        assertThat(cache.putIfAbsent("a", 3)).isFalse();
        assertThat(cache.remove("a")).isTrue();
        assertThat(cache.remove("a")).isFalse();
        registration.cancel();
        cache.put("b", 1);

        assertThat(heard).containsExactly("created a=1", "updated a=2", "read a=2", "removed a");
        assertThat(cache.containsKey("b")).isTrue();
    }

    @Test
    void computeIfAbsentKeepsTheValueAlreadyThere() {
        Cache cache = new AggregateCache(10);
        cache.put("a", 1);

        assertThat(cache.<Integer>computeIfAbsent("a", () -> 2)).isEqualTo(1);
        assertThat(cache.<Integer>computeIfAbsent("b", () -> 3)).isEqualTo(3);
        cache.removeAll();
        assertThat(cache.containsKey("a")).isFalse();
        assertThat(cache.containsKey("b")).isFalse();
    }

    @Test
    void theLeastRecentlyUsedEntryLeavesFirstHoweverOftenTheOthersWereUsed() {
        Cache cache = new AggregateCache(3);
        cache.registerCacheEntryListener(listener);
        for (String key : List.of("x", "y", "z")) {
            cache.put(key, key);
            for (int i = 0; i < 20; i++) {
                cache.get(key);
            }
        }
        cache.get("x"); // "y" is now the least recently used
        heard.clear();

        cache.put("new", "n");

        assertThat(heard).containsExactly("expired y", "created new=n");
        assertThat(cache.containsKey("new")).as("the newest entry is kept").isTrue();
        assertThat(cache.containsKey("x")).isTrue();
        assertThat(cache.containsKey("z")).isTrue();
        assertThat(cache.containsKey("y")).isFalse();
    }
}
