package org.huizong.server.returns;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.huizong.engine.model.Collection;
import org.huizong.engine.model.Finding;
import org.huizong.engine.model.Period;
import org.huizong.engine.model.Return;
import org.huizong.engine.model.Roster;
import org.huizong.engine.model.School;
import org.huizong.engine.narrative.NarrativeTemplate;
import org.huizong.engine.pipeline.Pipeline;
import org.huizong.engine.returns.ReturnReader;
import org.huizong.engine.roster.RosterReader;
import org.huizong.engine.rules.Validator;
import org.huizong.engine.template.ReturnData;
import org.huizong.engine.template.TemplateWriter;
import org.huizong.server.store.DefinitionStore;
import org.huizong.server.store.FileStore;
import org.huizong.server.web.FileNames;
import org.huizong.templates.CollectionDefinition;
import org.huizong.templates.StandardCollections;

/**
 * The server's one door into the engine: roster reading, templates, reading and validating a
 * return, and the consolidated workbook. Collections and validators are loaded once per id and
 * kept (they are immutable); nothing else is cached.
 */
public final class EngineFacade {
    private final Map<String, Collection> collections = new ConcurrentHashMap<>();
    private final Map<String, Validator> validators = new ConcurrentHashMap<>();
    private final Map<String, ReturnReader> readers = new ConcurrentHashMap<>();
    private final Map<String, ReturnReader> returnReaders = new ConcurrentHashMap<>();
    private final Map<String, NarrativeTemplate> narratives = new ConcurrentHashMap<>();
    private final Map<String, CollectionDefinition> uploaded = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Optional<DefinitionStore> definitions;
    private final FileStore files;

    /** An engine with the built-in collections only. */
    public EngineFacade(Clock clock) {
        this.clock = clock;
        this.definitions = Optional.empty();
        this.files = null;
    }

    /** An engine with the built-in collections and the definitions the bureau uploaded. */
    public EngineFacade(Clock clock, DefinitionStore definitions, FileStore files) {
        this.clock = clock;
        this.definitions = Optional.of(definitions);
        this.files = files;
    }

    /**
     * A built-in collection by its id ({@code edu-halfyear}), or an uploaded definition by its
     * key ({@code safety-monthly@2}).
     */
    public Collection collection(String standardId) {
        return collections.computeIfAbsent(standardId, key -> uploaded(key)
                .map(CollectionDefinition::collection)
                .orElseGet(() -> StandardCollections.get(key)));
    }

    /** What a task may name: the built-in ids, then the uploaded versions, newest first. */
    public List<String> collectionKeys() {
        List<String> keys = new ArrayList<>(StandardCollections.ids());
        definitions.ifPresent(d -> d.list().forEach(r -> keys.add(r.key())));
        return keys;
    }

    /** An uploaded definition, read from its file once and kept (it is immutable). */
    public Optional<CollectionDefinition> uploaded(String key) {
        if (definitions.isEmpty() || StandardCollections.ids().contains(key)) {
            return Optional.empty();
        }
        CollectionDefinition known = uploaded.get(key);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<CollectionDefinition> d = definitions.get().find(key).map(row ->
                CollectionDefinition.parse(files.get(row.fileSha()), row.fileName()));
        d.ifPresent(x -> uploaded.put(key, x));
        return d;
    }

    /** Readers, validators and narratives are kept per collection id and version. */
    private static String cacheKey(Collection c) {
        return c.id() + "@" + c.version();
    }

    /** @throws org.huizong.engine.roster.RosterException listing every bad line */
    public Roster readRoster(Collection c, String fileName, byte[] bytes) {
        return RosterReader.of(c).read(fileName, bytes);
    }

    /**
     * @throws org.huizong.engine.UnreadableFileException with a Chinese message the school
     *     can act on
     */
    public Return read(Collection c, String fileName, byte[] bytes) {
        return readers.computeIfAbsent(cacheKey(c), id -> ReturnReader.of(c))
                .read(fileName, bytes);
    }

    /**
     * Reads a school's upload as a school return whatever its {@code _meta} claims (a return
     * that says it is a county's book is still read, and validated, as the school's).
     *
     * @throws org.huizong.engine.UnreadableFileException in the reader's own words, the same
     *     the command line prints
     */
    public Return readReturn(Collection c, String fileName, byte[] bytes) {
        return returnReaders.computeIfAbsent(cacheKey(c), id -> ReturnReader.of(c)
                .asSchoolReturns()).read(fileName, bytes);
    }

    /** The reader's findings and the validator's, each once, in report order. */
    List<Finding> validate(Collection c, Return r, Optional<Return> previous) {
        Validator v = validators.computeIfAbsent(cacheKey(c), id -> Validator.of(c));
        LinkedHashSet<Finding> all = new LinkedHashSet<>(r.readFindings());
        all.addAll(v.validate(r, previous).findings());
        return new ArrayList<>(all);
    }

    public byte[] template(Collection c, Period p, School s) {
        return TemplateWriter.of(c, p).toBytes(s, ReturnData.empty());
    }

    /** Every school's template in one zip, one {@code <code>-<name>.xlsx} entry each. */
    public void templatesZip(Collection c, Period p, List<School> schools, OutputStream out) {
        TemplateWriter writer = TemplateWriter.of(c, p);
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (School s : schools) {
                zip.putNextEntry(new ZipEntry(FileNames.segment(templateName(c, p, s))));
                zip.write(writer.toBytes(s, ReturnData.empty()));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A school's template filled with data (the demo county, tests). */
    public byte[] filled(Collection c, Period p, School s, ReturnData data) {
        return TemplateWriter.of(c, p).toBytes(s, data);
    }

    /** The one consolidation pipeline for {@code c}, with its narrative; a county's by default. */
    Pipeline pipeline(Collection c) {
        NarrativeTemplate narrative = narratives.computeIfAbsent(cacheKey(c), key -> uploaded(key)
                .map(CollectionDefinition::narrative).orElseGet(() -> NarrativeTemplate.parse(
                        StandardCollections.resource(c.id() + ".narrative.txt"),
                        c.id() + ".narrative.txt", c)));
        return Pipeline.of(c, narrative, clock);
    }

    public static String templateName(Collection c, Period p, School s) {
        return p + "_" + TemplateWriter.fileName(s);
    }
}
