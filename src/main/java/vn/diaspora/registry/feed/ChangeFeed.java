package vn.diaspora.registry.feed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.diaspora.registry.audit.AuditLog;
import vn.diaspora.registry.common.Cursor;
import vn.diaspora.registry.common.ProblemException;
import vn.diaspora.registry.record.RecordKind;
import vn.diaspora.registry.record.RecordServices;
import vn.diaspora.registry.security.Caller;
import vn.diaspora.registry.security.Reach;
import vn.diaspora.registry.record.SealedFields;

import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * The change feed: every committed version of the records in the caller's scope, as CloudEvents,
 * after a cursor. An event's data is its version's snapshot as the caller may see the record
 * (the rule of reads and history); a deletion or an erasure is a tombstone without data, and an
 * erasure scrubs the snapshots of the person's earlier versions, so no earlier event shows them.
 */
@ApplicationScoped
public class ChangeFeed {
    /** The most events one call returns. */
    public static final int MAX_LIMIT = 500;
    /** The longest a call waits for a change. */
    public static final int MAX_WAIT_SECONDS = 30;
    static final String SOURCE = "/diaspora-registry/";

    /** A position in the feed: events after it are (xid, seq) greater. */
    record Position(BigInteger xid, long seq) implements Comparable<Position> {
        @Override
        public int compareTo(Position o) {
            int c = xid.compareTo(o.xid);
            return c != 0 ? c : Long.compare(seq, o.seq);
        }

        String encode() {
            return Cursor.encode(xid, seq);
        }

        static Position decode(String cursor) {
            try {
                List<String> keys = Cursor.decode(cursor, 2);
                Position p = keys == null ? null : new Position(new BigInteger(keys.get(0)), Long.parseLong(keys.get(1)));
                if (p != null && (p.xid.signum() < 0 || p.xid.bitLength() > 64 || p.seq < -1)) {  // xid8 and seq as the feed writes them
                    throw new NumberFormatException();
                }
                return p;
            } catch (ProblemException | NumberFormatException e) {
                throw ProblemException.badParameter("after", "not a cursor returned by the feed or a list");
            }
        }
    }

    /** A batch: the events, and the cursor to continue from (after the last event, or at the feed's head when none is left). */
    public record Batch(List<ObjectNode> events, String nextCursor) {
    }

    @Inject
    EntityManager em;
    @Inject
    Caller caller;
    @Inject
    RecordServices records;
    @Inject
    SealedFields sealed;
    @Inject
    ObjectMapper json;
    @Inject
    AuditLog audit;
    @Inject
    ChangeSignal signal;
    @Inject
    FeedWaits waits;
    @Inject
    io.vertx.core.Vertx vertx;
    @Inject
    org.eclipse.microprofile.context.ThreadContext context;
    @Inject
    org.eclipse.microprofile.context.ManagedExecutor workers;
    @ConfigProperty(name = "registry.feed.retention", defaultValue = "P90D")
    Duration retention;

    /**
     * A change whose commit woke a reader may still be behind the fence (an older transaction is
     * open): the reader looks again after these waits, doubling, until the fence passes it.
     */
    private static final long FIRST_RECHECK_MS = 50;
    private static final long LAST_RECHECK_MS = 1_000;

    /**
     * The events after {@code after} (from the start of what is kept when null), waiting up to
     * {@code waitSeconds} for one. The first read runs on the caller's thread; a wait holds no
     * thread: it listens for the next commit (ChangeSignal) and a Vert.x timer, and each later read
     * runs on a worker in the request's own context (scope, audit), then lets the worker go.
     */
    public CompletionStage<Batch> read(String after, int limit, Set<String> types, int waitSeconds) {
        Position from = Position.decode(after);
        Batch first = page(from, limit, types);
        if (!first.events().isEmpty() || waitSeconds == 0) {
            return CompletableFuture.completedFuture(first);
        }
        FeedWaits.Place place = waits.enter(caller.subject());
        Supplier<Batch> again = context.contextualSupplier(() -> page(from, limit, types));
        CompletableFuture<Batch> answer = new CompletableFuture<>();
        awaitChange(answer, again, System.nanoTime() + waitSeconds * 1_000_000_000L, 0);
        return answer.whenComplete((batch, failure) -> waits.leave(place));
    }

    /** Reads again on the next commit, at the deadline, or (after a commit it could not see yet) after {@code recheck} ms. */
    private void awaitChange(CompletableFuture<Batch> answer, Supplier<Batch> again, long deadline, long recheck) {
        long left = Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
        CompletableFuture<Boolean> woken = signal.next().thenApply(change -> change);
        long timer = vertx.setTimer(recheck == 0 ? left : Math.min(left, recheck), id -> woken.complete(null));
        woken.thenAccept(change -> {
            vertx.cancelTimer(timer);
            if (Boolean.FALSE.equals(change)) {  // a quiet tick of the listener: nothing to read
                awaitChange(answer, again, deadline, recheck);
                return;
            }
            workers.execute(() -> {
                try {
                    Batch batch = again.get();
                    if (!batch.events().isEmpty() || System.nanoTime() >= deadline) {
                        answer.complete(batch);
                    } else {
                        awaitChange(answer, again, deadline, change != null ? FIRST_RECHECK_MS : recheck == 0 ? 0 : Math.min(recheck * 2, LAST_RECHECK_MS));
                    }
                } catch (RuntimeException e) {
                    answer.completeExceptionally(e);
                }
            });
        });
    }

    private static final String EVENTS = """
            SELECT e.xid::text, e.seq, e.collection, e.record_id, e.version, e.at, v.action, v.reason, v.snapshot::text,
                   r.reporting_unit, r.province_code, r.merged_into
            FROM change_event e
            JOIN record_version v ON v.collection = e.collection AND v.record_id = e.record_id AND v.version = e.version
                                   AND v.at = e.at  -- the version's month only
            JOIN LATERAL (SELECT reporting_unit, province_code, merged_into FROM person WHERE e.collection = 'persons' AND id = e.record_id
                          UNION ALL SELECT reporting_unit, province_code, NULL FROM association WHERE e.collection = 'associations' AND id = e.record_id
                          UNION ALL SELECT reporting_unit, province_code, NULL FROM business WHERE e.collection = 'businesses' AND id = e.record_id
                          UNION ALL SELECT reporting_unit, province_code, NULL FROM contribution WHERE e.collection = 'contributions' AND id = e.record_id) r ON true
            WHERE (e.xid, e.seq) > (cast(?1 AS xid8), ?2) AND e.xid < pg_snapshot_xmin(pg_current_snapshot())
              AND (cardinality(cast(?3 AS text[])) = 0 OR e.collection = ANY(cast(?3 AS text[])))
              AND\s""";

    @Transactional
    Batch page(Position from, int limit, Set<String> types) {
        Position horizon = horizon();
        if (from != null && horizon != null && from.compareTo(horizon) < 0) {
            throw ProblemException.gone("The feed no longer holds the changes after this cursor (it keeps "
                    + retention.toDays() + " days): resynchronise from the lists, whose first page gives the feed cursor to continue from "
                    + "(header " + SnapshotCursor.HEADER + ")", "after", "older than the feed's retention");
        }
        if (from != null && from.compareTo(headPosition()) > 0) {
            // past the head: no event will ever come after it, so a reader would wait there forever
            throw ProblemException.badParameter("after", "not a cursor returned by the feed or a list");
        }
        Slice slice = slice(from, limit, types, caller.readable());
        List<ObjectNode> events = new ArrayList<>();
        List<UUID> subjects = new ArrayList<>();
        slice.rows().forEach(r -> {
            events.add(event(position(r), r));
            subjects.add((UUID) r[3]);
        });
        audit.record(AuditLog.Action.READ, "changes", subjects, events.size());
        return new Batch(events, slice.next().encode());
    }

    /** The wanted events' rows of a read, and where the next read continues. */
    record Slice(List<Object[]> rows, Position next) {
    }

    /**
     * The events after {@code from} (from the start when null) of records within {@code reach}
     * that {@code types} asks for, at most {@code limit} read; the next read continues after the
     * last one read, or at the feed's head (taken before reading) when every event up to it was
     * read: what lies outside the reach or the types is never read again. The feed and the
     * webhooks read through this one place.
     */
    Slice slice(Position from, int limit, Set<String> types, Reach reach) {
        Position head = headPosition();
        List<Object[]> rows = rows(from, limit, types, reach);
        Position last = from;
        List<Object[]> wanted = new ArrayList<>();
        for (Object[] r : rows.subList(0, Math.min(limit, rows.size()))) {
            last = position(r);
            if (wanted(types, r)) {
                wanted.add(r);
            }
        }
        Position next = rows.size() > limit ? last : last == null || last.compareTo(head) < 0 ? head : last;
        return new Slice(wanted, from != null && next.compareTo(from) < 0 ? from : next);
    }

    /**
     * Up to {@code limit + 1} committed events after {@code from} (from the start when null) of
     * records within {@code reach}, of the kinds {@code types} name (all when empty), in feed order.
     */
    private List<Object[]> rows(Position from, int limit, Set<String> types, Reach reach) {
        List<Object> values = new ArrayList<>();
        String scope = reach.sql("r.reporting_unit", "r.province_code", value -> {
            values.add(value);
            return "?" + (values.size() + 3);
        });
        Set<String> collections = new LinkedHashSet<>();
        types.forEach(t -> collections.add(kindOf(t).collection()));
        var query = em.createNativeQuery(EVENTS + scope + " ORDER BY e.xid, e.seq LIMIT " + (limit + 1))
                .setParameter(1, from == null ? "0" : from.xid().toString()).setParameter(2, from == null ? -1L : from.seq())
                .setParameter(3, "{" + String.join(",", collections) + "}");
        for (int i = 0; i < values.size(); i++) {
            query.setParameter(i + 4, values.get(i));
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return rows;
    }

    static Position position(Object[] r) {
        return new Position(new BigInteger((String) r[0]), ((Number) r[1]).longValue());
    }

    /** Whether the event of row {@code r} is of a type asked for (a type, or a kind: vn.diaspora.person); all when none is. */
    private static boolean wanted(Set<String> types, Object[] r) {
        String type = type(r);
        return types.isEmpty() || types.contains(type) || types.contains(type.substring(0, type.lastIndexOf('.')));
    }

    /** The event's type, e.g. vn.diaspora.person.merged: a merge is the deletion of a person merged into another. */
    static String type(Object[] r) {
        String change = switch ((String) r[6]) {
            case "CREATE" -> "created";
            case "UPDATE" -> "updated";
            default -> r[7] != null && ((String) r[7]).startsWith("erasure:") ? "erased" : r[11] != null ? "merged" : "deleted";
        };
        return TYPE_PREFIX + RecordKind.ofCollection((String) r[2]).table() + "." + change;
    }

    /** The CloudEvent of row {@code r} without data: what a webhook carries, and what the feed fills in. */
    ObjectNode envelope(Position at, Object[] r) {
        return json.createObjectNode()
                .put("specversion", "1.0")
                .put("id", at.xid() + "-" + at.seq())
                .put("source", SOURCE + r[2])
                .put("type", type(r))
                .put("subject", r[3].toString())
                .put("time", vn.diaspora.registry.common.SqlValues.instant(r[5]).toString())
                .put("sequence", at.encode());
    }

    /**
     * The CloudEvent of a version: its data the snapshot as the caller may see the record; for a
     * deletion or an erasure a tombstone with the version only; for a merge (the deletion of a
     * merged person) a tombstone naming the survivor.
     */
    private ObjectNode event(Position at, Object[] r) {
        RecordKind kind = RecordKind.ofCollection((String) r[2]);
        ObjectNode event = envelope(at, r);
        String type = event.get("type").asText();
        String change = type.substring(type.lastIndexOf('.') + 1);
        if (change.equals("created") || change.equals("updated")) {
            ObjectNode data = (ObjectNode) records.of(kind).asSeen(sealed.open(parse((String) r[8])), (String) r[9], (String) r[10]);
            data.put("version", ((Number) r[4]).intValue());
            event.put("datacontenttype", "application/json").set("data", data);
        } else {
            ObjectNode tombstone = json.createObjectNode().put("version", ((Number) r[4]).intValue());  // no personal data
            if (change.equals("merged") && mayRead((UUID) r[11])) {
                tombstone.put("mergedInto", r[11].toString());  // named only to whom may read the survivor, as a read's 308
            }
            event.set("data", tombstone);
        }
        return event;
    }

    private boolean mayRead(UUID person) {
        Object[] where = (Object[]) em.createNativeQuery("SELECT reporting_unit, province_code FROM person WHERE id = ?1")
                .setParameter(1, person).getSingleResult();
        return caller.canRead((String) where[0], (String) where[1]);
    }

    static final String TYPE_PREFIX = "vn.diaspora.";

    /** The changes an event tells, the last part of its type. */
    static final List<String> CHANGES = List.of("created", "updated", "deleted", "erased", "merged");

    /**
     * A type filter as the feed names it (vn.diaspora.person.updated for person.updated): a kind,
     * or a kind and one of {@link #CHANGES}; 400 naming the field for anything else.
     */
    static String qualified(String type) {
        kindOf(type);
        return type.startsWith(TYPE_PREFIX) ? type : TYPE_PREFIX + type;
    }

    /** A type filter's kind: vn.diaspora.person.updated, person.updated or person. */
    static RecordKind kindOf(String type) {
        String bare = type == null ? "" : type.startsWith(TYPE_PREFIX) ? type.substring(TYPE_PREFIX.length()) : type;
        int dot = bare.indexOf('.');
        String noun = dot < 0 ? bare : bare.substring(0, dot);
        if (dot < 0 || CHANGES.contains(bare.substring(dot + 1))) {
            for (RecordKind k : RecordKind.values()) {
                if (k.table().equals(noun)) {
                    return k;
                }
            }
        }
        throw ProblemException.badParameter("types", "'" + (type == null ? "" : type.length() > 60 ? type.substring(0, 60) + "…" : type)
                + "' is not a type of the feed, e.g. vn.diaspora.person.updated");
    }

    private Position horizon() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT xid::text, seq FROM change_feed_horizon").getResultList();
        return rows.isEmpty() ? null : new Position(new BigInteger((String) rows.get(0)[0]), ((Number) rows.get(0)[1]).longValue());
    }

    /** The feed's head now: where a reader that has just read the lists continues (SnapshotCursor). */
    @Transactional
    public String head() {
        return headPosition().encode();
    }

    /** Every transaction older than this one's snapshot has ended: the events of those are all there is up to here. */
    private Position headPosition() {
        return new Position(new BigInteger((String) em.createNativeQuery("SELECT pg_snapshot_xmin(pg_current_snapshot())::text")
                .getSingleResult()), -1);
    }

    private JsonNode parse(String text) {
        try {
            return json.readTree(text);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
