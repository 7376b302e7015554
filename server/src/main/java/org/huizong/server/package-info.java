/**
 * The bureau server: staff pages, school upload pages, downloads and the add-in's JSON API over
 * SQLite or PostgreSQL. In: a {@link org.huizong.server.ServerConfig}. Out: a running
 * {@link org.huizong.server.HuizongServer.Handle}. This package only wires the others
 * ({@code ServerModule}, Guice with explicit bindings); they are the server's internals, by
 * concern, each depending only on those listed after it:
 * <ul>
 *   <li>{@code staff} and {@code school}: the bureau's pages; the schools' pages, JSON API and
 *       add-in files;</li>
 *   <li>{@code demo}: the demo county for {@code serve --demo};</li>
 *   <li>{@code returns}: uploads checked and stored, returns shown and consolidated, through the
 *       engine;</li>
 *   <li>{@code web}: the HTTP plumbing (route registry, guards, CSRF, replies, HTML, JSON);</li>
 *   <li>{@code store}: the database, the files, the audit log.</li>
 * </ul>
 * {@code ServerArchitectureTest} keeps that order.
 */
package org.huizong.server;
