package vn.diaspora.registry.portal;

import jakarta.inject.Inject;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import vn.diaspora.registry.common.ProblemException;
import vn.diaspora.registry.common.ProblemMappers;

/**
 * A mistyped or outdated address under the portal (404), or a form's address opened as a page
 * (405, a bookmark of a POST): the portal's own page, in the officer's language and layout, with
 * a way back; the API keeps its problem+json. Ranked before the API's mapper of the same exceptions.
 */
public class PortalErrors {
    @Inject
    Pages pages;

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER - 100)
    public Response notFound(NotFoundException e, UriInfo uri) {
        return Portal.isPortal(ProblemMappers.path(uri)) ? pages.error(ProblemException.notFound("No page at this address"))
                : new ProblemMappers().web(e, uri);
    }

    /** Anything else that fails under the portal: its page in words, with the status the API would give (logged there). */
    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER - 100)
    public Response unexpected(Throwable e, UriInfo uri) {
        Response problem = new ProblemMappers().unexpected(e, uri);
        return Portal.isPortal(ProblemMappers.path(uri)) ? pages.error(problem.getStatus()) : problem;
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER - 100)
    public Response notAllowed(NotAllowedException e, UriInfo uri) {
        return Portal.isPortal(ProblemMappers.path(uri)) ? pages.error(ProblemException.notFound("No page at this address"))
                : new ProblemMappers().web(e, uri);
    }

    /**
     * A refusal made before any resource runs (a bad parameter, a wrong body, CSRF, too large) is
     * a problem+json answer; under the portal it becomes the portal's page, in words, with its status.
     */
    @org.jboss.resteasy.reactive.server.ServerResponseFilter
    public void asPortalPage(jakarta.ws.rs.container.ContainerRequestContext request, jakarta.ws.rs.container.ContainerResponseContext response) {
        if (response.getStatus() >= 400 && Portal.isPortal(request.getUriInfo().getRequestUri().getRawPath())
                && response.getEntity() instanceof vn.diaspora.registry.common.Problem problem) {
            Response page = pages.error(response.getStatus(), problem.detail(), problem.errors());
            response.setEntity(page.getEntity(), null, jakarta.ws.rs.core.MediaType.TEXT_HTML_TYPE);
        }
    }
}
