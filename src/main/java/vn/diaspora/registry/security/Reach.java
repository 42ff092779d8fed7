package vn.diaspora.registry.security;

import vn.diaspora.registry.common.Where;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The records one kind of access reaches: the union of the scopes that each of the caller's
 * roles grants. A token with two roles reaches what either reaches, each with its own fields
 * (see {@link Caller#readable()} and {@link Caller#officer()}): never one role's rows with the
 * other's fields.
 */
public record Reach(List<Scope> scopes) {
    public static final Reach NONE = new Reach(List.of());
    public static final Reach ALL = new Reach(List.of(Scope.ALL));

    public Reach {
        scopes = List.copyOf(scopes.contains(Scope.ALL) ? List.of(Scope.ALL) : scopes.stream().distinct().toList());
    }

    /** The records of one reporting unit (of {@code province}): how a submission's rows are checked, whoever checks them. */
    public static Reach unit(String unit, String province) {
        return new Reach(List.of(new Scope(unit, province)));
    }

    public boolean admits(String recordUnit, String recordProvince) {
        return scopes.stream().anyMatch(s -> s.admits(recordUnit, recordProvince));
    }

    /** Whether some record of the province may be reached. */
    public boolean touches(String province) {
        return scopes.stream().anyMatch(s -> s.province() == null || s.province().equals(province));
    }

    public boolean isAll() {
        return scopes.contains(Scope.ALL);
    }

    public boolean isEmpty() {
        return scopes.isEmpty();
    }

    /** The one province every scope lies in, or null (several, or all). */
    public String province() {
        List<String> provinces = scopes.stream().map(Scope::province).distinct().toList();
        return provinces.size() == 1 ? provinces.get(0) : null;
    }

    /**
     * A SQL condition on a record's unit and province columns: TRUE for all, FALSE for none. Each
     * value goes through {@code bind}, which keeps it as a parameter and answers its marker in the
     * query's style ({@code ?} or {@code :name}).
     */
    public String sql(String unitColumn, String provinceColumn, Function<Object, String> bind) {
        if (isAll()) {
            return "TRUE";
        }
        if (isEmpty()) {
            return "FALSE";
        }
        return scopes.stream().map(s -> s.unit() != null ? unitColumn + " = " + bind.apply(s.unit())
                        : provinceColumn + " = " + bind.apply(s.province()))
                .collect(Collectors.joining(" OR ", "(", ")"));
    }

    /** {@code where} limited to the records this reach admits (a list of records aliased {@code t}). */
    public Where restrict(Where where) {
        if (isAll()) {
            return where;
        }
        List<Object> values = new java.util.ArrayList<>();
        return where.and(sql("t.reporting_unit", "t.province_code", value -> {
            values.add(value);
            return "?";
        }), values.toArray());
    }

    /** A reporting unit (with its province), a province, or everything. */
    public record Scope(String unit, String province) {
        public static final Scope ALL = new Scope(null, null);

        public boolean admits(String recordUnit, String recordProvince) {
            return (unit == null || unit.equals(recordUnit)) && (province == null || province.equals(recordProvince));
        }
    }
}
