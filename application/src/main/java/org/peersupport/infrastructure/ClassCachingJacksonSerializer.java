package org.peersupport.infrastructure;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.json.JacksonSerializer;

/**
 * Axon's Jackson serializer, with the class of each stored type name looked up once. Axon asks the
 * class loader for it (Jackson's {@code TypeFactory.findClass}) each time an event is read, twice
 * for a payload: in a rebuild's profile a tenth of the reading thread. Names come from the event
 * store, so the map holds one entry per type the store holds.
 */
final class ClassCachingJacksonSerializer extends JacksonSerializer {

    @SuppressWarnings("rawtypes")
    private final Map<String, Class> classes = new ConcurrentHashMap<>();

    ClassCachingJacksonSerializer(Builder builder) {
        super(builder);
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Class classForType(SerializedType type) {
        Class known = classes.get(type.getName());
        if (known == null) {
            known = super.classForType(type);
            classes.put(type.getName(), known);
        }
        return known;
    }
}
