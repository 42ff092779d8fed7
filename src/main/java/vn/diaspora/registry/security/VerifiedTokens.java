package vn.diaspora.registry.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;
import vn.diaspora.registry.common.Hashing;

import java.time.Clock;
import java.util.concurrent.TimeUnit;

/**
 * The identities of bearer tokens this replica has verified, kept until each token expires: the
 * signature check and the building of the identity cost a GET more CPU than its database work.
 * A token is looked up by its SHA-256, so the cache holds no usable token; one that was never
 * verified here (or has expired, or was evicted) goes to the OIDC provider as before. The
 * augmentors (token lifetime, roles) still run on every request. Keycloak's access tokens are
 * short-lived; a revoked one stays usable until its exp, as with any self-contained token.
 */
@ApplicationScoped
public class VerifiedTokens implements IdentityProvider<TokenAuthenticationRequest> {
    /** Marks an identity that came from the cache (no need to store it again). */
    private static final String CACHED = VerifiedTokens.class.getName();
    /** Where Quarkus keeps the request's routing context on requests and identities. */
    private static final String ROUTING_CONTEXT = "quarkus.http.routing.context";

    private record Entry(SecurityIdentity identity, long expiresAt) {
    }

    /** Each entry leaves when its token expires (Caffeine's per-entry expiry); past the capacity, the least used first. */
    private final Cache<String, Entry> verified;
    private final Clock clock;
    private final int capacity;

    VerifiedTokens(Clock clock, @ConfigProperty(name = "registry.token.cache-size", defaultValue = "10000") int capacity) {
        this.clock = clock;
        this.capacity = capacity;
        this.verified = Caffeine.newBuilder().maximumSize(Math.max(capacity, 0)).expireAfter(new Expiry<String, Entry>() {
            @Override
            public long expireAfterCreate(String key, Entry entry, long now) {
                return TimeUnit.MILLISECONDS.toNanos(Math.max(0, entry.expiresAt() - clock.millis()));
            }

            @Override
            public long expireAfterUpdate(String key, Entry entry, long now, long left) {
                return expireAfterCreate(key, entry, now);
            }

            @Override
            public long expireAfterRead(String key, Entry entry, long now, long left) {
                return left;
            }
        }).build();
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    /**
     * Tried before the OIDC provider: the identity of a token verified before, or none (null: the
     * next provider verifies it). Quarkus ranks its own providers, OIDC's among them, at
     * SYSTEM_FIRST + 1: at SYSTEM_FIRST this one came second and was never asked, so every request
     * verified its token's RSA signature again (VerifiedTokensTest counts the verifications).
     */
    @Override
    public int priority() {
        return SYSTEM_FIRST + 100;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        Entry entry = capacity == 0 ? null : verified.getIfPresent(key(request.getToken().getToken()));
        if (entry == null || entry.expiresAt() <= clock.millis()) {
            return Uni.createFrom().nullItem();
        }
        QuarkusSecurityIdentity.Builder copy = QuarkusSecurityIdentity.builder(entry.identity()).addAttribute(CACHED, Boolean.TRUE);
        Object routing = request.getAttribute(ROUTING_CONTEXT);
        if (routing != null) { // this request's, never the one the token first came with
            copy.addAttribute(ROUTING_CONTEXT, routing).addAttribute(RoutingContext.class.getName(), routing);
        }
        return Uni.createFrom().item(copy.build());
    }

    /** Keeps an identity the OIDC provider has just verified (KeepVerifiedTokens), until its token expires. */
    void keep(SecurityIdentity identity) {
        if (capacity > 0 && identity.getAttribute(CACHED) == null && identity.getPrincipal() instanceof JsonWebToken jwt
                && jwt.getRawToken() != null && jwt.getExpirationTime() > 0) {
            verified.put(key(jwt.getRawToken()), new Entry(identity, jwt.getExpirationTime() * 1000));
        }
    }

    private static String key(String token) {
        return Hashing.sha256(token);
    }
}
