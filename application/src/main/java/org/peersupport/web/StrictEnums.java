package org.peersupport.web;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.module.SimpleModule;

/**
 * Request bodies name an enum constant exactly, or are refused for that field. Jackson on its own
 * trims the text first ({@code "PRIMARY\u0000"} and {@code " PRIMARY"} read as PRIMARY) and takes a
 * quoted number as the constant's position ({@code "1"} reads as the second phase): in a system of
 * record a value nobody wrote must never be stored. Only the web API's mapper is affected; events
 * are read by Axon's own serializer.
 */
@Configuration(proxyBeanMethods = false)
class StrictEnums {

    @Bean
    JacksonModule strictEnumModule() {
        return new SimpleModule("strict-enums").setDeserializerModifier(new ValueDeserializerModifier() {
            @Override
            public ValueDeserializer<?> modifyEnumDeserializer(DeserializationConfig config, JavaType type,
                    BeanDescription.Supplier description, ValueDeserializer<?> deserializer) {
                return new ExactName(type.getRawClass());
            }
        });
    }

    /** An enum read from a JSON string equal to one constant's name, and from nothing else. */
    static final class ExactName extends ValueDeserializer<Object> {

        private final Class<?> type;
        private final Map<String, Object> byName = new LinkedHashMap<>();

        ExactName(Class<?> type) {
            this.type = type;
            Arrays.stream(type.getEnumConstants()).forEach(c -> byName.put(((Enum<?>) c).name(), c));
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                return context.handleUnexpectedToken(type, parser);
            }
            Object constant = byName.get(parser.getString());
            return constant != null ? constant
                    : context.handleWeirdStringValue(type, parser.getString(), "not one of %s", byName.keySet());
        }
    }
}
