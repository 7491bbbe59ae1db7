package org.peersupport.privacy;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import org.peersupport.kernel.PersonalData;
import org.springframework.stereotype.Component;

/**
 * Teaches Axon's Jackson serializer to write {@link PersonalData} as {@code {"subject", "sealed"}}
 * and read it back opened: handlers see plaintext, storage and the wire never do.
 */
@Component
public class PersonalDataJacksonModule extends SimpleModule {

    public static final String SUBJECT = "subject";
    public static final String SEALED = "sealed";

    PersonalDataJacksonModule(PersonalDataCipher cipher) {
        super("personal-data");
        addSerializer(PersonalData.class, new JsonSerializer<>() {
            @Override
            public void serialize(PersonalData value, JsonGenerator gen, SerializerProvider provider) throws IOException {
                gen.writeStartObject();
                gen.writeStringField(SUBJECT, value.subject());
                gen.writeStringField(SEALED, cipher.seal(value));
                gen.writeEndObject();
            }
        });
        addDeserializer(PersonalData.class, new JsonDeserializer<>() {
            @Override
            public PersonalData deserialize(JsonParser parser, DeserializationContext context) throws IOException {
                JsonNode node = parser.readValueAsTree();
                JsonNode sealed = node.get(SEALED);
                return cipher.open(node.get(SUBJECT).asText(), sealed == null || sealed.isNull() ? null : sealed.asText());
            }
        });
    }
}
