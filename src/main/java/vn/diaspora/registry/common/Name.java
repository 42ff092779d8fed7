package vn.diaspora.registry.common;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A name holds at least one letter (after {@link Text#clean} removed what cannot be seen). */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = Name.Check.class)
public @interface Name {
    String message() default "must contain at least one letter";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<Name, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return Text.hasLetter(value);
        }
    }
}
