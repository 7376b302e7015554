package org.huizong.server.staff;

import static io.javalin.http.HandlerType.GET;
import static io.javalin.http.HandlerType.POST;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.huizong.engine.model.School;
import org.huizong.server.store.BureauStore;
import org.huizong.server.store.BureauStore.Bureau;
import org.huizong.server.web.Guard;
import org.huizong.server.web.Html;
import org.huizong.server.web.HttpProblem;
import org.huizong.server.web.PageChrome;
import org.huizong.server.web.Reply;
import org.huizong.server.web.RouteGroup;
import org.huizong.server.web.Routes;
import org.huizong.server.web.StaffRequest;

/**
 * 本单位信息: the bureau's name, code, area level and contact, which head every book and
 * summary the server makes. An administrator sets them on first start (the collection list sends
 * them here until they have) and may change them later.
 */
final class SettingsPages implements RouteGroup {
    private static final Pattern PHONE = Pattern.compile("[0-9+()（） -]{5,30}");
    private final BureauStore bureau;

    SettingsPages(BureauStore bureau) {
        this.bureau = bureau;
    }

    @Override
    public void register(Routes r) {
        r.staff(GET, "/settings", Guard.ADMIN, this::page);
        r.staff(POST, "/settings", Guard.ADMIN, this::save);
    }

    private Reply page(StaffRequest s) {
        Optional<Bureau> b = bureau.get();
        Html areas = Html.each(Bureau.AREAS, a -> Html.of("<option value=\"{}\"{}>{}</option>",
                a, Html.raw(b.map(Bureau::area).orElse("县").equals(a) ? " selected" : ""),
                a + "级（全" + a + "、我" + a + "）"));
        Optional<String> first = b.isEmpty()
                ? Optional.of("首次使用：请先填写本单位信息。汇总表、工作总结和各种导出都以此署名。")
                : Optional.empty();
        Optional<String> saved = Optional.ofNullable(s.ctx().queryParam("saved"))
                .map(x -> "本单位信息已保存。");
        Html body = Html.of("""
                <h1>本单位信息</h1>
                {}
                <form class="card narrow" method="post" action="/settings">
                  {}
                  <label for="name">单位名称（如 示范县教育局）</label>
                  <input type="text" id="name" name="name" value="{}" required maxlength="40">
                  <label for="code">单位代码（6 到 12 位数字，如行政区划代码 331023）</label>
                  <input type="text" id="code" name="code" value="{}" required
                         inputmode="numeric" pattern="\\d{6,12}">
                  <label for="area">行政级别（总结里说“全县”还是“全市”）</label>
                  <select id="area" name="area">{}</select>
                  <label for="contact">联系人（学校有问题时联系谁）</label>
                  <input type="text" id="contact" name="contact" value="{}" maxlength="20">
                  <label for="phone">联系电话</label>
                  <input type="text" id="phone" name="phone" value="{}" maxlength="30">
                  <div class="actions"><button type="submit" id="save-settings">保存</button></div>
                </form>""",
                PageChrome.flash(saved.or(() -> first), Optional.empty(), List.of()),
                s.csrfField(), b.map(Bureau::name).orElse(""), b.map(Bureau::code).orElse(""),
                areas, b.map(Bureau::contact).orElse(""), b.map(Bureau::phone).orElse(""));
        return s.page("本单位信息", body);
    }

    private Reply save(StaffRequest s) {
        String name = s.form("name").strip();
        String code = s.form("code").strip();
        String area = s.form("area").strip();
        String contact = s.form("contact").strip();
        String phone = s.form("phone").strip();
        if (name.isEmpty() || name.length() > 40) {
            throw new HttpProblem(422, "单位名称应为 1 到 40 个字");
        }
        if (!School.isUnitCode(code)) {
            throw new HttpProblem(422, "单位代码“" + code + "”应为 6 到 12 位数字");
        }
        if (!Bureau.AREAS.contains(area)) {
            throw new HttpProblem(422, "行政级别应为 " + String.join("、", Bureau.AREAS) + " 之一");
        }
        if (contact.length() > 20) {
            throw new HttpProblem(422, "联系人最多 20 个字");
        }
        if (!phone.isEmpty() && !PHONE.matcher(phone).matches()) {
            throw new HttpProblem(422, "联系电话“" + phone + "”格式不对，只能有数字、空格、横线和括号");
        }
        bureau.save(s.username(), new Bureau(name, code, area, contact, phone));
        return Reply.redirect("/settings?saved=1");
    }
}
