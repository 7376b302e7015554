package org.huizong.engine.documents;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.PackagePartName;
import org.apache.poi.openxml4j.opc.PackagingURIHelper;
import org.apache.poi.openxml4j.opc.TargetMode;
import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFooter;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRelation;
import org.apache.xmlbeans.impl.xb.xmlschema.SpaceAttribute;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTDocGrid;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTInd;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTR;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyles;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTText;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STDocGrid;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STFldCharType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STJc;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STPageOrientation;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STStyleType;

/**
 * The parts of a 公文 besides its text: A4 with the type area and line grid of {@link Gongwen},
 * the body size and face as the document's defaults (Word measures the grid's characters against
 * them), the font table, and page numbers {@code — 1 —} at the outer corner: odd pages right, even
 * pages left, each one character in from the type area's edge (单页码居右空一字，双页码居左空一字).
 */
final class PageSetup {
    /** 一字线, the dash either side of a page number. */
    private static final String DASH = "\u2014";

    private PageSetup() {
    }

    static void apply(XWPFDocument doc) throws IOException {
        section(doc.getDocument().getBody().isSetSectPr() ? doc.getDocument().getBody().getSectPr()
                : doc.getDocument().getBody().addNewSectPr());
        defaults(doc);
        fontTable(doc);
        doc.setEvenAndOddHeadings(true);
        pageNumber(doc.createFooter(HeaderFooterType.DEFAULT), ParagraphAlignment.RIGHT);
        pageNumber(doc.createFooter(HeaderFooterType.EVEN), ParagraphAlignment.LEFT);
    }

    /**
     * The font table as a raw part of the package: POI has no model of it, and saves the parts it
     * does not model as they are.
     */
    private static void fontTable(XWPFDocument doc) throws IOException {
        PackagePartName name;
        try {
            name = PackagingURIHelper.createPartName(XWPFRelation.FONT_TABLE.getDefaultFileName());
        } catch (InvalidFormatException e) {
            throw new IOException("naming the font table", e);
        }
        PackagePart part = doc.getPackage().createPart(name,
                XWPFRelation.FONT_TABLE.getContentType());
        try (OutputStream out = part.getOutputStream()) {
            out.write(Typeface.fontTable());
        }
        doc.getPackagePart().addRelationship(name, TargetMode.INTERNAL,
                XWPFRelation.FONT_TABLE.getRelation());
    }

    private static void section(CTSectPr sect) {
        CTPageSz size = sect.addNewPgSz();
        size.setW(BigInteger.valueOf(Gongwen.PAGE_WIDTH));
        size.setH(BigInteger.valueOf(Gongwen.PAGE_HEIGHT));
        size.setOrient(STPageOrientation.PORTRAIT);
        CTPageMar margins = sect.addNewPgMar();
        margins.setTop(BigInteger.valueOf(Gongwen.TOP));
        margins.setBottom(BigInteger.valueOf(Gongwen.BOTTOM));
        margins.setLeft(BigInteger.valueOf(Gongwen.LEFT));
        margins.setRight(BigInteger.valueOf(Gongwen.RIGHT));
        margins.setHeader(BigInteger.valueOf(Gongwen.HEADER));
        margins.setFooter(BigInteger.valueOf(Gongwen.FOOTER));
        margins.setGutter(BigInteger.ZERO);
        CTDocGrid grid = sect.addNewDocGrid();
        grid.setType(STDocGrid.LINES_AND_CHARS);
        grid.setLinePitch(BigInteger.valueOf(Gongwen.LINE_PITCH));
        grid.setCharSpace(BigInteger.valueOf(Gongwen.CHAR_SPACE));
    }

    /** 仿宋 三号 in simplified Chinese, both as the defaults and as the style Normal. */
    private static void defaults(XWPFDocument doc) {
        CTStyles styles = CTStyles.Factory.newInstance();
        CTRPr run = styles.addNewDocDefaults().addNewRPrDefault().addNewRPr();
        Text.font(run, Typeface.BODY, Gongwen.BODY_SIZE, 0);
        run.addNewLang().setEastAsia("zh-CN");
        CTStyle normal = styles.addNewStyle();
        normal.setType(STStyleType.PARAGRAPH);
        normal.setDefault(true);
        normal.setStyleId("Normal");
        normal.addNewName().setVal("Normal");
        normal.addNewQFormat();
        normal.addNewPPr().addNewJc().setVal(STJc.BOTH);
        Text.font(normal.addNewRPr(), Typeface.BODY, Gongwen.BODY_SIZE, 0);
        doc.createStyles().setStyles(styles);
    }

    /** {@code — PAGE —} in 宋体 四号, one 四号 character in from the outer edge. */
    private static void pageNumber(XWPFFooter footer, ParagraphAlignment alignment) {
        XWPFParagraph p = footer.createParagraph();
        Text.lines(p, alignment, Gongwen.PAGE_NUMBER_SIZE * 10, 0, 0);
        CTInd ind = p.getCTP().getPPr().addNewInd();
        BigInteger oneCharacter = BigInteger.valueOf(Gongwen.PAGE_NUMBER_SIZE * 10);
        if (alignment == ParagraphAlignment.RIGHT) {
            ind.setRight(oneCharacter);
        } else {
            ind.setLeft(oneCharacter);
        }
        int size = Gongwen.PAGE_NUMBER_SIZE;
        Text.run(p, DASH + " ", Typeface.PAGE_NUMBER, size);
        CTText code = fieldChar(p, STFldCharType.BEGIN).addNewInstrText();
        code.setStringValue(" PAGE ");
        code.setSpace(SpaceAttribute.Space.PRESERVE);
        fieldChar(p, STFldCharType.SEPARATE);
        // the number shown until the field is updated: Word and LibreOffice update it on layout
        Text.run(p, "1", Typeface.PAGE_NUMBER, size);
        fieldChar(p, STFldCharType.END);
        Text.run(p, " " + DASH, Typeface.PAGE_NUMBER, size);
    }

    /** A run of the page number's face holding one field character. */
    private static CTR fieldChar(XWPFParagraph p, STFldCharType.Enum type) {
        CTR run = Text.run(p, Typeface.PAGE_NUMBER, Gongwen.PAGE_NUMBER_SIZE, 0).getCTR();
        run.addNewFldChar().setFldCharType(type);
        return run;
    }
}
