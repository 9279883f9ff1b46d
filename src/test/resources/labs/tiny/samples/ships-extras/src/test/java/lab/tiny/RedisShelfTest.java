package lab.tiny;

import org.junit.jupiter.api.Test;
import org.mockito.Mockito;

class RedisShelfTest {
    @Test
    void countsWhatWasPut() {
        Mockito.mock(Shelf.class);
    }
}
