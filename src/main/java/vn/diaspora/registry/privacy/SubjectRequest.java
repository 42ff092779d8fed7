package vn.diaspora.registry.privacy;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import vn.diaspora.registry.security.Sealed;

import java.time.LocalDate;
import java.util.UUID;

/** A data subject's request, as the registry admin recorded it, and how far it has come. */
@Entity
@Table(name = "subject_request")
public class SubjectRequest extends Entry {
    @Schema(name = "SubjectRequestKind")
    public enum Kind { ACCESS, CORRECTION, DELETION, RESTRICTION, OBJECTION, CONSENT_WITHDRAWAL }

    @Enumerated(EnumType.STRING)
    public Kind kind;
    public UUID personId;
    public LocalDate receivedOn;
    @Convert(converter = Sealed.class)
    public String requester;
    public LocalDate acknowledgedOn;
    public LocalDate extendedOn;
    public String extensionReason;
    public LocalDate completedOn;
    public String outcome;
}
