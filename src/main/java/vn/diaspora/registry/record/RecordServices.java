package vn.diaspora.registry.record;

import io.quarkus.arc.All;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The service of each kind of record, for code that handles several kinds (quarterly rows, the portal). */
@ApplicationScoped
public class RecordServices {
    private final Map<RecordKind, RecordService<?, ?>> byKind = new EnumMap<>(RecordKind.class);

    @Inject
    void register(@All List<RecordService<?, ?>> services) {
        services.forEach(s -> byKind.put(s.kind(), s));
    }

    public RecordService<?, ?> of(RecordKind kind) {
        return byKind.get(kind);
    }
}
