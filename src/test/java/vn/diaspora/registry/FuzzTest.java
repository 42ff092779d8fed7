package vn.diaspora.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A fuzzer over every operation of openapi.yaml and every portal route (issue 23): each is called
 * with the tokens of every role (and none) and hostile input: malformed and deeply nested JSON,
 * cut multipart, form, CSV and binary bodies, wrong content types, huge and unicode-hostile
 * strings (NUL, format characters, bidi overrides, lone surrogates, emoji), bad ids, numbers and
 * cursors, in every path and query parameter the operation declares. No answer may be a 5xx, and
 * every refusal of the API is problem+json, of the portal a portal page. The seed is fixed (and
 * printed), so a failure replays; -Dfuzz.seed picks another, -Dfuzz.rounds more rounds.
 */
@QuarkusTest
class FuzzTest {
    static final long SEED = Long.getLong("fuzz.seed", 20261207L);
    static final int ROUNDS = Integer.getInteger("fuzz.rounds", 3);
    /** The HTTP server's longest request line (quarkus.http.limits.max-initial-line-length, 4096 by default). */
    static final int MAX_LINE = 4000;

    /** Strings a careless parser chokes on. */
    static final List<String> HOSTILE = List.of("", " ", "\u0000", "a\u0000b", "\u200B", "Ngu\u200Byễn", "\u202Egnp.exe", "\uD83D\uDE00",
            "\uD800", "\uFFFF", "%", "%zz", "../../etc/passwd", "' OR 1=1 --", "<script>alert(1)</script>", "{{7*7}}", "${jndi:ldap://x}",
            "-1", "0", "2147483648", "-9223372036854775809", "1e400", "NaN", "Infinity", "0x10", "true", "null", "[]", "{}",
            "9999-99-99", "-5000-01-01T00:00:00Z", "0000-Q1", "2025-Q9", "x".repeat(5000), "ả".repeat(3000), "\t\n\r", "a,b,,c", ".", "..",
            "dmlgH2V4dHJh", "v1", UUID.randomUUID().toString(), "00000000-0000-0000-0000-000000000000");

    /** Bodies of every shape, each with the content type it is sent as. */
    static final List<String[]> BODIES = List.of(
            new String[]{"application/json", "{"}, new String[]{"application/json", "[" .repeat(5000)}, new String[]{"application/json", "null"},
            new String[]{"application/json", "[]"}, new String[]{"application/json", "{\"a\":\"\u0000\"}"}, new String[]{"application/json", "\"x\""},
            new String[]{"application/json", "{\"fullName\":1,\"country\":[],\"reason\":{},\"items\":\"x\",\"types\":[null],\"url\":\"http://[::1\"}"},
            new String[]{"application/json", "{\"a\":" + "1".repeat(400) + "}"}, new String[]{"application/json", "\uFEFF{}"},
            new String[]{"application/merge-patch+json", "{\"fullName\":null,\"contacts\":{\"email\":\"\u202E\"}}"},
            new String[]{"multipart/form-data; boundary=x", "--x\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.xlsx\"\r\n\r\nPK"},
            new String[]{"multipart/form-data", "garbage"}, new String[]{"application/x-www-form-urlencoded", "a=%zz&b=\u0000"},
            new String[]{"text/csv", "Mã dòng;Thao tác\n\"unterminated"}, new String[]{"text/csv", "\u0000\u0001\u0002"},
            new String[]{"application/octet-stream", "PK\u0003\u0004garbage"}, new String[]{"application/xml", "<a/>"},
            new String[]{"text/plain", "hello"}, new String[]{"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "%PDF-1.7"});

    record Operation(String method, String path, List<String> pathParams, List<String> queryParams) {
    }

    @Test
    void noInputGetsA5xxOnAnyOperationForAnyRole() throws Exception {
        Random random = new Random(SEED);
        List<Operation> operations = operations();
        List<String> failures = new ArrayList<>();
        int sent = 0;
        List<Browser> officers = List.of(Browser.signedInAs("luc-ngan"), Browser.signedInAs("bac-giang"), new Browser());
        for (Operation op : operations) {
            boolean portal = op.path().startsWith("/portal");
            // a subject of its own per operation: the rate limit never hides an answer behind a 429
            List<String> tokens = portal ? List.of() : tokens(op.method() + op.path());
            int callers = portal ? officers.size() : tokens.size();
            for (int round = 0; round < ROUNDS; round++) {
                for (int c = 0; c < callers; c++) {
                    String path = op.path();
                    for (String p : op.pathParams()) {
                        path = path.replace("{" + p + "}", encode(pick(random, HOSTILE)));
                    }
                    RequestSpecification request = portal ? officers.get(c).request().urlEncodingEnabled(false)
                            : given().redirects().follow(false).urlEncodingEnabled(false);
                    if (!portal && tokens.get(c) != null) {
                        request.auth().oauth2(tokens.get(c));
                    }
                    StringBuilder query = new StringBuilder();
                    for (String q : op.queryParams()) {
                        if (random.nextBoolean()) {
                            query.append(query.isEmpty() ? "?" : "&").append(q).append('=').append(encode(pick(random, HOSTILE)));
                        }
                    }
                    if (!op.method().equals("GET") && !op.method().equals("DELETE")) {
                        String[] body = portal && random.nextBoolean() ? portalForm(random, officers.get(c).csrf()) : pick(random, BODIES);
                        request.contentType(body[0]);
                        if (body[0].startsWith("application/x-www-form-urlencoded")) {
                            request.body(body[1]);  // RestAssured sends a form only from text
                        } else {
                            request.body(body[1].getBytes(StandardCharsets.UTF_8));
                        }
                    }
                    Response answer;
                    sent++;
                    try {
                        answer = request.request(op.method(), path + query);
                    } catch (Exception closed) {
                        if ((path + query).length() <= MAX_LINE) {
                            failures.add(op.method() + " " + path + query + " → connection closed: " + closed);
                        }
                        continue;  // a request line past the HTTP limit: refused by closing, as HTTP servers do
                    }
                    String problem = judge(path + query, answer);
                    if (problem != null) {
                        failures.add(op.method() + " " + path + query + " → " + problem);
                    }
                }
            }
        }
        Files.write(Path.of("target/fuzz-failures.txt"), failures, StandardCharsets.UTF_8);  // every one, to read and replay
        System.out.printf("fuzz: %d requests over %d operations and routes, seed %d%n", sent, operations.size(), SEED);
        assertEquals(List.of(), failures.stream().limit(40).toList(), failures.size() + " answers were 5xx or not a problem");
    }

    /** Null when the answer is acceptable: below 500, and a refusal in the channel's own form. */
    static String judge(String path, Response answer) {  // path: with its query
        int status = answer.statusCode();
        String type = answer.contentType() == null ? "" : answer.contentType();
        if ((status == 414 || status == 431) && path.length() > MAX_LINE) {
            return null;  // refused by the HTTP server before the service: a request line or headers past its limits
        }
        if (status >= 500) {
            return status + " " + answer.asString().substring(0, Math.min(300, answer.asString().length()));
        }
        if (status >= 400 && path.startsWith("/api/") && !type.startsWith("application/problem+json")) {
            return status + " as " + type + ", not problem+json";
        }
        boolean leaves = path.split("\\?")[0].replace("%2F", "/").contains("/../");  // resolves outside the portal: the API's 404
        if (status >= 400 && path.startsWith("/portal") && !leaves && !type.startsWith("text/html")) {
            return status + " as " + type + ", not a portal page";
        }
        return null;
    }

    /** Every operation of openapi.yaml with its path and query parameters, and every portal route (from the resources). */
    static List<Operation> operations() throws Exception {
        JsonNode paths = new YAMLMapper().readTree(Path.of("openapi.yaml").toFile()).get("paths");
        List<Operation> operations = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> path = it.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (!List.of("get", "put", "post", "patch", "delete").contains(op.getKey())) {
                    continue;
                }
                List<String> inPath = new ArrayList<>();
                List<String> inQuery = new ArrayList<>();
                op.getValue().path("parameters").forEach(p -> (p.path("in").asText().equals("path") ? inPath : inQuery).add(p.path("name").asText()));
                operations.add(new Operation(op.getKey().toUpperCase(), path.getKey(), inPath, inQuery));
            }
        }
        for (String route : portalRoutes()) {
            String[] parts = route.split(" ");
            List<String> params = new ArrayList<>();
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\{([A-Za-z0-9_]+)}").matcher(parts[1]);
            while (m.find()) {
                params.add(m.group(1));
            }
            operations.add(new Operation(parts[0], parts[1], params, List.of("id", "kind", "key", "period", "year", "cursor", "only", "code",
                    "page", "q", "country", "status", "asKnownAt", "groupBy", "refused", "done", "back", "to")));
        }
        return operations;
    }

    /** The portal's routes, as the resources declare them (RequestRecorder lists them at each start). */
    static List<String> portalRoutes() throws Exception {
        Path routes = Path.of("target/coverage/routes.txt");
        return Files.readAllLines(routes).stream().filter(r -> r.contains(" /portal")).toList();
    }

    /** A token of each role with a subject of its own, a token of two roles at once, and none. */
    static List<String> tokens(String operation) {
        String subject = "fuzz-" + Integer.toHexString(operation.hashCode());
        List<String> tokens = new ArrayList<>();
        Map<String, Map<String, String>> roles = new LinkedHashMap<>();
        roles.put("unit-officer", Map.of("unit", "219"));
        roles.put("province-officer", Map.of("province", "24"));
        roles.put("api-reader", Map.of());
        roles.put("registry-admin", Map.of());
        roles.put("auditor", Map.of());
        roles.forEach((role, claims) -> {
            io.smallrye.jwt.build.JwtClaimsBuilder b = Tokens.builder(role, subject + "-" + role);
            claims.forEach(b::claim);
            tokens.add(b.sign(Tokens.devKey()));
        });
        tokens.add(Tokens.roles(List.of("unit-officer", "province-officer"), Map.of("unit", "549", "province", "52")));
        tokens.add(null);
        return tokens;
    }

    static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    static String encode(String s) {
        StringBuilder out = new StringBuilder();
        s.codePoints().forEach(cp -> {
            if (Character.isSurrogate((char) cp) && cp <= 0xFFFF) {
                out.append("%ED%A0%80");  // a lone surrogate, as the bytes a careless client sends
            } else if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9') || "-._~".indexOf(cp) >= 0) {
                out.appendCodePoint(cp);
            } else {
                out.append(java.net.URLEncoder.encode(new String(Character.toChars(cp)), StandardCharsets.UTF_8).replace("+", "%20"));
            }
        });
        return out.toString();
    }

    /** A form of the portal with its CSRF token and hostile values in the fields its forms have. */
    static String[] portalForm(Random random, String csrf) {
        StringBuilder form = new StringBuilder("csrf-token=" + (csrf == null ? "" : encode(csrf)));
        for (String field : List.of("decision", "comment", "officer", "to", "back", "q", "kind", "key", "nd", "noChanges", "c:Họ và tên",
                "c:Thao tác", "c:Mã bản ghi", "c:Phiên bản gốc", "f:fullName", "f:version", "row:PERSON:x", "reason", "extendTo")) {
            if (random.nextBoolean()) {
                form.append('&').append(encode(field)).append('=').append(encode(pick(random, HOSTILE)));
            }
        }
        return new String[]{"application/x-www-form-urlencoded", form.toString()};
    }
}
