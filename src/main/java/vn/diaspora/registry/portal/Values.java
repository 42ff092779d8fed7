package vn.diaspora.registry.portal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import vn.diaspora.registry.quarterly.CodeLists;
import vn.diaspora.registry.record.RecordColumns;
import vn.diaspora.registry.record.RecordColumns.Column;
import vn.diaspora.registry.quarterly.RowCells;
import vn.diaspora.registry.record.RecordKind;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A record's values as officials know them: codes as their labels (Hàn Quốc (KR), Nữ, a
 * commune's name with its code), dd/MM/yyyy dates, amounts with thousands separators, yes or no;
 * and fields in the template's order, the name first.
 */
@ApplicationScoped
class Values {
    @Inject
    CodeLists codes;
    @Inject
    Pages pages;

    /** The text of a field (dotted path, lists joined with "; ") as the officer reads it, in their language. */
    String shown(RecordKind kind, String path, String text) {
        return shown(kind, path, text, pages.language());
    }

    /** What the officer calls a field, in their language. */
    String label(RecordKind kind, String field) {
        return RecordColumns.label(kind, field, pages.language());
    }

    /** A sheet's (a record kind's) name in the officer's language. */
    String sheet(RecordKind kind) {
        return RecordColumns.sheet(kind, pages.language());
    }

    private String shown(RecordKind kind, String path, String text, String lang) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        Column column = RecordColumns.column(kind, path);
        if (column == null) {
            return path.equals("reportingUnit") ? codes.shown("hometown", text) : text;
        }
        if (column.type() == RecordColumns.Type.LIST) {
            return Arrays.stream(text.split("; ")).map(v -> one(column, v, lang)).collect(Collectors.joining("; "));
        }
        return one(column, text, lang);
    }

    private String one(Column column, String value, String lang) {
        if (column.codes() != null) {
            return codes.shown(column.codes(), value, lang);
        }
        return switch (column.type()) {
            case DATE -> RowCells.day(value);
            case DECIMAL -> {
                try {
                    yield Portal.grouped(new java.math.BigDecimal(value));
                } catch (NumberFormatException e) {
                    yield value;
                }
            }
            case BOOLEAN -> value.equals("true") ? ("en".equals(lang) ? "yes" : "có") : value.equals("false") ? ("en".equals(lang) ? "no" : "không") : value;
            default -> value;
        };
    }


    /** Orders field paths as the template does (the name first), fields without a column last. */
    static <T> List<T> inTemplateOrder(RecordKind kind, java.util.Collection<T> fields, java.util.function.Function<T, String> path) {
        return fields.stream().sorted(Comparator.comparingInt((T f) -> RecordColumns.order(kind, path.apply(f)))).toList();
    }
}
