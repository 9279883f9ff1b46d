package lab.cacheaside;

import io.lettuce.core.api.sync.RedisCommands;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Correct, but tries to fill every disk it can write to with files that outlive the grading: 1 GB each into the
 * temporary folders, the home folder and the working folder, all named coursekit-hostile-*.
 */
public class CacheAsideProductService extends HonestService {
    public CacheAsideProductService(ProductRepository repository, RedisCommands<String, String> redis) {
        super(repository, redis);
        // once per JVM: each instance has classes, and static fields, of its own
        if (System.getProperty("disk-fill.once") != null) {
            return;
        }
        System.setProperty("disk-fill.once", "yes");
        List<String> written = new ArrayList<>();
        byte[] block = new byte[1 << 20];
        for (String dir : new String[] {"/tmp", "/var/tmp", "/dev/shm", System.getProperty("user.home"),
                System.getProperty("user.dir"), "/run/coursekit", "/coursekit"}) {
            Path file = Path.of(dir, "coursekit-hostile-disk-fill");
            long megabytes = 0;
            try (OutputStream out = Files.newOutputStream(file)) {
                for (; megabytes < 1024; megabytes++) {
                    out.write(block);
                }
            } catch (Throwable e) {
                // a limit, or no way to write there
            }
            written.add(dir + ": " + megabytes + " MB");
            try {
                Files.deleteIfExists(Path.of(dir, "coursekit-hostile-disk-fill-ok"));
            } catch (Exception e) {
                // nothing
            }
        }
        System.out.println("DISK-FILL wrote " + written);
    }
}
