package eco2.common.http;

import io.javalin.http.Context;
import java.util.List;

/**
 * Works out the real client address. {@code X-Forwarded-For} is believed only when the socket peer is a
 * trusted proxy, and then the right-most address that is not itself a trusted proxy wins, so a client
 * cannot prepend a fake address to dodge per-IP limits.
 */
public final class ClientIp {
    private final List<Cidr> trusted;

    public ClientIp(List<String> trustedProxies) {
        this.trusted = trustedProxies.stream().map(Cidr::parse).toList();
    }

    private static final String ATTRIBUTE = "eco2.client_ip";

    /** Resolves once per request and remembers the answer on the context. */
    public void assign(Context ctx) {
        ctx.attribute(ATTRIBUTE, resolve(ctx.req().getRemoteAddr(), ctx.header("X-Forwarded-For")));
    }

    public static String of(Context ctx) {
        String ip = ctx.attribute(ATTRIBUTE);
        return ip != null ? ip : ctx.req().getRemoteAddr();
    }

    public String resolve(String socketPeer, String forwardedFor) {
        if (forwardedFor == null || forwardedFor.isBlank() || !isTrusted(socketPeer)) return socketPeer;
        String[] hops = forwardedFor.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].trim();
            if (Cidr.literal(hop) == null) return socketPeer; // garbage in the chain: trust nothing from it
            if (!isTrusted(hop)) return hop;
        }
        return hops[0].trim(); // every hop is a trusted proxy: the first is the origin
    }

    private boolean isTrusted(String ip) {
        for (Cidr cidr : trusted) if (cidr.contains(ip)) return true;
        return false;
    }
}
