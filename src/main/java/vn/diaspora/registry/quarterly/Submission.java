package vn.diaspora.registry.quarterly;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One reporting unit's update for one period. */
@Entity
@Table(name = "submission")
public class Submission extends PanacheEntityBase {
    @Schema(name = "SubmissionState")
    public enum State { DRAFT, SUBMITTED, ACCEPTED, RETURNED }

    @Id
    public UUID id;
    public String period;
    public String unitCode;
    public String provinceCode;
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    public State state;
    public String reviewComment;
    public int version;
    public Instant createdAt;
    public String createdBy;
    public Instant submittedAt;
    public String submittedBy;
    public Instant reviewedAt;
    public String reviewedBy;
}
