package org.peersupport.infrastructure;

import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.List;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionBuilder;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;

/**
 * Axon's aggregate cache on Caffeine, bounded by count (one per aggregate type), so a command finds its aggregate loaded
 * instead of replaying the aggregate's history (Axon ships adapters only for JCache and Ehcache,
 * each needing a provider with process-wide state). Axon evicts an aggregate whose unit of work
 * rolls back; entry listeners are not used by Axon's repositories and are not offered.
 */
final class AggregateCache implements Cache {

    /** Loaded aggregates kept per type; the least recently used go first. */
    static final long MAXIMUM_SIZE = 5_000;

    private final com.github.benmanes.caffeine.cache.Cache<Object, Object> entries;

    AggregateCache(long maximumSize) {
        this.entries = Caffeine.newBuilder().maximumSize(maximumSize).build();
    }

    @Override
    @SuppressWarnings("unchecked")
    public <K, V> V get(K key) {
        return (V) entries.getIfPresent(key);
    }

    @Override
    public void put(Object key, Object value) {
        entries.put(key, value);
    }

    @Override
    public boolean putIfAbsent(Object key, Object value) {
        return entries.asMap().putIfAbsent(key, value) == null;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T computeIfAbsent(Object key, Supplier<T> valueSupplier) {
        return (T) entries.get(key, k -> valueSupplier.get());
    }

    @Override
    public boolean remove(Object key) {
        return entries.asMap().remove(key) != null;
    }

    @Override
    public void removeAll() {
        entries.invalidateAll();
    }

    @Override
    public boolean containsKey(Object key) {
        return entries.asMap().containsKey(key);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <V> void computeIfPresent(Object key, UnaryOperator<V> update) {
        entries.asMap().computeIfPresent(key, (k, v) -> update.apply((V) v));
    }

    @Override
    public Registration registerCacheEntryListener(EntryListener cacheEntryListener) {
        throw new UnsupportedOperationException("The aggregate cache has no entry listeners");
    }

    /** Defines one cache bean per name, before the aggregates' repositories look them up. */
    record Definitions(List<String> names) implements BeanDefinitionRegistryPostProcessor {
        @Override
        public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
            names.forEach(name -> registry.registerBeanDefinition(name, BeanDefinitionBuilder
                    .genericBeanDefinition(Cache.class, () -> new AggregateCache(MAXIMUM_SIZE)).getBeanDefinition()));
        }

        @Override
        public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
            // Definitions only.
        }
    }
}
