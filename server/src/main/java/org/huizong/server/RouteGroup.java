package org.huizong.server;

/** A group of routes that declares itself on the registry. */
interface RouteGroup {
    void register(Routes routes);
}
