package vn.diaspora.registry.feed;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Where a webhook may post (against server-side request forgery): https only, to a host whose
 * every address is public, outside every range of the IANA IPv4 and IPv6 special-purpose
 * address registries (loopback, private, link-local and cloud metadata, carrier-grade NAT,
 * documentation, benchmarking, 6to4, NAT64, multicast, reserved...). Checked when a subscription
 * is made, and at each delivery on the address the delivery then connects to (a name may come to
 * point elsewhere: {@link #resolve} gives the address, and the dispatcher connects to it alone).
 * Every refusal of an address reads the same, so that a refusal tells nothing about the network.
 * {@code registry.webhooks.allow-insecure-targets} lifts both rules for dev and tests (a receiver
 * on 127.0.0.1); a prod start refuses it.
 */
@ApplicationScoped
public class WebhookTargets {
    public static final String ALLOW_INSECURE = "registry.webhooks.allow-insecure-targets";
    static final String NOT_PUBLIC = "must be an https URL of a host whose every address is public";

    @ConfigProperty(name = ALLOW_INSECURE, defaultValue = "false")
    boolean allowInsecure;

    /** A target checked for one delivery: its URL, and the address it resolved to, which the delivery connects to (none in dev and tests). */
    record Target(URI uri, InetAddress address, String refusal) {
    }

    /** Why {@code url} may not be posted to, or null when it may. */
    String refusal(String url) {
        return resolve(url).refusal();
    }

    /** The target of {@code url} with the address to connect to, or its refusal. */
    Target resolve(String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            return refused("not a URL");
        }
        if (uri.getHost() == null || uri.getUserInfo() != null || uri.getFragment() != null) {
            return refused("an absolute URL with a host, without user info or fragment");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
        if (!scheme.equals("https") && !(allowInsecure && scheme.equals("http"))) {
            return refused("must be https");
        }
        if (allowInsecure) {
            return new Target(uri, null, null);  // dev and tests: any host, connected to by its name
        }
        try {
            InetAddress[] addresses = InetAddress.getAllByName(uri.getHost());
            for (InetAddress address : addresses) {
                if (!isPublic(address)) {
                    return refused(NOT_PUBLIC);
                }
            }
            return new Target(uri, addresses[0], null);
        } catch (UnknownHostException e) {
            return refused(NOT_PUBLIC);
        }
    }

    private static Target refused(String why) {
        return new Target(null, null, why);
    }

    /**
     * The special-purpose ranges of the IANA registries (IPv4 and IPv6), as of 2026. IPv4-mapped
     * IPv6 (::ffff:0:0/96) is not listed: Java reads such an address as the IPv4 one, which the
     * IPv4 ranges judge.
     */
    private static final List<Range> SPECIAL = java.util.stream.Stream.of(
            "0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12", "192.0.0.0/24",
            "192.0.2.0/24", "192.31.196.0/24", "192.52.193.0/24", "192.88.99.0/24", "192.168.0.0/16", "192.175.48.0/24",
            "198.18.0.0/15", "198.51.100.0/24", "203.0.113.0/24", "224.0.0.0/4", "240.0.0.0/4",
            "::/128", "::1/128", "64:ff9b::/96", "64:ff9b:1::/48", "100::/64", "2001::/23", "2001:db8::/32",
            "2002::/16", "3fff::/20", "5f00::/16", "fc00::/7", "fe80::/10", "fec0::/10", "ff00::/8").map(Range::of).toList();

    static boolean isPublic(InetAddress a) {
        byte[] bytes = a.getAddress();
        return SPECIAL.stream().noneMatch(r -> r.contains(bytes));
    }

    /** An address range: its first address and prefix length. */
    private record Range(byte[] start, int bits) {
        static Range of(String cidr) {
            int slash = cidr.indexOf('/');
            try {
                return new Range(InetAddress.getByName(cidr.substring(0, slash)).getAddress(), Integer.parseInt(cidr.substring(slash + 1)));
            } catch (UnknownHostException e) {
                throw new IllegalStateException(cidr, e);
            }
        }

        boolean contains(byte[] address) {
            if (address.length != start.length) {
                return false;
            }
            for (int i = 0; i < bits; i++) {
                int mask = 0x80 >> (i % 8);
                if ((address[i / 8] & mask) != (start[i / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }
}
