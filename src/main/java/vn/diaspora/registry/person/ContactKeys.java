package vn.diaspora.registry.person;

import vn.diaspora.registry.common.ContactDetails;
import vn.diaspora.registry.security.FieldCipher;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The blind keys of a person's e-mail and phone, by which the duplicate scan finds two persons
 * with the same contact while the contacts stay encrypted: an e-mail without case, a phone as
 * its digits.
 */
final class ContactKeys {
    private static final String PURPOSE = "person-contact-match";

    private ContactKeys() {
    }

    static String[] of(ContactDetails contacts, FieldCipher cipher) {
        List<String> keys = new ArrayList<>();
        if (contacts != null && contacts.email() != null && !contacts.email().isBlank()) {
            keys.add(cipher.blindKey(PURPOSE, "email:" + contacts.email().strip().toLowerCase(Locale.ROOT)));
        }
        String digits = contacts == null || contacts.phone() == null ? "" : contacts.phone().replaceAll("[^0-9]", "");
        if (digits.length() >= 6) {
            keys.add(cipher.blindKey(PURPOSE, "phone:" + digits));
        }
        return keys.toArray(String[]::new);
    }
}
