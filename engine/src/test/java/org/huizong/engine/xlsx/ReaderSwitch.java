package org.huizong.engine.xlsx;

/**
 * Test and benchmark access to the reader's StAX-only switch (package-private in
 * {@link XmlParts}): on, every part is read with Aalto StAX, skipping the elements nobody reads,
 * and the byte scans ({@link PlainXml}, the shared strings' index) are left out. For
 * {@code ReaderBench}, which weighs the two in one JVM; set it only while no file is being read.
 */
public final class ReaderSwitch {
    private ReaderSwitch() {
    }

    public static void staxOnly(boolean on) {
        XmlParts.staxOnly(on);
    }

    public static boolean staxOnly() {
        return XmlParts.staxOnly();
    }
}
