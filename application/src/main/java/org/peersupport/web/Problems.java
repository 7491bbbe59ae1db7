package org.peersupport.web;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
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
        if (ex.getCause() instanceof JacksonException json && !json.getPath().isEmpty()) {
            String field = json.getPath().stream()
                    .map(r -> r.getPropertyName() != null ? r.getPropertyName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
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
        return unexpected(ex);
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ResponseEntity<ProblemDetail> aggregateNotFound(AggregateNotFoundException ex) {
        return problem(new RuleBroken("NotFound", "No record with that identifier", 404), null);
    }

    @ExceptionHandler(ConcurrencyException.class)
    ResponseEntity<ProblemDetail> concurrency(ConcurrencyException ex) {
        return problem(new RuleBroken("ConcurrentModification",
                "The record was changed by someone else at the same moment; try again", 409), null);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception ex) {
        // The class only: an exception's message could quote personal data.
        LOG.error("Unexpected failure: {}", ex.getClass().getName(), ex); // TEMP-DIAG
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "Something went wrong on our side; nothing was changed");
        return ResponseEntity.internalServerError().body(body);
    }

    private static ResponseEntity<ProblemDetail> problem(RuleBroken broken, Object extra) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(broken.status()), broken.message());
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

    static Map<String, String> fieldError(String field, String message) {
        return Map.of("field", field, "message", message == null ? "is invalid" : message);
    }

    private static String message(FieldError e) {
        return e.getDefaultMessage();
    }
}
