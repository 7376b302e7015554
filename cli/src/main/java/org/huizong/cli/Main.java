package org.huizong.cli;

/** Entry point of the huizong executable. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.out.println("huizong");
    }
}
