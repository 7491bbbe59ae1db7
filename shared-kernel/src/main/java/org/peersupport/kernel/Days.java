package org.peersupport.kernel;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** Date rules fall due at the start of their day, in the service's time zone. */
public final class Days {

    private Days() {
    }

    public static Instant startOf(LocalDate day) {
        return day.atStartOfDay(ZoneId.systemDefault()).toInstant();
    }
}
