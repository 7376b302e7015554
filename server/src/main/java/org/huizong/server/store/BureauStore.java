package org.huizong.server.store;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * The bureau's identity, set once on first start and changed by an administrator: the unit every
 * book, narrative, export and printout the server makes is headed with, and the contact a school
 * is told to call. Kept in the {@code settings} table, one row a field.
 */
public final class BureauStore {
    /**
     * Who the server works for.
     *
     * @param name the unit's name (示范县教育局)
     * @param code the unit code, 6 to 12 digits (行政区划代码 or the unit's own code)
     * @param area the area word the narrative uses: 县 gives 全县 and 我县, 市 gives 全市
     * @param contact the person schools call about their returns
     * @param phone that person's phone number
     */
    public record Bureau(String name, String code, String area, String contact, String phone) {
        /** The area words a bureau may choose. */
        public static final List<String> AREAS = List.of("县", "区", "市", "省");

        /** 联系人：王老师，电话：0571-12345678 */
        public String contactLine() {
            return "联系人：" + contact + "，电话：" + phone;
        }
    }

    private static final String PREFIX = "bureau.";
    private final Jdbi jdbi;
    private final Audit audit;

    public BureauStore(Jdbi jdbi, Audit audit) {
        this.jdbi = jdbi;
        this.audit = audit;
    }

    /** The bureau's identity, empty until it has been set. */
    public Optional<Bureau> get() {
        Map<String, String> v = new LinkedHashMap<>();
        jdbi.useHandle(h -> h.createQuery("SELECT name, value FROM settings"
                        + " WHERE name LIKE 'bureau.%'")
                .map((rs, ctx) -> Map.entry(rs.getString("name"), rs.getString("value")))
                .forEach(e -> v.put(e.getKey().substring(PREFIX.length()), e.getValue())));
        if (!v.containsKey("code")) {
            return Optional.empty();
        }
        return Optional.of(new Bureau(v.getOrDefault("name", ""), v.get("code"),
                v.getOrDefault("area", "县"), v.getOrDefault("contact", ""),
                v.getOrDefault("phone", "")));
    }

    /** Replaces the identity, audited with what it was and what it is now. */
    public void save(String actor, Bureau b) {
        Optional<Bureau> before = get();
        jdbi.useTransaction(h -> {
            Map<String, String> fields = Map.of("name", b.name(), "code", b.code(), "area",
                    b.area(), "contact", b.contact(), "phone", b.phone());
            for (Map.Entry<String, String> f : fields.entrySet()) {
                h.createUpdate("DELETE FROM settings WHERE name = :n")
                        .bind("n", PREFIX + f.getKey()).execute();
                h.createUpdate("INSERT INTO settings (name, value) VALUES (:n, :v)")
                        .bind("n", PREFIX + f.getKey()).bind("v", f.getValue()).execute();
            }
            audit.record(h, actor, "settings.bureau", null, null, before.map(x -> describe(x)
                    + " 改为 ").orElse("首次设置：") + describe(b));
        });
    }

    private static String describe(Bureau b) {
        return b.name() + "（" + b.code() + "，" + b.area() + "级，" + b.contactLine() + "）";
    }
}
