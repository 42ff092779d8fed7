package vn.diaspora.registry.business;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Convert;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import vn.diaspora.registry.record.RecordEntity;
import vn.diaspora.registry.security.Sealed;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

@Entity
@Table(name = "business")
public class Business extends RecordEntity {
    public String name;
    public String country;
    public String city;
    public String registrationNumber;
    public String sector;
    public String[] products;
    public boolean distributesVietnameseGoods;
    public String[] vietnameseProductGroups;
    @ElementCollection
    @CollectionTable(name = "business_owner", joinColumns = @JoinColumn(name = "business_id"))
    public List<Ownership> owners = new ArrayList<>();
    public String provinceLinks;
    @Convert(converter = Sealed.class)
    public String contacts;
    public String website;
    @Convert(converter = Sealed.class)
    public String notes;

    @Embeddable
    public static class Ownership {
        public UUID personId;
        public String role;
        public BigDecimal sharePercent;

        public Ownership() {
        }

        Ownership(UUID personId, String role, BigDecimal sharePercent) {
            this.personId = personId;
            this.role = role;
            this.sharePercent = sharePercent;
        }
    }
}
