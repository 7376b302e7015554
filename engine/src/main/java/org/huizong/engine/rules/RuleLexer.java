package org.huizong.engine.rules;

import java.util.ArrayList;
import java.util.List;

/** The rule language's tokens, and the lexer that splits source into them. */
final class RuleLexer {
    private RuleLexer() {
    }

    /** {@code source}'s tokens, ending with one of kind {@link Kind#END}. */
    static List<Token> tokens(String source) {
        return new Lexer(source).tokens();
    }

    enum Kind { NUMBER, STRING, NAME, OP, LPAREN, RPAREN, COMMA, END }

    /** One token; {@code text} is a string literal's content without quotes. */
    record Token(Kind kind, String text, int offset) {
    }

    /** Splits source into tokens; full-width punctuation gets a message naming its half-width. */
    private static final class Lexer {
        private static final String FULL_WIDTH = "（）＝，＜＞＋－＊／！";
        private static final String HALF_WIDTH = "()=,<>+-*/!";

        private final String src;
        private int i;

        Lexer(String src) {
            this.src = src;
        }

        List<Token> tokens() {
            List<Token> out = new ArrayList<>();
            while (true) {
                skipSpace();
                if (i >= src.length()) {
                    out.add(new Token(Kind.END, "", src.length()));
                    return out;
                }
                out.add(token());
            }
        }

        private void skipSpace() {
            while (i < src.length() && (Character.isWhitespace(src.charAt(i))
                    || src.charAt(i) == '\u3000')) {
                i++;
            }
        }

        private Token token() {
            char c = src.charAt(i);
            int start = i;
            if (c >= '0' && c <= '9' || c == '.' && i + 1 < src.length()
                    && isDigit(src.charAt(i + 1))) {
                return number();
            }
            if (c == '"') {
                return string();
            }
            if (isNameStart(c)) {
                return name();
            }
            switch (c) {
                case '(' -> {
                    i++;
                    return new Token(Kind.LPAREN, "(", start);
                }
                case ')' -> {
                    i++;
                    return new Token(Kind.RPAREN, ")", start);
                }
                case ',' -> {
                    i++;
                    return new Token(Kind.COMMA, ",", start);
                }
                default -> {
                    return operator();
                }
            }
        }

        private Token operator() {
            int start = i;
            char c = src.charAt(i);
            String two = i + 1 < src.length() ? src.substring(i, i + 2) : "";
            switch (two) {
                case "<=", ">=", "<>", "!=" -> {
                    i += 2;
                    return new Token(Kind.OP, two, start);
                }
                case "==" -> throw error(start, "：相等比较请写一个 '='，不要写 '=='");
                case "&&" -> throw error(start, "：不认识的运算符 '&&'，请用 and");
                case "||" -> throw error(start, "：不认识的运算符 '||'，请用 or");
                default -> {
                }
            }
            if ("=<>+-*/".indexOf(c) >= 0) {
                i++;
                return new Token(Kind.OP, String.valueOf(c), start);
            }
            int fw = FULL_WIDTH.indexOf(c);
            if (fw >= 0) {
                throw error(start, "：全角字符 '" + c + "'，请改用半角 '" + HALF_WIDTH.charAt(fw)
                        + "'");
            }
            if (c == '“' || c == '”' || c == '＂') {
                throw error(start, "：中文引号 '" + c + "'，字符串请用英文双引号 \"");
            }
            if (Character.isLetter(c)) {
                int end = i;
                while (end < src.length() && Character.isLetter(src.charAt(end))
                        && !isNameStart(src.charAt(end))) {
                    end++;
                }
                String word = src.substring(start, end);
                throw error(start, "：文字 '" + word + "' 应放在英文双引号中，如 \"" + word + "\"");
            }
            if (c == '!') {
                throw error(start, "：单独的 '!' 不是运算符，取反请用 not，不等请用 <> 或 !=");
            }
            if (c == '&' || c == '|') {
                throw error(start, "：不认识的运算符 '" + c + "'，请用 " + (c == '&' ? "and" : "or"));
            }
            throw error(start, "：不认识的字符 '" + c + "'");
        }

        private Token number() {
            int start = i;
            while (i < src.length() && (isDigit(src.charAt(i)) || src.charAt(i) == '.')) {
                i++;
            }
            String text = src.substring(start, i);
            boolean ok = text.matches("\\d+(\\.\\d+)?");
            if (!ok || i < src.length() && isNameStart(src.charAt(i))) {
                int end = i;
                while (end < src.length() && isNamePart(src.charAt(end))) {
                    end++;
                }
                throw error(start, "：数字 '" + src.substring(start, end)
                        + "' 格式不对，应如 12、0.05");
            }
            return new Token(Kind.NUMBER, text, start);
        }

        private Token string() {
            int start = i;
            i++;
            StringBuilder sb = new StringBuilder();
            while (i < src.length()) {
                char c = src.charAt(i);
                if (c == '"') {
                    i++;
                    return new Token(Kind.STRING, sb.toString(), start);
                }
                if (c == '\\' && i + 1 < src.length()
                        && (src.charAt(i + 1) == '"' || src.charAt(i + 1) == '\\')) {
                    sb.append(src.charAt(i + 1));
                    i += 2;
                } else {
                    sb.append(c);
                    i++;
                }
            }
            throw error(start, "：字符串缺少结尾的双引号 \"");
        }

        private Token name() {
            int start = i;
            while (i < src.length() && (isNamePart(src.charAt(i)))) {
                i++;
            }
            String text = src.substring(start, i);
            if (text.endsWith(".") || text.contains("..")) {
                throw error(start, "：字段名 '" + text + "' 格式不对，点的两边都应是小写英文单词");
            }
            return new Token(Kind.NAME, text, start);
        }

        private static boolean isDigit(char c) {
            return c >= '0' && c <= '9';
        }

        private static boolean isNameStart(char c) {
            return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_';
        }

        private static boolean isNamePart(char c) {
            return isNameStart(c) || isDigit(c) || c == '.';
        }

        private RuleSyntaxException error(int offset, String problem) {
            return new RuleSyntaxException(src, offset, problem);
        }
    }
}
