package vn.diaspora.registry.common;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Contact details abroad of a person, association or business; left out of api-reader responses. */
@Schema(name = "ContactDetails", description = "Contact details abroad; left out for api-reader")
public record ContactDetails(
        @Email @Size(max = 254) @Schema(example = "huong.nguyen@example.jp") String email,
        @Pattern(regexp = PHONE, message = "must be a phone number, e.g. +81 6 1234 5678") @Schema(example = "+81 6 1234 5678", maxLength = PHONE_LENGTH) String phone,
        @Size(max = 500) @Schema(example = "2-1 Umeda, Kita-ku, Osaka") String address) {

    public static final String PHONE = "\\+?[0-9][0-9 ().-]{5,24}";
    /** The longest phone that PHONE admits. */
    public static final int PHONE_LENGTH = 26;

    public ContactDetails {
        email = Text.clean(email);
        phone = Text.clean(phone);
        address = Text.clean(address);
    }
}
