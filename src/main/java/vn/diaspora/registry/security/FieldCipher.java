package vn.diaspora.registry.security;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Encryption at rest of the fields that are nobody's business but the officers': contacts,
 * relatives' contacts and notes, in the records, in their versions and in submission rows.
 * AES-256-GCM with a random 96-bit nonce per value; the key id is bound to the ciphertext as
 * associated data, so a value cannot be moved to another key's slot. Stored as
 * {@code enc:v1:<key id>:<base64(nonce | ciphertext | tag)>}. Searchable fields (names,
 * places, codes) stay in clear: the search indexes need them.
 * <p>
 * The key comes from configuration ({@code registry.encryption.key}, base64 of 32 bytes; the
 * dev and test profiles carry a dev-only key that the prod profile refuses). Rotation: give the
 * new key a new {@code key-id} and list the old one under {@code retired-keys} ({@code id:base64}).
 */
@ApplicationScoped
@Startup // a missing or malformed key stops the start, not the first request that needs it
public class FieldCipher {
    static final String PREFIX = "enc:v1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String keyId;
    private final Map<String, SecretKey> keys = new HashMap<>();

    public FieldCipher(@ConfigProperty(name = "registry.encryption.key") Optional<String> key,
                @ConfigProperty(name = "registry.encryption.key-id", defaultValue = "1") String keyId,
                @ConfigProperty(name = "registry.encryption.retired-keys") Optional<List<String>> retired) {
        this.keyId = keyId;
        keys.put(keyId, aesKey("registry.encryption.key", key.orElseThrow(() -> new IllegalStateException(
                "registry.encryption.key is not set: the service keeps contacts and notes encrypted; "
                        + "generate a key with `openssl rand -base64 32` and keep it in the secret store"))));
        retired.orElse(List.of()).forEach(entry -> {
            int colon = entry.indexOf(':');
            if (colon < 1) {
                throw new IllegalStateException("registry.encryption.retired-keys: expected id:base64, got an entry without an id");
            }
            keys.put(entry.substring(0, colon), aesKey("registry.encryption.retired-keys", entry.substring(colon + 1)));
        });
    }

    private static SecretKey aesKey(String property, String base64) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(property + " is not base64");
        }
        if (bytes.length != 32) {
            throw new IllegalStateException(property + " must be 32 bytes (AES-256), is " + bytes.length);
        }
        return new SecretKeySpec(bytes, "AES");
    }

    public String seal(String plaintext) {
        if (plaintext == null) {
            return null;
        }
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            RANDOM.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(keyId), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(keyId.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] out = ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
            return PREFIX + keyId + ":" + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is unavailable", e);
        }
    }

    public String open(String stored) {
        if (stored == null) {
            return null;
        }
        if (!stored.startsWith(PREFIX)) {
            throw new IllegalStateException("a sealed field holds an unencrypted value");
        }
        int colon = stored.indexOf(':', PREFIX.length());
        String id = stored.substring(PREFIX.length(), colon);
        SecretKey key = keys.get(id);
        if (key == null) {
            throw new IllegalStateException("a value is sealed with key '" + id + "', which is not configured (registry.encryption.retired-keys)");
        }
        try {
            byte[] in = Base64.getDecoder().decode(stored.substring(colon + 1));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, NONCE_BYTES));
            cipher.updateAAD(id.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a sealed value does not authenticate with key '" + id + "'", e);
        }
    }

    /**
     * A keyed hash of {@code value} (HMAC-SHA256 under a key derived from the current encryption
     * key for {@code purpose}): equal values give equal keys, so sealed values can be matched
     * without being opened, and nobody without the key can test a guess. Keys change with the
     * encryption key: after a rotation they are computed anew.
     */
    public String blindKey(String purpose, String value) {
        try {
            javax.crypto.Mac derive = javax.crypto.Mac.getInstance("HmacSHA256");
            derive.init(new SecretKeySpec(keys.get(keyId).getEncoded(), "HmacSHA256"));
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(derive.doFinal(purpose.getBytes(StandardCharsets.UTF_8)), "HmacSHA256"));
            return keyId + ":" + java.util.HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)), 0, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is unavailable", e);
        }
    }

    /** How values sealed with the current key begin. */
    public String currentPrefix() {
        return PREFIX + keyId + ":";
    }

    public boolean hasRetiredKeys() {
        return keys.size() > 1;
    }

    /** {@code stored} sealed with the current key: as it is when it already is, else opened (if sealed) and sealed anew. */
    public String reseal(String stored) {
        if (stored == null || stored.startsWith(currentPrefix())) {
            return stored;
        }
        return seal(isSealed(stored) ? open(stored) : stored);
    }

    /** Whether {@code stored} is a sealed value (under any key). */
    public static boolean isSealed(String stored) {
        return stored != null && stored.startsWith(PREFIX);
    }
}
