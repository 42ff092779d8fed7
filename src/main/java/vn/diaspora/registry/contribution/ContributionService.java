package vn.diaspora.registry.contribution;

import vn.diaspora.registry.common.ErrorCode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import vn.diaspora.registry.association.AssociationService;
import vn.diaspora.registry.business.BusinessService;
import vn.diaspora.registry.common.Problem.FieldError;
import vn.diaspora.registry.contribution.ContributionData.Kind;
import vn.diaspora.registry.person.PersonService;
import vn.diaspora.registry.record.RecordEntity;
import vn.diaspora.registry.common.Where;
import vn.diaspora.registry.record.RecordKind;
import vn.diaspora.registry.record.RecordService;
import vn.diaspora.registry.security.Reach;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

@ApplicationScoped
public class ContributionService extends RecordService<Contribution, ContributionData> {
    @Inject
    PersonService persons;
    @Inject
    AssociationService associations;
    @Inject
    BusinessService businesses;

    public ContributionService() {
        super(RecordKind.CONTRIBUTION, Contribution.class, ContributionData.class);
    }

    public record Filter(Kind kind, UUID person, UUID association, UUID business, LocalDate from, LocalDate to, Instant updatedSince) {
        public Where query() {
            return new Where()
                    .andIf(kind == null ? null : kind.name(), "t.kind = ?")
                    .andIf(person, "t.person_id = ?")
                    .andIf(association, "t.association_id = ?")
                    .andIf(business, "t.business_id = ?")
                    .andIf(from, "t.contributed_on >= ?")
                    .andIf(to, "t.contributed_on <= ?")
                    .andIf(updatedSince, "t.updated_at >= ?");
        }
    }

    @Override
    protected Contribution newEntity() {
        return new Contribution();
    }

    @Override
    protected ContributionData toData(Contribution c) {
        return new ContributionData(Kind.valueOf(c.kind), c.date, c.amount, c.currency, c.description, c.project,
                c.personId, c.associationId, c.businessId, c.reportingUnit);
    }

    @Override
    protected void apply(ContributionData d, Contribution c) {
        c.kind = d.kind().name();
        c.date = d.date();
        c.amount = d.amount();
        c.currency = d.currency();
        c.description = d.description();
        c.project = d.project();
        c.personId = d.personId();
        c.associationId = d.associationId();
        c.businessId = d.businessId();
    }

    @Override
    protected List<FieldError> check(ContributionData d, Reach links) {
        List<FieldError> errors = new ArrayList<>();
        if (d.personId() == null && d.associationId() == null && d.businessId() == null) {
            errors.add(new FieldError("personId", "name the contributor: personId, associationId or businessId", ErrorCode.CONTRIBUTOR_REQUIRED));
        }
        checkLink(errors, "personId", d.personId(), persons, links);
        checkLink(errors, "associationId", d.associationId(), associations, links);
        checkLink(errors, "businessId", d.businessId(), businesses, links);
        if (d.amount() != null && d.currency() == null) {
            errors.add(new FieldError("currency", "required with an amount", ErrorCode.CURRENCY_REQUIRED));
        }
        if (d.currency() != null && d.currency().matches("[A-Z]{3}") && !isCurrency(d.currency())) {
            errors.add(new FieldError("currency", "'" + d.currency() + "' is not an ISO 4217 currency code", ErrorCode.CURRENCY_UNKNOWN));
        }
        return errors;
    }

    private static boolean isCurrency(String code) {
        return Currency.getAvailableCurrencies().stream().anyMatch(c -> c.getCurrencyCode().equals(code));
    }

    /** Without a reporting unit, the contribution is reported by its contributor's unit. */
    @Override
    protected String impliedUnit(ContributionData d, Reach links) {
        return Stream.of(persons.findWithin(d.personId(), links), associations.findWithin(d.associationId(), links), businesses.findWithin(d.businessId(), links))
                .filter(r -> r != null).map((RecordEntity r) -> r.reportingUnit).findFirst().orElse(null);
    }

    @Override
    protected String linksToPerson() {
        return "SELECT id FROM contribution WHERE person_id = ?1 AND deleted_at IS NULL";
    }
}
