package vn.diaspora.registry.reference;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

import java.time.LocalDate;

/** An administrative unit in a validity period (codes are reused across the 2025 reform). Loaded by migrations. */
@Entity
@Immutable
@Table(name = "admin_unit")
public class AdminUnit extends PanacheEntityBase {
    @Id
    public Integer id;
    public String code;
    public String name;
    public String unitType;
    public String fullName;
    public String level;
    public String parentCode;
    public String provinceCode;
    public String territory;
    public LocalDate validFrom;
    public LocalDate validTo;

    boolean validOn(LocalDate date) {
        return (validFrom == null || !date.isBefore(validFrom)) && (validTo == null || !date.isAfter(validTo));
    }

    boolean current() {
        return validTo == null;
    }
}
