package vn.diaspora.registry.business;

import vn.diaspora.registry.common.ErrorCode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import vn.diaspora.registry.business.BusinessData.Owner;
import vn.diaspora.registry.common.ContactDetails;
import vn.diaspora.registry.common.Problem.FieldError;
import vn.diaspora.registry.person.Person;
import vn.diaspora.registry.person.PersonService;
import vn.diaspora.registry.record.JsonColumns;
import vn.diaspora.registry.common.Where;
import vn.diaspora.registry.record.RecordKind;
import vn.diaspora.registry.record.RecordService;
import vn.diaspora.registry.security.Reach;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class BusinessService extends RecordService<Business, BusinessData> {
    @Inject
    PersonService persons;

    public BusinessService() {
        super(RecordKind.BUSINESS, Business.class, BusinessData.class);
    }

    public record Filter(String country, Boolean distributesVietnameseGoods, UUID owner, Instant updatedSince) {
        public Where query() {
            return new Where()
                    .andIf(country, "t.country = ?")
                    .andIf(distributesVietnameseGoods, "t.distributes_vietnamese_goods = ?")
                    .andIf(owner, "t.id IN (SELECT business_id FROM business_owner WHERE person_id = ?)")
                    .andIf(updatedSince, "t.updated_at >= ?");
        }
    }

    @Override
    protected Business newEntity() {
        return new Business();
    }

    @Override
    protected BusinessData toData(Business b) {
        return new BusinessData(b.name, b.country, b.city, b.registrationNumber, b.sector, List.of(b.products),
                b.distributesVietnameseGoods, List.of(b.vietnameseProductGroups),
                b.owners.stream().map(o -> new Owner(o.personId, Owner.Role.valueOf(o.role), o.sharePercent)).toList(),
                b.provinceLinks, JsonColumns.read(json, b.contacts, ContactDetails.class), b.website, b.notes, b.reportingUnit);
    }

    @Override
    protected void apply(BusinessData d, Business b) {
        b.name = d.name();
        b.country = d.country();
        b.city = d.city();
        b.registrationNumber = d.registrationNumber();
        b.sector = d.sector();
        b.products = d.products().toArray(String[]::new);
        b.distributesVietnameseGoods = d.distributesVietnameseGoods();
        b.vietnameseProductGroups = d.vietnameseProductGroups().toArray(String[]::new);
        b.owners.clear();
        d.owners().forEach(o -> b.owners.add(new Business.Ownership(o.personId(), o.role().name(), o.sharePercent())));
        b.provinceLinks = d.provinceLinks();
        b.contacts = JsonColumns.write(json, d.contacts());
        b.website = d.website();
        b.notes = d.notes();
    }

    @Override
    protected List<FieldError> check(BusinessData d, Reach links) {
        List<FieldError> errors = new ArrayList<>();
        checkCountry(errors, "country", d.country());
        if (!d.distributesVietnameseGoods() && !d.vietnameseProductGroups().isEmpty()) {
            errors.add(new FieldError("vietnameseProductGroups", "only for a business that distributes Vietnamese goods", ErrorCode.GOODS_WITHOUT_DISTRIBUTION));
        }
        BigDecimal shares = BigDecimal.ZERO;
        for (int i = 0; i < d.owners().size(); i++) {
            Owner o = d.owners().get(i);
            if (o != null) {
                checkLink(errors, "owners[" + i + "].personId", o.personId(), persons, links);
                shares = o.sharePercent() == null ? shares : shares.add(o.sharePercent());
            }
        }
        if (shares.compareTo(BigDecimal.valueOf(100)) > 0) {
            errors.add(new FieldError("owners", "shares add up to more than 100 %", ErrorCode.SHARES_OVER_100));
        }
        return errors;
    }

    /** Without a reporting unit, the business is reported by the unit of its first owner. */
    @Override
    protected String impliedUnit(BusinessData d, Reach links) {
        if (d.owners().isEmpty() || d.owners().get(0) == null) {
            return null;
        }
        Person owner = persons.findWithin(d.owners().get(0).personId(), links);
        return owner == null ? null : owner.reportingUnit;
    }

    @Override
    protected String linksToPerson() {
        return "SELECT DISTINCT o.business_id FROM business_owner o JOIN business b ON b.id = o.business_id WHERE o.person_id = ?1 AND b.deleted_at IS NULL";
    }
}
