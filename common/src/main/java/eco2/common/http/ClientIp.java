package eco2.common.http;

import io.javalin.http.Context;
import java.util.List;

/**
 * Works out the real client address. {@code X-Forwarded-For} is believed only when the socket peer is a
 * trusted proxy, and then the right-most address that is not itself a trusted proxy wins, so a client
 * cannot prepend a fake address to dodge per-IP limits. Per-IP limits count {@link #meteredAs} of it.
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

    /** What per-IP limits count for this request: see {@link #network(String)}. */
    public static String meteredAs(Context ctx) {
        return network(of(ctx));
    }

    /**
     * An IPv4 address as it is; an IPv6 address as its /64 ({@code 2001:db8:1:2::/64}), because a subscriber
     * is given a whole /64 and can pick any address in it (privacy addresses rotate by themselves), so counting
     * single IPv6 addresses would hand every client 2^64 buckets. A v4-mapped IPv6 address counts as its IPv4.
     */
    public static String network(String ip) {
        byte[] address = Cidr.literal(ip);
        if (address == null) return ip;
        if (address.length == 4)
            return (address[0] & 0xFF) + "." + (address[1] & 0xFF) + "." + (address[2] & 0xFF) + "."
                    + (address[3] & 0xFF);
        StringBuilder prefix = new StringBuilder();
        for (int group = 0; group < 4; group++) {
            int value = ((address[2 * group] & 0xFF) << 8) | (address[2 * group + 1] & 0xFF);
            prefix.append(Integer.toHexString(value)).append(':');
        }
        return prefix.append(":/64").toString();
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
