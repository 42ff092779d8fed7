package vn.diaspora.registry.common;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * JSON bodies are at most 1 MiB; only file uploads may be larger (up to the HTTP limit,
 * quarkus.http.limits.max-body-size, 16 MiB), and those are streamed. A declared
 * Content-Length over the limit is refused before the body is read; a chunked body (no
 * length) is counted as the JSON reader takes it, and refused at the first byte past the limit.
 */
public class BodyLimit {
    static final long JSON_LIMIT = 1 << 20;
    /** quarkus.http.limits.max-body-size */
    static final int UPLOAD_BYTES = 16 << 20;

    @ServerRequestFilter(preMatching = true)
    public Response limit(ContainerRequestContext request) {
        if (request.getUriInfo().getRequestUri().getRawPath().endsWith("/upload")) {
            return null;
        }
        if (request.getLength() > JSON_LIMIT) {
            ProblemException e = tooLarge();
            return ProblemMappers.respond(ProblemMappers.status(e.reason()), e.getMessage(), e.errors(), request.getUriInfo());
        }
        return null;
    }

    static ProblemException tooLarge() {
        return new ProblemException(ProblemException.Reason.TOO_LARGE, "The request body is too large (limit 1 MiB)", List.of(new Problem.FieldError("body", "at most 1 MiB")));
    }

    /** The media types of file uploads (up to the HTTP limit); every other body is counted. */
    static final java.util.Set<String> UPLOADS = java.util.Set.of("text/csv", "application/octet-stream", SpreadsheetText.XLSX);

    /** Counts the bytes of every body but a file upload's as they are read. */
    @Provider
    public static class Counted implements ReaderInterceptor {
        @Override
        public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
            MediaType type = context.getMediaType();
            if (type == null || !UPLOADS.contains(type.getType() + "/" + type.getSubtype())) {
                context.setInputStream(new Limited(context.getInputStream()));
            }
            return context.proceed();
        }
    }

    private static final class Limited extends FilterInputStream {
        private long read;

        Limited(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count(b < 0 ? 0 : 1);
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            count(Math.max(n, 0));
            return n;
        }

        private void count(int n) {
            read += n;
            if (read > JSON_LIMIT) {
                throw tooLarge();
            }
        }
    }
}
