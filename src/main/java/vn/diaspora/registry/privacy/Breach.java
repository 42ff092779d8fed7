package vn.diaspora.registry.privacy;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import vn.diaspora.registry.security.Sealed;

import java.time.Instant;
import java.util.UUID;

/** A personal-data breach of the registry and its notification to the authority. */
@Entity
@Table(name = "breach")
public class Breach extends PanacheEntityBase {
    @Id
    public UUID id;
    public Instant detectedAt;
    @Convert(converter = Sealed.class)
    public String description;
    public Integer recordsAffected;
    public Instant notifiedAt;
    public String notifiedTo;
    public Instant createdAt;
    public String createdBy;
    public int version;
}
