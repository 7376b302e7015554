package org.huizong.engine.documents;

/**
 * The page of a 公文 by GB/T 9704-2012 (§5.2 paper and type area, §7.5 page numbers), in the units
 * of WordprocessingML: lengths in twips (1/20 point, 1/1440 inch), font sizes in half points.
 */
final class Gongwen {
    /** Twips in one millimetre: 1440 / 25.4 = 56.6929. */
    static final double TWIPS_PER_MM = 1440 / 25.4;

    /** A4 portrait, 210 mm x 297 mm. */
    static final int PAGE_WIDTH = twips(210);
    static final int PAGE_HEIGHT = twips(297);
    /** 天头 37 mm, 订口 (left) 28 mm; the other two follow from the 156 mm x 225 mm type area. */
    static final int TOP = twips(37);
    static final int BOTTOM = twips(35);
    static final int LEFT = twips(28);
    static final int RIGHT = twips(26);
    static final int TYPE_WIDTH = PAGE_WIDTH - LEFT - RIGHT;
    static final int TYPE_HEIGHT = PAGE_HEIGHT - TOP - BOTTOM;

    /** 22 lines a page of 28 characters each. */
    static final int LINES = 22;
    static final int CHARS = 28;

    /** 二号, the title. */
    static final int TITLE_SIZE = 44;
    /** 三号, the body and its headings. */
    static final int BODY_SIZE = 32;
    /** 四号, the page number. */
    static final int PAGE_NUMBER_SIZE = 28;

    /**
     * The line pitch: the type area's height shared by 22 lines, rounded down so that all 22 fit
     * (579 twips, 28.95 points).
     */
    static final int LINE_PITCH = TYPE_HEIGHT / LINES;

    /**
     * The character pitch of the document grid as Word states it: the extra width of each
     * full-width character over the body size, in 1/4096 point, rounded down so that 28
     * characters fit the type area's width (-842: 15.79 points a character).
     */
    static final int CHAR_SPACE = Math.floorDiv(4096 * (TYPE_WIDTH - CHARS * BODY_SIZE * 10),
            CHARS * 20);

    /**
     * The spacing of each body character, in twips: condensed so that 28 characters of 16 points
     * fit the type area's width (8845 / 28 = 315.9 twips), one twip more than that needs because
     * LibreOffice 7.4 then still fits only 27 (-6: 314 twips a character; 29 would need 9106).
     * Word compresses characters to its grid by itself; LibreOffice gives a character wider than
     * the grid two grid cells, so the paragraphs place their characters themselves (see
     * {@link Text#lines}).
     */
    static final int CHAR_SPACING = Math.floorDiv(TYPE_WIDTH, CHARS) - BODY_SIZE * 10 - 1;

    /** One body character, in twips: the unit of 空一字 and of the first-line indent. */
    static final int CHAR_ADVANCE = BODY_SIZE * 10 + CHAR_SPACING;

    /**
     * The footer's distance from the paper's bottom edge. The page number's dashes (一字线) sit 7 mm
     * below the type area; they are at the middle of the number's line, one 四号 line high.
     */
    static final int FOOTER = twips(35 - 7) - PAGE_NUMBER_SIZE * 10 / 2;

    /** No header is written; Word's usual 15 mm. */
    static final int HEADER = twips(15);

    private Gongwen() {
    }

    /** Millimetres to twips, rounded to the nearest. */
    static int twips(double mm) {
        return (int) Math.round(mm * TWIPS_PER_MM);
    }
}
