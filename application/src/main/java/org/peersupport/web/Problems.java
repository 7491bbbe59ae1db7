package org.peersupport.web;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.peersupport.kernel.RuleBroken;
import org.peersupport.kernel.RuleViolation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;

/**
 * Every refusal as RFC 9457 problem+json. Bad input names each bad field (400); a broken rule names
 * the rule (409 when it is about the state of things, 422 when about the request); nothing a client
 * sends can produce a 500. Messages never carry personal data, and neither do the logs.
 */
@RestControllerAdvice
class Problems extends ResponseEntityExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(Problems.class);
    static final URI INVALID = URI.create("urn:peersupport:problem:invalid-request");
    /** A field named in a refusal is cut short: a hostile body can nest or name fields without end. */
    private static final int MAX_PATH_DEPTH = 8;
    private static final int MAX_FIELD_LENGTH = 200;
    private static final int MAX_DETAIL_LENGTH = 300;
    private static final String UNREADABLE_QUERY = "org.apache.tomcat.util.http.InvalidParameterException";

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(e -> fieldError(e.getField(), message(e))).toList();
        return ResponseEntity.badRequest().body(invalid("The request has invalid fields", errors));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = ex.getParameterValidationResults().stream()
                .flatMap(r -> r.getResolvableErrors().stream().map(e -> fieldError(
                        r.getMethodParameter().getParameterName(), e.getDefaultMessage())))
                .toList();
        return ResponseEntity.badRequest().body(invalid("The request has invalid parameters", errors));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (causedBy(ex, RequestGuard.BodyTooLarge.class) != null) {
            return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(tooLarge());
        }
        if (ex.getCause() instanceof JacksonException json && !json.getPath().isEmpty()) {
            String field = json.getPath().stream().limit(MAX_PATH_DEPTH)
                    .map(r -> r.getPropertyName() != null ? r.getPropertyName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            if (field.length() > MAX_FIELD_LENGTH) {
                field = field.substring(0, MAX_FIELD_LENGTH) + "...";
            }
            String why = json.getClass().getSimpleName().startsWith("Unrecognized")
                    ? "is not a field of this request" : "has the wrong type or format";
            return ResponseEntity.badRequest().body(invalid("The request body has a bad field",
                    List.of(fieldError(field, why))));
        }
        return ResponseEntity.badRequest().body(invalid("The request body is not valid JSON for this request",
                List.of(fieldError("body", "is missing or malformed"))));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException ex) {
        return ResponseEntity.badRequest().body(invalid("A parameter has the wrong type",
                List.of(fieldError(ex.getName(), "has the wrong type or an unknown value"))));
    }

    @ExceptionHandler(InvalidField.class)
    ResponseEntity<ProblemDetail> invalidField(InvalidField ex) {
        return ResponseEntity.badRequest().body(invalid("The request has invalid fields",
                List.of(fieldError(ex.field(), ex.getMessage()))));
    }

    @ExceptionHandler(NotFound.class)
    ResponseEntity<ProblemDetail> notFound(NotFound ex) {
        return problem(new RuleBroken("NotFound", ex.getMessage(), 404), null);
    }

    @ExceptionHandler(RuleViolation.class)
    ResponseEntity<ProblemDetail> rule(RuleViolation ex) {
        return problem(new RuleBroken(ex.rule(), ex.getMessage(), ex.isConflict() ? 409 : 422), null);
    }

    @ExceptionHandler(CommandExecutionException.class)
    ResponseEntity<ProblemDetail> command(CommandExecutionException ex) {
        Object details = ex.getDetails().orElse(null);
        if (details instanceof RuleBroken broken) {
            return problem(broken, null);
        }
        if (ex.getCause() instanceof RuleViolation violation) {
            return rule(violation);
        }
        // A command's failure may arrive wrapped (a nested command, a remote handler): judge its cause.
        if (causedBy(ex, AggregateStreamCreationException.class) != null) {
            return alreadyExists(null);
        }
        if (causedBy(ex, ConcurrencyException.class) != null) {
            return concurrency(null);
        }
        if (causedBy(ex, AggregateNotFoundException.class) != null
                || causedBy(ex, IncompatibleAggregateException.class) != null) {
            return aggregateNotFound(null);
        }
        return unexpected(ex);
    }

    /** Also an identifier of another kind of record: Axon finds the stream but cannot make the aggregate. */
    @ExceptionHandler({AggregateNotFoundException.class, IncompatibleAggregateException.class})
    ResponseEntity<ProblemDetail> aggregateNotFound(Exception ex) {
        return problem(new RuleBroken("NotFound", "No record with that identifier", 404), null);
    }

    @ExceptionHandler(ConcurrencyException.class)
    ResponseEntity<ProblemDetail> concurrency(ConcurrencyException ex) {
        return problem(new RuleBroken("ConcurrentModification",
                "The record was changed by someone else at the same moment; try again", 409), null);
    }

    /** Creating a record under an identifier already taken (e.g. a programme defined twice). */
    @ExceptionHandler(AggregateStreamCreationException.class)
    ResponseEntity<ProblemDetail> alreadyExists(AggregateStreamCreationException ex) {
        return problem(new RuleBroken("AlreadyExists", "A record with that identifier already exists", 409), null);
    }

    /** The firewall refusing, once a handler reads them, parameter names such as one holding a NUL. */
    @ExceptionHandler(RequestRejectedException.class)
    ResponseEntity<ProblemDetail> rejected(RequestRejectedException ex) {
        return ResponseEntity.badRequest().body(invalid("The request address or its parameters are not allowed",
                List.of(fieldError("query", "holds characters that are not allowed"))));
    }

    @ExceptionHandler(RequestGuard.BodyTooLarge.class)
    ResponseEntity<ProblemDetail> bodyTooLarge(RequestGuard.BodyTooLarge ex) {
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(tooLarge());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception ex) {
        if (isUnreadableQuery(ex)) {
            return ResponseEntity.badRequest().body(invalid("The query string cannot be decoded",
                    List.of(fieldError("query", "is not valid percent-encoded UTF-8"))));
        }
        // The class only: an exception's message could quote personal data.
        LOG.error("Unexpected failure: {}", ex.getClass().getName());
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "Something went wrong on our side; nothing was changed");
        return ResponseEntity.internalServerError().body(body);
    }

    private static ResponseEntity<ProblemDetail> problem(RuleBroken broken, Object extra) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(broken.status()),
                printable(broken.message(), MAX_DETAIL_LENGTH));
        body.setType(URI.create("urn:peersupport:rule:" + broken.rule()));
        body.setTitle(broken.status() == 404 ? "Not found" : "Rule broken: " + broken.rule());
        body.setProperty("rule", broken.rule());
        return ResponseEntity.status(broken.status()).body(body);
    }

    static ProblemDetail invalid(String detail, List<Map<String, String>> errors) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        body.setType(INVALID);
        body.setTitle("Invalid request");
        body.setProperty("errors", errors);
        return body;
    }

    /** Tomcat refuses to decode a query string (bad percent-encoding, not UTF-8, an empty name). */
    static boolean isUnreadableQuery(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (UNREADABLE_QUERY.equals(t.getClass().getName())) {
                return true;
            }
        }
        return false;
    }

    private static <T extends Throwable> T causedBy(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static ProblemDetail tooLarge() {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE,
                "The request body is larger than this service accepts");
        body.setTitle("Content Too Large");
        return body;
    }

    static Map<String, String> fieldError(String field, String message) {
        return Map.of("field", printable(field, MAX_FIELD_LENGTH + 3),
                "message", message == null ? "is invalid" : printable(message, MAX_DETAIL_LENGTH));
    }

    /**
     * A rule's message may quote what the client sent (an unknown region, say): never echo it at
     * length, nor its control or formatting characters (CR/LF, NUL, right-to-left overrides).
     */
    static String printable(String text, int max) {
        if (text == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(Math.min(text.length(), max + 3));
        text.codePoints().limit(max).forEach(c -> {
            int type = Character.getType(c);
            boolean hidden = type == Character.CONTROL || type == Character.FORMAT || type == Character.SURROGATE;
            out.appendCodePoint(hidden ? '?' : c);
        });
        return text.codePointCount(0, text.length()) > max ? out.append("...").toString() : out.toString();
    }

    private static String message(FieldError e) {
        return e.getDefaultMessage();
    }
}
