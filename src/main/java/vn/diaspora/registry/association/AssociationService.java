package vn.diaspora.registry.association;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import vn.diaspora.registry.association.AssociationData.Kind;
import vn.diaspora.registry.association.AssociationData.Member;
import vn.diaspora.registry.common.ContactDetails;
import vn.diaspora.registry.common.Problem.FieldError;
import vn.diaspora.registry.person.PersonService;
import vn.diaspora.registry.record.JsonColumns;
import vn.diaspora.registry.common.Where;
import vn.diaspora.registry.record.RecordKind;
import vn.diaspora.registry.record.RecordService;
import vn.diaspora.registry.security.Reach;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

@ApplicationScoped
public class AssociationService extends RecordService<Association, AssociationData> {
    @Inject
    PersonService persons;

    public AssociationService() {
        super(RecordKind.ASSOCIATION, Association.class, AssociationData.class);
    }

    public record Filter(String country, Kind kind, java.util.UUID member, Instant updatedSince) {
        public Where query() {
            return new Where()
                    .andIf(country, "t.country = ?")
                    .andIf(kind == null ? null : kind.name(), "t.kind = ?")
                    .andIf(member, "t.id IN (SELECT association_id FROM association_member WHERE person_id = ?)")
                    .andIf(updatedSince, "t.updated_at >= ?");
        }
    }

    @Override
    protected Association newEntity() {
        return new Association();
    }

    @Override
    protected AssociationData toData(Association a) {
        return new AssociationData(a.name, a.originalName, Kind.valueOf(a.kind), a.country, a.city, a.foundedYear, a.memberCount,
                a.members.stream().map(m -> new Member(m.personId, Member.Role.valueOf(m.role))).toList(),
                JsonColumns.read(json, a.contacts, ContactDetails.class), a.website, a.notes, a.reportingUnit);
    }

    @Override
    protected void apply(AssociationData d, Association a) {
        a.name = d.name();
        a.originalName = d.originalName();
        a.kind = d.kind().name();
        a.country = d.country();
        a.city = d.city();
        a.foundedYear = d.foundedYear();
        a.memberCount = d.memberCount();
        a.members.clear();
        d.members().forEach(m -> a.members.add(new Association.Membership(m.personId(), m.role().name())));
        a.contacts = JsonColumns.write(json, d.contacts());
        a.website = d.website();
        a.notes = d.notes();
    }

    @Override
    protected List<FieldError> check(AssociationData d, Reach links) {
        List<FieldError> errors = new ArrayList<>();
        checkCountry(errors, "country", d.country());
        for (int i = 0; i < d.members().size(); i++) {
            if (d.members().get(i) != null) {
                checkLink(errors, "members[" + i + "].personId", d.members().get(i).personId(), persons, links);
            }
        }
        return errors;
    }

    @Override
    protected String impliedUnit(AssociationData d, Reach links) {
        return null;
    }

    @Override
    protected String linksToPerson() {
        return "SELECT DISTINCT m.association_id FROM association_member m JOIN association a ON a.id = m.association_id WHERE m.person_id = ?1 AND a.deleted_at IS NULL";
    }
}
