package org.huizong.engine.narrative;

import static org.assertj.core.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds files of the repository and of the shared steering tree next to it, wherever Maven runs
 * the tests from (the module directory, normally): the nearest ancestor of the working directory
 * that holds the relative path wins. {@code -Dhuizong.shared=DIR} points at the shared tree
 * explicitly.
 */
final class RepoFiles {
    private RepoFiles() {
    }

    /** {@code relative} under the nearest ancestor of the working directory that has it. */
    static Path find(String relative) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(relative);
            if (Files.exists(candidate)) {
                return candidate;
            }
        }
        return fail("no ancestor of " + Path.of("").toAbsolutePath() + " holds " + relative);
    }

    /**
     * A file of the shared tree ({@code ../../shared} from the engine module). Without a shared
     * tree beside the repository (a clone elsewhere), the demo county's files come from the copies
     * the templates module embeds, which {@code DemoCountyTest} keeps equal to the shared ones.
     */
    static Path shared(String relative) {
        String dir = System.getProperty("huizong.shared");
        if (dir != null) {
            return Path.of(dir).resolve(relative);
        }
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            if (Files.exists(d.resolve("shared/" + relative))) {
                return d.resolve("shared/" + relative);
            }
        }
        String demo = "domain/demo-county";
        if (relative.startsWith(demo)) {
            return templates("demo" + relative.substring(demo.length()));
        }
        return find("shared/" + relative);
    }

    static Path templates(String name) {
        return find("templates/src/main/resources/org/huizong/templates/" + name);
    }
}
