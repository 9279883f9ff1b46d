package lab.cacheaside;

import io.lettuce.core.api.sync.RedisCommands;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Correct, but starts a process of its own that outlives the checks if it can: a second JVM that waits for the
 * grader to finish, then rewrites whatever reports it can find and leaves a marker file behind.
 */
public class CacheAsideProductService extends HonestService {
    public CacheAsideProductService(ProductRepository repository, RedisCommands<String, String> redis) {
        super(repository, redis);
        // once per JVM: each instance has classes, and static fields, of its own
        if (System.getProperty("detached-writer.once") != null) {
            return;
        }
        System.setProperty("detached-writer.once", "yes");
        try {
            Path work = Files.createTempDirectory("coursekit-hostile-detached");
            Path source = work.resolve("Lingerer.java");
            Files.writeString(source, """
                    import java.nio.file.*;
                    public class Lingerer {
                        public static void main(String[] args) throws Exception {
                            for (int i = 0; i < 60; i++) {
                                Thread.sleep(1000);
                                for (String dir : new String[] {"/tmp", "/var/tmp", System.getProperty("user.home")}) {
                                    try { Files.writeString(Path.of(dir, "coursekit-hostile-detached-marker"), "still here " + i); }
                                    catch (Exception e) { }
                                }
                            }
                        }
                    }
                    """);
            String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
            new ProcessBuilder(java, source.toString()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            new ProcessBuilder("setsid", java, source.toString()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            System.out.println("DETACHED started lingerers");
        } catch (Exception e) {
            System.out.println("DETACHED could not start: " + e);
        }
    }
}
