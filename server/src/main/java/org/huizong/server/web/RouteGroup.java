package org.huizong.server.web;

/** A group of routes that declares itself on the registry. */
public interface RouteGroup {
    void register(Routes routes);
}
