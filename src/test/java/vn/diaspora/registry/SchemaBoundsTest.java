package vn.diaspora.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every bound the schema states is enforced (issue 23: a webhook took 1,000 types where the
 * schema says 20): for each JSON body of openapi.yaml, each top-level property with a maxLength
 * or maxItems is sent one past it, by a role the operation allows; the answer is a 4xx that names
 * the property, never a success.
 */
@QuarkusTest
class SchemaBoundsTest {
    @Test
    void aValueOnePastItsBoundIsRefusedNamingItsField() throws Exception {
        JsonNode doc = new YAMLMapper().readTree(Path.of("openapi.yaml").toFile());
        List<String> unenforced = new ArrayList<>();
        int checked = 0;
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.get("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                JsonNode schema = op.getValue().path("requestBody").path("content").path("application/json").path("schema");
                if (schema.isMissingNode() || !List.of("post", "put").contains(op.getKey())) {
                    continue;
                }
                schema = resolve(doc, schema);
                String token = tokenFor(op.getValue());
                String url = path.getKey().replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
                for (Iterator<Map.Entry<String, JsonNode>> props = schema.path("properties").fields(); props.hasNext(); ) {
                    Map.Entry<String, JsonNode> prop = props.next();
                    JsonNode p = resolve(doc, prop.getValue());
                    Object tooMuch = p.has("maxLength") ? "x".repeat(p.get("maxLength").asInt() + 1)
                            : p.has("maxItems") ? Collections.nCopies(p.get("maxItems").asInt() + 1, "x") : null;
                    if (tooMuch == null || token == null) {
                        continue;
                    }
                    checked++;
                    Response answer = given().auth().oauth2(token).contentType("application/json").header("If-Match", "W/\"1\"")
                            .body(Map.of(prop.getKey(), tooMuch)).request(op.getKey().toUpperCase(), url);
                    int status = answer.statusCode();
                    List<String> fields = status == 422 ? answer.jsonPath().getList("errors.field", String.class) : List.of();
                    boolean named = fields.stream().anyMatch(f -> f.equals(prop.getKey()) || f.endsWith("." + prop.getKey()));
                    // 404: the random id names nothing, so the bound is not reached; every other answer must refuse and name it
                    if (status != 404 && (status < 400 || status >= 500 || (status == 422 && !named))) {
                        unenforced.add(op.getKey().toUpperCase() + " " + path.getKey() + " " + prop.getKey() + " → " + status + " "
                                + answer.asString().substring(0, Math.min(200, answer.asString().length())));
                    }
                }
            }
        }
        System.out.println("schema bounds: " + checked + " checked");
        assertEquals(List.of(), unenforced, checked + " bounds checked");
    }

    private static JsonNode resolve(JsonNode doc, JsonNode schema) {
        JsonNode ref = schema.get("$ref");
        return ref == null ? schema : doc.at(ref.asText().substring(1));
    }

    /** A token of the first role the operation's security names (its scopes list the roles), with a unit and a province. */
    private static String tokenFor(JsonNode op) {
        for (JsonNode requirement : op.path("security")) {
            for (JsonNode role : requirement.path("bearer")) {
                return Tokens.roles(List.of(role.asText()), Map.of("unit", "219", "province", "24"));
            }
        }
        return null;
    }
}
