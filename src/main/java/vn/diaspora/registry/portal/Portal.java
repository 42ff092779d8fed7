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

    private static final java.time.format.DateTimeFormatter VIETNAM_TIME =
            java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(vn.diaspora.registry.common.Clocks.VIETNAM);

    /** {instant.shown} in a page: an instant as officials read it, dd/MM/yyyy HH:mm in Vietnam's time. */
    @io.quarkus.qute.TemplateExtension
    static String shown(java.time.Instant instant) {
        return VIETNAM_TIME.format(instant);
    }

    /** {amount.grouped} in a page: an amount with Vietnamese thousands separators (4.050.000.000), its decimals only when it has any. */
    @io.quarkus.qute.TemplateExtension
    static String grouped(java.math.BigDecimal amount) {
        java.text.DecimalFormat format = new java.text.DecimalFormat("#,##0.##", java.text.DecimalFormatSymbols.getInstance(VIETNAMESE));
        return format.format(amount);
    }

    /** {value.urlEncode} in a page: a value as a query parameter. */
    @io.quarkus.qute.TemplateExtension
    static String urlEncode(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The page a form came from (its path and query), when it is a page of the portal; else the portal's front door. */
    static URI back(String page) {
        try {
            URI uri = page == null || page.contains("\\") ? null : new URI(page).normalize();
            if (uri != null && uri.getScheme() == null && uri.getRawAuthority() == null && uri.getRawPath() != null
                    && isPortal(uri.getRawPath()) && !uri.getRawPath().contains("//")) {
                return uri;
            }
        } catch (java.net.URISyntaxException e) {
            // not an address: the front door
        }
        return URI.create(ROOT);
    }

    /**
     * {e.said(lang)} in a page: a refusal as an official reads it, the text of its code in the
     * page's language (English adds the specifics, which are English); a refusal without a code says its message.
     */
    @io.quarkus.qute.TemplateExtension
    static String said(vn.diaspora.registry.common.Problem.FieldError e, String lang) {
        String text = e.code() == null ? null : e.code().text(lang);
        if (text == null) {
            return e.message();
        }
        return "en".equals(lang) && e.message() != null ? text + " (" + e.message() + ")" : text;
    }

    static boolean isPortal(String path) {
        return path.equals(ROOT) || path.startsWith(ROOT + "/");
    }

    /** What a form did, said on the page it redirects to. */
    enum Done {
        UPLOADED, SUBMITTED, ACCEPTED, RETURNED, ROW_SAVED, ROW_ADDED, NOT_DUPLICATE, UPDATE_EXISTING, CHECKED, COMMENTS_SAVED;

        /** The done of an address, or null for none or one the portal never writes. */
        static Done of(String name) {
            return java.util.Arrays.stream(values()).filter(d -> d.name().equals(name)).findFirst().orElse(null);
        }
    }

    /** The query parameter that tells the next page what was done. */
    static String done(Done done) {
        return "&done=" + done.name();
    }

    /**
     * A decision is posted by its own confirm button, which alone carries {@code decision}: a form
     * submitted otherwise (Enter in a field, a script) decides nothing.
     */
    static void requireDecision(String expected, String decision) {
        if (!expected.equals(decision)) {
            throw vn.diaspora.registry.common.ProblemException.badParameter("decision", "confirm with the button '" + expected + "'");
        }
    }

    /** After a form: back to a page of the portal (303, so a reload does not post again). */
    static jakarta.ws.rs.core.Response seeOther(String path) {
        return jakarta.ws.rs.core.Response.seeOther(URI.create(path)).build();
    }
}
