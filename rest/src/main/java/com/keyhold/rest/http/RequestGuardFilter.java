package com.keyhold.rest.http;

import com.keyhold.common.ErrorCode;
import com.keyhold.common.ServerLifecycle;
import com.keyhold.common.RequestOrigin;
import com.keyhold.rest.ApiError;
import com.keyhold.rest.http.RequestPaths;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Around every request: clears the client's address ({@link RequestOrigin}) that the authentication
 * mechanism set for the activity log and the sign-in throttle, and applies the body limit of
 * {@code /api/**} requests, checked
 * before anything reads the body whole: a declared length over the limit is refused at once, and a
 * body of unknown length (chunked) is read at most to the limit.
 */
@WebFilter(filterName = "RequestGuardFilter", urlPatterns = "/*", asyncSupported = true)
public class RequestGuardFilter extends HttpFilter {

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        // The security headers and the client's address were set by the authentication mechanism, which
        // Jakarta Security runs for every request of this module before any filter; here
        // the address is cleared once the request is done.
        ServerLifecycle.requestBegan(); // a planned stop waits for these (DrainOnStop)
        try {
            String path = RequestPaths.mappedPath(request.getServletPath(), request.getPathInfo());
            HttpServletRequest limited = RequestPaths.isApi(path) || RequestPaths.isScim(path) ? limitBody(request, response, BodyLimits.forPath(path)) : request;
            if (limited != null) {
                chain.doFilter(limited, response);
            }
        } finally {
            ServerLifecycle.requestEnded();
            RequestOrigin.clear();
        }
    }

    /** The request to go on with, or null when it was refused with 413. */
    private static HttpServletRequest limitBody(HttpServletRequest request, HttpServletResponse response, int limit)
            throws IOException {
        long declared = request.getContentLengthLong();
        if (declared > limit) {
            tooLarge(response, limit);
            return null;
        }
        boolean chunked = declared < 0 && request.getHeader("Transfer-Encoding") != null;
        if (!chunked) {
            return request;
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        InputStream in = request.getInputStream();
        byte[] buffer = new byte[8192];
        for (int read; (read = in.read(buffer)) != -1; ) {
            body.write(buffer, 0, read);
            if (body.size() > limit) {
                tooLarge(response, limit);
                return null;
            }
        }
        return new BufferedBodyRequest(request, body.toByteArray());
    }

    private static void tooLarge(HttpServletResponse response, int limit) throws IOException {
        response.setStatus(ErrorCode.PAYLOAD_TOO_LARGE.httpStatus());
        response.setHeader("Connection", "close");
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(ApiError.of(ErrorCode.PAYLOAD_TOO_LARGE,
                "The request body is larger than this endpoint accepts (" + limit / 1024 + " KB).").toJson());
    }

    /** A request whose body was already read (within the limit) and is served from memory. */
    private static final class BufferedBodyRequest extends HttpServletRequestWrapper {

        private final byte[] body;

        BufferedBodyRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new IllegalStateException("the body was already read");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }
    }
}
