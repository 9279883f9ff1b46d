package io.coursekit.endpoint;

import io.coursekit.UserError;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EndpointAddressTest {

    @Test
    void readsTlsHostAndPortWithRedisDefaultPort() {
        assertThat(EndpointAddress.parse("rediss://master.shop.abc123.apne2.cache.amazonaws.com"))
                .isEqualTo(new EndpointAddress(true, "master.shop.abc123.apne2.cache.amazonaws.com", 6379));
        assertThat(EndpointAddress.parse(" redis://127.0.0.1:6380/ ")).isEqualTo(new EndpointAddress(false, "127.0.0.1", 6380));
        assertThat(EndpointAddress.parse("redis://[::1]:7000").toString()).isEqualTo("redis://[::1]:7000");
    }

    @Test
    void refusesWhatIsNotAnEndpoint() {
        assertThatThrownBy(() -> EndpointAddress.parse("http://127.0.0.1:6379")).isInstanceOf(UserError.class)
                .hasMessage("endpoint 'http://127.0.0.1:6379' must start with redis:// or rediss:// (rediss:// for TLS)");
        assertThatThrownBy(() -> EndpointAddress.parse("127.0.0.1:6379")).isInstanceOf(UserError.class)
                .hasMessageContaining("must start with redis://");
        assertThatThrownBy(() -> EndpointAddress.parse("redis://127.0.0.1:6379/2")).isInstanceOf(UserError.class)
                .hasMessageContaining("without a path");
    }
}
