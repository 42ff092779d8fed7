package vn.diaspora.registry.portal;


import java.net.URI;
import java.util.Locale;

/** What every portal page shares: its paths and cookies. */
final class Portal {
    static final String ROOT = "/portal";
    static final String DEV_SIGN_IN = ROOT + "/dev-sign-in";
    static final String LANGUAGE_COOKIE = "registry-lang";
    static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

    private Portal() {
    }

    /** {value.urlEncode} in a page: a value as a query parameter. */
    @io.quarkus.qute.TemplateExtension
    static String urlEncode(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }

    static boolean isPortal(String path) {
        return path.equals(ROOT) || path.startsWith(ROOT + "/");
    }

    /** After a form: back to a page of the portal (303, so a reload does not post again). */
    static jakarta.ws.rs.core.Response seeOther(String path) {
        return jakarta.ws.rs.core.Response.seeOther(URI.create(path)).build();
    }
}
