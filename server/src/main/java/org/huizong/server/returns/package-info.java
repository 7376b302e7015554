/**
 * Schools' returns on the server, through the engine ({@link
 * org.huizong.server.returns.EngineFacade}): an upload checked completely and then stored
 * ({@link org.huizong.server.returns.Submissions}), findings and values shown
 * ({@link org.huizong.server.returns.ReturnView}), a collection's returns consolidated into its
 * workbook ({@link org.huizong.server.returns.Consolidations}). Shared by the staff and school
 * pages, which never call each other.
 */
package org.huizong.server.returns;
