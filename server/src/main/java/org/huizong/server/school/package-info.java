/**
 * What schools reach: their own page through a secret link (template, upload, findings, 说明),
 * the JSON API the add-in calls ({@code docs/api.md}) and the add-in's files. In: the registry
 * ({@link org.huizong.server.school.SchoolRoutes} gives the groups). Out: pages, JSON, files.
 */
package org.huizong.server.school;
