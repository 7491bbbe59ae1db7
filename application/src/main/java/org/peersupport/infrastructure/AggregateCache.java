package org.peersupport.infrastructure;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionBuilder;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;

/**
 * Axon's aggregate cache, bounded by count (one per aggregate type), the least recently used
 * leaving first, so a command finds its aggregate loaded instead of replaying the aggregate's
 * history (Axon ships adapters only for JCache and Ehcache, each needing a provider with
 * process-wide state). Axon evicts an aggregate whose unit of work rolls back. Entry listeners
 * hear of reads, writes, removals and evictions (an eviction for want of room is reported as an
 * expiry). The saga store's two caches
 * are of this kind too ({@code AxonConfiguration#sagaStore}).
 */
final class AggregateCache implements Cache, MeterBinder {

    /** Entries kept per cache (loaded aggregates per type; sagas; associations); the least recently used go first. */
    static final long MAXIMUM_SIZE = 5_000;

    private final List<EntryListener> listeners = new CopyOnWriteArrayList<>();
    /**
     * Least recently used first out, exactly. Not Caffeine: its admission policy keeps what is used
     * most often and turned away new entries in favour of old ones (in the read models' memory, on
     * the same policy, a new request's document was read back from the store for one update in
     * nine), where here the entries in use are the newest: the records whose cycles are under way.
     */
    private final Map<Object, Object> entries;
    /** The bean's name, for the metrics; null for a cache that is not a bean. */
    private final String name;
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();

    AggregateCache(long maximumSize) {
        this(null, maximumSize);
    }

    AggregateCache(String name, long maximumSize) {
        this.name = name;
        this.entries = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Object, Object> eldest) {
                if (size() <= maximumSize) {
                    return false;
                }
                listeners.forEach(l -> l.onEntryExpired(eldest.getKey()));
                return true;
            }
        });
    }

    @Override
    @SuppressWarnings("unchecked")
    public <K, V> V get(K key) {
        Object value = entries.get(key);
        if (value != null) {
            hits.increment();
            listeners.forEach(l -> l.onEntryRead(key, value));
        } else {
            misses.increment();
        }
        return (V) value;
    }

    @Override
    public void put(Object key, Object value) {
        Object previous = entries.put(key, value);
        listeners.forEach(l -> {
            if (previous == null) {
                l.onEntryCreated(key, value);
            } else {
                l.onEntryUpdated(key, value);
            }
        });
    }

    @Override
    public boolean putIfAbsent(Object key, Object value) {
        boolean added = entries.putIfAbsent(key, value) == null;
        if (added) {
            listeners.forEach(l -> l.onEntryCreated(key, value));
        }
        return added;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T computeIfAbsent(Object key, Supplier<T> valueSupplier) {
        Object known = get(key);
        if (known != null) {
            return (T) known;
        }
        T value = valueSupplier.get();
        if (value == null) {
            throw new IllegalArgumentException("The value supplier gave no value for key [" + key + "]");
        }
        return putIfAbsent(key, value) ? value : (T) entries.getOrDefault(key, value);
    }

    @Override
    public boolean remove(Object key) {
        boolean removed = entries.remove(key) != null;
        if (removed) {
            listeners.forEach(l -> l.onEntryRemoved(key));
        }
        return removed;
    }

    @Override
    public void removeAll() {
        List<Object> keys;
        synchronized (entries) {
            keys = List.copyOf(entries.keySet());
        }
        keys.forEach(this::remove);
    }

    @Override
    public boolean containsKey(Object key) {
        return entries.containsKey(key);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <V> void computeIfPresent(Object key, UnaryOperator<V> update) {
        Object value = entries.computeIfPresent(key, (k, v) -> update.apply((V) v));
        if (value != null) {
            listeners.forEach(l -> l.onEntryUpdated(key, value));
        }
    }

    @Override
    public Registration registerCacheEntryListener(EntryListener cacheEntryListener) {
        listeners.add(cacheEntryListener);
        return () -> listeners.remove(cacheEntryListener);
    }

    /**
     * Lookups that found their entry and that did not: a miss for a record that exists means its
     * whole history is read and replayed (the first command for a new record misses too).
     */
    @Override
    public void bindTo(MeterRegistry registry) {
        if (name == null) {
            return;
        }
        FunctionCounter.builder("peersupport.aggregates.cache.lookups", hits, LongAdder::sum)
                .tag("cache", name).tag("result", "hit").register(registry);
        FunctionCounter.builder("peersupport.aggregates.cache.lookups", misses, LongAdder::sum)
                .tag("cache", name).tag("result", "miss").register(registry);
    }

    /** Defines one cache bean per name, before the aggregates' repositories look them up. */
    record Definitions(List<String> names) implements BeanDefinitionRegistryPostProcessor {
        @Override
        public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
            names.forEach(name -> registry.registerBeanDefinition(name, BeanDefinitionBuilder
                    .genericBeanDefinition(AggregateCache.class, () -> new AggregateCache(name, MAXIMUM_SIZE))
                    .getBeanDefinition()));
        }

        @Override
        public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
            // Definitions only.
        }
    }
}
