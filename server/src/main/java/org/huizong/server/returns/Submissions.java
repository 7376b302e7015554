package org.huizong.server.returns;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.huizong.engine.UnreadableFileException;
import org.huizong.engine.findings.FindingReport;
import org.huizong.engine.model.Collection;
import org.huizong.engine.model.Finding;
import org.huizong.engine.model.Return;
import org.huizong.engine.model.ReturnMeta;
import org.huizong.engine.rules.Validation;
import org.huizong.engine.rules.Validator;
import org.huizong.server.store.Audit;
import org.huizong.server.store.CollectionStore;
import org.huizong.server.store.CollectionStore.CollectionRow;
import org.huizong.server.store.CollectionStore.SchoolRow;
import org.huizong.server.store.FileStore;
import org.huizong.server.store.ReturnStore;
import org.huizong.server.store.ReturnStore.NewVersion;
import org.huizong.server.store.ReturnStore.VersionRow;
import org.huizong.server.store.Verdict;
import org.huizong.server.web.HttpProblem;
import org.huizong.server.web.PageChrome;
import org.huizong.server.web.ReadGate;
import org.huizong.server.web.Reply;

/**
 * Checks and stores uploads. An upload is checked completely (size, content, the reader's
 * refusals, the school and period it belongs to, every rule) before anything is written; then the
 * file is stored durably and only after that the version row is committed, so a crash leaves
 * either no version or a complete one.
 */
public final class Submissions {
    /** A checked upload: the return as read and every finding, as the findings report has it. */
    public record Checked(Return ret, Validation validation) {
        public Verdict verdict() {
            return Verdict.of(validation);
        }
    }

    /**
     * A stored upload and its findings.
     *
     * @param repeated the same file was stored as this version moments ago (a retry after a lost
     *     answer): nothing new was stored
     */
    public record Stored(VersionRow version, Validation validation, boolean repeated) {
    }

    /** The same file from the same school within this time is the same upload, sent again. */
    public static final Duration REPEAT_WINDOW = Duration.ofMinutes(10);
    /** The longest 说明 kept, in characters. */
    public static final int MAX_EXPLANATION = 2000;

    private final EngineFacade engine;
    private final FileStore files;
    private final CollectionStore collections;
    private final ReturnStore returns;
    private final Audit audit;
    private final Cycle cycle;
    private final long maxBytes;
    private final ReadGate gate;
    private final Clock clock;

    public Submissions(EngineFacade engine, FileStore files, CollectionStore collections,
            ReturnStore returns, Audit audit, Cycle cycle, long maxBytes, ReadGate gate,
            Clock clock) {
        this.engine = engine;
        this.files = files;
        this.collections = collections;
        this.returns = returns;
        this.audit = audit;
        this.cycle = cycle;
        this.maxBytes = maxBytes;
        this.gate = gate;
        this.clock = clock;
    }

    public long maxBytes() {
        return maxBytes;
    }

    /**
     * Refuses what is too large to read. Everything else (empty, not a workbook, encrypted, an
     * .xls ...) is the reader's to refuse, in the words the command line uses too.
     */
    void checkContent(String fileName, byte[] bytes) {
        if (bytes.length > maxBytes) {
            throw new HttpProblem(413, "文件“" + fileName + "”有 " + PageChrome.size(bytes.length)
                    + "，超过上限 " + PageChrome.size(maxBytes) + "；请上传下发的报表模板，不要粘贴图片");
        }
    }

    /**
     * Reads and validates an upload without storing anything.
     *
     * @param school when known (a secret link), the return must be this school's
     */
    public Checked check(CollectionRow c, Optional<SchoolRow> school, String fileName,
            byte[] bytes) {
        checkContent(fileName, bytes);
        // Reading and validating is the costly part: a bounded number at a time.
        return gate.read(() -> {
            Collection collection = engine.collection(c.standardId());
            Return r;
            try {
                r = engine.readReturn(collection, fileName, bytes);
            } catch (UnreadableFileException e) {
                throw new HttpProblem(422, e.getMessage());
            }
            checkBelongs(c, collection, school, r);
            Optional<Return> previous = school.flatMap(this::previousReturn);
            return new Checked(r, new Validation(r.file(), r.schoolCode(),
                    Optional.of(r.meta().period()), engine.validate(collection, r, previous)));
        });
    }

    private static void checkBelongs(CollectionRow c, Collection collection,
            Optional<SchoolRow> school, Return r) {
        // Its own word on what it is (a county's book, say) does not count: the link says whose
        // return it is, and a county's book carries no school's code.
        ReturnMeta m = r.meta();
        if (!m.collection().equals(collection.id())) {
            throw new HttpProblem(422, "“" + r.file() + "”是“" + m.collection() + "”的报表，本任务收的是“"
                    + collection.title() + "”");
        }
        if (!m.period().equals(c.period())) {
            throw new HttpProblem(422, "“" + r.file() + "”是 " + m.period().label() + " 的报表，本任务是 "
                    + c.period().label() + "；请下载本期模板重新填报");
        }
        if (school.isPresent() && !m.unitCode().equals(school.get().code())) {
            throw new HttpProblem(422, "“" + r.file() + "”是学校标识码 " + m.unitCode() + " 的报表，不是"
                    + school.get().name() + "（" + school.get().code() + "）的；请上传本校的报表");
        }
    }

    /**
     * Checks, then stores the file and its version; refusals store nothing. The cycle is asked
     * first: an approved return is locked, a closed collection takes only late filers, a file
     * identical to a sent-back version is refused.
     */
    public Stored submit(CollectionRow c, SchoolRow school, String fileName, byte[] bytes,
            String uploader, String channel) {
        Checked checked;
        try {
            checkContent(fileName, bytes);
            cycle.admit(c, returns.state(school), fileName, bytes);
            checked = check(c, Optional.of(school), fileName, bytes);
            checkExplanationLengths(checked.ret());
        } catch (HttpProblem e) {
            audit.record(uploader, "return.refused", c.id(), school.id(),
                    school.name() + " " + fileName + "：" + e.getMessage());
            throw e;
        }
        String sha = files.put(bytes);
        Map<String, String> explanations = new LinkedHashMap<>();
        checked.ret().explanations().forEach((rule, text) -> {
            if (!text.isBlank()) {
                explanations.put(rule, text);
            }
        });
        Validation found = checked.validation();
        ReturnStore.Added added = returns.addVersionOnce(school, new NewVersion(sha,
                safeName(fileName), bytes.length, uploader, channel, checked.verdict(),
                found.errors(), found.warnings(), found.unexplainedWarnings().size(),
                FindingReport.fileJson(found), explanations),
                clock.millis() - REPEAT_WINDOW.toMillis());
        return new Stored(added.version(), found, added.repeated());
    }

    /** Refuses a workbook whose 说明 column holds a text longer than {@link #MAX_EXPLANATION}. */
    private static void checkExplanationLengths(Return r) {
        List<String> tooLong = new ArrayList<>();
        r.explanations().forEach((rule, text) -> {
            if (text.strip().length() > MAX_EXPLANATION) {
                tooLong.add("有一条说明有 " + text.strip().length() + " 个字");
            }
        });
        if (!tooLong.isEmpty()) {
            throw new HttpProblem(422, "“" + r.file() + "”中的说明超过上限 " + MAX_EXPLANATION
                    + " 个字，请在“校验”表中精简说明后重新上传", tooLong);
        }
    }

    /**
     * Adds the school's 说明 for warnings of a version. Texts shorter than the validator's
     * minimum are refused with a message naming the rule.
     */
    public VersionRow explain(SchoolRow school, VersionRow v, Map<String, String> texts,
            String actor) {
        Validation stored = v.validation();
        Map<String, String> accepted = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        List<Finding> updated = new ArrayList<>();
        for (Finding f : stored.findings()) {
            String text = texts.getOrDefault(f.ruleId(), "").strip();
            if (f.isUnexplainedWarning() && !text.isEmpty()) {
                if (text.length() < Validator.MIN_EXPLANATION) {
                    problems.add("“" + f.message() + "”的说明太短（至少 " + Validator.MIN_EXPLANATION
                            + " 个字）");
                    updated.add(f);
                } else if (text.length() > MAX_EXPLANATION) {
                    problems.add("“" + f.message() + "”的说明有 " + text.length() + " 个字，超过上限 "
                            + MAX_EXPLANATION + " 个字，请精简后再保存");
                    updated.add(f);
                } else {
                    accepted.put(f.ruleId(), text);
                    updated.add(f.withExplanation(text));
                }
            } else {
                updated.add(f);
            }
        }
        if (!problems.isEmpty()) {
            throw new HttpProblem(422, "说明未保存", problems);
        }
        if (accepted.isEmpty()) {
            throw new HttpProblem(422, "没有需要保存的说明：请在警告旁填写说明后再提交");
        }
        Validation explained = new Validation(stored.file(), stored.schoolCode(),
                stored.period(), updated);
        returns.explain(actor, school, v, accepted, Verdict.of(explained),
                explained.unexplainedWarnings().size(), FindingReport.fileJson(explained));
        return returns.state(school).versions().stream().filter(x -> x.id() == v.id())
                .findFirst().orElseThrow();
    }

    /** The same school's counted return in the collection this one compares with, if any. */
    Optional<Return> previousReturn(SchoolRow school) {
        Optional<CollectionRow> c = collections.find(school.collectionId());
        if (c.isEmpty() || c.get().previousCollectionId() == null) {
            return Optional.empty();
        }
        Optional<CollectionRow> prev = collections.find(c.get().previousCollectionId());
        return prev.flatMap(p -> collections.findSchool(p.id(), school.code())
                .flatMap(ps -> returns.state(ps).latestAccepted())
                .map(v -> engine.readReturn(engine.collection(p.standardId()), v.fileName(),
                        files.get(v.sha()))));
    }

    /**
     * The collection an anonymous upload belongs to: the newest one whose standard and period
     * match what the workbook says it is.
     */
    public CollectionRow matchCollection(List<CollectionRow> newestFirst, String fileName,
            byte[] bytes) {
        checkContent(fileName, bytes);
        HttpProblem last = null;
        for (String standard : newestFirst.stream().map(CollectionRow::standardId).distinct()
                .toList()) {
            Return r;
            try {
                r = gate.read(() -> engine.readReturn(engine.collection(standard), fileName,
                        bytes));
            } catch (UnreadableFileException e) {
                last = new HttpProblem(422, e.getMessage());
                continue;
            }
            for (CollectionRow c : newestFirst) {
                if (c.standardId().equals(standard) && c.period().equals(r.meta().period())) {
                    return c;
                }
            }
            last = new HttpProblem(422, "“" + fileName + "”是 " + r.meta().period().label()
                    + " 的报表，服务器上没有这一期的任务");
        }
        throw last == null ? new HttpProblem(409, "服务器上还没有报表任务") : last;
    }

    /** Reads a stored version again (for its values, or for consolidation). */
    public Return readStored(CollectionRow c, VersionRow v) {
        return engine.readReturn(engine.collection(c.standardId()), v.fileName(),
                files.get(v.sha()));
    }

    /** A school's version numbered {@code no} as the file it uploaded, else 404. */
    public Reply.Download storedFile(SchoolRow school, String no) {
        VersionRow v = ReturnView.version(returns.state(school), no);
        return Reply.xlsx(v.fileName(), files.get(v.sha()));
    }

    /** A file name without directories or control characters, at most 120 characters. */
    public static String safeName(String name) {
        String n = name == null ? "" : name;
        n = n.substring(Math.max(n.lastIndexOf('/'), n.lastIndexOf('\\')) + 1);
        n = n.replaceAll("[\\p{Cntrl}\"]", "").strip();
        if (n.isEmpty()) {
            n = "return.xlsx";
        }
        return n.length() > 120 ? n.substring(n.length() - 120) : n;
    }
}
