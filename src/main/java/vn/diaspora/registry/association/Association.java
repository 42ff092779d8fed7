package vn.diaspora.registry.association;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Convert;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import vn.diaspora.registry.record.RecordEntity;
import vn.diaspora.registry.security.Sealed;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

@Entity
@Table(name = "association")
public class Association extends RecordEntity {
    public String name;
    public String originalName;
    public String kind;
    public String country;
    public String city;
    public Integer foundedYear;
    public Integer memberCount;
    @ElementCollection
    @CollectionTable(name = "association_member", joinColumns = @JoinColumn(name = "association_id"))
    public List<Membership> members = new ArrayList<>();
    @Convert(converter = Sealed.class)
    public String contacts;
    public String website;
    @Convert(converter = Sealed.class)
    public String notes;

    @Embeddable
    public static class Membership {
        public UUID personId;
        public String role;

        public Membership() {
        }

        Membership(UUID personId, String role) {
            this.personId = personId;
            this.role = role;
        }
    }
}
