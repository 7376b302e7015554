package org.huizong.server.staff;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.huizong.server.store.SchoolAccessStore;
import org.huizong.server.web.HttpProblem;

/**
 * The schools' access-code slips as one A4 PDF, a page per school: the school's name and code,
 * the sign-in address, the access code and a QR code of the sign-in address with the school code
 * filled in. The QR code never carries the access code: a slip's QR code photographed or left in
 * a phone's scan history then opens only the sign-in form.
 *
 * <p>The text is set in a Chinese system font, embedded as a subset (the first one found of
 * {@link #FONTS}; {@code .ci/run} installs WenQuanYi Micro Hei).
 */
final class AccessSlips {
    /** Candidate fonts, TrueType outlines only (a TTC collection names its face with ",0"). */
    static final List<String> FONTS = List.of(
            "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
            "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
            "/usr/share/fonts/truetype/arphic-gbsn00lp/gbsn00lp.ttf",
            "/usr/share/fonts/truetype/arphic/uming.ttc",
            "C:/Windows/Fonts/simhei.ttf");
    /** QR modules of quiet zone around the code. */
    private static final int QR_MARGIN = 2;

    /** One school's slip. */
    record Slip(String schoolCode, String schoolName, String township, String accessCode) {
    }

    private AccessSlips() {
    }

    /** The sign-in address a slip's QR code opens: {@code <base>/school?code=<学校标识码>}. */
    static String signInUrl(String base, String schoolCode) {
        return base + "/school?code=" + URLEncoder.encode(schoolCode, StandardCharsets.UTF_8);
    }

    /**
     * The PDF of {@code slips}, one page each.
     *
     * @param base the server's public address, without a trailing slash
     * @param issuer the heading: the bureau's name, or empty
     * @param issuedOn the date printed on each slip ({@code 2024年3月1日})
     */
    static byte[] pdf(List<Slip> slips, String base, String issuer, String issuedOn) {
        if (slips.isEmpty()) {
            throw new IllegalArgumentException("no slips to print");
        }
        BaseFont font = font();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document doc = new Document(PageSize.A4, 60, 60, 60, 60);
        try {
            PdfWriter.getInstance(doc, out);
            doc.addTitle("学校访问码通知单");
            doc.open();
            for (int i = 0; i < slips.size(); i++) {
                if (i > 0) {
                    doc.newPage();
                }
                page(doc, font, slips.get(i), base, issuer, issuedOn);
            }
            doc.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("writing the slips PDF failed", e);
        }
        return out.toByteArray();
    }

    private static void page(Document doc, BaseFont bf, Slip s, String base, String issuer,
            String issuedOn) throws DocumentException {
        Font small = new Font(bf, 11, Font.NORMAL, Color.DARK_GRAY);
        Font text = new Font(bf, 13);
        Font big = new Font(bf, 22, Font.BOLD);
        doc.add(centered((issuer.isEmpty() ? "" : issuer + " · ") + "学校报表上报访问码通知单",
                new Font(bf, 16)));
        doc.add(centered(s.schoolName(), big));
        doc.add(centered("学校标识码 " + s.schoolCode()
                + (s.township().isEmpty() ? "" : "　　" + s.township()), text));
        doc.add(centered("访问码", new Font(bf, 14)));
        doc.add(centered(SchoolAccessStore.display(s.accessCode()), new Font(bf, 34, Font.BOLD)));
        Image qr = qr(signInUrl(base, s.schoolCode()));
        qr.setAlignment(Element.ALIGN_CENTER);
        qr.scaleAbsolute(170, 170);
        doc.add(qr);
        doc.add(centered("手机扫码打开本校登录页（已填好学校标识码），再输入上面的访问码", small));
        doc.add(centered("电脑浏览器打开：" + base + "/school", text));
        Paragraph steps = new Paragraph(18, """
                使用方法
                1. 扫码或用浏览器打开上面的地址，输入学校标识码和访问码，进入本校页面；
                2. 下载本校报表模板，填好后在同一页面上传，按提示修改错误、填写说明；
                3. 用 Excel 加载项提交时，在“学校密钥”处输入访问码即可。
                访问码长期有效，每期报表都用它登录。请妥善保管，不要张贴或发到群里；
                遗失或泄露时请联系教育局重置，旧访问码随即作废。""", text);
        steps.setSpacingBefore(24);
        doc.add(steps);
        doc.add(centered("发放日期：" + issuedOn, small));
    }

    private static Paragraph centered(String line, Font font) {
        Paragraph p = new Paragraph(line, font);
        p.setAlignment(Element.ALIGN_CENTER);
        p.setSpacingAfter(10);
        return p;
    }

    /** The QR code as a grey image, one pixel per module, scaled without smoothing. */
    static Image qr(String url) {
        try {
            BitMatrix m = new QRCodeWriter().encode(url, BarcodeFormat.QR_CODE, 0, 0, Map.of(
                    EncodeHintType.MARGIN, QR_MARGIN,
                    EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M,
                    EncodeHintType.CHARACTER_SET, "UTF-8"));
            int w = m.getWidth();
            int h = m.getHeight();
            // 8-bit grey, one byte per module: OpenPDF would store a 1-bit image as CCITT G4.
            byte[] grey = new byte[w * h];
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    grey[y * w + x] = m.get(x, y) ? 0 : (byte) 0xFF;
                }
            }
            Image img = Image.getInstance(w, h, 1, 8, grey);
            img.setInterpolation(false);
            return img;
        } catch (WriterException | DocumentException e) {
            throw new IllegalStateException("QR code for " + url, e);
        }
    }

    private static BaseFont font() {
        for (String f : FONTS) {
            if (Files.isReadable(Path.of(f))) {
                try {
                    return BaseFont.createFont(f.endsWith(".ttc") ? f + ",0" : f,
                            BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
                } catch (DocumentException | IOException e) {
                    // Not usable (a CFF font, a broken file): try the next one.
                }
            }
        }
        throw new HttpProblem(500, "服务器上没有可用的中文字体，无法生成通知单 PDF："
                + "请管理员安装文泉驿微米黑字体（fonts-wqy-microhei）");
    }
}
