package org.huizong.server;

import io.javalin.config.RoutesConfig;

/** A group of HTTP endpoints that registers itself on the app. */
interface Routes {
    void register(RoutesConfig routes);
}
