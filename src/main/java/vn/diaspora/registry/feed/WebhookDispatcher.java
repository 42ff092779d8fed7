package vn.diaspora.registry.feed;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.diaspora.registry.common.Ids;
import vn.diaspora.registry.common.SqlValues;
import vn.diaspora.registry.security.FieldCipher;
import vn.diaspora.registry.security.Reach;

import java.math.BigInteger;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Posts the change feed's events to the webhook subscriptions, at least once. Every tick, on
 * every replica: each subscription's new events become deliveries in the transaction that moves
 * its cursor (the subscription row locked, SKIP LOCKED: one replica does it); then the due
 * deliveries are leased (SKIP LOCKED, committed before posting), posted in parallel, and marked delivered, or
 * retried later with exponential backoff until {@code give-up-after} (24 hours), then dead.
 * A delivery carries no personal data: the event's type, record id, version and feed cursor; the
 * receiver reads the record (or the feed, from the cursor) with its own token and scope.
 */
@ApplicationScoped
public class WebhookDispatcher {
    private static final int EVENTS_PER_TICK = 500;
    private static final int DELIVERIES_PER_CLAIM = 20;

    @Inject
    EntityManager em;
    @Inject
    ChangeFeed feed;
    @Inject
    FieldCipher cipher;
    @Inject
    WebhookTargets targets;
    @Inject
    ObjectMapper json;
    @ConfigProperty(name = "registry.webhooks.first-retry", defaultValue = "PT10S")
    Duration firstRetry;
    @ConfigProperty(name = "registry.webhooks.max-retry-interval", defaultValue = "PT6H")
    Duration maxRetryInterval;
    @ConfigProperty(name = "registry.webhooks.give-up-after", defaultValue = "PT24H")
    Duration giveUpAfter;
    @ConfigProperty(name = "registry.webhooks.timeout", defaultValue = "PT10S")
    Duration timeout;

    @Inject
    io.vertx.core.Vertx vertx;

    @Scheduled(every = "{registry.webhooks.poll}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void tick() {
        enqueue();
        while (deliverDue() == DELIVERIES_PER_CLAIM) {
            // a full claim: more may be due
        }
    }

    /** Copies each subscription's new events into deliveries. */
    void enqueue() {
        @SuppressWarnings("unchecked")
        List<UUID> subscriptions = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("SELECT id FROM webhook_subscription").getResultList());
        subscriptions.forEach(id -> QuarkusTransaction.requiringNew().run(() -> enqueue(id)));
    }

    private void enqueue(UUID subscription) {
        @SuppressWarnings("unchecked")
        List<Object[]> found = em.createNativeQuery("""
                        SELECT cursor_xid::text, cursor_seq, types, province_code FROM webhook_subscription WHERE id = ?1 FOR UPDATE SKIP LOCKED""")
                .setParameter(1, subscription).getResultList();
        if (found.isEmpty()) {
            return;  // another replica is on it, or it is gone
        }
        Object[] s = found.get(0);
        ChangeFeed.Position from = new ChangeFeed.Position(new BigInteger((String) s[0]), ((Number) s[1]).longValue());
        Set<String> types = new LinkedHashSet<>(Arrays.asList((String[]) s[2]));
        Reach reach = s[3] == null ? Reach.ALL : new Reach(List.of(new Reach.Scope(null, (String) s[3])));
        ChangeFeed.Slice slice = feed.slice(from, EVENTS_PER_TICK, types, reach);
        for (Object[] r : slice.rows()) {
            ChangeFeed.Position at = ChangeFeed.position(r);
            ObjectNode event = feed.envelope(at, r);
            event.set("data", json.createObjectNode().put("version", ((Number) r[4]).intValue()));
            em.createNativeQuery("""
                            INSERT INTO webhook_delivery (id, subscription_id, event_xid, event_seq, payload, state, created_at, next_attempt_at)
                            VALUES (?1, ?2, cast(?3 AS xid8), ?4, ?5, 'PENDING', now(), now()) ON CONFLICT DO NOTHING""")
                    .setParameter(1, Ids.next()).setParameter(2, subscription).setParameter(3, at.xid().toString())
                    .setParameter(4, at.seq()).setParameter(5, event.toString()).executeUpdate();
        }
        ChangeFeed.Position next = slice.next();
        em.createNativeQuery("UPDATE webhook_subscription SET cursor_xid = cast(?2 AS xid8), cursor_seq = ?3 WHERE id = ?1")
                .setParameter(1, subscription).setParameter(2, next.xid().toString()).setParameter(3, next.seq()).executeUpdate();
    }

    private record Due(UUID id, String payload, int attempts, Instant createdAt, String url, String secret) {
    }

    private record Outcome(Integer status, String error) {
        boolean delivered() {
            return status != null && status >= 200 && status < 300;
        }
    }

    /**
     * Claims up to a batch of due deliveries (skipping those another replica holds), posts them,
     * records how each went; returns how many. No transaction is open while posting: a slow
     * receiver would hold back the feed's fence (every reader waits for the oldest open
     * transaction). A claim leases its deliveries instead: a replica that dies while posting
     * leaves them due again when the lease ends.
     */
    int deliverDue() {
        List<Due> due = QuarkusTransaction.requiringNew().call(this::claim);
        List<CompletableFuture<Outcome>> posts = new ArrayList<>();
        due.forEach(d -> posts.add(post(d)));
        for (int i = 0; i < due.size(); i++) {
            Due d = due.get(i);
            Outcome outcome = posts.get(i).join();
            QuarkusTransaction.requiringNew().run(() -> record(d, outcome));
        }
        return due.size();
    }

    private List<Due> claim() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        WITH due AS (  -- a CTE runs once: each delivery it locks is leased once
                            SELECT id FROM webhook_delivery WHERE state = 'PENDING' AND next_attempt_at <= clock_timestamp()
                            ORDER BY next_attempt_at, event_xid, event_seq LIMIT ?1 FOR UPDATE SKIP LOCKED)
                        UPDATE webhook_delivery d SET next_attempt_at = clock_timestamp() + make_interval(secs => ?2)
                        FROM due, webhook_subscription s
                        WHERE d.id = due.id AND s.id = d.subscription_id
                        RETURNING d.id, d.payload, d.attempts, d.created_at, s.url, s.secret""")
                .setParameter(1, DELIVERIES_PER_CLAIM).setParameter(2, timeout.toSeconds() * 3 + 30).getResultList();
        return rows.stream().map(r -> new Due((UUID) r[0], (String) r[1], ((Number) r[2]).intValue(),
                SqlValues.instant(r[3]), (String) r[4], cipher.open((String) r[5]))).toList();
    }

    /**
     * Posts a delivery to the address its target resolves to now, and to no other: the host name
     * still gives the TLS name and the Host header. Any failure to connect or to talk TLS reads
     * the same (an admin reading dead letters learns nothing of the network behind the target).
     */
    private CompletableFuture<Outcome> post(Due d) {
        WebhookTargets.Target target = targets.resolve(d.url());
        if (target.refusal() != null) {
            return CompletableFuture.completedFuture(new Outcome(null, "target refused: " + target.refusal()));
        }
        long timestamp = Instant.now().getEpochSecond();
        String id = d.id().toString();
        boolean tls = target.uri().getScheme().equalsIgnoreCase("https");
        int port = target.uri().getPort() > 0 ? target.uri().getPort() : tls ? 443 : 80;
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST).setAbsoluteURI(target.uri().toString())
                .setServer(target.address() == null ? null : SocketAddress.inetSocketAddress(port, target.address().getHostAddress()))
                .setTimeout(timeout.toMillis()).setFollowRedirects(false)
                .putHeader("Content-Type", "application/json").putHeader("User-Agent", "diaspora-registry-webhooks")
                .putHeader("webhook-id", id).putHeader("webhook-timestamp", Long.toString(timestamp))
                .putHeader("webhook-signature", WebhookSignature.sign(d.secret(), id, timestamp, d.payload()));
        return http().request(options)
                .compose(request -> request.send(d.payload()))
                .compose(response -> {
                    response.handler(ignored -> { });  // the receiver's answer is not kept
                    return response.end().map(response.statusCode());
                })
                .map(status -> new Outcome(status, status / 100 == 2 ? null : "HTTP " + status))
                .otherwise(e -> new Outcome(null, "no answer: the target could not be reached, or its TLS was refused, within " + timeout.toSeconds() + " s"))
                .toCompletionStage().toCompletableFuture();
    }

    private volatile HttpClient http;

    private HttpClient http() {
        if (http == null) {
            synchronized (this) {
                if (http == null) {
                    http = vertx.createHttpClient(new HttpClientOptions().setConnectTimeout(5_000).setKeepAlive(false)
                            .setVerifyHost(true).setMaxPoolSize(DELIVERIES_PER_CLAIM));
                }
            }
        }
        return http;
    }

    private void record(Due d, Outcome outcome) {
        if (outcome.delivered()) {
            em.createNativeQuery("UPDATE webhook_delivery SET state = 'DELIVERED', attempts = attempts + 1, delivered_at = now(), last_status = ?2, last_error = NULL WHERE id = ?1")
                    .setParameter(1, d.id()).setParameter(2, outcome.status()).executeUpdate();
            return;
        }
        Instant next = Instant.now().plus(backoff(d.attempts() + 1));
        boolean dead = next.isAfter(d.createdAt().plus(giveUpAfter));
        em.createNativeQuery("""
                        UPDATE webhook_delivery SET state = ?2, attempts = attempts + 1, next_attempt_at = ?3, last_status = ?4, last_error = ?5 WHERE id = ?1""")
                .setParameter(1, d.id()).setParameter(2, dead ? "DEAD" : "PENDING")
                .setParameter(3, java.sql.Timestamp.from(dead ? Instant.now() : next)).setParameter(4, outcome.status())
                .setParameter(5, vn.diaspora.registry.common.Text.truncate(outcome.error(), 500)).executeUpdate();
    }

    /** The wait before attempt {@code n + 1}: the first retry's wait doubled each time, up to the longest interval, ±10 %. */
    Duration backoff(int attempts) {
        long millis = firstRetry.toMillis() << Math.min(attempts - 1, 30);
        long capped = Math.min(millis <= 0 ? Long.MAX_VALUE : millis, maxRetryInterval.toMillis());
        return Duration.ofMillis((long) (capped * ThreadLocalRandom.current().nextDouble(0.9, 1.1)));
    }
}
