package eco2.common.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import eco2.common.error.ErrorEnvelope;
import eco2.common.error.ErrorHandlers;
import eco2.common.json.Json;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.UUID;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.ErrorHandler;

/**
 * Errors Jetty answers before Javalin sees the request (an unparseable URI, oversized headers) get the same
 * JSON envelope and a request id, instead of Jetty's HTML page.
 */
final class JettyErrors extends ErrorHandler {
    private final ObjectMapper mapper;

    JettyErrors(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        String requestId = UUID.randomUUID().toString();
        fields.put(HttpHeader.CONTENT_TYPE, "application/json");
        fields.put(RequestIds.HEADER, requestId);
        return ByteBuffer.wrap(envelope(status, requestId));
    }

    @Override
    protected void generateAcceptableResponse(
            Request baseRequest, HttpServletRequest request, HttpServletResponse response, int code, String message)
            throws IOException {
        String requestId = UUID.randomUUID().toString();
        response.setContentType("application/json");
        response.setHeader(RequestIds.HEADER, requestId);
        response.getOutputStream().write(envelope(code, requestId));
        baseRequest.setHandled(true);
    }

    private byte[] envelope(int status, String requestId) {
        return Json.writeBytes(
                mapper,
                ErrorEnvelope.of(
                        ErrorHandlers.codeFor(status), ErrorHandlers.messageFor(status), List.of(), requestId));
    }
}
