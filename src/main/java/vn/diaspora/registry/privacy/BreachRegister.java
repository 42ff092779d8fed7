package vn.diaspora.registry.privacy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import vn.diaspora.registry.audit.AuditLog;
import vn.diaspora.registry.common.ProblemException;
import vn.diaspora.registry.common.Validation;
import vn.diaspora.registry.privacy.PrivacyViews.BreachInput;
import vn.diaspora.registry.privacy.PrivacyViews.BreachView;
import vn.diaspora.registry.privacy.PrivacyViews.Notice;
import vn.diaspora.registry.security.Caller;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The breach register: each incident with the time it was detected and the 72-hour deadline to
 * notify the authority. Incidents are confidential: every read is audited, so the register
 * shows who saw it.
 */
@ApplicationScoped
public class BreachRegister {
    static final String COLLECTION = "breaches";
    static final Duration NOTIFY_WITHIN = Duration.ofHours(72);
    static final int MAX_LISTED = 1000;

    @Inject
    EntityManager em;
    @Inject
    Caller caller;
    @Inject
    AuditLog audit;
    @Inject
    Clock clock;
    @Inject
    Validation validation;

    @Transactional
    public BreachView record(BreachInput in) {
        validation.valid(in);
        Breach b = new Breach();
        b.detectedAt = in.detectedAt();
        b.description = in.description();
        b.recordsAffected = in.recordsAffected();
        b.record(caller.subject(), Instant.now(clock));
        audit.record(AuditLog.Action.CREATE, COLLECTION, List.of(b.id), 1);
        return view(b);
    }

    @Transactional
    public List<BreachView> list() {
        List<BreachView> all = Breach.<Breach>find("ORDER BY detectedAt DESC, id").page(0, MAX_LISTED).list().stream().map(this::view).toList();
        audit.record(AuditLog.Action.SEARCH, COLLECTION, all.stream().map(BreachView::id).toList(), all.size());
        return all;
    }

    @Transactional
    public BreachView get(UUID id) {
        BreachView view = view(find(id, false));
        audit.record(AuditLog.Action.READ, COLLECTION, List.of(id), 1);
        return view;
    }

    @Transactional
    public BreachView notified(UUID id, Notice notice) {
        validation.valid(notice);
        Breach b = find(id, true);
        if (b.notifiedAt != null) {
            throw ProblemException.conflict("Breach " + id + " was notified at " + b.notifiedAt, List.of());
        }
        if (notice.at().isBefore(b.detectedAt)) {
            throw ProblemException.invalid("at", "before the breach was detected (" + b.detectedAt + ")");
        }
        b.notifiedAt = notice.at();
        b.notifiedTo = notice.to();
        b.version++;
        audit.record(AuditLog.Action.UPDATE, COLLECTION, List.of(id), 1);
        return view(b);
    }

    private Breach find(UUID id, boolean lock) {
        Breach b = lock ? em.find(Breach.class, id, LockModeType.PESSIMISTIC_WRITE) : em.find(Breach.class, id);
        if (b == null) {
            throw ProblemException.notFound("Breach " + id);
        }
        return b;
    }

    private BreachView view(Breach b) {
        Instant notifyBy = b.detectedAt.plus(NOTIFY_WITHIN);
        boolean overdue = b.notifiedAt == null && Instant.now(clock).isAfter(notifyBy);
        return new BreachView(b.id, b.detectedAt, b.description, b.recordsAffected, notifyBy, b.notifiedAt, b.notifiedTo, overdue,
                b.version, b.createdAt, b.createdBy);
    }
}
