package org.huizong.engine.template;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFFormulaEvaluator;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.huizong.engine.HuizongException;
import org.huizong.engine.model.Collection;
import org.huizong.engine.model.Field;
import org.huizong.engine.model.Period;
import org.huizong.engine.model.ReturnMeta;
import org.huizong.engine.model.Roster;
import org.huizong.engine.model.Rule;
import org.huizong.engine.model.School;
import org.huizong.engine.model.Sheet;
import org.huizong.engine.xlsx.NamedArea;
import org.huizong.engine.xlsx.Zips;

/**
 * Writes a school's template (.xlsx): a 填表说明 sheet, the collection's form sheets, a 校验 sheet
 * that checks the rules live as the school types ({@link LiveChecks}, failing cells coloured by
 * {@link LiveMarks}) and the very hidden {@code _meta} sheet. Inputs are unlocked and validated
 * with Chinese prompts, everything else is locked, sheets and the workbook structure are
 * protected with {@link #PASSWORD}; every field's cell has the defined name
 * {@code F_<field id with _>}, every table column {@code T_<table>_<key>}, every warning's 说明
 * cell {@code X_<rule id>}, every check's status cell {@code S_<rule id>}.
 *
 * <p>Output is deterministic: the same collection, period, school and data give the same bytes
 * (document dates and zip entry times are the period's first day).
 */
public final class TemplateWriter {
    /** The sheet and workbook protection password; it keeps clerks from breaking the form. */
    public static final String PASSWORD = "huizong";
    public static final String INSTRUCTIONS_SHEET = "填表说明";
    public static final String CHECK_SHEET = "校验";

    private final Collection collection;
    private final Period period;
    private final TemplateLayout layout;
    private final ComputedFormulas formulas;
    private final LiveChecks checks;

    private TemplateWriter(Collection collection, Period period) {
        this.collection = Objects.requireNonNull(collection, "collection");
        this.period = Objects.requireNonNull(period, "period");
        this.layout = TemplateLayout.of(collection);
        this.formulas = new ComputedFormulas(collection, layout);
        checkNames(collection);
        this.checks = new LiveChecks(collection, layout);
    }

    /**
     * @throws IllegalArgumentException when the collection has a computed field whose formula
     *     cannot become an Excel formula, a pre-filled field the roster cannot fill, or a sheet
     *     titled like a fixed sheet
     */
    public static TemplateWriter of(Collection collection, Period period) {
        return new TemplateWriter(collection, collection.checkPeriod(period));
    }

    /** Writes {@code school}'s template, pre-filled with {@code data}, to {@code out}. */
    public void write(School school, ReturnData data, OutputStream out) {
        try {
            out.write(toBytes(school, data));
        } catch (IOException e) {
            throw new UncheckedIOException("writing the template of " + school.code(), e);
        }
    }

    /** {@code school}'s template as bytes. */
    public byte[] toBytes(School school, ReturnData data) {
        Objects.requireNonNull(school, "school");
        Objects.requireNonNull(data, "data");
        checkSchool(school);
        checkData(data);
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            TemplateStyles styles = new TemplateStyles(wb);
            InstructionsWriter.write(wb, styles, collection, period, school);
            FormSheetWriter forms = new FormSheetWriter(wb, styles, collection, period, school,
                    data, layout, formulas);
            for (Sheet s : collection.sheets()) {
                forms.write(s);
            }
            List<LiveChecks.CheckLine> lines = checks.lines(school);
            CheckSheetWriter.write(wb, styles, collection, FormSheetWriter.subtitle(school,
                    period), data.explanations(), lines);
            LiveMarks.markForms(wb, lines);
            MetaSheet.write(wb, new ReturnMeta(collection.id(), collection.version(), period,
                    school.code(), collection.structureHash(), ReturnMeta.KIND_RETURN), PASSWORD);
            cacheFormulaValues(wb, forms.formulaCells());
            wb.setForceFormulaRecalculation(true);
            wb.setActiveSheet(0);
            wb.setWorkbookPassword(PASSWORD, null);
            wb.lockStructure();
            properties(wb, school);
            ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
            wb.write(out);
            return Zips.normalize(out.toByteArray(), stamp().toLocalDateTime());
        } catch (IOException e) {
            throw new UncheckedIOException("writing the template of " + school.code(), e);
        }
    }

    /**
     * Writes every school's template into {@code dir} (created if needed) as
     * {@code <code>_<name>.xlsx}. Every school is checked before anything is written.
     *
     * @return the written files, in roster order
     */
    public List<Path> writeAll(Roster roster, Path dir) {
        return writeAll(roster, dir, s -> { });
    }

    /**
     * As {@link #writeAll(Roster, Path)}, on all cores (each template is written on its own, so
     * the files are the same whatever the order), telling {@code written} of each school as its
     * file is on disk (from any thread), for a progress bar. Schools alike share most of the
     * work ({@link TemplateCopies}): the files are the bytes {@link #toBytes} gives.
     */
    public List<Path> writeAll(Roster roster, Path dir, Consumer<School> written) {
        roster.schools().forEach(this::checkSchool);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new HuizongException("无法写入模板目录 " + dir + "：" + e.getMessage(), e);
        }
        TemplateCopies copies = new TemplateCopies(this);
        return roster.schools().parallelStream().map(s -> {
            Path file = dir.resolve(fileName(s));
            try {
                Files.write(file, copies.toBytes(s));
            } catch (IOException e) {
                throw new HuizongException("无法写入模板 " + file + "：" + e.getMessage(), e);
            }
            written.accept(s);
            return file;
        }).toList();
    }

    /** {@code 3134000001_东城镇中心幼儿园.xlsx}; characters no file system accepts become _. */
    public static String fileName(School school) {
        return school.code() + "_" + school.name().replaceAll("[\\\\/:*?\"<>|\\s]", "_")
                + ".xlsx";
    }

    /**
     * Where a template of {@code collection} puts its {@code F_} and {@code T_} names, by name,
     * in sheet order: a field's one cell, a table column's input rows. The reader checks that a
     * return's names still point there.
     */
    public static Map<String, NamedArea> namedAreas(Collection collection) {
        return TemplateLayout.of(collection).namedAreas(collection);
    }

    /** The defined name of a warning's 说明 cell: {@code X_} and the rule id, non-word chars _. */
    public static String explanationName(String ruleId) {
        return "X_" + ruleId.replaceAll("[^A-Za-z0-9_]", "_");
    }

    /** The roster value of a pre-filled field ({@code info.code} is the school's code ...). */
    static String rosterValue(School school, Field field) {
        return switch (rosterColumn(field)) {
            case "code" -> school.code();
            case "name" -> school.name();
            case "type" -> school.type();
            case "township" -> school.township();
            default -> school.ownership();
        };
    }

    /** The roster column a pre-filled field comes from: the last word of its id. */
    private static String rosterColumn(Field field) {
        String key = field.id().substring(field.id().lastIndexOf('.') + 1);
        if (!List.of("code", "name", "type", "township", "ownership").contains(key)) {
            throw new IllegalArgumentException("pre-filled field " + field.id()
                    + " is not a roster column (code, name, type, township, ownership)");
        }
        return key;
    }

    /** The first moment of the period, in UTC: the document's created and modified time. */
    java.time.OffsetDateTime stamp() {
        return period.start().atStartOfDay().atOffset(ZoneOffset.UTC);
    }

    private void properties(XSSFWorkbook wb, School school) {
        POIXMLProperties.CoreProperties core = wb.getProperties().getCoreProperties();
        Date when = Date.from(stamp().toInstant());
        core.setCreated(Optional.of(when));
        core.setModified(Optional.of(when));
        core.setCreator(MetaSheet.GENERATOR_NAME);
        core.setTitle(collection.title() + " " + school.name() + " " + period.label());
        core.setIdentifier(collection.id() + "/" + period + "/" + school.code());
    }

    /**
     * Gives totals a cached value so viewers that do not recalculate show them; Excel and
     * LibreOffice recalculate anyway ({@code forceFormulaRecalculation}), and the reader never
     * trusts cached values.
     */
    private static void cacheFormulaValues(XSSFWorkbook wb, List<XSSFCell> cells) {
        XSSFFormulaEvaluator ev = wb.getCreationHelper().createFormulaEvaluator();
        for (XSSFCell c : cells) {
            ev.evaluateFormulaCell(c);
        }
    }

    private void checkSchool(School school) {
        if (!collection.schoolTypes().contains(school.type())) {
            throw new HuizongException("学校 " + school.code() + " " + school.name() + " 的类型“"
                    + school.type() + "”不是" + collection.title() + "的学校类型（"
                    + String.join("、", collection.schoolTypes()) + "）");
        }
    }

    private void checkData(ReturnData data) {
        for (String id : data.values().keySet()) {
            collection.getField(id);
        }
        for (String t : data.tables().keySet()) {
            if (collection.tables().stream().noneMatch(x -> x.id().equals(t))) {
                throw new IllegalArgumentException("collection " + collection.id()
                        + " has no table " + t);
            }
        }
        for (String r : data.explanations().keySet()) {
            if (collection.findRule(r).isEmpty()) {
                throw new IllegalArgumentException("collection " + collection.id()
                        + " has no rule " + r);
            }
        }
    }

    private static void checkNames(Collection collection) {
        Map<String, String> seen = new LinkedHashMap<>();
        for (Sheet s : collection.sheets()) {
            if (List.of(INSTRUCTIONS_SHEET, CHECK_SHEET, MetaSheet.SHEET_NAME)
                    .contains(s.title())) {
                throw new IllegalArgumentException("sheet " + s.id() + " has the reserved title "
                        + s.title());
            }
            for (Field f : s.fields()) {
                if (f.prefilled()) {
                    rosterColumn(f);
                }
            }
        }
        for (Rule r : collection.rules()) {
            String prev = seen.put(explanationName(r.id()), r.id());
            if (prev != null) {
                throw new IllegalArgumentException("rules " + prev + " and " + r.id()
                        + " share the defined name " + explanationName(r.id()));
            }
        }
    }
}
