package vn.diaspora.registry.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;
import vn.diaspora.registry.common.Limits;

/**
 * Who is calling and which records they may see. Officers are scoped by token claims:
 * {@code unit} for a unit officer, {@code province} for a province officer. A token whose
 * scoping claim is missing is refused rather than given a wider view.
 */
@RequestScoped
public class Caller {
    @Inject
    SecurityIdentity identity;

    public String subject() {
        if (identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getSubject() != null) {
            return bounded(jwt.getSubject());
        }
        return identity.isAnonymous() ? "anonymous" : bounded(identity.getPrincipal().getName());
    }

    /** The client the token was issued to (azp, or client_id), if it names one. */
    public String client() {
        if (!(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            return null;
        }
        Object client = jwt.getClaim("azp") != null ? jwt.getClaim("azp") : jwt.getClaim("client_id");
        return client == null ? null : bounded(client.toString());
    }

    /** Names are stored with every version and audit event; a token with an absurdly long one is refused. */
    private static String bounded(String name) {
        if (name.length() > Limits.ACTOR) {
            throw new AuthenticationFailedException("token names a subject or client of more than " + Limits.ACTOR + " characters");
        }
        return name;
    }

    public java.util.Set<String> roles() {
        return identity.getRoles();
    }

    public boolean is(String role) {
        return identity.hasRole(role);
    }

    /** Contacts and relatives' contacts are for officers and admins, never for other systems. */
    public boolean seesContacts() {
        return is(Roles.REGISTRY_ADMIN) || is(Roles.PROVINCE_OFFICER) || is(Roles.UNIT_OFFICER);
    }

    /** The records this caller may read; null fields mean no restriction. */
    public Scope readScope() {
        if (is(Roles.REGISTRY_ADMIN) || is(Roles.API_READER)) {
            return Scope.ALL;
        }
        return officerScope();
    }

    /** The records this caller may create, change or delete. */
    public Scope writeScope() {
        if (is(Roles.REGISTRY_ADMIN)) {
            return Scope.ALL;
        }
        return officerScope();
    }

    private Scope officerScope() {
        if (is(Roles.PROVINCE_OFFICER)) {
            return new Scope(null, claim("province"));
        }
        if (is(Roles.UNIT_OFFICER)) {
            return new Scope(claim("unit"), null);
        }
        throw new ForbiddenException();
    }

    private String claim(String name) {
        Object value = identity.getPrincipal() instanceof JsonWebToken jwt ? jwt.getClaim(name) : null;
        String s = value == null ? null : value.toString().replace("\"", "").trim();
        if (s == null || s.isEmpty()) {
            throw new ForbiddenException("token has no '" + name + "' claim");
        }
        return s;
    }

    /** A reporting-unit or province restriction. */
    public record Scope(String unit, String province) {
        public static final Scope ALL = new Scope(null, null);

        public boolean admits(String recordUnit, String recordProvince) {
            return (unit == null || unit.equals(recordUnit)) && (province == null || province.equals(recordProvince));
        }
    }
}
