package org.huizong.server.staff;

import java.util.Map;
import org.huizong.server.web.PageChrome;

/**
 * The audit log in the clerk's words: every action the server records, and who did it. The
 * stored codes stay stable for scripts and for the lockout count; pages show only these words.
 */
final class AuditWords {
    private static final Map<String, String> ACTIONS = Map.ofEntries(
            Map.entry("collection.create", "新建报表任务"),
            Map.entry("collection.close", "截止收报"),
            Map.entry("collection.reopen", "重新开始收报"),
            Map.entry("collection.previous_book", "上传上年同期汇总表"),
            Map.entry("collection.previous_collection", "设置上年同期任务"),
            Map.entry("definition.upload", "上传报表定义"),
            Map.entry("download.consolidated", "下载汇总表"),
            Map.entry("download.detail", "下载学校明细"),
            Map.entry("download.chase", "下载催报名单"),
            Map.entry("download.missing", "下载未报学校"),
            Map.entry("download.returns", "下载全部报表"),
            Map.entry("download.status", "下载报送情况"),
            Map.entry("download.summary", "下载工作总结"),
            Map.entry("download.templates", "下载全部模板"),
            Map.entry("download.totals", "下载汇总数"),
            Map.entry("link.revoke", "作废上传链接"),
            Map.entry("links.issue", "发放上传链接"),
            Map.entry("login", "登录"),
            Map.entry("logout", "退出"),
            Map.entry("login.failed", "登录失败"),
            Map.entry("login.locked", "登录被暂时锁定"),
            Map.entry("return.allow_late", "允许补报"),
            Map.entry("return.approve", "审核通过"),
            Map.entry("return.first_approve", "初审通过（学区、乡镇）"),
            Map.entry("return.final_approve", "终审通过（县教育局）"),
            Map.entry("return.explain", "填写说明"),
            Map.entry("return.refused", "拒收上传"),
            Map.entry("return.reopen", "撤销通过"),
            Map.entry("return.repeat", "重复上传（按已存版本答复）"),
            Map.entry("return.send_back", "退回"),
            Map.entry("return.upload", "上传报表"),
            Map.entry("roster.import", "导入学校名单"),
            Map.entry("school.login", "学校用访问码登录"),
            Map.entry("school.login_failed", "学校访问码错误"),
            Map.entry("school_access.issue", "发放学校访问码"),
            Map.entry("school_access.revoke", "作废学校访问码"),
            Map.entry("school.remind", "发送催报提醒"),
            Map.entry("settings.bureau", "设置本单位信息"),
            Map.entry("user.create", "新建账号"),
            Map.entry("user.password", "修改自己的密码"),
            Map.entry("user.password_failed", "修改密码失败（当前密码不正确）"),
            Map.entry("user.reset_password", "重置密码"),
            Map.entry("user.disable", "停用账号"),
            Map.entry("user.scope", "修改审核员负责的乡镇"),
            Map.entry("user.enable", "启用账号"),
            Map.entry("login.disabled", "已停用的账号尝试登录"),
            Map.entry("user.create_first_admin", "创建首个管理员"));

    private AuditWords() {
    }

    /** The action in Chinese; an action this list does not know yet reads 其他操作. */
    static String action(String code) {
        return ACTIONS.getOrDefault(code, "其他操作");
    }

    /** Who did it, as {@link PageChrome#actor} words it. */
    static String actor(String actor) {
        return PageChrome.actor(actor);
    }
}
