package vn.diaspora.registry.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import vn.diaspora.registry.record.SealedFields;

import java.util.Base64;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FieldCipherTest {
    static final String OLD_KEY = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());
    static final String NEW_KEY = Base64.getEncoder().encodeToString("fedcba9876543210fedcba9876543210".getBytes());
    static final ObjectMapper JSON = new ObjectMapper();

    static FieldCipher cipher(String key, String id, String... retired) {
        return new FieldCipher(Optional.of(key), id, Optional.of(List.of(retired)));
    }

    @Test
    void sealsWithAFreshNonceAndOpensBack() {
        FieldCipher cipher = cipher(OLD_KEY, "k1");
        String text = "{\"email\":\"huong.nguyen@example.jp\",\"phone\":\"+81 6 1234 5678\"}";
        String a = cipher.seal(text);
        String b = cipher.seal(text);
        assertTrue(a.startsWith("enc:v1:k1:"), a);
        assertFalse(a.contains("huong"));
        assertNotEquals(a, b, "the same value sealed twice must not look the same");
        assertEquals(text, cipher.open(a));
        assertEquals("Nguyễn Thị Hương, ghi chú", cipher.open(cipher.seal("Nguyễn Thị Hương, ghi chú")));
    }

    @Test
    void aRotatedKeyStillOpensWhatTheOldOneSealed() {
        String sealed = cipher(OLD_KEY, "k1").seal("note");
        FieldCipher rotated = cipher(NEW_KEY, "k2", "k1:" + OLD_KEY);
        assertEquals("note", rotated.open(sealed));
        assertTrue(rotated.seal("note").startsWith("enc:v1:k2:"));
        IllegalStateException unknown = assertThrows(IllegalStateException.class, () -> cipher(NEW_KEY, "k2").open(sealed));
        assertTrue(unknown.getMessage().contains("'k1'"), unknown.getMessage());
    }

    @Test
    void resealingBringsClearAndOldValuesUnderTheCurrentKeyAndLeavesCurrentOnesAlone() throws Exception {
        String old = cipher(OLD_KEY, "k1").seal("note");
        FieldCipher rotated = cipher(NEW_KEY, "k2", "k1:" + OLD_KEY);
        String current = rotated.seal("note");
        assertEquals(current, rotated.reseal(current));
        assertTrue(rotated.reseal(old).startsWith("enc:v1:k2:"));
        assertEquals("note", cipher(NEW_KEY, "k2").open(rotated.reseal(old)));
        assertEquals("clear", rotated.open(rotated.reseal("clear")));
        String oldNote = cipher(OLD_KEY, "k1").seal("\"note\""); // inside documents a sealed field holds JSON text
        JsonNode document = JSON.readTree("{\"notes\":\"" + oldNote + "\",\"contacts\":{\"phone\":\"+81 6 1234 5678\"}}");
        JsonNode resealed = new SealedFields(rotated, JSON).reseal(document);
        assertTrue(resealed.get("notes").asText().startsWith("enc:v1:k2:") && resealed.get("contacts").asText().startsWith("enc:v1:k2:"));
        assertEquals(JSON.readTree("{\"notes\":\"note\",\"contacts\":{\"phone\":\"+81 6 1234 5678\"}}"), new SealedFields(rotated, JSON).open(resealed));
    }

    @Test
    void aTamperedValueOrAnotherKeysSlotDoesNotOpen() {
        FieldCipher cipher = cipher(OLD_KEY, "k1", "k0:" + NEW_KEY);
        String sealed = cipher.seal("relatives: mother, 0912 345 678");
        char[] chars = sealed.toCharArray();
        int i = sealed.length() - 5;
        chars[i] = chars[i] == 'A' ? 'B' : 'A';
        assertThrows(IllegalStateException.class, () -> cipher.open(new String(chars)));
        assertThrows(IllegalStateException.class, () -> cipher.open(sealed.replace("enc:v1:k1:", "enc:v1:k0:")));
        assertThrows(IllegalStateException.class, () -> cipher.open("clear text"));
    }

    @Test
    void recordJsonKeepsItsSearchableFieldsAndSealsTheOthers() throws Exception {
        FieldCipher cipher = cipher(OLD_KEY, "k1");
        JsonNode record = JSON.readTree("{\"fullName\":\"Nguyễn Văn A\",\"contacts\":{\"email\":\"a@example.jp\"},\"notes\":\"private\",\"relativesContact\":null}");
        JsonNode sealed = new SealedFields(cipher, JSON).seal(record);
        assertEquals("Nguyễn Văn A", sealed.get("fullName").asText());
        assertTrue(sealed.get("contacts").asText().startsWith("enc:v1:k1:"));
        assertTrue(sealed.get("notes").asText().startsWith("enc:v1:k1:"));
        assertTrue(sealed.get("relativesContact").isNull());
        assertEquals(record, new SealedFields(cipher, JSON).open(sealed));
        assertTrue(record.get("contacts").isObject(), "the input is left as it was");
    }

    @Test
    void aMissingOrMalformedKeyStopsTheStart() {
        assertThrows(IllegalStateException.class, () -> new FieldCipher(Optional.empty(), "1", Optional.empty()));
        assertThrows(IllegalStateException.class, () -> cipher(Base64.getEncoder().encodeToString(new byte[16]), "1"));
        assertThrows(IllegalStateException.class, () -> cipher("not base64!", "1"));
        assertThrows(IllegalStateException.class, () -> cipher(OLD_KEY, "1", "no-id-here"));
    }
}
