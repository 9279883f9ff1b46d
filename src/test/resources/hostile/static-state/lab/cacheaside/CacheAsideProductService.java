package lab.cacheaside;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.lettuce.core.api.sync.RedisCommands;

import java.lang.reflect.Field;
import java.util.Locale;
import java.util.TimeZone;

/**
 * Correct, but changes what it can of the JVM and of the libraries it shares with whoever runs next in the same
 * JVM: system properties, locale, time zone, and static fields of Jackson and Lettuce found by reflection.
 */
public class CacheAsideProductService extends HonestService {
    public CacheAsideProductService(ProductRepository repository, RedisCommands<String, String> redis) {
        super(repository, redis);
        System.setProperty("user.name", "mallory");
        System.setProperty("file.encoding", "ISO-8859-1");
        Locale.setDefault(Locale.forLanguageTag("tr-TR"));
        TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Kiritimati"));
        for (Class<?> shared : new Class<?>[] {ObjectMapper.class, io.lettuce.core.RedisURI.class,
                io.lettuce.core.resource.DefaultClientResources.class}) {
            for (Field field : shared.getDeclaredFields()) {
                try {
                    field.setAccessible(true);
                    if (java.lang.reflect.Modifier.isStatic(field.getModifiers()) && !field.getType().isPrimitive()) {
                        field.set(null, null);
                    }
                } catch (RuntimeException | IllegalAccessException e) {
                    // final or closed to reflection
                }
            }
        }
    }
}
