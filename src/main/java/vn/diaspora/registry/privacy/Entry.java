package vn.diaspora.registry.privacy;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import vn.diaspora.registry.common.Ids;

import java.time.Instant;
import java.util.UUID;

/** What every entry of the privacy registers keeps: its id, who recorded it when, its version. */
@MappedSuperclass
abstract class Entry extends PanacheEntityBase {
    @Id
    public UUID id;
    public Instant createdAt;
    public String createdBy;
    public int version;

    /** Stores a new entry recorded by {@code actor} at {@code at}. */
    void record(String actor, Instant at) {
        id = Ids.next();
        createdAt = at;
        createdBy = actor;
        version = 1;
        persist();
    }
}
