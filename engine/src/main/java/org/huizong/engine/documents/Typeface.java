package org.huizong.engine.documents;

import java.nio.charset.StandardCharsets;

/**
 * The four typefaces of a 公文 and the name Word looks for when a machine lacks one: the font
 * table's {@code w:altName} holds alternative names by which Word locates the font (ECMA-376
 * §17.8.3.1), so a machine without 仿宋_GB2312 shows 仿宋, as Word itself records it.
 */
enum Typeface {
    /** The title, 方正小标宋简体, else 宋体. */
    TITLE("方正小标宋简体", "宋体", "auto", "variable"),
    /** The body, 仿宋_GB2312, else 仿宋 (Windows since Vista has only the latter). */
    BODY("仿宋_GB2312", "仿宋", "modern", "fixed"),
    /** The headings （一）（二）…, 楷体, else 楷体_GB2312. */
    HEADING("楷体", "楷体_GB2312", "modern", "fixed"),
    /** The page number, 宋体, by its English name SimSun on a machine that is not Chinese. */
    PAGE_NUMBER("宋体", "SimSun", "auto", "variable");

    /**
     * GB2312_CHARSET (134) in the font table's hexadecimal, the charset of every face here, so
     * that a substitute is a Chinese font too.
     */
    private static final String GB2312 = "86";

    final String font;
    private final String altName;
    private final String family;
    private final String pitch;

    Typeface(String font, String altName, String family, String pitch) {
        this.font = font;
        this.altName = altName;
        this.family = family;
        this.pitch = pitch;
    }

    /** The font table part ({@code word/fontTable.xml}) naming every face once. */
    static byte[] fontTable() {
        StringBuilder xml = new StringBuilder(1024)
                .append("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n")
                .append("<w:fonts xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/"
                        + "2006/main\">");
        for (Typeface t : values()) {
            // the names are constants of this class, free of XML's special characters
            xml.append("<w:font w:name=\"").append(t.font).append("\"><w:altName w:val=\"")
                    .append(t.altName).append("\"/><w:charset w:val=\"").append(GB2312)
                    .append("\"/><w:family w:val=\"").append(t.family)
                    .append("\"/><w:pitch w:val=\"").append(t.pitch).append("\"/></w:font>");
        }
        return xml.append("</w:fonts>").toString().getBytes(StandardCharsets.UTF_8);
    }
}
