package vn.diaspora.registry.feed;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import vn.diaspora.registry.Api;
import vn.diaspora.registry.Tokens;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.diaspora.registry.Api.as;

/**
 * Hundreds of long polls beside ordinary reads (issue 23, finding 6): a wait of the change feed
 * holds no worker thread, so 250 parked polls (more than the worker pool's 200 threads) leave
 * another officer's reads to be answered while every poll still waits; a commit then answers them
 * all. One client may park at most its share of waits: past it, 429 with Retry-After.
 */
@QuarkusTest
class LongPollsTest {
    @TestHTTPResource("/api/v1/changes")
    URL changes;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private CompletableFuture<HttpResponse<String>> poll(String token, String after, int seconds) {
        return http.sendAsync(HttpRequest.newBuilder(URI.create(changes + "?wait=" + seconds + "&after=" + after))
                .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void parkedPollsHoldNoWorkerAndAreAllAnsweredByTheNextCommit() throws Exception {
        String person = Api.createPerson(Api.PROVINCE_24, Api.person("Đọc Thường " + Api.uniqueWord()));
        String head = as(Api.ADMIN).queryParam("limit", 1).get(Api.PERSONS).then().extract().header("Changes-Cursor");
        List<CompletableFuture<HttpResponse<String>>> polls = new ArrayList<>();
        for (int i = 0; i < 250; i++) {  // ten clients of 25 waits each: within the per-client cap
            polls.add(poll(Tokens.builder("api-reader", "poller-" + (i % 10)).sign(Tokens.devKey()), head, 25));
        }
        Thread.sleep(2_000);  // let them park
        assertTrue(polls.stream().noneMatch(CompletableFuture::isDone), "the polls wait: nothing has changed since the head");
        for (int i = 0; i < 20; i++) {
            as(Api.PROVINCE_24).get(Api.PERSONS + "/" + person).then().statusCode(200);
        }
        assertTrue(polls.stream().noneMatch(CompletableFuture::isDone), "twenty reads were answered while every poll still waited");

        String fresh = Api.createPerson(Api.PROVINCE_24, Api.person("Thay Đổi " + Api.uniqueWord()));
        for (CompletableFuture<HttpResponse<String>> poll : polls) {
            HttpResponse<String> answer = poll.get(60, TimeUnit.SECONDS);
            assertEquals(200, answer.statusCode(), answer.body());
            assertTrue(answer.body().contains(fresh), "the commit answered the poll with its event: " + answer.body());
        }
    }

    @Test
    void oneClientParksAtMostItsShareOfWaits() throws Exception {
        String token = Tokens.builder("api-reader", "greedy-poller").sign(Tokens.devKey());
        String head = as(Api.ADMIN).queryParam("limit", 1).get(Api.PERSONS).then().extract().header("Changes-Cursor");
        List<CompletableFuture<HttpResponse<String>>> polls = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            polls.add(poll(token, head, 3));
        }
        int refused = 0;
        for (CompletableFuture<HttpResponse<String>> poll : polls) {
            HttpResponse<String> answer = poll.get(60, TimeUnit.SECONDS);
            if (answer.statusCode() == 429) {
                refused++;
                assertTrue(answer.headers().firstValue("Retry-After").isPresent(), "a refused wait says when to retry");
                assertTrue(answer.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"), answer.body());
            } else {
                assertEquals(200, answer.statusCode(), answer.body());
            }
        }
        assertEquals(10, refused, "50 waits of one client park, the ten past the cap are refused");
        // the cap counts waits, not calls: once answered, the client waits again
        assertEquals(200, poll(token, head, 1).get(30, TimeUnit.SECONDS).statusCode());
    }
}
