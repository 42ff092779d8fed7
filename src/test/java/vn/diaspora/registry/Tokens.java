package vn.diaspora.registry;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/** Real RS256 tokens signed with the dev key pair that the test profile trusts. */
public final class Tokens {
    public static final String ISSUER = "https://dev-only.diaspora-registry.local";
    private static final PrivateKey DEV_KEY = load(Path.of("deploy/dev/dev-private-key.pem"));

    private Tokens() {
    }

    public static String unitOfficer(String unit) {
        return builder("unit-officer", "unit-" + unit).claim("unit", unit).sign(DEV_KEY);
    }

    public static String provinceOfficer(String province) {
        return builder("province-officer", "province-" + province).claim("province", province).sign(DEV_KEY);
    }

    public static String role(String role) {
        return builder(role, role).sign(DEV_KEY);
    }

    public static JwtClaimsBuilder builder(String role, String subject) {
        return builder(List.of(role), subject);
    }

    public static JwtClaimsBuilder builder(List<String> roles, String subject) {
        return Jwt.issuer(ISSUER).audience("diaspora-registry").subject(subject)
                .claim("realm_access", Map.of("roles", roles))
                .expiresIn(600);
    }

    /** A token with several roles and the given scoping claims (unit, province). */
    public static String roles(List<String> roles, Map<String, String> claims) {
        JwtClaimsBuilder b = builder(roles, String.join("+", roles));
        claims.forEach(b::claim);
        return b.sign(DEV_KEY);
    }

    public static PrivateKey devKey() {
        return DEV_KEY;
    }

    public static PrivateKey load(Path pem) {
        try {
            String base64 = Files.readString(pem).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (Exception e) {
            throw new IllegalStateException("cannot read " + pem, e);
        }
    }
}
