package vn.diaspora.registry.common;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/**
 * Query strings stay out of the traces, as out of the logs: a search's q holds a person's name.
 * The HTTP instrumentation records them when a span starts; they are overwritten before it is exported.
 */
@ApplicationScoped
public class TraceRedaction implements SpanProcessor {
    private static final AttributeKey<String> QUERY = AttributeKey.stringKey("url.query");
    /** Attributes that hold a whole target or URL: kept up to the '?'. */
    private static final List<AttributeKey<String>> WITH_QUERY = List.of(AttributeKey.stringKey("http.target"),
            AttributeKey.stringKey("url.full"), AttributeKey.stringKey("http.url"));

    @Override
    public void onStart(Context parent, ReadWriteSpan span) {
        if (span.getAttribute(QUERY) != null) {
            span.setAttribute(QUERY, "redacted");
        }
        for (AttributeKey<String> key : WITH_QUERY) {
            String value = span.getAttribute(key);
            if (value != null && value.contains("?")) {
                span.setAttribute(key, value.substring(0, value.indexOf('?')) + "?redacted");
            }
        }
    }

    @Override
    public boolean isStartRequired() {
        return true;
    }

    @Override
    public void onEnd(ReadableSpan span) {
        // nothing is added at the end
    }

    @Override
    public boolean isEndRequired() {
        return false;
    }
}
