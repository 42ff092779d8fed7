package vn.diaspora.registry.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.time.Duration;
import java.time.Instant;

/**
 * Tokens are short-lived, as the identity provider issues them (Keycloak: 5 minutes): one that
 * claims to be issued in the future (beyond a small clock skew), or to live longer than a user's
 * or a client's maximum, was not issued by a sane configuration and is refused, whatever its
 * signature. Client tokens (client credentials: Keycloak's service accounts) may live longer.
 */
@ApplicationScoped
public class TokenLifetime implements SecurityIdentityAugmentor {
    @ConfigProperty(name = "registry.token.max-lifetime.user", defaultValue = "1h")
    Duration maxUser;
    @ConfigProperty(name = "registry.token.max-lifetime.client", defaultValue = "24h")
    Duration maxClient;
    @ConfigProperty(name = "registry.token.clock-skew", defaultValue = "60s")
    Duration skew;

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            String problem = problem(jwt, Instant.now());
            if (problem != null) {
                return Uni.createFrom().failure(new AuthenticationFailedException(problem));
            }
        }
        return Uni.createFrom().item(identity);
    }

    String problem(JsonWebToken jwt, Instant now) {
        long iat = jwt.getIssuedAtTime();
        long exp = jwt.getExpirationTime();
        if (iat <= 0 || exp <= 0) {
            return "token without iat or exp";
        }
        if (Instant.ofEpochSecond(iat).isAfter(now.plus(skew))) {
            return "token issued in the future";
        }
        Duration max = isClient(jwt) ? maxClient : maxUser;
        if (Duration.ofSeconds(exp - iat).compareTo(max) > 0) {
            return "token lives longer than " + max;
        }
        return null;
    }

    /** A token of a client acting for itself (client credentials), not of a person. */
    static boolean isClient(JsonWebToken jwt) {
        Object username = jwt.getClaim("preferred_username");
        return jwt.getClaim("client_id") != null || (username != null && username.toString().replace("\"", "").startsWith("service-account-"));
    }
}
