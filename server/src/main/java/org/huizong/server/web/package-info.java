/**
 * The HTTP plumbing. In: route groups, each declaring its routes once on the
 * {@link org.huizong.server.web.Routes} registry with what they need (a
 * {@link org.huizong.server.web.Guard}: staff, admin, a school's link or API secret) and returning
 * a {@link org.huizong.server.web.Reply}. Out: the Javalin app ({@link
 * org.huizong.server.web.WebApp}) that resolves each guard before its handler, checks CSRF for
 * every state-changing request in a before-handler ({@link org.huizong.server.web.Csrf}), sends
 * the replies and turns an {@link org.huizong.server.web.HttpProblem} into a page or a JSON error.
 * Also the page chrome, escaped HTML ({@link org.huizong.server.web.Html}) and the small JSON
 * writer. Knows nothing of pages; of storage only sessions, collections and school links.
 */
package org.huizong.server.web;
