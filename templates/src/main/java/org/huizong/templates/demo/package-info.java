/**
 * The demo county: a 61-school roster and filled returns, deterministic from a seed, whose totals
 * equal the figures of a real bureau summary ({@code totals-2024H1.csv}). In: a collection, a
 * period and a seed. Out: one {@link org.huizong.templates.demo.DemoCounty.SchoolData} per school,
 * ready to be written as a filled template.
 */
package org.huizong.templates.demo;
