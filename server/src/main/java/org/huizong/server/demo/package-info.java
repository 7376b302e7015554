/**
 * The demo county for {@code serve --demo}: two collections, the previous one approved and the
 * current one in every state, loaded through the same checks as real uploads.
 */
package org.huizong.server.demo;
