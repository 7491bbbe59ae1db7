package org.peersupport.infrastructure;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateDeserializer;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * Stored events' dates ({@code 2026-11-24}) read straight from their ten characters. Jackson's own
 * reader parses each with a {@code DateTimeFormatter}: in the profile of a rebuild, a fifth of the
 * reading thread went to dates. Anything else, a date it cannot make sense of included, goes to
 * Jackson's reader, which reads or rejects it as before.
 */
final class IsoDates extends SimpleModule {

    IsoDates() {
        super("peersupport-iso-dates");
        addDeserializer(LocalDate.class, new Reader());
    }

    static final class Reader extends StdScalarDeserializer<LocalDate> {

        Reader() {
            super(LocalDate.class);
        }

        @Override
        public LocalDate deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.hasToken(JsonToken.VALUE_STRING)) {
                LocalDate date = parse(parser.getText());
                if (date != null) {
                    return date;
                }
            }
            return LocalDateDeserializer.INSTANCE.deserialize(parser, context);
        }

        /** The date written as {@code yyyy-MM-dd}, or null when the text is not exactly that. */
        static LocalDate parse(String text) {
            if (text.length() != 10 || text.charAt(4) != '-' || text.charAt(7) != '-') {
                return null;
            }
            int year = digits(text, 0, 4);
            int month = digits(text, 5, 7);
            int day = digits(text, 8, 10);
            if (year < 0 || month < 0 || day < 0) {
                return null;
            }
            try {
                return LocalDate.of(year, month, day);
            } catch (DateTimeException notADay) {
                return null;
            }
        }

        private static int digits(String text, int from, int to) {
            int value = 0;
            for (int i = from; i < to; i++) {
                char c = text.charAt(i);
                if (c < '0' || c > '9') {
                    return -1;
                }
                value = value * 10 + (c - '0');
            }
            return value;
        }
    }
}
