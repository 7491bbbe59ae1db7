package org.peersupport.request.api;

import java.time.LocalDate;

public record RequestWithdrawn(String requestId, LocalDate withdrawnOn) {
}
