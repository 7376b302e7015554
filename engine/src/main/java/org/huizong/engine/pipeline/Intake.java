package org.huizong.engine.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.huizong.engine.HuizongException;
import org.huizong.engine.UnreadableFileException;
import org.huizong.engine.consolidate.Submission;
import org.huizong.engine.model.Collection;
import org.huizong.engine.model.Finding;
import org.huizong.engine.model.Return;
import org.huizong.engine.model.ReturnMeta;
import org.huizong.engine.model.Roster;
import org.huizong.engine.model.School;
import org.huizong.engine.model.Severity;
import org.huizong.engine.returns.ReturnReader;
import org.huizong.engine.rules.Validation;
import org.huizong.engine.rules.Validator;

/**
 * Reads and validates returns. Immutable and thread-safe, so a parallel stream over files is one
 * line; results come back sorted by file name.
 *
 * <p>Given the same period's consolidated book of the year before ({@link #withPrevious}), each
 * school's return is also checked against that school's previous return, built from the book's
 * per-school detail: the rules that compare with the previous period (变化超过50%) run, as the
 * server runs them with the school's stored return.
 */
public final class Intake {
    /** The rule id of the one finding an unreadable file gets. */
    public static final String UNREADABLE = "unreadable";
    /**
     * The rule id of the error a return gets when its {@code _meta} claims another kind
     * (school return, consolidated book) than its roster entry says it is.
     */
    public static final String KIND = "kind";

    private final Collection collection;
    private final ReturnReader reader;
    /** The same reader holding every file to a school template's layout. */
    private final ReturnReader schools;
    private final Validator validator;
    private final Optional<Return> previous;

    private Intake(Collection collection, ReturnReader reader, Validator validator,
            Optional<Return> previous) {
        this.collection = collection;
        this.reader = reader;
        this.schools = reader.asSchoolReturns();
        this.validator = validator;
        this.previous = previous;
    }

    public static Intake of(Collection collection) {
        return new Intake(collection, ReturnReader.of(List.of(collection)),
                Validator.of(collection), Optional.empty());
    }

    /**
     * This intake, checking each school's return against its return in {@code book} too: the
     * same period's consolidated book of the year before. A school the book did not count, a
     * return of another period than the year after the book's, and a book without per-school
     * detail (written before books kept it) give no previous return: those rules do not run.
     *
     * @throws HuizongException when {@code book} is not a consolidated book of this collection
     */
    public Intake withPrevious(Return book) {
        if (!ReturnMeta.KIND_CONSOLIDATED.equals(book.meta().kind())) {
            throw new HuizongException("文件 " + book.file() + " 是学校报表，不是汇总工作簿；"
                    + "请提供上年同期的汇总工作簿");
        }
        if (!book.meta().collection().equals(collection.id())) {
            throw new HuizongException("上年同期汇总表 " + book.file() + " 是“"
                    + book.meta().collection() + "”的汇总表，不是“" + collection.title() + "”的");
        }
        return new Intake(collection, reader, validator, Optional.of(book));
    }

    /**
     * Why the rules that compare with the previous period cannot run although a previous book
     * was given, in Chinese: the book has no per-school detail (written before books kept it).
     * Empty without a previous book, or when they can run.
     */
    public Optional<String> previousRulesUnavailable() {
        return previous.filter(b -> b.detail().isEmpty()).map(b -> "上年同期汇总表 " + b.file()
                + " 没有逐校数据（由旧版本生成），无法运行与上年同期比较的规则");
    }

    /**
     * The school's return of the same period of the year before, from the previous book's
     * per-school detail: empty without a previous book, when it is not of the year before this
     * return's period, or did not count the school.
     */
    public Optional<Return> previousOf(Return r) {
        return previous.filter(b -> b.meta().period().equals(r.meta().period().yearBefore()))
                .flatMap(b -> b.detailOf(r.schoolCode()));
    }

    public Collection collection() {
        return collection;
    }

    public Validator validator() {
        return validator;
    }

    /**
     * Every spreadsheet file named, folders expanded (one level deep, .xlsx/.xls/.xlsm and files
     * without the lock-file prefix {@code ~$}), sorted by path so the order of arguments never
     * matters.
     */
    public static List<Path> expand(List<Path> paths) {
        List<Path> out = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.list(p)) {
                    s.filter(Files::isRegularFile).filter(Intake::looksLikeWorkbook)
                            .forEach(out::add);
                } catch (IOException e) {
                    throw new UncheckedIOException("无法列出文件夹 " + p, e);
                }
            } else {
                out.add(p);
            }
        }
        out.sort(Comparator.comparing(Path::toString));
        return out;
    }

    private static boolean looksLikeWorkbook(Path p) {
        String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return !name.startsWith("~$") && (name.endsWith(".xlsx") || name.endsWith(".xls")
                || name.endsWith(".xlsm"));
    }

    /**
     * Reads and validates one file as what its entry in {@code roster} says it is, never as what
     * the file says of itself: a consolidating unit's ({@link School#UNIT_TYPE}) as a
     * consolidated book, anything else as a school's return, held to the template's layout and
     * checked by every school rule. A file whose {@code _meta} claims the other kind gets a
     * {@value #KIND} error. An unreadable file becomes a submission with its reason.
     */
    public Submission submission(Path file, Roster roster) {
        return submission(file, roster::find);
    }

    private Submission submission(Path file, Function<String, Optional<School>> roster) {
        Instant time = modified(file);
        try {
            Return r = reader.read(file);
            Optional<School> entry = roster.apply(r.meta().unitCode());
            boolean book = entry.map(School::isUnit).orElse(false);
            boolean claimsBook = ReturnMeta.KIND_CONSOLIDATED.equals(r.meta().kind());
            if (claimsBook && !book) {
                r = schools.read(file);
            }
            // A consolidated book (a county's, read a level up) sums returns that were checked
            // one by one; school rules (contact fields, type applicability) do not fit a unit's
            // totals, so only what reading noticed comes with it.
            List<Finding> findings = new ArrayList<>(book ? r.readFindings()
                    : validator.validate(r, previousOf(r)).findings());
            if (claimsBook != book) {
                findings.add(wrongKind(r, entry, book));
            }
            return new Submission.Received(r, findings, time);
        } catch (UnreadableFileException e) {
            return new Submission.Unreadable(file.getFileName().toString(), e.getMessage(), time);
        }
    }

    private static Finding wrongKind(Return r, Optional<School> entry, boolean book) {
        String who = entry.map(s -> "名单中“" + s.name() + "”（" + s.code() + "）是" + s.type())
                .orElse("名单中没有代码 " + r.meta().unitCode());
        String message = book
                ? "文件 " + r.file() + " 是学校报表，但" + who + "：只收其汇总表，此文件不计入"
                : "文件 " + r.file() + " 的标识信息自称汇总表，但" + who + "：按学校报表校验，不作汇总表计入";
        return new Finding(KIND, Severity.ERROR, message, List.of(), List.of(), Optional.empty());
    }

    /**
     * Reads and validates {@code files} in parallel, each as what its entry in {@code roster}
     * says it is; results sorted by file name.
     */
    public List<Submission> submissions(List<Path> files, Roster roster) {
        return read(files, roster).sorted(Comparator.comparing(Submission::file)).toList();
    }

    /**
     * Reads and validates {@code files} in parallel as the stream is consumed, each as what its
     * entry in {@code roster} says it is, in no particular order: for a fold
     * ({@link Pipeline#fold}), which holds no return once it is folded.
     */
    public Stream<Submission> read(List<Path> files, Roster roster) {
        // Roster.find scans the roster: once a file, that grows with the square of the county
        Map<String, School> byCode = new HashMap<>();
        roster.schools().forEach(s -> byCode.put(s.code(), s));
        Function<String, Optional<School>> find = code -> Optional.ofNullable(byCode.get(code));
        return files.parallelStream().map(f -> submission(f, find));
    }

    /**
     * Validates one file for a report, against the school's previous return when this intake
     * has a previous book. An unreadable file gives a validation with one error, rule
     * {@value #UNREADABLE}, whose message is the reader's reason.
     */
    public Outcome validate(Path file) {
        String name = file.getFileName().toString();
        try {
            Return r = reader.read(file);
            return new Outcome(validator.validate(r, previousOf(r)), true);
        } catch (UnreadableFileException e) {
            Finding f = new Finding(UNREADABLE, Severity.ERROR, e.getMessage(), List.of(),
                    List.of(), Optional.empty());
            return new Outcome(new Validation(name, "", Optional.empty(), List.of(f)), false);
        }
    }

    /** Reads a return that must be readable, e.g. a previous period's book. */
    public Return read(Path file) {
        try {
            return reader.read(file);
        } catch (UnreadableFileException e) {
            throw new HuizongException(e.getMessage(), e);
        }
    }

    private static Instant modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toInstant();
        } catch (IOException e) {
            return Instant.EPOCH;
        }
    }

    /**
     * What validating one file gave.
     *
     * @param readable false when the file could not be read as a return at all
     */
    public record Outcome(Validation validation, boolean readable) {
    }
}
