package org.peersupport.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses, before anything reads it (and before a password is checked), a request body larger than
 * any request of this API needs (413) or one whose Content-Type cannot be understood (415), both as
 * problem+json. A body sent without a length is counted as it is read and cut off at the limit.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class RequestGuard extends OncePerRequestFilter {

    private final long maxBodyBytes;

    RequestGuard(@Value("${peersupport.web.max-body-bytes:262144}") long maxBodyBytes) {
        this.maxBodyBytes = maxBodyBytes;
    }

    /** A body that turned out, while being read, to be larger than the limit. */
    static final class BodyTooLarge extends IOException {
        BodyTooLarge() {
            super("The request body is larger than this service accepts", null);
        }
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > maxBodyBytes) {
            // No "Connection: close": the server would close while the client is still sending,
            // and the client could lose the answer (a hostile-input run in CI saw it once). Tomcat
            // discards the unread body instead, up to server.tomcat.max-swallow-size, then closes.
            problem(response, 413, "Content Too Large", "The request body is larger than this service accepts");
            return;
        }
        String contentType = request.getHeader("Content-Type");
        if (contentType != null && !readable(contentType)) {
            problem(response, 415, "Unsupported Media Type", "The Content-Type of the request cannot be read");
            return;
        }
        chain.doFilter(request.getContentLengthLong() < 0 ? new Limited(request, maxBodyBytes) : request, response);
    }

    private static boolean readable(String contentType) {
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return !type.isWildcardType() && !type.isWildcardSubtype();
        } catch (InvalidMediaTypeException unparseable) {
            return false;
        }
    }

    static void problem(HttpServletResponse response, int status, String title, String detail) throws IOException {
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status
                + ",\"detail\":\"" + detail + "\"}");
    }

    /** Counts the bytes of a body of unknown length as they are read, and stops at the limit. */
    private static final class Limited extends HttpServletRequestWrapper {
        private final long limit;
        private ServletInputStream stream;

        Limited(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new Counting(super.getInputStream(), limit);
            }
            return stream;
        }
    }

    private static final class Counting extends ServletInputStream {
        private final ServletInputStream in;
        private final long limit;
        private long read;

        Counting(ServletInputStream in, long limit) {
            this.in = in;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws BodyTooLarge {
            read += n;
            if (read > limit) {
                throw new BodyTooLarge();
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
