package org.huizong.server.web;

import io.javalin.http.HandlerType;
import io.javalin.security.RouteRole;
import java.util.Objects;
import java.util.Set;

/**
 * One route as declared: its method and path, who may call it and how a state-changing request
 * is checked for CSRF. The route is attached to its Javalin endpoint as a role, so the
 * before-handler that checks CSRF reads the declaration of the endpoint a request matched.
 *
 * @param path a Javalin path ({@code /collections/{id}/roster})
 */
public record Route(HandlerType method, String path, Guard guard, Csrf csrf) implements RouteRole {
    private static final Set<HandlerType> STATE_CHANGING = Set.of(HandlerType.POST,
            HandlerType.PUT, HandlerType.PATCH, HandlerType.DELETE);
    private static final Set<HandlerType> SAFE = Set.of(HandlerType.GET, HandlerType.HEAD);

    public Route {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(guard, "guard");
        Objects.requireNonNull(csrf, "csrf");
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("route path '" + path + "' does not start with /");
        }
        if (!SAFE.contains(method) && !STATE_CHANGING.contains(method)) {
            throw new IllegalArgumentException(method + " " + path + ": method not served");
        }
        if (changesState(method) == (csrf == Csrf.SAFE_METHOD)) {
            throw new IllegalArgumentException(method + " " + path + " declares CSRF " + csrf
                    + (changesState(method) ? ", but it changes state and needs a check"
                            : ", but it is a safe method"));
        }
        if (!csrf.fits(guard)) {
            throw new IllegalArgumentException(method + " " + path + ": CSRF " + csrf
                    + " does not go with guard " + guard);
        }
    }

    /** POST, PUT, PATCH and DELETE: the methods whose requests are checked for CSRF. */
    public static boolean changesState(HandlerType method) {
        return STATE_CHANGING.contains(method);
    }

    /** The CSRF check a guard's state-changing routes get; ANYONE must declare its own. */
    public static Csrf csrfOf(HandlerType method, Guard guard) {
        if (!changesState(method)) {
            return Csrf.SAFE_METHOD;
        }
        return switch (guard) {
            case STAFF, REVIEWER, ADMIN -> Csrf.SESSION_TOKEN;
            case SCHOOL_LINK -> Csrf.SCHOOL_TOKEN;
            case ANYONE, SCHOOL_KEY, SCHOOL_KEY_IF_GIVEN -> throw new IllegalArgumentException(
                    method + " with guard " + guard + " must declare its CSRF check");
        };
    }

    @Override
    public String toString() {
        return method + " " + path + " (" + guard + ", CSRF " + csrf + ")";
    }
}
