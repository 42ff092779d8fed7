package vn.diaspora.registry.feed;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;

/**
 * Where a webhook may post (against server-side request forgery): https only, to a host whose
 * every address is public: not loopback, private, link-local (cloud metadata), carrier-grade
 * NAT, unique-local or multicast. Checked when a subscription is made and again before each
 * delivery (a name may come to point elsewhere). {@code registry.webhooks.allow-insecure-targets}
 * lifts both rules for dev and tests (a receiver on 127.0.0.1); a prod start refuses it.
 */
@ApplicationScoped
public class WebhookTargets {
    public static final String ALLOW_INSECURE = "registry.webhooks.allow-insecure-targets";

    @ConfigProperty(name = ALLOW_INSECURE, defaultValue = "false")
    boolean allowInsecure;

    /** Why {@code url} may not be posted to, or null when it may. */
    String refusal(String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            return "not a URL";
        }
        if (uri.getHost() == null || uri.getUserInfo() != null || uri.getFragment() != null) {
            return "an absolute URL with a host, without user info or fragment";
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
        if (!scheme.equals("https") && !(allowInsecure && scheme.equals("http"))) {
            return "must be https";
        }
        if (allowInsecure) {
            return null;
        }
        try {
            for (InetAddress address : InetAddress.getAllByName(uri.getHost())) {
                if (!isPublic(address)) {
                    return "the host resolves to a loopback, private or link-local address";
                }
            }
        } catch (UnknownHostException e) {
            return "the host does not resolve";
        }
        return null;
    }

    static boolean isPublic(InetAddress a) {
        if (a.isLoopbackAddress() || a.isAnyLocalAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress() || a.isMulticastAddress()) {
            return false;
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return !(first == 0 || (first == 100 && second >= 64 && second < 128) || (first == 192 && second == 0 && (b[2] & 0xff) == 0)
                    || (first == 198 && (second == 18 || second == 19)) || first >= 240);
        }
        return (b[0] & 0xfe) != 0xfc;  // IPv6 unique local fc00::/7
    }
}
