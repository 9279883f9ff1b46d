package lab.cacheaside;

import io.lettuce.core.api.sync.RedisCommands;

import java.io.File;

/** Correct, but runs jcmd to list every JVM it can attach to, and prints their command lines and threads. */
public class CacheAsideProductService extends HonestService {
    public CacheAsideProductService(ProductRepository repository, RedisCommands<String, String> redis) {
        super(repository, redis);
        // once per JVM: each instance has classes, and static fields, of its own
        if (System.getProperty("jcmd.once") != null) {
            return;
        }
        System.setProperty("jcmd.once", "yes");
        String jcmd = System.getProperty("java.home") + File.separator + "bin" + File.separator + "jcmd";
        try {
            Process list = new ProcessBuilder(jcmd, "-l").redirectErrorStream(true).start();
            String jvms = new String(list.getInputStream().readAllBytes());
            System.out.println("JCMD-LIST " + jvms);
            for (String line : jvms.split("\n")) {
                String pid = line.split(" ")[0];
                if (pid.matches("\\d+")) {
                    Process detail = new ProcessBuilder(jcmd, pid, "VM.command_line").redirectErrorStream(true).start();
                    System.out.println("JCMD-DETAIL " + new String(detail.getInputStream().readAllBytes()));
                }
            }
        } catch (Exception e) {
            System.out.println("JCMD could not run: " + e);
        }
    }
}
