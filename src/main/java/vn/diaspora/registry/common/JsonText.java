package vn.diaspora.registry.common;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

import java.io.IOException;

/**
 * Every string of a JSON body passes {@link Text#problem} as it is read: a NUL, a control
 * character or a lone surrogate anywhere is a 400 naming its field, never a failed INSERT.
 */
@Singleton
public class JsonText implements ObjectMapperCustomizer {
    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(new SimpleModule("registry-text").addDeserializer(String.class, new Checked()));
    }

    static final class Checked extends StdScalarDeserializer<String> {
        Checked() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext context) throws IOException {
            String value = StringDeserializer.instance.deserialize(p, context);
            String problem = Text.problem(value);
            if (problem != null) {
                throw InvalidFormatException.from(p, problem, null, String.class);
            }
            return value;
        }
    }
}
