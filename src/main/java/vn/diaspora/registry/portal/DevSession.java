package vn.diaspora.registry.portal;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Set;

/**
 * DEV AND TEST ONLY: signs portal pages in with the token the dev sign-in page put in a cookie
 * (DevSignIn). The token is verified like any bearer token (signature, issuer, audience, lifetime),
 * so the pages see exactly the identity the API would. Off unless registry.portal.dev-sign-in is
 * true, which a prod start refuses (DevKeyGuard); in prod the portal signs in with OpenID Connect.
 */
@ApplicationScoped
public class DevSession implements HttpAuthenticationMechanism {
    static final String COOKIE = "registry-dev-session";

    @ConfigProperty(name = "registry.portal.dev-sign-in", defaultValue = "false")
    boolean enabled;

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identities) {
        Cookie cookie = enabled && Portal.isPortal(context.normalizedPath()) ? context.request().getCookie(COOKIE) : null;
        if (cookie == null || cookie.getValue().isBlank()) {
            return Uni.createFrom().nullItem();
        }
        TokenAuthenticationRequest request = new TokenAuthenticationRequest(new AccessTokenCredential(cookie.getValue()));
        HttpSecurityUtils.setRoutingContextAttribute(request, context);
        return identities.authenticate(request);
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        if (!enabled || !Portal.isPortal(context.normalizedPath())) {
            return Uni.createFrom().nullItem();
        }
        return Uni.createFrom().item(new ChallengeData(303, "Location", Portal.DEV_SIGN_IN));
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(TokenAuthenticationRequest.class);
    }

    @Override
    public int getPriority() {
        return DEFAULT_PRIORITY + 100;  // before the bearer-token mechanism, which finds no Authorization header on a page
    }
}
