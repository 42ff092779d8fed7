package vn.diaspora.registry.security;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Keeps an entity's text column encrypted (FieldCipher): {@code @Convert(converter = Sealed.class)}. */
@Converter
public class Sealed implements AttributeConverter<String, String> {
    private FieldCipher cipher;

    // Hibernate creates converters itself; the cipher bean is looked up on first use.
    private FieldCipher cipher() {
        if (cipher == null) {
            cipher = CDI.current().select(FieldCipher.class).get();
        }
        return cipher;
    }

    @Override
    public String convertToDatabaseColumn(String plaintext) {
        return cipher().seal(plaintext);
    }

    @Override
    public String convertToEntityAttribute(String stored) {
        return cipher().open(stored);
    }
}
