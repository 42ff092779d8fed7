package vn.diaspora.registry.portal;

import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import vn.diaspora.registry.security.Caller;
import vn.diaspora.registry.security.Roles;

/** Gives every page what its layout shows: the officer's language, the path (for the language switch), and the menu of their roles. */
@ApplicationScoped
class Pages {
    @Inject
    Caller caller;
    @Inject
    HttpServerRequest request;

    TemplateInstance render(TemplateInstance page) {
        boolean signedIn = !caller.roles().isEmpty();
        return Portal.page(page, request)
                .data("signedIn", signedIn)
                .data("unitOfficer", signedIn && caller.is(Roles.UNIT_OFFICER))
                .data("provinceOfficer", signedIn && caller.is(Roles.PROVINCE_OFFICER));
    }
}
