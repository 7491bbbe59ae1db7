package org.peersupport.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.time.LocalDate;
import java.util.SplittableRandom;
import org.axonframework.common.DateTimeUtils;
import java.util.List;
import org.junit.jupiter.api.Test;

class IsoDatesTest {

    record Held(LocalDate heldOn, List<LocalDate> planned) {
    }

    final ObjectMapper jackson = new ObjectMapper().registerModule(new JavaTimeModule());
    final ObjectMapper fast = new ObjectMapper().registerModule(new JavaTimeModule()).registerModule(new IsoDates());

    @Test
    void readsEveryDateOfTheYearsAroundNowAsJacksonDoes() throws Exception {
        for (LocalDate day = LocalDate.of(2023, 1, 1); day.isBefore(LocalDate.of(2029, 1, 1)); day = day.plusDays(1)) {
            String json = "{\"heldOn\":\"" + day + "\",\"planned\":[\"" + day.plusDays(7) + "\"]}";
            assertThat(fast.readValue(json, Held.class)).isEqualTo(jackson.readValue(json, Held.class));
        }
    }

    @Test
    void anyOtherTextIsReadOrRejectedAsJacksonDoes() throws Exception {
        List<String> values = List.of("\"2026-11-24T10:15:00\"", "[2026,11,24]", "\"+12026-11-24\"", "null", "\"\"",
                "\"2026-02-30\"", "\"2026-13-01\"", "\"2026-1-024\"", "\"2026/11/24\"", "\"２０２６-11-24\"",
                "\"0000-01-01\"", "\"2024-02-29\"", "\"2023-02-29\"", "20261124");
        for (String value : values) {
            String json = "{\"heldOn\":" + value + ",\"planned\":[]}";
            assertThat(outcome(fast, json)).as(value).isEqualTo(outcome(jackson, json));
        }
        assertThat(outcome(fast, "{\"heldOn\":\"2026-02-30\",\"planned\":[]}"))
                .isEqualTo(InvalidFormatException.class);
    }

    @Test
    void readsStoredEventTimestampsAsAxonDoes() {
        SplittableRandom random = new SplittableRandom(20261124);
        long from = Instant.parse("1999-01-01T00:00:00Z").toEpochMilli();
        long to = Instant.parse("2101-01-01T00:00:00Z").toEpochMilli();
        for (int i = 0; i < 100_000; i++) {
            String stored = DateTimeUtils.formatInstant(Instant.ofEpochMilli(random.nextLong(from, to)));
            assertThat(IsoDates.instant(stored)).as(stored).isEqualTo(DateTimeUtils.parseInstant(stored));
        }
    }

    @Test
    void anyOtherTimestampIsReadOrRejectedAsAxonDoes() {
        List<String> values = List.of("2026-11-24T21:34:00Z", "2026-11-24T21:34:00.754+01:00",
                "2026-11-24T21:34:00.754321Z", "2026-02-30T21:34:00.754Z", "2026-11-24T24:34:00.754Z",
                "2026-11-24t21:34:00.754Z", "2026-11-24T21:34:60.754Z", "2026-11-24 21:34:00.754Z",
                "２０２６-11-24T21:34:00.754Z", "2026-11-24T21:34:00.7a4Z", "", "2024-02-29T00:00:00.000Z");
        for (String value : values) {
            assertThat(timestampOutcome(IsoDates::instant, value)).as(value)
                    .isEqualTo(timestampOutcome(DateTimeUtils::parseInstant, value));
        }
    }

    private static Object timestampOutcome(java.util.function.Function<String, Instant> parser, String text) {
        try {
            return parser.apply(text);
        } catch (Exception e) {
            return e.getClass();
        }
    }

    /** What reading gives: the value read, or the class of the exception thrown. */
    private static Object outcome(ObjectMapper mapper, String json) {
        try {
            return mapper.readValue(json, Held.class);
        } catch (Exception e) {
            return e.getClass();
        }
    }
}
