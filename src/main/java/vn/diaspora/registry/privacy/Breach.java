package vn.diaspora.registry.privacy;

import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import vn.diaspora.registry.security.Sealed;

import java.time.Instant;

/** A personal-data breach of the registry and its notification to the authority. */
@Entity
@Table(name = "breach")
public class Breach extends Entry {
    public Instant detectedAt;
    @Convert(converter = Sealed.class)
    public String description;
    public Integer recordsAffected;
    public Instant notifiedAt;
    public String notifiedTo;
}
