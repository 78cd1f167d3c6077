package dev.slugline.operations;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Counts a request body of unknown length (chunked) as it is read into the resource's parameter, and stops it with
 * a {@link BodyLimit.TooLarge} (413 problem) once it passes {@code quarkus.http.limits.max-body-size}.
 */
@Provider
public class BodyLimitInterceptor implements ReaderInterceptor {

    private final BodyLimit limit;

    public BodyLimitInterceptor(BodyLimit limit) {
        this.limit = limit;
    }

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        if (context.getHeaders().getFirst(HttpHeaders.CONTENT_LENGTH) == null) {
            context.setInputStream(new Counted(context.getInputStream(), limit.maxBodySize()));
        }
        return context.proceed();
    }

    private static final class Counted extends FilterInputStream {
        private final long max;
        private long count;

        Counted(InputStream in, long max) {
            super(in);
            this.max = max;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                add(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                add(n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            add(skipped);
            return skipped;
        }

        private void add(long n) throws BodyLimit.TooLarge {
            count += n;
            if (count > max) {
                throw new BodyLimit.TooLarge(max);
            }
        }
    }
}
