package vn.diaspora.registry.e2e;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import vn.diaspora.registry.client.ApiClient;
import vn.diaspora.registry.client.ApiResponse;
import vn.diaspora.registry.client.api.ChangeFeedApi;
import vn.diaspora.registry.client.api.PersonsApi;
import vn.diaspora.registry.client.model.ChangePage;
import vn.diaspora.registry.client.model.CloudEvent;
import vn.diaspora.registry.client.model.PageRecordViewPersonData;

import java.util.List;
import java.util.Optional;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Another system follows the registry as the README's "For other systems" says: a token of the
 * provincial-system client (client credentials, from the real Keycloak), the Java client
 * generated from openapi.yaml (openapi-generator, in the e2e build), a list's Changes-Cursor,
 * then long polls of the change feed until a province officer's new person arrives.
 */
@Tag("e2e")
@QuarkusTest
@TestProfile(KeycloakE2ETest.RealKeycloak.class)
class FeedClientE2ETest {
    @Test
    void aProvincialSystemFollowsTheFeedWithTheGeneratedClient() throws Exception {
        String token = given().baseUri(KeycloakE2ETest.REALM).formParam("grant_type", "client_credentials")
                .formParam("client_id", "provincial-system").formParam("client_secret", "dev-only-provincial-system-secret")
                .post("/protocol/openid-connect/token").then().statusCode(200).extract().path("access_token");
        ApiClient client = new ApiClient();
        client.updateBaseUri("http://localhost:8081");
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));

        ApiResponse<PageRecordViewPersonData> firstPage = new PersonsApi(client)
                .personResourceListWithHttpInfo(null, null, null, null, 1, null, null, null);
        String cursor = firstPage.getHeaders().get("changes-cursor").get(0);
        assertNotNull(cursor, "the first page of a list gives where to follow the feed from");

        String person = given().auth().oauth2(KeycloakE2ETest.password("province-bac-giang")).contentType("application/json")
                .body(KeycloakE2ETest.lucNgan("Hệ Thống Theo Dõi " + vn.diaspora.registry.Api.uniqueWord()))
                .post("/api/v1/persons").then().statusCode(201).extract().path("id");

        ChangeFeedApi feed = new ChangeFeedApi(client);
        Optional<CloudEvent> created = Optional.empty();
        for (int polls = 0; polls < 10 && created.isEmpty(); polls++) {
            ChangePage page = feed.changeFeedResourcePage(cursor, 100, "vn.diaspora.person", 10);
            List<CloudEvent> items = page.getItems();
            created = items.stream().filter(e -> person.equals(e.getSubject().toString())).findFirst();
            cursor = page.getNextCursor();
        }
        assertTrue(created.isPresent(), "the new person's event arrived by long poll");
        CloudEvent event = created.get();
        assertEquals("vn.diaspora.person.created", event.getType());
        assertEquals(1, ((Number) event.getData().get("version")).intValue());
        assertFalse(event.getData().containsKey("contacts"), "the provincial system reads as api-reader: no contacts");
        assertTrue(event.getData().get("fullName").toString().startsWith("Hệ Thống Theo Dõi"));
    }
}
