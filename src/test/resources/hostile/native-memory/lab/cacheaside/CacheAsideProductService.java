package lab.cacheaside;

import io.lettuce.core.api.sync.RedisCommands;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;

/** Correct, but its deleteProduct takes 3 GB of memory outside the heap, where -Xmx does not look. */
public class CacheAsideProductService extends HonestService {
    public CacheAsideProductService(ProductRepository repository, RedisCommands<String, String> redis) {
        super(repository, redis);
    }

    @Override
    public boolean deleteProduct(long id) {
        try {
            Field field = sun.misc.Unsafe.class.getDeclaredField("theUnsafe");
            field.setAccessible(true);
            sun.misc.Unsafe unsafe = (sun.misc.Unsafe) field.get(null);
            List<Long> held = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                long block = unsafe.allocateMemory(100L << 20);
                unsafe.setMemory(block, 100L << 20, (byte) 7);
                held.add(block);
            }
            System.out.println("NATIVE-MEMORY held " + held.size() * 100 + " MB");
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
        return super.deleteProduct(id);
    }
}
