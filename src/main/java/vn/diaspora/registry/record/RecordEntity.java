package vn.diaspora.registry.record;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

import java.time.Instant;
import java.util.UUID;

/** Bookkeeping shared by every registry record: identity, scope, version, soft delete, who/when. */
@MappedSuperclass
public abstract class RecordEntity extends PanacheEntityBase {
    @Id
    public UUID id;
    public String reportingUnit;
    public String provinceCode;
    public UUID sourceSubmission;
    public int version;
    public String contentHash;
    public Instant createdAt;
    public String createdBy;
    public Instant updatedAt;
    public String updatedBy;
    public Instant deletedAt;
    public String deletedBy;
    public String deleteReason;
}
