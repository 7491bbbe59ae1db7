package org.peersupport.infrastructure;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateDeserializer;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.axonframework.common.DateTimeUtils;

/**
 * Stored events' dates ({@code 2026-11-24}) read straight from their ten characters. Jackson's own
 * reader parses each with a {@code DateTimeFormatter}: in the profile of a rebuild, a fifth of the
 * reading thread went to dates. Anything else, a date it cannot make sense of included, goes to
 * Jackson's reader, which reads or rejects it as before. Events' timestamps likewise
 * ({@link #instant}, for {@link EventStoreEngine}).
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
    }

    /**
     * A stored event's timestamp as Axon writes it ({@code 2026-11-24T21:34:00.754Z}: always 24
     * characters, milliseconds and a Z); anything else through Axon's own parser.
     */
    static Instant instant(String text) {
        if (text.length() == 24 && text.charAt(4) == '-' && text.charAt(7) == '-' && text.charAt(10) == 'T'
                && text.charAt(13) == ':' && text.charAt(16) == ':' && text.charAt(19) == '.'
                && text.charAt(23) == 'Z') {
            int year = digits(text, 0, 4);
            int month = digits(text, 5, 7);
            int day = digits(text, 8, 10);
            int hour = digits(text, 11, 13);
            int minute = digits(text, 14, 16);
            int second = digits(text, 17, 19);
            int milli = digits(text, 20, 23);
            if ((year | month | day | hour | minute | second | milli) >= 0) {
                try {
                    return LocalDateTime.of(year, month, day, hour, minute, second, milli * 1_000_000)
                            .toInstant(ZoneOffset.UTC);
                } catch (DateTimeException notATime) {
                    // Axon's parser says what is wrong with it
                }
            }
        }
        return DateTimeUtils.parseInstant(text);
    }

    /** The number the digits from {@code from} to {@code to} spell, or -1 if any is not a digit. */
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
