package vn.diaspora.registry.security;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

/**
 * The identity provider behind Swagger UI's login, read when the service starts (not when it is
 * built): one package serves every deployment, each with its own realm
 * (REGISTRY_OPENAPI_OIDC_DISCOVERY_URL).
 */
@OpenApiFilter(OpenApiFilter.RunStage.RUNTIME_STARTUP)
public class OpenApiDiscoveryUrl implements OASFilter {
    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        SecurityScheme login = openAPI.getComponents() == null || openAPI.getComponents().getSecuritySchemes() == null ? null
                : openAPI.getComponents().getSecuritySchemes().get(OpenApiSecurity.NAME);
        if (login != null) {
            ConfigProvider.getConfig().getOptionalValue("registry.openapi.oidc-discovery-url", String.class).ifPresent(login::setOpenIdConnectUrl);
        }
    }
}
