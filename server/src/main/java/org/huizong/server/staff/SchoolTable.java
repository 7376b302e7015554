package org.huizong.server.staff;

import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.huizong.server.returns.ReturnView;
import org.huizong.server.store.CollectionStore.CollectionRow;
import org.huizong.server.store.CollectionStore.SchoolRow;
import org.huizong.server.store.ReturnStore.SchoolState;
import org.huizong.server.store.ReturnStore.VersionRow;
import org.huizong.server.web.Forms;
import org.huizong.server.web.Html;
import org.huizong.server.web.PageChrome;

/**
 * The dashboard's table of schools at volume: search by name or code, filters by status,
 * township and type, sorting by any column, and pages of {@link #PAGE} schools. Every choice is
 * a query parameter, so a view is a link and works without JavaScript.
 *
 * @param page one-based page number
 */
record SchoolTable(String q, String status, String township, String type, String sort,
        boolean desc, int page) {
    static final int PAGE = 50;
    /** Sort key to the column's heading, in column order. */
    private static final Map<String, String> COLUMNS = columns();

    private static Map<String, String> columns() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("code", "标识码");
        m.put("name", "学校");
        m.put("type", "类型");
        m.put("township", "乡镇");
        m.put("status", "状态");
        m.put("uploaded", "最近上传");
        m.put("versions", "版本");
        m.put("errors", "错误");
        m.put("warnings", "警告");
        return m;
    }

    static SchoolTable of(Context ctx) {
        String sort = Forms.query(ctx, "sort");
        int page;
        try {
            page = Math.max(1, Integer.parseInt(Forms.query(ctx, "page")));
        } catch (NumberFormatException e) {
            page = 1;
        }
        return new SchoolTable(Forms.query(ctx, "q").strip(), Forms.query(ctx, "status"),
                Forms.query(ctx, "township"), Forms.query(ctx, "type"),
                COLUMNS.containsKey(sort) ? sort : "", "desc".equals(Forms.query(ctx, "dir")),
                page);
    }

    /** The schools this view selects, sorted (roster order unless a column is chosen). */
    List<SchoolState> select(List<SchoolState> all) {
        String needle = q.toLowerCase(Locale.ROOT);
        List<SchoolState> shown = all.stream()
                .filter(st -> needle.isEmpty() || st.school().code().contains(needle)
                        || st.school().name().toLowerCase(Locale.ROOT).contains(needle))
                .filter(st -> status.isEmpty() || st.status().key().equals(status))
                .filter(st -> township.isEmpty() || st.school().township().equals(township))
                .filter(st -> type.isEmpty() || st.school().type().equals(type))
                .toList();
        if (sort.isEmpty()) {
            return shown;
        }
        Comparator<SchoolState> by = comparator(sort);
        return shown.stream().sorted(desc ? by.reversed() : by).toList();
    }

    private static Comparator<SchoolState> comparator(String key) {
        Comparator<String> chinese = java.text.Collator.getInstance(Locale.CHINA)::compare;
        return switch (key) {
            case "code" -> Comparator.comparing(st -> st.school().code());
            case "name" -> Comparator.comparing(st -> st.school().name(), chinese);
            case "type" -> Comparator.comparing(st -> st.school().type(), chinese);
            case "township" -> Comparator.comparing(st -> st.school().township(), chinese);
            case "status" -> Comparator.comparing(SchoolState::status);
            case "uploaded" -> Comparator.comparingLong(st -> st.latest()
                    .map(VersionRow::uploadedAt).orElse(0L));
            case "versions" -> Comparator.comparingInt(st -> st.versions().size());
            case "errors" -> Comparator.comparingInt(st -> st.latest()
                    .map(VersionRow::errors).orElse(-1));
            default -> Comparator.comparingInt(st -> st.latest()
                    .map(VersionRow::warnings).orElse(-1));
        };
    }

    int pages(int shown) {
        return Math.max(1, (shown + PAGE - 1) / PAGE);
    }

    /**
     * This view's search, filters and sort as a query string ({@code ?q=…&sort=…}, empty when
     * none), without the page: the review page carries it so its neighbours follow the list.
     */
    String query() {
        return link(0, Map.of("page", "")).substring("/collections/0".length());
    }

    /** This view's link with some parameters changed; an empty value drops the parameter. */
    String link(long collectionId, Map<String, String> changes) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("q", q);
        p.put("status", status);
        p.put("township", township);
        p.put("type", type);
        p.put("sort", sort);
        p.put("dir", desc ? "desc" : "");
        p.put("page", page == 1 ? "" : String.valueOf(page));
        p.putAll(changes);
        StringBuilder sb = new StringBuilder("/collections/" + collectionId);
        char sep = '?';
        for (Map.Entry<String, String> e : p.entrySet()) {
            if (!e.getValue().isEmpty()) {
                sb.append(sep).append(e.getKey()).append('=')
                        .append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
                sep = '&';
            }
        }
        return sb.toString();
    }

    /**
     * The table of one page of {@code shown}, with sortable headings and a batch checkbox on
     * each row {@code batchable} accepts.
     */
    Html render(CollectionRow c, List<SchoolState> shown, Predicate<SchoolState> batchable) {
        int pages = pages(shown.size());
        int current = Math.min(page, pages);
        List<SchoolState> rows = shown.subList(Math.min(shown.size(), (current - 1) * PAGE),
                Math.min(shown.size(), current * PAGE));
        Html heads = Html.each(COLUMNS.entrySet(), e -> {
            boolean on = e.getKey().equals(sort);
            String arrow = on ? (desc ? " ▼" : " ▲") : "";
            return Html.of("<th{}><a class=\"sort\" id=\"sort-{}\" href=\"{}\">{}{}</a></th>",
                    Html.raw(List.of("versions", "errors", "warnings").contains(e.getKey())
                            ? " class=\"num\"" : ""), e.getKey(),
                    link(c.id(), Map.of("sort", e.getKey(), "dir", on && !desc ? "desc" : "",
                            "page", "")), e.getValue(), arrow);
        });
        Html body = Html.each(rows, st -> row(c, st, batchable.test(st)));
        return Html.of("""
                <div class="table-scroll"><table id="schools"><tr><th>
                <span class="sr">选择</span></th>{}</tr>{}</table></div>{}""",
                heads, body, pager(c, current, pages));
    }

    private Html row(CollectionRow c, SchoolState st, boolean batchable) {
        SchoolRow s = st.school();
        VersionRow v = st.latest().orElse(null);
        return Html.of("""
                <tr data-code="{}"><td>{}</td><td>{}</td>
                <td><a href="/collections/{}/schools/{}{}">{}</a></td>
                <td>{}</td><td>{}</td><td>{}{}</td><td>{}</td><td class="num">{}</td>
                <td class="num">{}</td><td class="num">{}</td></tr>""",
                s.code(), Html.when(batchable, Html.of("""
                        <input type="checkbox" name="code" value="{}" form="batch"
                          class="batch-pick" aria-label="选择{}">""", s.code(), s.name())),
                s.code(), c.id(), s.code(), query(), s.name(), s.type(), s.township(),
                PageChrome.badge(st.status()), ReturnView.lateMark(c, Optional.ofNullable(v)),
                v == null ? "" : PageChrome.time(v.uploadedAt()), st.versions().size(),
                v == null ? "" : v.errors(), v == null ? "" : v.warnings());
    }

    private Html pager(CollectionRow c, int current, int pages) {
        if (pages == 1) {
            return Html.EMPTY;
        }
        Html links = Html.each(java.util.stream.IntStream.rangeClosed(1, pages).boxed().toList(),
                n -> n == current ? Html.of("<b aria-current=\"page\">{}</b>", n)
                        : Html.of("<a href=\"{}\">{}</a>",
                                link(c.id(), Map.of("page", String.valueOf(n))), n));
        return Html.of("""
                <nav class="pager noprint" id="pager" aria-label="分页">第 {} / {} 页：{}</nav>""",
                current, pages, links);
    }
}
