package vn.diaspora.registry.security;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

import java.util.ArrayList;
import java.util.List;

/**
 * Next to the bearer scheme (paste a token), the OpenAPI document offers a login with the
 * identity provider (OpenID Connect discovery), so that Swagger UI's Authorize can sign in with
 * the authorization code flow and PKCE (client {@code registry-swagger}).
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class OidcLoginScheme implements OASFilter {
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
    }
}
