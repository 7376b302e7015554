/**
 * The bureau server: staff pages, school upload pages, downloads and the add-in's JSON API over
 * SQLite or PostgreSQL. In: a {@link org.huizong.server.ServerConfig}. Out: a running
 * {@link org.huizong.server.HuizongServer.Handle}. Everything else in the package is
 * package-private: storage ({@code *Store}, {@code FileStore}, {@code Audit}), the engine facade,
 * and the route groups ({@code *Pages}, {@code Downloads}, {@code ApiV1}).
 */
package org.huizong.server;
