package org.huizong.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** What the command line says of itself, help and argument errors alike, is Chinese. */
class CliLanguageTest {
    /** Three English words in a row, once option names and placeholders are taken out. */
    private static final Pattern ENGLISH = Pattern.compile("[A-Za-z]{2,}(\\s+[A-Za-z]{2,}){2,}");

    private static String withoutSyntax(String text) {
        return text.replaceAll("--?[A-Za-z][A-Za-z-]*(=<[^>]*>)?", " ")
                .replaceAll("<[^>]*>", " ").replaceAll("\\[[A-Z_.]*\\]", " ")
                .replaceAll("[A-Z_]{3,}(\\.\\.\\.)?", " ").replaceAll("huizong", " ")
                .replaceAll("edu-halfyear|xlsx|csv|json|text|SQLite|JDBC|URL", " ");
    }

    @Test
    void everyCommandsHelpIsChinese() {
        for (List<String> args : List.of(List.of("--help"), List.of("help", "help"),
                List.of("template", "--help"), List.of("validate", "--help"),
                List.of("consolidate", "--help"), List.of("demo", "--help"),
                List.of("serve", "--help"), List.of("collection", "--help"),
                List.of("collection", "export", "--help"), List.of("collection", "check", "--help"),
                List.of("collection", "show", "--help"))) {
            CliTest.Run r = CliTest.run(args.toArray(String[]::new));
            assertThat(r.code()).as(args.toString()).isZero();
            assertThat(r.out()).as(args.toString()).contains("用法：", "选项：")
                    .doesNotContain("Usage", "Show this help", "Print version");
            assertThat(ENGLISH.matcher(withoutSyntax(r.out())).find())
                    .as(args + " has an English sentence:\n" + withoutSyntax(r.out())).isFalse();
        }
    }

    @Test
    void argumentErrorsAreOneChineseLineAndTheUsage() {
        CliTest.Run missing = CliTest.run("consolidate");
        assertThat(missing.code()).isEqualTo(ErrorHandler.BAD_INPUT);
        assertThat(missing.err()).startsWith("错误: 缺少必填的选项 --roster、选项 --out、参数 RETURN_OR_DIR")
                .contains("用法： huizong consolidate").doesNotContain("Missing");
        CliTest.Run badValue = CliTest.run("serve", "--port", "abc");
        assertThat(badValue.err()).startsWith("错误: 选项 --port 的值“abc”无效")
                .doesNotContain("Invalid");
        CliTest.Run unknown = CliTest.run("nope");
        assertThat(unknown.err()).startsWith("错误: 不认识的命令或参数：nope")
                .doesNotContain("Unmatched");
        CliTest.Run twice = CliTest.run("demo", "--out", "a", "--out", "b");
        assertThat(twice.err()).startsWith("错误: 选项 --out 只能给一次");
        for (CliTest.Run r : List.of(missing, badValue, unknown, twice)) {
            String first = r.err().lines().findFirst().orElseThrow();
            assertThat(ENGLISH.matcher(withoutSyntax(first)).find()).as(first).isFalse();
        }
    }

    @Test
    void whateverAUserTypesTheAnswerIsChinese() {
        for (List<String> args : List.of(List.<String>of(), List.of("nope"), List.of("validate"),
                List.of("consolidate", "--bad"), List.of("template"),
                List.of("collection"), List.of("collection", "nope"), List.of("serve", "--port"),
                List.of("validate", "no-such-file.xlsx"))) {
            CliTest.Run r = CliTest.run(args.toArray(String[]::new));
            String all = withoutSyntax(r.out() + "\n" + r.err());
            assertThat(ENGLISH.matcher(all).find()).as(args + " says in English:\n" + all)
                    .isFalse();
            assertThat(all).as(args.toString()).doesNotContain("Usage", "Missing", "Unknown",
                    "Exception");
        }
    }
}
