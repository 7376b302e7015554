package org.huizong.engine.returns;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.huizong.engine.UnreadableFileException;
import org.huizong.engine.model.CellRef;
import org.huizong.engine.model.Collection;
import org.huizong.engine.model.Field;
import org.huizong.engine.model.Period;
import org.huizong.engine.xlsx.ZipGuard;

/**
 * The messages of every {@link UnreadableFileException}, in one place so that they read alike:
 * the file, what is wrong, what the school should do.
 */
final class Refusals {
    private static final String USE_TEMPLATE = "请使用教育局下发的原模板重新填写。";

    private Refusals() {
    }

    static UnreadableFileException tooLarge(String file, long size, long limit) {
        return new UnreadableFileException(file, "文件 " + file + " 大小为" + megabytes(size)
                + "，超过上限" + megabytes(limit) + "，不予读取。请确认上传的是本校填好的报表文件。");
    }

    /** For a stream whose full size is not known. */
    static UnreadableFileException tooLarge(String file, long limit) {
        return new UnreadableFileException(file, "文件 " + file + " 超过大小上限" + megabytes(limit)
                + "，不予读取。请确认上传的是本校填好的报表文件。");
    }

    static UnreadableFileException notARegularFile(String file) {
        return new UnreadableFileException(file, "文件 " + file + " 不是普通文件（是文件夹、设备或管道），"
                + "不予读取。请选择填好的报表文件。");
    }

    static UnreadableFileException notASpreadsheet(String file) {
        return new UnreadableFileException(file, "文件 " + file + " 不是Excel工作簿，无法读取。"
                + "请上传用教育局下发的模板填好后保存的 .xlsx 文件。");
    }

    /** The same message as an encrypted zip's, whichever container the password is on. */
    static UnreadableFileException encrypted(String file) {
        return ZipGuard.encrypted(file);
    }

    static UnreadableFileException macroEnabled(String file) {
        return new UnreadableFileException(file, "文件 " + file + " 是含有宏的工作簿，为安全起见不予读取。"
                + "请另存为“Excel工作簿(*.xlsx)”后再上传。");
    }

    static UnreadableFileException unreadable(String file, Exception cause) {
        String why = cause instanceof java.nio.file.NoSuchFileException ? "找不到该文件"
                : cause instanceof java.nio.file.AccessDeniedException ? "没有读取权限"
                : cause.getMessage();
        return new UnreadableFileException(file, "无法读取文件 " + file + "：" + why, cause);
    }

    /** A cell whose stored content contradicts its type ({@code problem}, in Chinese). */
    static UnreadableFileException badCell(String file, CellRef cell, String problem,
            Exception cause) {
        return new UnreadableFileException(file, "文件 " + file + " 的单元格 " + cell + " 已损坏（"
                + problem + "），无法读取。请在Excel中重新打开并保存后再上传。", cause);
    }

    static UnreadableFileException notATemplate(String file) {
        return new UnreadableFileException(file, "文件 " + file + " 不是本系统生成的报表模板"
                + "（没有模板标识信息），无法读取。" + USE_TEMPLATE);
    }

    static UnreadableFileException unknownCollection(String file, String id,
            List<Collection> known) {
        return new UnreadableFileException(file, "文件 " + file + " 是报表“" + id
                + "”的模板，本系统不收取这种报表（可收取："
                + String.join("、", known.stream().map(Collection::title).distinct().toList())
                + "）。");
    }

    /**
     * A template of another version: names both versions and what changed between them, read
     * off the file's own field names ({@code F_…}) against the current version's fields.
     */
    static UnreadableFileException versionMismatch(String file, Collection c, int version,
            Set<String> names) {
        List<String> added = new ArrayList<>();
        Set<String> current = new HashSet<>();
        for (Field f : c.fields()) {
            current.add(f.definedName());
            if (f.isInput() && !names.contains(f.definedName())) {
                added.add(f.label());
            }
        }
        long removed = names.stream().filter(n -> n.startsWith("F_") && !current.contains(n))
                .count();
        String changes = (added.isEmpty() ? "" : "新增" + added.size() + "项（"
                + String.join("、", added.subList(0, Math.min(5, added.size())))
                + (added.size() > 5 ? "等" : "") + "）")
                + (removed == 0 ? "" : (added.isEmpty() ? "" : "，") + "取消" + removed + "项");
        return new UnreadableFileException(file, "文件 " + file + " 是" + c.title() + "第" + version
                + "版的模板，现行为第" + c.version() + "版"
                + (changes.isEmpty() ? "" : "（现行版填报项目" + changes + "）")
                + "，无法读取。请下载新模板重新填写。");
    }

    static UnreadableFileException structureHash(String file, Collection c, String hash) {
        return new UnreadableFileException(file, "文件 " + file + " 的模板结构与" + c.title() + "第"
                + c.version() + "版不一致（结构校验码 " + hash + "，应为 " + c.structureHash()
                + "），无法读取。" + USE_TEMPLATE);
    }

    static UnreadableFileException structureAltered(String file, List<String> problems) {
        return new UnreadableFileException(file, "文件 " + file + " 的模板结构被修改："
                + String.join("；", problems) + "，无法读取。" + USE_TEMPLATE
                + "不要删除、重命名工作表，不要删除行列。");
    }

    static UnreadableFileException wrongPeriod(String file, Period found, Period expected) {
        return new UnreadableFileException(file, "文件 " + file + " 是" + found.label()
                + "的报表，本次收取" + expected.label() + "的报表，无法读取。请确认上传的是本期报表。");
    }

    /** 20 MB, 1.5 MB, 30 KB: one decimal at most, none when whole. */
    private static String megabytes(long bytes) {
        if (bytes < 1024 * 1024) {
            return (bytes + 1023) / 1024 + " KB";
        }
        long tenths = Math.round(bytes / (1024.0 * 1024.0) * 10);
        return (tenths % 10 == 0 ? Long.toString(tenths / 10)
                : tenths / 10 + "." + tenths % 10) + " MB";
    }
}
