package org.peersupport.privacy;

import java.util.List;
import org.bson.Document;
import org.peersupport.kernel.PersonalData;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.data.convert.ReadingConverter;
import org.springframework.data.convert.WritingConverter;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;

/** Read models store personal data sealed, exactly as the event store does. */
@Configuration(proxyBeanMethods = false)
class ReadModelConversions {

    @Bean
    MongoCustomConversions mongoCustomConversions(PersonalDataCipher cipher) {
        return new MongoCustomConversions(List.of(new Seal(cipher), new Open(cipher)));
    }

    @WritingConverter
    record Seal(PersonalDataCipher cipher) implements Converter<PersonalData, Document> {
        @Override
        public Document convert(PersonalData source) {
            return new Document(PersonalDataJacksonModule.SUBJECT, source.subject())
                    .append(PersonalDataJacksonModule.SEALED, cipher.seal(source));
        }
    }

    @ReadingConverter
    record Open(PersonalDataCipher cipher) implements Converter<Document, PersonalData> {
        @Override
        public PersonalData convert(Document source) {
            return cipher.open(source.getString(PersonalDataJacksonModule.SUBJECT),
                    source.getString(PersonalDataJacksonModule.SEALED));
        }
    }
}
