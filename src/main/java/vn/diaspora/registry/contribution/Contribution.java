package vn.diaspora.registry.contribution;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import vn.diaspora.registry.record.RecordEntity;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

@Entity
@Table(name = "contribution")
public class Contribution extends RecordEntity {
    public String kind;
    @Column(name = "contributed_on")
    public LocalDate date;
    public BigDecimal amount;
    public String currency;
    public String description;
    public String project;
    public UUID personId;
    public UUID associationId;
    public UUID businessId;
}
