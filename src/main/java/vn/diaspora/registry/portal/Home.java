package vn.diaspora.registry.portal;

import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import vn.diaspora.registry.common.ProblemException;
import vn.diaspora.registry.security.Caller;
import vn.diaspora.registry.security.Roles;

/** The portal's front door: each officer lands on their own work. */
@Path(Portal.ROOT)
@Authenticated
public class Home {
    @Inject
    Caller caller;

    @GET
    public Response home() {
        if (caller.is(Roles.UNIT_OFFICER)) {
            return Portal.seeOther("/portal/unit");
        }
        if (caller.is(Roles.PROVINCE_OFFICER)) {
            return Portal.seeOther("/portal/province");
        }
        throw ProblemException.forbidden("The portal is for unit and province officers; other roles use the API");
    }
}
