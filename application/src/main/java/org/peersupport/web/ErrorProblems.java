package org.peersupport.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The error page for refusals made before a request reaches a controller (the firewall refusing a
 * path such as {@code /a/../b} or {@code %2F}, a query that cannot be decoded, the container's own
 * errors): problem+json like every other refusal, in place of Boot's JSON or Tomcat's HTML page.
 * It never echoes the request, and writes the body itself so no Accept header can turn it into a 406.
 */
@Controller
class ErrorProblems implements ErrorController {

    @RequestMapping("${server.error.path:${error.path:/error}}")
    void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        int status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code ? code : 500;
        Object failure = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        if (status >= 500 && failure instanceof Throwable t && Problems.isUnreadableQuery(t)) {
            status = 400;
        }
        if (status < 400) {
            status = 500;
        }
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        HttpStatus known = HttpStatus.resolve(status);
        String title = known == null ? "Error" : known.getReasonPhrase();
        RequestGuard.problem(response, status, title, detail(status));
    }

    static String detail(int status) {
        return switch (status) {
            case 400 -> "The request could not be understood: its address, parameters or headers are malformed";
            case 401 -> "Sign in to use this service";
            case 403 -> "Your role may not do this";
            case 404 -> "Nothing here";
            case 405 -> "This method is not supported here";
            case 413 -> "The request body is larger than this service accepts";
            case 414, 431 -> "The request address or headers are too long";
            case 415 -> "The Content-Type of the request cannot be read";
            default -> status >= 500 ? "Something went wrong on our side; nothing was changed"
                    : "The request was refused";
        };
    }
}
