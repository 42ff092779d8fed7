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
        openAPI.getPaths().getPathItems().values().forEach(item -> item.getOperations().values().forEach(this::offerLogin));
    }

    private void offerLogin(Operation operation) {
        List<SecurityRequirement> security = operation.getSecurity();
        if (security == null || security.stream().noneMatch(r -> r.hasScheme("bearer"))) {
            return;
        }
        List<SecurityRequirement> alternatives = new ArrayList<>(security);
        alternatives.add(OASFactory.createSecurityRequirement().addScheme(NAME, List.of("openid")));
        operation.setSecurity(alternatives);
    }
}
