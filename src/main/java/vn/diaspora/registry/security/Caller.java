package vn.diaspora.registry.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;
import vn.diaspora.registry.common.Limits;
import vn.diaspora.registry.reference.ReferenceData;
import vn.diaspora.registry.security.Reach.Scope;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Who is calling, and the one access policy every channel reads: what each of the caller's
 * roles grants, computed here and nowhere else.
 * <ul>
 * <li>{@link #readable()}: records the caller may read. Officers their unit or province,
 * registry admins and api-readers everything.</li>
 * <li>{@link #officer()}: records the caller may write, see with their officer-only fields
 * (contacts, relatives, notes) and whose submissions it may see. Officers their unit or
 * province, registry admins everything, api-readers nothing.</li>
 * </ul>
 * A record that {@code readable()} admits but {@code officer()} does not is shown without its
 * officer-only fields, so a token with api-reader and unit-officer sees its unit's records whole
 * and the others redacted. Officers are scoped by token claims ({@code unit}, {@code province});
 * a token whose scoping claim is missing is refused rather than given a wider view.
 */
@RequestScoped
public class Caller {
    @Inject
    SecurityIdentity identity;
    @Inject
    ReferenceData reference;

    private Reach readable;
    private Reach officer;

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

    public Set<String> roles() {
        return identity.getRoles();
    }

    public boolean is(String role) {
        return identity.hasRole(role);
    }

    /** Records the caller may read (some perhaps only without their officer-only fields). */
    public Reach readable() {
        if (readable == null) {
            List<Scope> scopes = new ArrayList<>(officer().scopes());
            if (is(Roles.API_READER)) {
                scopes.add(Scope.ALL);
            }
            readable = new Reach(scopes);
        }
        return readable;
    }

    /** Records the caller may write and see whole, and the submissions it may see. */
    public Reach officer() {
        if (officer == null) {
            List<Scope> scopes = new ArrayList<>();
            if (is(Roles.REGISTRY_ADMIN)) {
                scopes.add(Scope.ALL);
            }
            if (is(Roles.PROVINCE_OFFICER)) {
                scopes.add(new Scope(null, province()));
            }
            if (is(Roles.UNIT_OFFICER)) {
                scopes.add(new Scope(unit(), reference.territoryOf(unit())));
            }
            officer = new Reach(scopes);
        }
        return officer;
    }

    /** The unit of a unit officer (its {@code unit} claim); null for other callers. */
    public String unit() {
        return is(Roles.UNIT_OFFICER) ? claim("unit") : null;
    }

    /** The province of a province officer (its {@code province} claim); null for other callers. */
    public String province() {
        return is(Roles.PROVINCE_OFFICER) ? claim("province") : null;
    }

    /** The record may be read: else it is "not found", as an unknown one (existence does not leak). */
    public boolean canRead(String unit, String province) {
        return readable().admits(unit, province);
    }

    /** The record's officer-only fields may be seen. */
    public boolean seesWhole(String unit, String province) {
        return officer().admits(unit, province);
    }

    private String claim(String name) {
        Object value = identity.getPrincipal() instanceof JsonWebToken jwt ? jwt.getClaim(name) : null;
        String s = value == null ? null : value.toString().replace("\"", "").trim();
        if (s == null || s.isEmpty()) {
            throw new ForbiddenException("token has no '" + name + "' claim");
        }
        return s;
    }
}
