/**
 * The bureau staff's pages: sign-in and accounts, collections and their dashboard, schools'
 * upload links, review of returns, downloads (templates, returns, status, the consolidated
 * workbook) and the audit log. In: the registry ({@link org.huizong.server.staff.StaffRoutes}
 * gives the groups). Out: pages and downloads.
 */
package org.huizong.server.staff;
