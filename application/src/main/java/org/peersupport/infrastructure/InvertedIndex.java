package org.peersupport.infrastructure;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Positions by the values they hold, and each position's values, so a position can be taken out
 * whole: the in-memory indexes of sagas in use by association ({@link IndexedSagaRepository}) and
 * of documents by a field's value ({@code ReadModelStoreBackend.EqualityIndex}). Not thread-safe.
 */
final class InvertedIndex<V, P> {

    private final Map<V, Set<P>> positionsByValue = new HashMap<>();
    private final Map<P, Set<V>> valuesByPosition = new HashMap<>();

    void add(P position, V value) {
        if (valuesByPosition.computeIfAbsent(position, key -> new HashSet<>()).add(value)) {
            positionsByValue.computeIfAbsent(value, key -> new HashSet<>()).add(position);
        }
    }

    void remove(P position) {
        Set<V> values = valuesByPosition.remove(position);
        if (values == null) {
            return;
        }
        for (V value : values) {
            Set<P> positions = positionsByValue.get(value);
            positions.remove(position);
            if (positions.isEmpty()) {
                positionsByValue.remove(value);
            }
        }
    }

    /** The positions holding the value: a view, to be read before the index next changes. */
    Set<P> positions(V value) {
        return positionsByValue.getOrDefault(value, Set.of());
    }

    int positionCount() {
        return valuesByPosition.size();
    }

    void clear() {
        positionsByValue.clear();
        valuesByPosition.clear();
    }
}
