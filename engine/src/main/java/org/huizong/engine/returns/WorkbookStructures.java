package org.huizong.engine.returns;

import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.zip.CRC32;
import javax.xml.stream.XMLStreamException;
import org.huizong.engine.xlsx.XmlParts;

/**
 * The structures of the .xlsx workbooks a reader has opened, remembered by the exact bytes of
 * the workbook part and its relationships: the sheets, the defined names, where each sheet's
 * part is, and what each read plan located in them. Every return made from one template
 * carries the same bytes there, so a county's thousands of returns parse and resolve them
 * once, not once a return. A workbook saved again by a spreadsheet program has bytes of its
 * own and is parsed on its own; at most {@link #MAX} structures are kept, later ones are
 * parsed every time. Thread-safe.
 */
final class WorkbookStructures {
    static final int MAX = 64;

    private final Map<Key, Structure> known = new ConcurrentHashMap<>();

    /** What a workbook part and its relationships say; immutable but for its memo. */
    static final class Structure {
        private final List<String> sheetNames;
        private final Map<String, String> names;
        private final Map<String, String> sheetParts;
        private final Optional<String> stringsPart;
        /** What each plan located, read as a school's return and as a consolidated book. */
        private final Map<ReadPlan, ReturnAssembler.Located> located =
                Collections.synchronizedMap(new IdentityHashMap<>());
        private final Map<ReadPlan, ReturnAssembler.Located> locatedInBook =
                Collections.synchronizedMap(new IdentityHashMap<>());

        private Structure(XmlParts.Workbook parts, Map<String, XmlParts.Relationship> rels) {
            this.sheetNames = parts.sheets().stream().map(XmlParts.SheetEntry::name).toList();
            this.names = Collections.unmodifiableMap(XmlParts.names(parts.names()));
            Map<String, String> sp = new LinkedHashMap<>();
            for (XmlParts.SheetEntry s : parts.sheets()) {
                XmlParts.Relationship r = rels.get(s.relationship());
                if (r != null && r.type().endsWith(XmlParts.WORKSHEET)) {
                    sp.putIfAbsent(s.name(), r.target());
                }
            }
            this.sheetParts = Collections.unmodifiableMap(sp);
            this.stringsPart = rels.values().stream()
                    .filter(r -> r.type().endsWith(XmlParts.SHARED_STRINGS))
                    .map(XmlParts.Relationship::target).findFirst();
        }

        List<String> sheetNames() {
            return sheetNames;
        }

        /** Defined names to their formula text; workbook-scoped ones win over sheet-scoped. */
        Map<String, String> names() {
            return names;
        }

        /** Sheet name to its part's zip entry. */
        Map<String, String> sheetParts() {
            return sheetParts;
        }

        Optional<String> stringsPart() {
            return stringsPart;
        }

        /**
         * What {@code plan} locates in this structure, read as a consolidated book or not,
         * worked out once per plan.
         */
        ReturnAssembler.Located located(ReadPlan plan, boolean book,
                Supplier<ReturnAssembler.Located> locate) {
            Map<ReadPlan, ReturnAssembler.Located> memo = book ? locatedInBook : located;
            ReturnAssembler.Located l = memo.get(plan);
            if (l == null) {
                l = locate.get();
                memo.putIfAbsent(plan, l);
            }
            return l;
        }
    }

    /**
     * The layout of a workbook part ({@code workbook}, at {@code part}) and its relationships
     * ({@code rels}, empty when it has none), parsed now or remembered.
     *
     * @throws XMLStreamException when either does not parse
     */
    Structure of(String part, byte[] workbook, byte[] rels) throws XMLStreamException {
        Key key = new Key(part, workbook, rels);
        Structure l = known.get(key);
        if (l != null) {
            return l;
        }
        String base = part.substring(0, part.lastIndexOf('/') + 1);
        l = new Structure(XmlParts.workbook(workbook),
                rels.length == 0 ? Map.of() : XmlParts.relationships(rels, base));
        if (known.size() < MAX) {
            Structure earlier = known.putIfAbsent(key, l);
            return earlier != null ? earlier : l;
        }
        return l;
    }

    /** The bytes a layout is parsed from, compared whole; hashed by CRC (an intrinsic). */
    private static final class Key {
        private final String part;
        private final byte[] workbook;
        private final byte[] rels;
        private final int hash;

        Key(String part, byte[] workbook, byte[] rels) {
            this.part = part;
            this.workbook = workbook;
            this.rels = rels;
            CRC32 crc = new CRC32();
            crc.update(workbook);
            crc.update(rels);
            this.hash = Long.hashCode(crc.getValue()) * 31 + part.hashCode();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && hash == k.hash && part.equals(k.part)
                    && Arrays.equals(workbook, k.workbook) && Arrays.equals(rels, k.rels);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }
}
