package org.huizong.engine.documents;

import java.math.BigInteger;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFonts;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSpacing;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STHint;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STLineSpacingRule;

/** Runs and paragraphs formatted the one way a 公文 has them. */
final class Text {
    private Text() {
    }

    /** Appends {@code text} to {@code p} in {@code face} at {@code size} half points. */
    static XWPFRun run(XWPFParagraph p, String text, Typeface face, int size) {
        XWPFRun run = run(p, face, size, 0);
        run.setText(text);
        return run;
    }

    /** Appends {@code text} to {@code p} in {@code face} 三号, condensed to 28 a line. */
    static XWPFRun body(XWPFParagraph p, String text, Typeface face) {
        XWPFRun run = run(p, face, Gongwen.BODY_SIZE, Gongwen.CHAR_SPACING);
        run.setText(text);
        return run;
    }

    /**
     * Appends an empty run to {@code p}.
     *
     * @param size in half points
     * @param spacing added to each character, in twips; 0 for none
     */
    static XWPFRun run(XWPFParagraph p, Typeface face, int size, int spacing) {
        XWPFRun run = p.createRun();
        font(run.getCTR().isSetRPr() ? run.getCTR().getRPr() : run.getCTR().addNewRPr(), face,
                size, spacing);
        return run;
    }

    /**
     * Sets the face for every script of the run, so that digits and dashes are drawn in it too,
     * and the size for both Latin and complex scripts. Adds the elements in the schema's order.
     */
    static void font(CTRPr pr, Typeface face, int size, int spacing) {
        CTFonts fonts = pr.addNewRFonts();
        fonts.setAscii(face.font);
        fonts.setHAnsi(face.font);
        fonts.setEastAsia(face.font);
        fonts.setCs(face.font);
        fonts.setHint(STHint.EAST_ASIA);
        if (spacing != 0) {
            pr.addNewSpacing().setVal(BigInteger.valueOf(spacing));
        }
        pr.addNewSz().setVal(BigInteger.valueOf(size));
        pr.addNewSzCs().setVal(BigInteger.valueOf(size));
    }

    /**
     * A paragraph of lines exactly {@code pitch} twips apart, with {@code before} and
     * {@code after} twips of space around it, that does not snap to the document grid. The grid
     * states the page (22 lines of 28 characters, as Word's page setup shows it); the paragraphs
     * keep to it by themselves, with exact lines and condensed characters, so that a reader
     * without Word's compression of characters into the grid lays them out the same.
     */
    static void lines(XWPFParagraph p, ParagraphAlignment alignment, int pitch, int before,
            int after) {
        p.setAlignment(alignment);
        CTPPr pr = p.getCTP().isSetPPr() ? p.getCTP().getPPr() : p.getCTP().addNewPPr();
        pr.addNewSnapToGrid().setVal(false);
        CTSpacing spacing = pr.isSetSpacing() ? pr.getSpacing() : pr.addNewSpacing();
        spacing.setBefore(BigInteger.valueOf(before));
        spacing.setAfter(BigInteger.valueOf(after));
        spacing.setLine(BigInteger.valueOf(pitch));
        spacing.setLineRule(STLineSpacingRule.EXACT);
    }
}
