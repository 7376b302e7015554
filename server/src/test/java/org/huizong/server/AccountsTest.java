package org.huizong.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.huizong.server.WebClient.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Staff accounts over HTTP: change of one's own password, an administrator's reset and disabling,
 * the last sign-in on 账号管理, the audit words; and the Chinese error page for unknown paths.
 */
class AccountsTest {
    private static WebClient signIn(String base, String user, String password) {
        WebClient c = new WebClient(base);
        Response r = c.postForm("/login", Map.of("username", user, "password", password,
                "_csrf", c.get("/login").csrf()));
        assertThat(r.status()).as(user + " signs in: " + r.body()).isEqualTo(303);
        return c;
    }

    private static int tryLogin(String base, String user, String password) {
        WebClient c = new WebClient(base);
        return c.postForm("/login", Map.of("username", user, "password", password,
                "_csrf", c.get("/login").csrf())).status();
    }

    @Test
    void passwordChangeResetAndDisable(@TempDir Path dir) {
        ServerConfig config = ServerConfig.defaults(dir).withHost("127.0.0.1").withPort(0);
        try (HuizongServer.Handle h = HuizongServer.start(config)) {
            String base = h.baseUrl();
            WebClient admin = signIn(base, "admin", h.initialAdminPassword().orElseThrow());
            Response users = admin.get("/users");
            Response created = admin.postForm("/users", Map.of("username", "wang",
                    "display", "王老师", "password", "first-pass-123", "_csrf", users.csrf()));
            assertThat(created.header("Location")).isEqualTo("/users?created=wang");
            assertThat(admin.get(created.header("Location")).body()).contains("已创建账号 wang")
                    .contains("从未登录");
            Response tooShort = admin.postForm("/users", Map.of("username", "li",
                    "display", "李", "password", "short", "_csrf", users.csrf()));
            assertThat(tooShort.status()).isEqualTo(422);
            assertThat(tooShort.body()).contains("初始密码至少 10 位").contains("新建账号");

            WebClient wang = signIn(base, "wang", "first-pass-123");
            String csrf = wang.get("/account").csrf();
            Response mismatch = wang.postForm("/account", Map.of("old", "first-pass-123",
                    "new", "second-pass-456", "again", "second-pass-457", "_csrf", csrf));
            assertThat(mismatch.status()).isEqualTo(422);
            assertThat(mismatch.body()).contains("两次输入的新密码不一致");
            Response wrongOld = wang.postForm("/account", Map.of("old", "nope-nope-nope",
                    "new", "second-pass-456", "again", "second-pass-456", "_csrf", csrf));
            assertThat(wrongOld.body()).contains("当前密码不正确");
            Response changed = wang.postForm("/account", Map.of("old", "first-pass-123",
                    "new", "second-pass-456", "again", "second-pass-456", "_csrf", csrf));
            assertThat(changed.status()).isEqualTo(200);
            assertThat(changed.body()).contains("密码已修改");
            assertThat(tryLogin(base, "wang", "first-pass-123")).isEqualTo(401);
            assertThat(wang.get("/collections").status()).as("own session kept").isEqualTo(200);

            String usersPage = admin.get("/users").body();
            assertThat(usersPage).doesNotContain("从未登录");
            String uid = userId(usersPage, "wang");
            Response reset = admin.postForm("/users/" + uid + "/reset",
                    Map.of("_csrf", users.csrf()));
            Matcher m = Pattern.compile("临时密码：<strong class=\"secret\">([^<]+)</strong>")
                    .matcher(reset.body());
            assertThat(m.find()).as(reset.body()).isTrue();
            assertThat(wang.get("/collections").status()).as("sessions end on reset")
                    .isEqualTo(303);
            WebClient again = signIn(base, "wang", m.group(1));

            Response disabled = admin.postForm("/users/" + uid + "/disable",
                    Map.of("_csrf", users.csrf()));
            assertThat(disabled.body()).contains("已停用 wang").contains("已停用");
            assertThat(again.get("/collections").status()).as("sessions end on disable")
                    .isEqualTo(303);
            WebClient refused = new WebClient(base);
            Response login = refused.postForm("/login", Map.of("username", "wang",
                    "password", m.group(1), "_csrf", refused.get("/login").csrf()));
            assertThat(login.status()).isEqualTo(403);
            assertThat(login.body()).contains("该账号已被停用");
            admin.postForm("/users/" + uid + "/enable", Map.of("_csrf", users.csrf()));
            signIn(base, "wang", m.group(1));

            Response self = admin.postForm("/users/1/disable", Map.of("_csrf", users.csrf()));
            assertThat(self.status()).isEqualTo(409);
            assertThat(admin.get("/audit").body()).contains("修改自己的密码", "重置密码", "停用账号",
                    "启用账号", "已停用的账号尝试登录").doesNotContain("user.");
        }
    }

    private static String userId(String page, String username) {
        Matcher m = Pattern.compile("<td>" + username + "</td>(?s:.*?)action=\"/users/(\\d+)/")
                .matcher(page);
        assertThat(m.find()).as(page).isTrue();
        return m.group(1);
    }

    @Test
    void unknownPathsAndMethodsGetTheChinesePage(@TempDir Path dir) {
        ServerConfig config = ServerConfig.defaults(dir).withHost("127.0.0.1").withPort(0);
        try (HuizongServer.Handle h = HuizongServer.start(config)) {
            WebClient c = new WebClient(h.baseUrl());
            for (String method : new String[] {"GET", "POST", "PUT", "DELETE", "PATCH"}) {
                Response r = c.sendForm(method, "/nope", Map.of());
                assertThat(r.status()).as(method).isIn(403, 404, 405);
                assertThat(r.body()).as(method).contains("无法完成操作")
                        .doesNotContain("Endpoint", "not found", "状态码", "Not Found");
            }
            Response missing = c.get("/nope/deeper?x=1");
            assertThat(missing.status()).isEqualTo(404);
            assertThat(missing.body()).contains("找不到这个页面").contains("回到首页");
            Response school = c.get("/s/abc/nope");
            assertThat(school.body()).contains("无法完成操作").doesNotContain("回到首页");
        }
    }
}
