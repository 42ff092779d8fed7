package vn.diaspora.registry.portal;

import io.quarkus.oidc.TenantResolver;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The portal's pages sign in with the OpenID Connect tenant "officers" (authorization code, session
 * cookie) when registry.portal.sign-in is on; everything else, and the portal when it is off (dev
 * sign-in, or bearer tokens), is the default tenant's: bearer tokens.
 */
@ApplicationScoped
public class PortalTenant implements TenantResolver {
    @ConfigProperty(name = "registry.portal.sign-in")
    boolean signIn;

    @Override
    public String resolve(RoutingContext context) {
        return signIn && Portal.isPortal(context.normalizedPath()) ? "officers" : null;
    }
}
