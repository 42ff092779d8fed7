package vn.diaspora.registry.portal;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * DEV AND TEST ONLY: mints an RS256 token for a demo officer with the public dev key pair of
 * deploy/dev (as deploy/dev/token.sh does), for the dev sign-in page.
 */
@ApplicationScoped
class DevTokens {
    static final String ISSUER = "https://dev-only.diaspora-registry.local";

    /** A demo officer: who they are to the registry (role and scope claims) and how the sign-in page names them. */
    record Officer(String id, String role, String province, String unit, String name) {
        String subject() {
            return "dev-" + role + (unit == null ? "" : "-" + unit) + (province == null ? "" : "-" + province);
        }
    }

    /** The officers of the demo story (demo/story.sql names the same subjects). */
    static final List<Officer> OFFICERS = List.of(
            new Officer("luc-ngan", "unit-officer", "24", "219", "Cán bộ huyện Lục Ngạn (Bắc Giang, 219)"),
            new Officer("yen-the", "unit-officer", "24", "215", "Cán bộ huyện Yên Thế (Bắc Giang, 215)"),
            new Officer("an-nhon", "unit-officer", "52", "549", "Cán bộ thị xã An Nhơn (Bình Định, 549)"),
            new Officer("bac-giang", "province-officer", "24", null, "Sở Ngoại vụ Bắc Giang (24)"),
            new Officer("binh-dinh", "province-officer", "52", null, "Sở Ngoại vụ Bình Định (52)"));

    @Inject
    ObjectMapper json;
    @Inject
    jakarta.persistence.EntityManager em;
    @ConfigProperty(name = "registry.portal.dev-key-file", defaultValue = "deploy/dev/dev-private-key.pem")
    Path keyFile;

    /**
     * For each province, a commune officer whose report of the last quarter was returned with row
     * comments, and one whose report is a draft: the demo story (demo/story.sql) gives both, so a
     * fresh start always has work for each of them. Read from the demo data itself (dev only).
     */
    @jakarta.transaction.Transactional
    List<Officer> storyOfficers() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT DISTINCT ON (s.province_code, s.state) s.unit_code, s.province_code, s.state, u.full_name
                        FROM submission s JOIN admin_unit u ON u.code = s.unit_code AND u.valid_to IS NULL AND u.level = 'COMMUNE'
                        WHERE s.state IN ('RETURNED', 'DRAFT') AND s.created_by LIKE 'dev-%'
                        ORDER BY s.province_code, s.state DESC, s.period DESC, s.unit_code""").getResultList();
        return rows.stream().map(r -> new Officer("unit-" + r[0], "unit-officer", (String) r[1], (String) r[0],
                "Cán bộ " + r[3] + " (" + (r[1].equals("24") ? "Bắc Giang" : "Bình Định") + ", " + r[0] + ") — "
                        + (r[2].equals("RETURNED") ? "báo cáo bị trả lại, có ý kiến từng dòng" : "báo cáo đang soạn"))).toList();
    }

    String mint(Officer o) {
        long now = Instant.now().getEpochSecond();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", ISSUER);
        claims.put("aud", "diaspora-registry");
        claims.put("sub", o.subject());
        claims.put("preferred_username", o.subject());
        claims.put("iat", now);
        claims.put("exp", now + 3600);  // the longest a person's token may live (security/TokenLifetime)
        claims.put("realm_access", Map.of("roles", List.of(o.role())));
        if (o.province() != null) {
            claims.put("province", o.province());
        }
        if (o.unit() != null) {
            claims.put("unit", o.unit());
        }
        try {
            String input = base64(json.writeValueAsBytes(Map.of("alg", "RS256", "typ", "JWT", "kid", "dev-only"))) + "." + base64(json.writeValueAsBytes(claims));
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(key());
            rsa.update(input.getBytes(StandardCharsets.US_ASCII));
            return input + "." + base64(rsa.sign());
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException("cannot sign a dev token with " + keyFile + ": " + e.getMessage(), e);
        }
    }

    private PrivateKey key() throws java.io.IOException, GeneralSecurityException {
        String base64 = Files.readString(keyFile).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
    }

    private static String base64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
