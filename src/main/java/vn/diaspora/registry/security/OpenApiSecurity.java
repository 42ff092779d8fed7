package vn.diaspora.registry.security;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

import java.util.ArrayList;
import java.util.List;

/**
 * Security in the OpenAPI document. Next to the bearer scheme (paste a token), the OpenAPI document offers a login with the
 * identity provider (OpenID Connect discovery), so that Swagger UI's Authorize can sign in with
 * the authorization code flow and PKCE (client {@code registry-swagger}).
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class OpenApiSecurity implements OASFilter {
    static final String NAME = "login";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        String discovery = ConfigProvider.getConfig().getOptionalValue("registry.openapi.oidc-discovery-url", String.class)
                .orElse("http://localhost:8180/realms/diaspora/.well-known/openid-configuration");
        openAPI.getComponents().addSecurityScheme(NAME, OASFactory.createSecurityScheme()
                .type(SecurityScheme.Type.OPENIDCONNECT)
                .openIdConnectUrl(discovery)
                .description("Sign in with the identity provider (authorization code with PKCE, client registry-swagger)"));
        if (openAPI.getPaths() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            if (path.startsWith("/api/")) {
                item.getOperations().values().forEach(this::requireToken);
            }
        });
    }

    /**
     * Every /api operation needs a token (the HTTP policy says so), including the ones whose roles
     * are declared on a generic superclass or not at all, which the scanner leaves without a
     * requirement; Swagger UI sends the token only where the document asks for one.
     */
    private void requireToken(Operation operation) {
        List<SecurityRequirement> security = operation.getSecurity() == null ? new ArrayList<>() : new ArrayList<>(operation.getSecurity());
        if (security.stream().noneMatch(r -> r.hasScheme("bearer"))) {
            security.add(OASFactory.createSecurityRequirement().addScheme("bearer", List.of()));
        }
        security.add(OASFactory.createSecurityRequirement().addScheme(NAME, List.of("openid")));
        operation.setSecurity(security);
        documentCommonAnswers(operation);
    }

    private static org.eclipse.microprofile.openapi.models.media.Schema count() {
        return OASFactory.createSchema().addType(org.eclipse.microprofile.openapi.models.media.Schema.SchemaType.INTEGER)
                .format("int32").minimum(java.math.BigDecimal.ZERO).maximum(java.math.BigDecimal.valueOf(Integer.MAX_VALUE));
    }

    /** Answers every /api operation can give: no valid token, over the rate limit, a fault of the service. */
    private static void documentCommonAnswers(Operation operation) {
        if (operation.getResponses() == null) {
            return;
        }
        addProblem(operation, "401", "No valid bearer token", "Unauthorized", "A valid bearer token is required");
        addProblem(operation, "429", "Too many requests from this client; retry after Retry-After seconds", "Too Many Requests",
                "More than 1200 requests a minute from this client; retry after 3 s")
                .addHeader("Retry-After", OASFactory.createHeader().schema(count()));
        addProblem(operation, "500", "A fault of the service (logged with the request id; no internals are sent)", "Internal Server Error",
                "The service could not complete the request");
        documentRateLimit(operation);
    }

    /** A problem answer with an example of its own status (not the schema's 422). */
    private static APIResponse addProblem(Operation operation, String code, String description, String title, String detail) {
        APIResponse response = operation.getResponses().getAPIResponse(code);
        if (response == null) {
            response = OASFactory.createAPIResponse().description(description);
            operation.getResponses().addAPIResponse(code, response);
        }
        if (response.getContent() == null) {
            response.content(OASFactory.createContent().addMediaType(vn.diaspora.registry.common.Problem.MEDIA_TYPE,
                    OASFactory.createMediaType().schema(OASFactory.createSchema().ref("Problem"))
                            .example(example(code, title, detail))));
        }
        return response;
    }

    /** In a fixed order (Map.of's order changes from run to run, and the committed document must not). */
    private static java.util.Map<String, Object> example(String code, String title, String detail) {
        java.util.Map<String, Object> example = new java.util.LinkedHashMap<>();
        example.put("type", "about:blank");
        example.put("title", title);
        example.put("status", Integer.parseInt(code));
        example.put("detail", detail);
        return example;
    }

    /** The rate limit (security/RateLimit): its headers on every answer. */
    private static void documentRateLimit(Operation operation) {
        operation.getResponses().getAPIResponses().forEach((code, response) -> {
            if (code.startsWith("2") || code.startsWith("4")) {
                for (String header : List.of("RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset")) {
                    response.addHeader(header, OASFactory.createHeader().description(header + " (IETF RateLimit header fields draft)")
                            .schema(count()));
                }
                response.addHeader("Access-Control-Allow-Origin", OASFactory.createHeader()
                        .description("Sent to the configured Swagger UI origin only (CORS)")
                        .schema(OASFactory.createSchema().addType(org.eclipse.microprofile.openapi.models.media.Schema.SchemaType.STRING)
                                .maxLength(200)));
            }
        });
    }
}
