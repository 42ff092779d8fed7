package vn.diaspora.registry.common;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** One page of a list; {@code nextCursor} is absent on the last page. No totals: lists can be large. */
public record Page<T>(
        @Schema(maxItems = Page.MAX_LIMIT) List<T> items,
        @Schema(description = "Opaque cursor of the next page; absent on the last page", maxLength = Limits.CURSOR) String nextCursor) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;

    /**
     * The page of a keyset query that fetched up to {@code limit + 1} rows in key order: the
     * extra row only tells that there is a next page, which continues after the last item's key.
     */
    public static <T> Page<T> of(List<T> fetched, int limit, java.util.function.Function<T, Object> key) {
        if (fetched.size() <= limit) {
            return new Page<>(fetched, null);
        }
        List<T> items = fetched.subList(0, limit);
        return new Page<>(List.copyOf(items), Cursor.encode(key.apply(items.get(limit - 1))));
    }

    /** The same page with each item mapped (the cursor stays: it was taken from the rows). */
    public <R> Page<R> map(java.util.function.Function<T, R> mapping) {
        return new Page<>(items.stream().map(mapping).toList(), nextCursor);
    }

    public static int limit(String requested) {
        if (requested == null || requested.isBlank()) {
            return DEFAULT_LIMIT;
        }
        try {
            int n = Integer.parseInt(requested.strip());
            if (n >= 1 && n <= MAX_LIMIT) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ProblemException.badParameter("limit", "must be a whole number from 1 to " + MAX_LIMIT);
    }
}
