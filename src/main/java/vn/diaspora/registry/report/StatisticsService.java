package vn.diaspora.registry.report;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.diaspora.registry.common.Limits;
import vn.diaspora.registry.common.ProblemException;
import vn.diaspora.registry.common.SqlValues;
import vn.diaspora.registry.quarterly.Period;
import vn.diaspora.registry.record.RecordKind;
import vn.diaspora.registry.security.Caller;
import vn.diaspora.registry.security.Reach;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Counts of the registry as of the end of a period, and the changes during it, computed from the
 * records' versions, so that a past quarter's figures do not move when records change later.
 */
@ApplicationScoped
public class StatisticsService {
    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    /** What can be counted: a collection, a key taken from each version's snapshot, what is summed, which versions count. */
    public enum GroupBy {
        COUNTRY(RecordKind.PERSON, "s.snapshot->>'country'", "country"),
        HOMETOWN(RecordKind.PERSON, "s.snapshot->>'hometownCode'", "hometown"),
        UNIT(RecordKind.PERSON, "s.snapshot->>'reportingUnit'", "hometown"),
        CATEGORY(RecordKind.PERSON, "jsonb_array_elements_text(coalesce(s.snapshot->'categories', '[]'))", "category"),
        RESIDENCE_STATUS(RecordKind.PERSON, "s.snapshot->>'residenceStatus'", "residenceStatus"),
        ASSOCIATION_COUNTRY(RecordKind.ASSOCIATION, "s.snapshot->>'country'", "country"),
        ASSOCIATION_KIND(RecordKind.ASSOCIATION, "s.snapshot->>'kind'", "associationKind"),
        BUSINESS_COUNTRY(RecordKind.BUSINESS, "s.snapshot->>'country'", "country"),
        /** Businesses that distribute Vietnamese goods, by country. */
        VIETNAMESE_GOODS_COUNTRY(RecordKind.BUSINESS, "s.snapshot->>'country'", "country", null, "(s.snapshot->>'distributesVietnameseGoods') = 'true'"),
        /** Contributions by kind and currency (the key is "KIND CURRENCY"), with their amounts summed. */
        CONTRIBUTION_KIND(RecordKind.CONTRIBUTION, "s.snapshot->>'kind' || coalesce(' ' || (s.snapshot->>'currency'), '')", "contributionKind",
                "CASE WHEN jsonb_typeof(s.snapshot->'amount') = 'number' THEN (s.snapshot->>'amount')::numeric END", "true");

        final RecordKind kind;
        final String key;
        /** The code list the key's first word is a code of (GroupLabels names it). */
        final String codes;
        final String amount;
        final String only;

        GroupBy(RecordKind kind, String key, String codes) {
            this(kind, key, codes, null, "true");
        }

        GroupBy(RecordKind kind, String key, String codes, String amount, String only) {
            this.kind = kind;
            this.key = key;
            this.codes = codes;
            this.amount = amount == null ? "NULL::numeric" : amount;
            this.only = only;
        }
    }

    @Schema(name = "StatisticsRow")
    public record Row(@Schema(description = "The group, e.g. a country code", maxLength = 50) String key,
                      @Schema(description = "The group's name in Vietnamese, e.g. Nhật Bản", maxLength = 300) String label,
                      @Schema(description = "Records at the end of the period") long count,
                      @Schema(description = "Records created during the period") long added,
                      @Schema(description = "Records changed during the period (not counting their creation)") long updated,
                      @Schema(description = "Records deleted during the period") long removed,
                      @Schema(description = "Sum of contribution amounts at the end of the period (contributions only; mixed currencies are summed per currency key)") BigDecimal amount) {
    }

    @Schema(name = "Statistics")
    public record Statistics(@Schema(maxLength = Limits.PERIOD) String period, @Schema(maxLength = Limits.CODE) String province,
                             GroupBy groupBy, Instant asOf,
                             @Schema(description = "The instant the figures were known at, when asked (asKnownAt)") Instant asKnownAt,
                             @Schema(description = "A row per group: at most one per country, unit, category, or kind and currency", maxItems = 2000)
                             List<Row> rows) {
    }

    @Inject
    EntityManager em;
    @Inject
    Caller caller;
    @Inject
    GroupLabels labels;

    @Transactional
    public Statistics statistics(Period period, String province, GroupBy groupBy, Instant asKnownAt) {
        vn.diaspora.registry.common.Params.past("asKnownAt", asKnownAt);
        String prov = readableProvince(province);
        LocalDate until = period.end().plusDays(1);
        requireVersionsKept(period.start(), until, "period", asKnownAt);
        return new Statistics(period.toString(), prov, groupBy, until.atStartOfDay(VIETNAM).toInstant(), asKnownAt,
                rows(period.start(), until, prov, groupBy, asKnownAt == null ? Instant.now() : asKnownAt));
    }

    /**
     * Refuses figures the record versions no longer hold exactly (410): those of a period (or year)
     * starting before the versions' retention cut and ending after the earliest instant a folded
     * version counted at, or as known at an instant between the two (migration V19).
     */
    public void requireVersionsKept(LocalDate from, LocalDate until, String fromField, Instant asKnownAt) {
        Object[] fold = (Object[]) em.createNativeQuery("SELECT kept_from, folded_from FROM registry_retention WHERE what = 'record_version'")
                .getSingleResult();
        if (fold[0] == null || fold[1] == null) {
            return;
        }
        Instant kept = SqlValues.instant(fold[0]);
        Instant folded = SqlValues.instant(fold[1]);
        LocalDate keptDay = LocalDate.ofInstant(kept, VIETNAM);
        String why = ": the record versions written before " + keptDay + " are no longer kept (their retention), so figures after "
                + LocalDate.ofInstant(folded, VIETNAM) + " and before it cannot be computed exactly";
        String detail = "Figures before the record versions' retention are gone";
        if (from.atStartOfDay(VIETNAM).toInstant().isBefore(kept) && until.atStartOfDay(VIETNAM).toInstant().isAfter(folded)) {
            throw ProblemException.gone(detail, fromField, "must start on or after " + keptDay + why);
        }
        if (asKnownAt != null && asKnownAt.isBefore(kept) && !asKnownAt.isBefore(folded)) {
            throw ProblemException.gone(detail, "asKnownAt", "must be on or after " + keptDay + why);
        }
    }

    /** The province asked for, or the caller's own (null: all the caller reads); 403 beyond the caller's scope. */
    String readableProvince(String province) {
        Reach reach = caller.readable();
        String prov = province != null ? province : reach.province();
        if (prov != null && !reach.touches(prov)) {
            throw ProblemException.forbidden("Your scope does not reach province " + prov);
        }
        if (prov != null && !vn.diaspora.registry.reference.ReferenceData.REGISTRY_PROVINCES.contains(prov)) {
            throw ProblemException.badParameter("province", "must be 24 (Bắc Giang) or 52 (Bình Định)");
        }
        return prov;
    }

    /**
     * A row per group: the records at the end of [from, until) (dates in Vietnam) and the changes
     * during it, as written by {@code known}, within the caller's scope and the province (null: all).
     */
    List<Row> rows(LocalDate from, LocalDate until, String prov, GroupBy groupBy, Instant known) {
        Reach reach = caller.readable();
        List<Object> scopeValues = new ArrayList<>();
        String scopeCondition = reach.sql("r.reporting_unit", "r.province_code", value -> {
            scopeValues.add(value);
            return ":scope" + scopeValues.size();
        });
        String scoped = "JOIN " + groupBy.kind.table() + " r ON r.id = s.record_id"
                + (prov == null ? "" : " AND r.province_code = :province")
                + " AND " + scopeCondition + " WHERE " + groupBy.only;
        // A version counts in the period its submission reports, else when it was written; only what was
        // written by asKnownAt is known.
        String sql = """
                WITH known AS (
                    SELECT v.record_id, v.version, v.action, v.snapshot, coalesce(period_start(v.period), v.at) AS counted_at
                    FROM record_version v WHERE v.collection = :collection AND v.at <= :known),
                latest AS (
                    SELECT DISTINCT ON (v.record_id) v.record_id, v.action, v.snapshot
                    FROM known v WHERE v.counted_at < :end
                    ORDER BY v.record_id, v.version DESC),
                at_end AS (
                    SELECT %1$s AS key, count(*) AS n, sum(%2$s) AS amount
                    FROM latest s %3$s AND s.action <> 'DELETE' GROUP BY 1),
                changes AS (
                    SELECT %1$s AS key,
                           count(DISTINCT s.record_id) FILTER (WHERE s.action = 'CREATE') AS added,
                           count(DISTINCT s.record_id) FILTER (WHERE s.action = 'UPDATE') AS updated,
                           count(DISTINCT s.record_id) FILTER (WHERE s.action = 'DELETE') AS removed
                    FROM known s %3$s
                    AND s.counted_at >= :start AND s.counted_at < :end GROUP BY 1)
                SELECT coalesce(e.key, c.key), coalesce(e.n, 0), coalesce(c.added, 0), coalesce(c.updated, 0),
                       coalesce(c.removed, 0), e.amount
                FROM at_end e FULL JOIN changes c ON coalesce(c.key, '') = coalesce(e.key, '')
                ORDER BY 2 DESC, 1""".formatted(groupBy.key, groupBy.amount, scoped);
        var query = em.createNativeQuery(sql)
                .setParameter("collection", groupBy.kind.collection())
                .setParameter("start", Timestamp.from(from.atStartOfDay(VIETNAM).toInstant()))
                .setParameter("end", Timestamp.from(until.atStartOfDay(VIETNAM).toInstant()))
                .setParameter("known", Timestamp.from(known));
        if (prov != null) {
            query.setParameter("province", prov);
        }
        for (int i = 0; i < scopeValues.size(); i++) {
            query.setParameter("scope" + (i + 1), scopeValues.get(i));
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        List<Row> result = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            result.add(new Row((String) r[0], labels.label(groupBy, (String) r[0]), ((Number) r[1]).longValue(), ((Number) r[2]).longValue(),
                    ((Number) r[3]).longValue(), ((Number) r[4]).longValue(), (BigDecimal) r[5]));
        }
        return result;
    }
}
