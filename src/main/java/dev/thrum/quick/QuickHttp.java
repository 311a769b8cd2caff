package dev.thrum.quick;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * The little HTTP and JSON the short command paths need ({@link QuickStop}, {@link QuickStatus}):
 * one request on a plain socket, and fields read out of the daemon's own small answers.
 */
final class QuickHttp {
    static final int TIMEOUT_MS = 10_000;

    private QuickHttp() {}


    /*
     * Plain string work on purpose: a regular expression, String.format or a lambda each cost this
     * path tens of milliseconds of class loading and bootstrap on a cold JVM.
     */

    /**
     * The first field called {@code name} in {@code json}: a string (unescaped), a number, true or
     * false as text; null when missing or null. Enough for the daemon's own small answers, whose
     * field names the callers know; not a JSON parser.
     */
    static String field(String json, String name) {
        int k = json.indexOf("\"" + name + "\"");
        if (k < 0) return null;
        int i = json.indexOf(':', k + name.length() + 2);
        if (i < 0) return null;
        i++;
        while (i < json.length() && Character.isWhitespace(json.charAt(i))) i++;
        if (i >= json.length()) return null;
        if (json.charAt(i) == '"') {
            StringBuilder b = new StringBuilder();
            for (int j = i + 1; j < json.length(); j++) {
                char c = json.charAt(j);
                if (c == '"') return b.toString();
                if (c == '\\' && j + 1 < json.length()) {
                    char e = json.charAt(++j);
                    b.append(e == 'n' || e == 't' || e == 'r' ? ' ' : e);
                } else {
                    b.append(c);
                }
            }
            return null;
        }
        int j = i;
        while (j < json.length() && (Character.isLetterOrDigit(json.charAt(j)) || ".+-".indexOf(json.charAt(j)) >= 0)) j++;
        String value = json.substring(i, j);
        return j == i || value.equals("null") ? null : value; // a number, true or false
    }

    static boolean alive(String pid) {
        try {
            java.util.Optional<ProcessHandle> p = ProcessHandle.of(Long.parseLong(pid));
            return p.isPresent() && p.get().isAlive();
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** "3.25" as "3.3", as the full command's %.1f prints it. */
    static String oneDecimal(String number) {
        if (number == null) return "?";
        try {
            long tenths = Math.round(Double.parseDouble(number) * 10);
            return (tenths / 10) + "." + Math.abs(tenths % 10);
        } catch (NumberFormatException e) {
            return "?";
        }
    }

    /** An HTTP answer: status code and body (a class, not a record: a record's toString bootstraps). */
    static final class Response {
        private final int status;
        private final String body;

        Response(int status, String body) {
            this.status = status;
            this.body = body;
        }

        int status() { return status; }

        String body() { return body; }

        boolean ok() { return status >= 200 && status < 300; }

        /** The API's error and hint, as the full client shows them. */
        String errorText() {
            String error = field(body, "error"), hint = field(body, "hint");
            if (error == null) error = "HTTP " + status;
            return hint == null || hint.isEmpty() ? error : error + " (" + hint + ")";
        }
    }

    /** One HTTP/1.1 request with no body on a fresh connection, read to its end. */
    static Response send(String method, int port, String path, String token) throws IOException {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 2_000);
            s.setSoTimeout(TIMEOUT_MS);
            s.setTcpNoDelay(true);
            String request = method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nAuthorization: Bearer " + token
                    + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
            OutputStream o = s.getOutputStream();
            o.write(request.getBytes(StandardCharsets.US_ASCII));
            o.flush();
            InputStream in = s.getInputStream();
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int sp = text.indexOf(' ');
            if (!text.startsWith("HTTP/1.") || sp < 0 || text.length() < sp + 4)
                throw new IOException("the daemon gave no HTTP answer");
            int status = Integer.parseInt(text.substring(sp + 1, sp + 4));
            int body = text.indexOf("\r\n\r\n");
            String content = body < 0 ? "" : text.substring(body + 4);
            if (text.substring(0, Math.max(0, body)).toLowerCase(java.util.Locale.ROOT).contains("transfer-encoding: chunked"))
                content = unchunk(content);
            return new Response(status, content);
        }
    }

    private static String unchunk(String chunked) {
        StringBuilder b = new StringBuilder();
        int i = 0;
        while (i < chunked.length()) {
            int eol = chunked.indexOf("\r\n", i);
            if (eol < 0) break;
            int size = Integer.parseInt(chunked.substring(i, eol).trim().split(";")[0], 16);
            if (size == 0) break;
            b.append(chunked, eol + 2, Math.min(chunked.length(), eol + 2 + size));
            i = eol + 2 + size + 2;
        }
        return b.toString();
    }

}
