package vn.diaspora.registry;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** A person at the portal: cookies kept between pages, forms posted with the page's CSRF token, redirects not followed. */
public class Browser {
    private static final Pattern CSRF = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"");
    private final Map<String, String> cookies = new HashMap<>();
    private String csrf;
    public String lastPage = "";

    /** Signs in at the dev sign-in page as a demo officer (luc-ngan, bac-giang, …). */
    public static Browser signedInAs(String officer) {
        Browser b = new Browser();
        b.get("/portal/dev-sign-in", 200);
        Response r = b.post("/portal/dev-sign-in", Map.of("officer", officer));
        assertEquals(303, r.statusCode());
        return b;
    }

    /** The CSRF token of the last page, for a form a test writes itself. */
    public String csrf() {
        return csrf;
    }

    public RequestSpecification request() {
        return given().redirects().follow(false).cookies(cookies);
    }

    public Response keep(Response r) {
        cookies.putAll(r.getCookies());
        r.getDetailedCookies().asList().stream().filter(c -> c.getMaxAge() == 0).forEach(c -> cookies.remove(c.getName()));
        String body = r.asString();
        Matcher m = CSRF.matcher(body);
        if (m.find()) {
            csrf = m.group(1);
        }
        if (r.contentType() != null && r.contentType().startsWith("text/html")) {
            lastPage = body;
        }
        return r;
    }

    public String get(String path, int status) {
        Response r = keep(request().get(path));
        assertEquals(status, r.statusCode(), path + ": " + r.asString());
        return r.asString();
    }

    public Response post(String path, Map<String, String> form) {
        RequestSpecification spec = request().contentType("application/x-www-form-urlencoded; charset=UTF-8").formParam("csrf-token", csrf);
        form.forEach(spec::formParam);
        return keep(spec.post(path));
    }

    /** A form whose fields may repeat (checkboxes of one name). */
    public Response postAll(String path, Map<String, List<String>> form) {
        RequestSpecification spec = request().contentType("application/x-www-form-urlencoded; charset=UTF-8").formParam("csrf-token", csrf);
        form.forEach((name, values) -> spec.formParam(name, values.toArray()));
        return keep(spec.post(path));
    }

    public Response upload(String path, String fileName, byte[] content, String mediaType) {
        return keep(request().multiPart("csrf-token", csrf).multiPart("file", fileName, content, mediaType).post(path));
    }

    public String cookie(String name) {
        return cookies.get(name);
    }
}
