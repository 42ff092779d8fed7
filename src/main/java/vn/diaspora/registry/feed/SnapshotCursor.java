package vn.diaspora.registry.feed;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.util.regex.Pattern;

/**
 * The first page of a record list carries the change feed cursor to continue from
 * (Changes-Cursor): the feed's head taken before the list is read, so every change the list does
 * not show is after it (a change it does show may come again: the feed is at least once). A
 * reader resynchronises with the lists, then follows the feed from there.
 */
public class SnapshotCursor {
    public static final String HEADER = "Changes-Cursor";
    private static final Pattern LISTS = Pattern.compile("/api/v1/(persons|associations|businesses|contributions)/?");
    private static final String PROPERTY = SnapshotCursor.class.getName();

    @Inject
    ChangeFeed feed;

    @ServerRequestFilter
    public void before(ContainerRequestContext request) {
        if (request.getMethod().equals("GET") && LISTS.matcher(request.getUriInfo().getPath()).matches()
                && request.getUriInfo().getQueryParameters().getFirst("cursor") == null) {
            request.setProperty(PROPERTY, feed.head());
        }
    }

    @ServerResponseFilter
    public void after(ContainerRequestContext request, ContainerResponseContext response) {
        Object cursor = request.getProperty(PROPERTY);
        if (cursor != null && response.getStatus() == 200) {
            response.getHeaders().putSingle(HEADER, cursor);
        }
    }
}
