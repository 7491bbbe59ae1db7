package org.peersupport.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.UnknownSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;

class ClassCachingJacksonSerializerTest {

    record Noted(String id, int count) {
    }

    final JacksonSerializer axon = JacksonSerializer.defaultSerializer();
    final ClassCachingJacksonSerializer cached = new ClassCachingJacksonSerializer(JacksonSerializer.builder());

    @Test
    void givesTheClassAxonGivesForKnownUnknownAndEmptyTypes() {
        for (int round = 0; round < 2; round++) { // the second round from the map
            for (SerializedType type : new SerializedType[] {
                    new SimpleSerializedType(Noted.class.getName(), null),
                    new SimpleSerializedType(String.class.getName(), "2"),
                    new SimpleSerializedType("org.peersupport.NoSuchEvent", null),
                    SimpleSerializedType.emptyType()}) {
                assertThat(cached.classForType(type)).as(type.getName()).isEqualTo(axon.classForType(type));
            }
        }
        assertThat(cached.classForType(new SimpleSerializedType("org.peersupport.NoSuchEvent", null)))
                .isEqualTo(UnknownSerializedType.class);
    }

    @Test
    void readsBackWhatItWrote() {
        SerializedObject<byte[]> written = cached.serialize(new Noted("n-1", 3), byte[].class);
        Noted first = cached.deserialize(written);
        Noted again = cached.deserialize(written);
        assertThat(first).isEqualTo(new Noted("n-1", 3)).isEqualTo(again);
    }
}
