package vn.diaspora.registry.security;

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
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

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

    private final Map<String, Entry> verified = new ConcurrentHashMap<>();
    private final Clock clock;
    private final int capacity;

    VerifiedTokens(Clock clock, @ConfigProperty(name = "registry.token.cache-size", defaultValue = "10000") int capacity) {
        this.clock = clock;
        this.capacity = capacity;
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    /** Tried before the OIDC provider: the identity of a token verified before, or none (null: the next provider verifies it). */
    @Override
    public int priority() {
        return SYSTEM_FIRST;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        Entry entry = capacity == 0 ? null : verified.get(key(request.getToken().getToken()));
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
            if (verified.size() >= capacity) {
                long now = clock.millis();
                verified.values().removeIf(e -> e.expiresAt() <= now);
                if (verified.size() >= capacity) {
                    verified.clear();
                }
            }
            verified.put(key(jwt.getRawToken()), new Entry(identity, jwt.getExpirationTime() * 1000));
        }
    }

    private static String key(String token) {
        return Hashing.sha256(token);
    }
}
