package vn.diaspora.registry.portal;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.WithFormRead;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;
import vn.diaspora.registry.common.ProblemException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Cross-site request forgery protection of the portal's forms (double-submit cookie, as OWASP
 * describes it): a page carries a random token in its forms ({inject:csrf.token}) and in an
 * HttpOnly, SameSite=Strict cookie; a POST to the portal must bring the same token back, in the
 * form field or, from htmx, in the X-CSRF-TOKEN header. The API is not concerned: its calls carry
 * a bearer token, which a browser never adds by itself, and may post any body.
 */
@ApplicationScoped
@Named("csrf")
public class Csrf {
    static final String COOKIE = "registry-csrf";
    static final String FIELD = "csrf-token";
    static final String HEADER = "X-CSRF-TOKEN";
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    CurrentVertxRequest current;

    /** The token of this browser: its cookie's, or a new one set with this page. */
    public String token() {
        RoutingContext context = current.getCurrent();
        String token = context.get(COOKIE);
        if (token == null) {
            Cookie cookie = context.request().getCookie(COOKIE);
            token = cookie != null && cookie.getValue().length() == 43 ? cookie.getValue() : fresh(context);
            context.put(COOKIE, token);
        }
        return token;
    }

    public String parameterName() {
        return FIELD;
    }

    private static String fresh(RoutingContext context) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        context.response().addCookie(Cookie.cookie(COOKIE, token).setPath(Portal.ROOT).setHttpOnly(true)
                .setSameSite(CookieSameSite.STRICT).setSecure(LaunchMode.current() == LaunchMode.NORMAL));
        return token;
    }

    @ServerRequestFilter
    @WithFormRead
    public void verify(ResteasyReactiveContainerRequestContext request, RoutingContext context) {
        String method = request.getMethod();
        if (!Portal.isPortal(context.normalizedPath()) || method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS")) {
            return;
        }
        Cookie cookie = context.request().getCookie(COOKIE);
        String sent = request.getHeaderString(HEADER);
        if (sent == null && request.getServerRequestContext() instanceof ResteasyReactiveRequestContext form
                && form.getFormParameter(FIELD, true, false) instanceof String field) {
            sent = field;
        }
        if (cookie == null || sent == null
                || !MessageDigest.isEqual(cookie.getValue().getBytes(StandardCharsets.US_ASCII), sent.getBytes(StandardCharsets.US_ASCII))) {
            throw ProblemException.badParameter(FIELD, "missing or stale: reload the page and send the form again");
        }
    }
}
