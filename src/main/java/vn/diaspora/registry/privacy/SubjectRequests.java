package vn.diaspora.registry.privacy;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.diaspora.registry.audit.AuditLog;
import vn.diaspora.registry.common.ProblemException;
import vn.diaspora.registry.common.Validation;
import vn.diaspora.registry.person.Person;
import vn.diaspora.registry.privacy.PrivacyViews.RequestInput;
import vn.diaspora.registry.privacy.PrivacyViews.RequestView;
import vn.diaspora.registry.privacy.PrivacyViews.State;
import vn.diaspora.registry.privacy.PrivacyViews.Step;
import vn.diaspora.registry.security.Caller;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Data subjects' requests and their legal clocks: recorded by a registry admin with the day they
 * were received, then acknowledged, perhaps extended once, and completed. A request whose next
 * step is past its deadline is overdue: listed with {@code overdue=true} and counted in the
 * metric {@code registry_privacy_requests_overdue}. Every read and change is audited.
 */
@ApplicationScoped
public class SubjectRequests {
    static final String COLLECTION = "subject-requests";
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
    MeterRegistry metrics;
    @Inject
    Validation validation;

    private final LegalClock legal;
    private final AtomicLong overdue = new AtomicLong();

    SubjectRequests(@ConfigProperty(name = "registry.privacy.holidays") Optional<List<LocalDate>> holidays) {
        this.legal = new LegalClock(new HashSet<>(holidays.orElse(List.of())));
    }

    void metric(@Observes StartupEvent start) {
        metrics.gauge("registry.privacy.requests.overdue", overdue);
    }

    @Transactional
    public RequestView record(RequestInput in) {
        validation.valid(in);
        if (in.personId() != null && em.find(Person.class, in.personId()) == null) {
            throw ProblemException.invalid("personId", "no person " + in.personId());
        }
        SubjectRequest r = new SubjectRequest();
        r.kind = in.kind();
        r.personId = in.personId();
        r.receivedOn = in.receivedOn();
        r.requester = in.requester();
        r.record(caller.subject(), Instant.now(clock));
        audit.record(AuditLog.Action.CREATE, COLLECTION, List.of(r.id), 1);
        return view(r);
    }

    @Transactional
    public RequestView get(UUID id) {
        SubjectRequest r = find(id, false);
        audit.record(AuditLog.Action.READ, COLLECTION, List.of(id), 1);
        return view(r);
    }

    /** Open and completed requests, oldest first; {@code overdueOnly} keeps those past a deadline. */
    @Transactional
    public List<RequestView> list(boolean overdueOnly) {
        List<RequestView> all = SubjectRequest.<SubjectRequest>find("ORDER BY receivedOn, id").page(0, MAX_LISTED).list()
                .stream().map(this::view).filter(v -> !overdueOnly || v.overdue()).toList();
        audit.record(AuditLog.Action.SEARCH, COLLECTION, all.stream().map(RequestView::id).toList(), all.size());
        return all;
    }

    @Transactional
    public RequestView acknowledge(UUID id, Step step) {
        SubjectRequest r = find(id, true);
        requireOpen(r);
        if (r.acknowledgedOn != null) {
            throw conflict(r, "it was acknowledged on " + r.acknowledgedOn);
        }
        r.acknowledgedOn = day(validation.valid(step), r);
        return changed(r);
    }

    @Transactional
    public RequestView extend(UUID id, Step step) {
        SubjectRequest r = find(id, true);
        requireOpen(r);
        if (r.extendedOn != null) {
            throw conflict(r, "the law allows one extension; it was extended on " + r.extendedOn);
        }
        if (step == null || step.text() == null) {
            throw ProblemException.invalid("text", "required: why the request needs more time (it is told to the person)");
        }
        LocalDate on = day(validation.valid(step), r);
        LocalDate due = legal.completeBy(r.receivedOn, false);
        if (on.isAfter(due)) {
            // an extension is decided within the first 15 days; one decided later would hide that the request is late
            throw conflict(r, "the 15 days ran out on " + due + ": an extension must be decided by then; complete the request (it stays late)");
        }
        r.extendedOn = on;
        r.extensionReason = step.text();
        return changed(r);
    }

    @Transactional
    public RequestView complete(UUID id, Step step) {
        SubjectRequest r = find(id, true);
        requireOpen(r);
        if (step == null || step.text() == null) {
            throw ProblemException.invalid("text", "required: what was done");
        }
        r.completedOn = day(validation.valid(step), r);
        r.outcome = step.text();
        if (r.acknowledgedOn == null) {
            r.acknowledgedOn = r.completedOn; // an answer acknowledges too
        }
        return changed(r);
    }

    /** Recounts the overdue requests for the metric (a scrape must not query the database). */
    @Scheduled(every = "60s", delay = 5, delayUnit = java.util.concurrent.TimeUnit.SECONDS)
    @Transactional
    public void countOverdue() {
        overdue.set(SubjectRequest.<SubjectRequest>find("completedOn IS NULL").stream().map(this::view).filter(RequestView::overdue).count());
    }

    private RequestView changed(SubjectRequest r) {
        r.version++;
        audit.record(AuditLog.Action.UPDATE, COLLECTION, List.of(r.id), 1);
        return view(r);
    }

    private LocalDate day(Step step, SubjectRequest r) {
        LocalDate day = step == null || step.on() == null ? LocalDate.now(clock) : step.on();
        if (day.isBefore(r.receivedOn)) {
            throw ProblemException.invalid("on", "before the request was received (" + r.receivedOn + ")");
        }
        return day;
    }

    private SubjectRequest find(UUID id, boolean lock) {
        SubjectRequest r = lock ? em.find(SubjectRequest.class, id, LockModeType.PESSIMISTIC_WRITE) : em.find(SubjectRequest.class, id);
        if (r == null) {
            throw ProblemException.notFound("Request " + id);
        }
        return r;
    }

    private static void requireOpen(SubjectRequest r) {
        if (r.completedOn != null) {
            throw conflict(r, "it was completed on " + r.completedOn);
        }
    }

    private static ProblemException conflict(SubjectRequest r, String why) {
        return ProblemException.conflict("Request " + r.id + " cannot take this step: " + why, List.of());
    }

    RequestView view(SubjectRequest r) {
        LocalDate today = LocalDate.now(clock);
        LocalDate acknowledgeBy = legal.acknowledgeBy(r.receivedOn);
        LocalDate completeBy = legal.completeBy(r.receivedOn, r.extendedOn != null);
        boolean late = r.completedOn == null
                && (today.isAfter(completeBy) || (r.acknowledgedOn == null && today.isAfter(acknowledgeBy)));
        State state = r.completedOn != null ? State.COMPLETED : r.extendedOn != null ? State.EXTENDED
                : r.acknowledgedOn != null ? State.ACKNOWLEDGED : State.RECEIVED;
        return new RequestView(r.id, r.kind, r.personId, r.receivedOn, r.requester, state, acknowledgeBy, r.acknowledgedOn,
                completeBy, r.extendedOn, r.extensionReason, r.completedOn, r.outcome, late, r.version, r.createdAt, r.createdBy);
    }
}
