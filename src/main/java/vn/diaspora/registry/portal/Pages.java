package vn.diaspora.registry.portal;

import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import vn.diaspora.registry.security.Caller;
import vn.diaspora.registry.security.Roles;

/**
 * Gives every page what its layout shows: the officer's language, the path (for the language
 * switch), and the menu of their roles; and shows a refusal of the services as a page.
 */
@ApplicationScoped
class Pages {
    @io.quarkus.qute.CheckedTemplate(basePath = "portal")
    static class Templates {
        static native TemplateInstance error(int status, String detail, java.util.List<vn.diaspora.registry.common.Problem.FieldError> errors);
    }

    @Inject
    Caller caller;
    @Inject
    HttpServerRequest request;

    /** The officer's language: Vietnamese ("vi") unless they chose English ("en"). */
    String language() {
        io.vertx.core.http.Cookie chosen = request.getCookie(Portal.LANGUAGE_COOKIE);
        return chosen != null && chosen.getValue().equals("en") ? "en" : "vi";
    }

    TemplateInstance render(TemplateInstance page) {
        boolean signedIn = !caller.roles().isEmpty();
        java.util.Locale locale = language().equals("en") ? java.util.Locale.ENGLISH : Portal.VIETNAMESE;
        return page.setLocale(locale).data("lang", locale.getLanguage()).data("path", request.uri())
                .data("done", java.util.Optional.ofNullable(Portal.Done.of(request.getParam("done"))).map(Enum::name).orElse(null))
                .data("signedIn", signedIn)
                .data("unitOfficer", signedIn && caller.is(Roles.UNIT_OFFICER))
                .data("provinceOfficer", signedIn && caller.is(Roles.PROVINCE_OFFICER));
    }

    /** A failure as a page of the portal, told by its status alone. */
    jakarta.ws.rs.core.Response error(int status) {
        return error(status, "", java.util.List.of());
    }

    /** A service's refusal (out of scope, not found, a wrong state) as a page with the same status and words as the API's problem. */
    jakarta.ws.rs.core.Response error(vn.diaspora.registry.common.ProblemException e) {
        return error(vn.diaspora.registry.common.ProblemMappers.status(e.reason()), e.getMessage(), e.errors());
    }

    jakarta.ws.rs.core.Response error(int status, String detail, java.util.List<vn.diaspora.registry.common.Problem.FieldError> errors) {
        return jakarta.ws.rs.core.Response.status(status).type(jakarta.ws.rs.core.MediaType.TEXT_HTML_TYPE)
                .entity(render(Templates.error(status, detail, errors))).build();
    }
}
