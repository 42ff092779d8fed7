package vn.diaspora.registry.security;

/** Realm roles, read from the token's realm_access.roles claim (Keycloak's layout). */
public final class Roles {
    public static final String UNIT_OFFICER = "unit-officer";
    public static final String PROVINCE_OFFICER = "province-officer";
    public static final String API_READER = "api-reader";
    public static final String REGISTRY_ADMIN = "registry-admin";
    public static final String AUDITOR = "auditor";
    public static final java.util.Set<String> ALL = java.util.Set.of(UNIT_OFFICER, PROVINCE_OFFICER, API_READER, REGISTRY_ADMIN, AUDITOR);

    private Roles() {
    }
}
