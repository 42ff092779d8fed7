package vn.diaspora.registry.feed;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** In prod a webhook posts over https to public addresses only (no request forgery into the province's network). */
class WebhookTargetsTest {
    @Test
    void prodRefusesHttpLoopbackPrivateAndMetadataTargets() {
        WebhookTargets prod = new WebhookTargets();
        assertEquals("must be https", prod.refusal("http://93.184.215.14/hook"));
        for (String url : new String[]{"https://127.0.0.1/hook", "https://localhost/hook", "https://10.1.2.3/hook", "https://192.168.1.9/hook",
                "https://172.16.0.1/hook", "https://169.254.169.254/latest/meta-data", "https://100.64.0.1/hook", "https://0.0.0.0/hook",
                "https://[::1]/hook", "https://[fd00::1]/hook", "https://[fe80::1]/hook", "https://[::ffff:127.0.0.1]/hook",
                // issue 23: the documentation, benchmarking, 6to4, NAT64, reserved and multicast ranges too (192.0.2.2 was this host)
                "https://192.0.2.2/hook", "https://198.51.100.7/hook", "https://203.0.113.9/hook", "https://198.18.0.1/hook",
                "https://192.88.99.1/hook", "https://240.0.0.1/hook", "https://224.0.0.251/hook", "https://255.255.255.255/hook",
                "https://[2001:db8::1]/hook", "https://[2002:c000:202::1]/hook", "https://[64:ff9b::7f00:1]/hook", "https://[2001::1]/hook",
                "https://[3fff::1]/hook", "https://[ff02::1]/hook", "https://[::]/hook", "https://no-such-host.invalid/hook"}) {
            assertEquals("must be an https URL of a host whose every address is public", prod.refusal(url), url);
        }
        assertEquals("an absolute URL with a host, without user info or fragment", prod.refusal("https://user:pw@93.184.215.14/hook"));
        assertEquals("not a URL", prod.refusal("https://exa mple.com/"));
        assertNull(prod.refusal("https://93.184.215.14/hook"));
        assertNull(prod.refusal("https://[2606:4700::1111]/hook"));
    }

    @Test
    void devAndTestsMayUseALocalReceiver() {
        WebhookTargets dev = new WebhookTargets();
        dev.allowInsecure = true;
        assertNull(dev.refusal("http://127.0.0.1:8089/hook"));
        assertEquals("must be https", dev.refusal("ftp://127.0.0.1/hook"));
    }
}
