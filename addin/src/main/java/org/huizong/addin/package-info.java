/**
 * The Excel add-in as classpath resources for the server to serve at {@code /addin/}.
 *
 * <p>In: the server's public base URL. Out: the add-in manifest with that address filled in,
 * the list of static files under {@link org.huizong.addin.AddinResources#CLASSPATH_FOLDER}
 * (task pane page, ES modules, styles, icons, the office.js copy, the WPS add-in) and their
 * content types. Plain Java, no dependencies.
 */
package org.huizong.addin;
