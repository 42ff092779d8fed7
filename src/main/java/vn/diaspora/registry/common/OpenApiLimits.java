package vn.diaspora.registry.common;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.media.Schema;

import java.math.BigDecimal;
import java.util.List;

/**
 * Limits that follow from a value's type, written into the OpenAPI document so that clients and
 * gateways can check them (OWASP API4: every string, integer and array is bounded): a UUID, a date
 * or an instant has a longest spelling, a Java int or long its range, an upload the body limit.
 * Limits of free text and lists are declared on the fields themselves (@Size, @Max).
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class OpenApiLimits implements OASFilter {
    @Override
    public Schema filterSchema(Schema schema) {
        List<SchemaType> types = schema.getType();
        if (types == null) {
            return schema;
        }
        if (types.contains(SchemaType.STRING) && schema.getMaxLength() == null && schema.getEnumeration() == null) {
            Integer length = switch (schema.getFormat() == null ? "" : schema.getFormat()) {
                case "uuid" -> Limits.UUID;
                case "date" -> Limits.DATE;
                case "date-time" -> Limits.INSTANT;
                case "binary" -> BodyLimit.UPLOAD_BYTES;
                default -> null;
            };
            schema.setMaxLength(length);
        }
        if (types.contains(SchemaType.INTEGER)) {
            boolean isLong = "int64".equals(schema.getFormat());
            if (schema.getMinimum() == null) {
                schema.setMinimum(BigDecimal.valueOf(isLong ? Long.MIN_VALUE : Integer.MIN_VALUE));
            }
            if (schema.getMaximum() == null) {
                schema.setMaximum(BigDecimal.valueOf(isLong ? Long.MAX_VALUE : Integer.MAX_VALUE));
            }
        }
        return schema;
    }
}
