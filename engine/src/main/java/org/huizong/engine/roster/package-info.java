/**
 * Reading rosters: the schools (or, a level up, the units) a collection expects.
 *
 * <p>In: a CSV (UTF-8 or GBK) or .xlsx file. Out: a {@link org.huizong.engine.model.Roster}
 * ({@link org.huizong.engine.roster.RosterReader}); a bad file is a {@link
 * org.huizong.engine.roster.RosterException} listing every bad line by number.
 */
package org.huizong.engine.roster;
