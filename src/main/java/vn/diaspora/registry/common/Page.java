package vn.diaspora.registry.common;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** One page of a list; {@code nextCursor} is absent on the last page. No totals: lists can be large. */
public record Page<T>(
        @Schema(maxItems = Page.MAX_LIMIT) List<T> items,
        @Schema(description = "Opaque cursor of the next page; absent on the last page", maxLength = Limits.CURSOR) String nextCursor) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;

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
