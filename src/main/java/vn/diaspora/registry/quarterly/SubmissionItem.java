package vn.diaspora.registry.quarterly;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.io.Serializable;
import java.util.UUID;
import vn.diaspora.registry.record.RecordKind;

/** A row of a submission, keyed by the unit's own row key. */
@Entity
@Table(name = "submission_item")
@IdClass(SubmissionItem.Key.class)
public class SubmissionItem extends PanacheEntityBase {
    @Schema(name = "RowAction")
    public enum Action {
        CREATE, UPDATE, DELETE;

        /** The action a row's cell names, in Vietnamese (any case, with or without diacritics) or by its code; null for none. */
        static Action ofCell(String value) {
            return switch (vn.diaspora.registry.common.Text.fold(value)) {
                case "them", "create" -> CREATE;
                case "sua", "update" -> UPDATE;
                case "xoa", "delete" -> DELETE;
                default -> null;
            };
        }
    }

    @Id
    public UUID submissionId;
    @Id
    @Enumerated(EnumType.STRING)
    public RecordKind kind;
    @Id
    public String rowKey;
    @Enumerated(EnumType.STRING)
    public Action action;
    public UUID recordId;
    public Integer baseVersion;
    @JdbcTypeCode(SqlTypes.JSON)
    public String data;
    public String reason;
    public int position;
    public UUID appliedId;
    /** Where an uploaded row came from, as the official sees it in Excel; null for rows sent as JSON. */
    public String sheet;
    public Integer line;

    /** A row as the unit knows it, e.g. PERSON/LN-0012: its kind and its key are unique in a submission. */
    static String name(RecordKind kind, String rowKey) {
        return kind + "/" + rowKey;
    }

    public static class Key implements Serializable {
        public UUID submissionId;
        public RecordKind kind;
        public String rowKey;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && java.util.Objects.equals(submissionId, k.submissionId) && kind == k.kind
                    && java.util.Objects.equals(rowKey, k.rowKey);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(submissionId, kind, rowKey);
        }
    }
}
