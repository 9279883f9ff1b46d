package lab.cacheaside;

import io.lettuce.core.api.sync.RedisCommands;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;

/**
 * Correct, but probes the machine's network services from inside: the host's addresses on common ports (SSH, web,
 * databases, Redis), and the metadata address clouds answer on. Prints what answered.
 */
public class CacheAsideProductService extends HonestService {
    public CacheAsideProductService(ProductRepository repository, RedisCommands<String, String> redis) {
        super(repository, redis);
        // once per JVM: each instance has classes, and static fields, of its own
        if (System.getProperty("port-scan.once") != null) {
            return;
        }
        System.setProperty("port-scan.once", "yes");
        List<String> reached = new ArrayList<>();
        for (String host : new String[] {"127.0.0.1", "169.254.169.254", "10.0.2.2", "172.17.0.1"}) {
            for (int port : new int[] {22, 80, 443, 3306, 5432, 6379, 6380, 8000, 8080, 9000, 11211, 27017}) {
                try (Socket probe = new Socket()) {
                    probe.connect(new InetSocketAddress(host, port), 100);
                    reached.add(host + ":" + port);
                } catch (Exception e) {
                    // nothing there, or no way there
                }
            }
        }
        System.out.println("PORT-SCAN reached: " + reached);
    }
}
