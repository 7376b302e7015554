package org.huizong.templates.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Name;
import org.apache.poi.ss.util.AreaReference;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFFormulaEvaluator;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.huizong.engine.model.Collection;
import org.huizong.engine.model.Return;
import org.huizong.engine.returns.ReturnReader;
import org.huizong.engine.rules.Validation;
import org.huizong.engine.rules.Validator;
import org.huizong.engine.template.TemplateWriter;
import org.huizong.templates.StandardCollections;
import org.huizong.templates.demo.DemoCounty;

/**
 * Read + validate time per return, against POI's full workbook model on the same files, in one
 * run: wall time and the thread's CPU time (which does not depend on what else the machine
 * runs), best round of N (argument, default 10). Not a test: the command is in the README's
 * Performance section and docs/benchmarks.md. Single-threaded on purpose: the target is per
 * return on one core.
 */
public final class ReadValidateBench {
    private ReadValidateBench() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        Collection c = StandardCollections.eduHalfyear();
        Path dir = Files.createTempDirectory("huizong-bench");
        List<Path> files = new ArrayList<>();
        TemplateWriter writer = TemplateWriter.of(c, DemoCounty.PERIOD);
        for (DemoCounty.SchoolData d : DemoCounty.returns()) {
            Path f = dir.resolve(TemplateWriter.fileName(d.school()));
            Files.write(f, writer.toBytes(d.school(), d.toReturnData()));
            files.add(f);
        }
        ReturnReader reader = ReturnReader.of(c);
        Validator validator = Validator.of(c);
        System.out.printf(Locale.ROOT, "%d filled demo returns, %d KB each on average%n",
                files.size(), files.stream().mapToLong(ReadValidateBench::size).sum()
                        / files.size() / 1024);
        long findings = 0;
        for (int warm = 0; warm < 3; warm++) {
            findings += huizong(files, reader, validator) + poiFullModel(files);
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double best = Double.MAX_VALUE;
        double bestPoi = Double.MAX_VALUE;
        double cpu = Double.MAX_VALUE;
        double cpuPoi = Double.MAX_VALUE;
        for (int r = 0; r < rounds; r++) {
            long c0 = threads.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            findings += huizong(files, reader, validator);
            long t1 = System.nanoTime();
            long c1 = threads.getCurrentThreadCpuTime();
            findings += poiFullModel(files);
            long t2 = System.nanoTime();
            long c2 = threads.getCurrentThreadCpuTime();
            best = Math.min(best, (t1 - t0) / 1e6 / files.size());
            bestPoi = Math.min(bestPoi, (t2 - t1) / 1e6 / files.size());
            cpu = Math.min(cpu, (c1 - c0) / 1e6 / files.size());
            cpuPoi = Math.min(cpuPoi, (c2 - c1) / 1e6 / files.size());
        }
        System.out.printf(Locale.ROOT, "huizong read+validate : %.2f ms per return, CPU %.2f ms"
                + " (best of %d)%n", best, cpu, rounds);
        System.out.printf(Locale.ROOT, "POI full model read   : %.2f ms per return, CPU %.2f ms"
                + " (best of %d)%n", bestPoi, cpuPoi, rounds);
        System.out.printf(Locale.ROOT, "speed-up              : %.1fx, CPU %.1fx   (checksum %d)%n",
                bestPoi / best, cpuPoi / cpu, findings);
    }

    private static long huizong(List<Path> files, ReturnReader reader, Validator validator) {
        long n = 0;
        for (Path f : files) {
            Return r = reader.read(f);
            Validation v = validator.validate(r);
            n += v.findings().size() + r.values().size();
        }
        return n;
    }

    /** The naive way: open the whole workbook, evaluate its formulas, read every F_ name. */
    private static long poiFullModel(List<Path> files) throws Exception {
        long n = 0;
        for (Path f : files) {
            try (OPCPackage pkg = OPCPackage.open(f.toFile(), PackageAccess.READ);
                    XSSFWorkbook wb = new XSSFWorkbook(pkg)) {
                XSSFFormulaEvaluator.evaluateAllFormulaCells(wb);
                Map<String, Object> values = new LinkedHashMap<>();
                for (Name name : wb.getAllNames()) {
                    if (!name.getNameName().startsWith("F_")) {
                        continue;
                    }
                    CellReference ref = new AreaReference(name.getRefersToFormula(),
                            wb.getSpreadsheetVersion()).getFirstCell();
                    Cell cell = wb.getSheet(ref.getSheetName()).getRow(ref.getRow())
                            .getCell(ref.getCol());
                    if (cell != null && cell.getCellType() != CellType.BLANK) {
                        values.put(name.getNameName(), cell.getCellType() == CellType.NUMERIC
                                ? cell.getNumericCellValue() : cell.toString());
                    }
                }
                n += values.size();
            }
        }
        return n;
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return 0;
        }
    }
}
