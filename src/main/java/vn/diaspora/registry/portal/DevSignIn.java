package vn.diaspora.registry.portal;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.RestForm;
import vn.diaspora.registry.portal.DevTokens.Officer;

import java.util.List;

/**
 * DEV AND TEST ONLY (registry.portal.dev-sign-in; a prod start refuses it): a page that signs the
 * browser in as a demo officer, with a token of the public dev key pair kept in an HttpOnly cookie.
 * Also the language switch and signing out, which every portal page offers.
 */
@Path(Portal.ROOT)
@PermitAll
public class DevSignIn {
    @CheckedTemplate(basePath = "portal")
    static class Templates {
        static native TemplateInstance devSignIn(List<Officer> officers);
    }

    @ConfigProperty(name = "registry.portal.dev-sign-in", defaultValue = "false")
    boolean enabled;
    @Inject
    DevTokens tokens;
    @Inject
    Pages pages;

    @GET
    @Path("/dev-sign-in")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance page() {
        requireEnabled();
        return pages.render(Templates.devSignIn(officers()));
    }

    @POST
    @Path("/dev-sign-in")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response signIn(@RestForm String officer) {
        requireEnabled();
        Officer o = officers().stream().filter(x -> x.id().equals(officer)).findFirst()
                .orElseThrow(() -> vn.diaspora.registry.common.ProblemException.badParameter("officer", "not a demo officer"));
        return Response.seeOther(java.net.URI.create(Portal.ROOT)).cookie(cookie(DevSession.COOKIE, tokens.mint(o), 3600)).build();
    }

    @POST
    @Path("/sign-out")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response signOut() {
        return Response.seeOther(java.net.URI.create(enabled ? Portal.DEV_SIGN_IN : Portal.ROOT)).cookie(cookie(DevSession.COOKIE, "", 0)).build();
    }

    @POST
    @Path("/language")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response language(@RestForm String to, @RestForm String back) {
        return Response.seeOther(Portal.back(back)).cookie(cookie(Portal.LANGUAGE_COOKIE, "en".equals(to) ? "en" : "vi", 365 * 24 * 3600)).build();
    }

    /** The fixed demo officers, then the communes of the demo story that have a report to mend or to finish. */
    private List<Officer> officers() {
        List<Officer> all = new java.util.ArrayList<>(DevTokens.OFFICERS);
        all.addAll(tokens.storyOfficers());
        return all;
    }

    private void requireEnabled() {
        if (!enabled) {
            throw new NotFoundException();
        }
    }

    private static NewCookie cookie(String name, String value, int maxAge) {
        return new NewCookie.Builder(name).value(value).path(Portal.ROOT).maxAge(maxAge).httpOnly(true)
                .sameSite(NewCookie.SameSite.STRICT).secure(io.quarkus.runtime.LaunchMode.current() == io.quarkus.runtime.LaunchMode.NORMAL).build();
    }
}
