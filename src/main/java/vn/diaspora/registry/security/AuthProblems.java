package vn.diaspora.registry.security;

import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import vn.diaspora.registry.common.ProblemMappers;

/**
 * 401 and 403 decided before a resource runs (no, bad or expired token; the path's permission)
 * answer problem+json like every other error, with the bearer challenge on 401. The same
 * failures inside a resource (@RolesAllowed) go through ProblemMappers.
 */
@ApplicationScoped
public class AuthProblems {
    @Inject
    InvalidTokenLimit invalidTokens;

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).failureHandler(this::handle);
    }

    private void handle(RoutingContext ctx) {
        Throwable failure = ctx.failure();
        if (ctx.response().headWritten()) {
            ctx.next();
        } else if (failure instanceof AuthenticationFailedException || failure instanceof UnauthorizedException
                || failure instanceof AuthenticationCompletionException) {
            if (ctx.request().getHeader("Authorization") != null) {
                invalidTokens.failed(ctx.request());
            }
            ctx.response().setStatusCode(401).putHeader("WWW-Authenticate", ProblemMappers.CHALLENGE);
            ProblemMappers.write(ctx, 401, ProblemMappers.UNAUTHORIZED);
        } else if (failure instanceof ForbiddenException) {
            ctx.response().setStatusCode(403);
            ProblemMappers.write(ctx, 403, ProblemMappers.FORBIDDEN);
        } else {
            ctx.next();
        }
    }
}
