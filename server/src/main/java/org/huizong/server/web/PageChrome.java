package org.huizong.server.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import org.huizong.server.store.AccountStore.Session;
import org.huizong.server.store.ReportStatus;

/** The page chrome around every HTML page, and the formatting helpers pages share. */
public final class PageChrome {
    /** Bureaus work in China Standard Time whatever the server's own zone is. */
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private PageChrome() {
    }

    public static String page(String title, Optional<Session> session, Html body) {
        Html nav = session.map(s -> Html.of("""
                <a href="/collections">报表任务</a>
                {}
                {}
                <span class="who"><a href="/account" title="修改密码">{}（{}）</a>
                  <form class="inline" method="post" action="/logout">
                    <input type="hidden" name="_csrf" value="{}">
                    <button class="secondary" type="submit">退出</button>
                  </form>
                </span>""",
                Html.when(s.user().admin(), Html.raw("<a href=\"/users\">账号管理</a>"
                        + " <a href=\"/settings\">本单位信息</a>")),
                // A township reviewer has no county-wide log; it sees only its schools.
                Html.when(!s.user().scoped(), Html.raw("<a href=\"/audit\">操作日志</a>")),
                s.user().displayName(), s.user().username(), s.csrfToken()))
                .orElse(Html.EMPTY);
        return Html.of("""
                <!DOCTYPE html>
                <html lang="zh-CN">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <meta name="referrer" content="no-referrer">
                <title>{} - 汇总 教育报表</title>
                <link rel="stylesheet" href="/static/app.css">
                <script src="/static/app.js" defer></script>
                </head>
                <body>
                <header class="top"><a class="brand" href="/">汇总 · 县教育局报表</a>{}</header>
                <main>
                {}
                </main>
                </body>
                </html>
                """, title, nav, body).toString();
    }

    public static Html flash(Optional<String> ok, Optional<String> error, List<String> details) {
        Html okHtml = ok.map(m -> Html.of("<div class=\"flash ok\">{}</div>", m))
                .orElse(Html.EMPTY);
        Html errHtml = error.map(m -> Html.of(
                "<div class=\"flash error\" role=\"alert\">{}{}</div>",
                m, Html.when(!details.isEmpty(), Html.of("<ul>{}</ul>",
                        Html.each(details, d -> Html.of("<li>{}</li>", d))))))
                .orElse(Html.EMPTY);
        return Html.of("{}{}", okHtml, errHtml);
    }

    /** 学校:3134000025 reads 学校（3134000025）, system reads 系统; staff by their user name. */
    public static String actor(String actor) {
        if (actor.startsWith("学校:")) {
            return "学校（" + actor.substring("学校:".length()) + "）";
        }
        return "system".equals(actor) ? "系统" : actor;
    }

    public static String time(long epochMillis) {
        return TIME.format(Instant.ofEpochMilli(epochMillis).atZone(ZONE));
    }

    public static String time(Optional<Long> epochMillis) {
        return epochMillis.map(PageChrome::time).orElse("");
    }

    public static Html badge(ReportStatus s) {
        return Html.of("<span class=\"badge s-{}\">{}</span>", s.key(), s.label());
    }

    public static Html csrf(String token) {
        return Html.of("<input type=\"hidden\" name=\"_csrf\" value=\"{}\">", token);
    }

    public static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        return bytes < 1024 * 1024 ? (bytes / 1024) + " KB"
                : String.format("%.1f MB", bytes / 1024.0 / 1024.0);
    }
}
