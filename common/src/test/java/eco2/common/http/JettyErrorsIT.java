package eco2.common.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eco2.common.testing.TestServices;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Requests Jetty rejects before routing still get the JSON envelope and a request id. */
class JettyErrorsIT {
    private static TestApp app;

    @BeforeAll
    static void start() {
        app = TestApp.start(TestServices.get().redisUri());
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void anUnparseableUriIs400WithTheEnvelope() throws Exception {
        String response = raw("GET /api/v1/%zz HTTP/1.1\r\nHost: x\r\n\r\n");
        assertEnvelope(response, "HTTP/1.1 400", "bad_request");
    }

    @Test
    void oversizedHeadersAre431WithTheEnvelope() throws Exception {
        String response = raw("GET /health HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(70_000) + "\r\n\r\n");
        assertEnvelope(response, "HTTP/1.1 431", "bad_request");
    }

    private static void assertEnvelope(String response, String statusLine, String code) throws Exception {
        assertThat(response).startsWith(statusLine);
        assertThat(response).containsIgnoringCase("Content-Type: application/json");
        assertThat(response).containsIgnoringCase("X-Request-ID: ");
        JsonNode body = new ObjectMapper().readTree(response.substring(response.indexOf("\r\n\r\n") + 4));
        assertThat(body.get("success").asBoolean()).isFalse();
        assertThat(body.get("code").asText()).isEqualTo(code);
        assertThat(body.get("request_id").asText()).isNotBlank();
    }

    /** java.net.http refuses to send such requests, so this speaks HTTP/1.1 over a socket. */
    private static String raw(String request) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", app.app.port())) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
