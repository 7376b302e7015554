package org.huizong.server.web;

import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;

/** Form fields and uploaded files as handlers read them. */
public final class Forms {
    private Forms() {
    }

    /** A form field as sent; empty text when absent. */
    public static String field(Context ctx, String name) {
        return Optional.ofNullable(ctx.formParam(name)).orElse("");
    }

    /** A query parameter as sent; empty text when absent. */
    public static String query(Context ctx, String name) {
        return Optional.ofNullable(ctx.queryParam(name)).orElse("");
    }

    /** An uploaded file's bytes, refused with 413 above {@code maxBytes}. */
    public static byte[] read(UploadedFile f, long maxBytes) {
        if (f.size() > maxBytes) {
            throw new HttpProblem(413, "文件“" + f.filename() + "”有 " + PageChrome.size(f.size())
                    + "，超过上限 " + PageChrome.size(maxBytes));
        }
        try (InputStream in = f.content()) {
            byte[] b = in.readNBytes((int) maxBytes + 1);
            if (b.length > maxBytes) {
                throw new HttpProblem(413, "文件“" + f.filename() + "”超过上限 "
                        + PageChrome.size(maxBytes));
            }
            return b;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
