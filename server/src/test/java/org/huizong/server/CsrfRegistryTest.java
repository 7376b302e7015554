package org.huizong.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.javalin.http.HandlerType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.huizong.server.WebClient.Response;
import org.huizong.server.web.Csrf;
import org.huizong.server.web.Guard;
import org.huizong.server.web.Route;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CSRF is declared per route and checked for every state-changing request: walking the
 * registry, every POST, PUT, PATCH or DELETE route that does not declare the JSON API's exemption
 * refuses a request whose token is missing or wrong, even from a caller its guard admits, and
 * changes nothing.
 */
class CsrfRegistryTest {
    private static final String REFUSED = "表单校验失败";

    @Test
    void everyStateChangingRouteRefusesAMissingOrWrongToken(@TempDir Path dir) {
        try (HuizongServer.Handle h = HuizongServer.start(ServerConfig.defaults(dir)
                .withHost("127.0.0.1").withPort(0))) {
            WebClient staff = new WebClient(h.baseUrl());
            staff.postForm("/login", Map.of("username", "admin", "_csrf", staff.get("/login")
                    .csrf(), "password", h.initialAdminPassword().orElseThrow()));
            long id = ServerFlowTest.createCollection(staff, "2024H1");
            ServerFlowTest.importRoster(staff, id, "schools.csv", Fixtures.rosterCsv());
            String secret = ServerFlowTest.issueLinks(staff, id).get(Fixtures.PRIMARY);
            String audit = staff.get("/collections/" + id + "/audit").body();

            List<String> checked = new ArrayList<>();
            for (Route route : h.routes()) {
                if (!Route.changesState(route.method())
                        || route.csrf() == Csrf.EXEMPT_SECRET_HEADER) {
                    continue;
                }
                String path = route.path().replace("{id}", String.valueOf(id))
                        .replace("{code}", Fixtures.PRIMARY).replace("{secret}", secret)
                        .replace("{no}", "1").replace("{uid}", "1");
                WebClient caller = switch (route.guard()) {
                    case STAFF, REVIEWER, ADMIN -> staff;
                    default -> new WebClient(h.baseUrl());
                };
                // The sign-in form's check compares with the cookie its page sets.
                caller.get("/login");
                for (Map<String, String> form : List.of(Map.<String, String>of(),
                        Map.of("_csrf", "forged"))) {
                    Response r = caller.sendForm(route.method().name(), path, form);
                    assertThat(r.status()).as(route + " with " + form).isEqualTo(403);
                    assertThat(r.body()).as(route + " with " + form).contains(REFUSED);
                }
                checked.add(route.method() + " " + route.path());
            }

            assertThat(checked).as("the walk reached the registry").contains("POST /login",
                    "POST /logout", "POST /users", "POST /collections",
                    "POST /collections/{id}/roster", "POST /collections/{id}/previous",
                    "POST /collections/{id}/links/issue",
                    "POST /collections/{id}/schools/{code}/review",
                    "POST /collections/{id}/schools/{code}/link/reissue",
                    "POST /collections/{id}/schools/{code}/link/revoke",
                    "POST /s/{secret}/upload", "POST /s/{secret}/explain",
                    "POST /login/school", "POST /collections/{id}/access/issue",
                    "POST /collections/{id}/schools/{code}/access/reset",
                    "POST /collections/{id}/schools/{code}/access/revoke");
            assertThat(h.routes().stream().filter(r -> r.csrf() == Csrf.EXEMPT_SECRET_HEADER)
                    .map(r -> r.method() + " " + r.path()))
                    .as("the only exemptions: the JSON API, authenticated by a header or, for"
                            + " the add-in's sign-in, by the access code it sends")
                    .containsExactlyInAnyOrder("POST /api/v1/validate", "POST /api/v1/submit",
                            "POST /api/v1/session");
            assertThat(staff.get("/collections/" + id + "/audit").body())
                    .as("nothing was done").isEqualTo(audit);
            assertThat(new WebClient(h.baseUrl()).get("/s/" + secret).status())
                    .as("the link was neither revoked nor reissued").isEqualTo(200);
        }
    }

    @Test
    void aStateChangingRouteCannotBeDeclaredWithoutItsCheck() {
        assertThatThrownBy(() -> new Route(HandlerType.POST, "/x", Guard.ANYONE,
                Csrf.SAFE_METHOD)).hasMessage("POST /x declares CSRF SAFE_METHOD, but it changes"
                + " state and needs a check");
        assertThatThrownBy(() -> Route.csrfOf(HandlerType.DELETE, Guard.ANYONE))
                .hasMessage("DELETE with guard ANYONE must declare its CSRF check");
        assertThatThrownBy(() -> new Route(HandlerType.POST, "/collections", Guard.STAFF,
                Csrf.EXEMPT_SECRET_HEADER)).hasMessage("POST /collections: CSRF"
                + " EXEMPT_SECRET_HEADER does not go with guard STAFF");
        assertThatThrownBy(() -> new Route(HandlerType.GET, "/x", Guard.STAFF,
                Csrf.SESSION_TOKEN)).hasMessage("GET /x declares CSRF SESSION_TOKEN, but it is"
                + " a safe method");
    }
}
