package vn.diaspora.registry.record;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import vn.diaspora.registry.security.FieldCipher;

import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The sealed fields of a record's JSON, in every document that holds one (versions, submission
 * rows, the change feed): each is kept encrypted by a {@link FieldCipher} as the text of its JSON
 * value. Which fields those are is the record kinds' to say ({@link RecordKind#sealedAnywhere}).
 */
@ApplicationScoped
public class SealedFields {
    /** The fields kept encrypted, by their JSON names (the same in records, versions and rows). */
    public static final List<String> NAMES = RecordKind.sealedAnywhere();

    private final FieldCipher cipher;
    private final ObjectMapper json;

    /** With the service's cipher; another (a rotated key's) for re-sealing with it. */
    @Inject
    public SealedFields(FieldCipher cipher, ObjectMapper json) {
        this.cipher = cipher;
        this.json = json;
    }

    /** A copy of a record's JSON with its sealed fields encrypted (each as the text of its JSON value). */
    public JsonNode seal(JsonNode data) {
        return withSealedFields(data, value -> TextNode.valueOf(cipher.seal(value.toString())));
    }

    /** The inverse of {@link #seal}. */
    public JsonNode open(JsonNode data) {
        return withSealedFields(data, value -> {
            try {
                return json.readTree(cipher.open(value.asText()));
            } catch (java.io.IOException e) {
                throw new IllegalStateException("a sealed field does not hold JSON", e);
            }
        });
    }

    /** {@link FieldCipher#reseal} for each sealed field; a clear field is sealed as the text of its JSON value. */
    public JsonNode reseal(JsonNode data) {
        return withSealedFields(data, value -> TextNode.valueOf(value.isTextual() && FieldCipher.isSealed(value.asText())
                ? cipher.reseal(value.asText()) : cipher.seal(value.toString())));
    }

    /** A copy of {@code data} with {@code change} applied to each sealed field that has a value; {@code data} itself when none has. */
    private static JsonNode withSealedFields(JsonNode data, UnaryOperator<JsonNode> change) {
        if (!(data instanceof ObjectNode object) || NAMES.stream().noneMatch(f -> isPresent(object.get(f)))) {
            return data;
        }
        ObjectNode copy = object.deepCopy();
        for (String field : NAMES) {
            if (isPresent(copy.get(field))) {
                copy.set(field, change.apply(copy.get(field)));
            }
        }
        return copy;
    }

    private static boolean isPresent(JsonNode value) {
        return value != null && !value.isNull();
    }
}
