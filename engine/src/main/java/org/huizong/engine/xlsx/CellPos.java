package org.huizong.engine.xlsx;

/**
 * A cell's position on one sheet.
 *
 * @param row zero-based row number
 * @param column zero-based column number
 */
public record CellPos(int row, int column) {
}
