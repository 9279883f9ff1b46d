package io.coursekit.batch;

import io.coursekit.UserError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EndpointRosterTest {
    @TempDir
    Path dir;

    @Test
    void readsRowsSortedByStudentWithTheirLinesAndOptionalColumns() throws IOException {
        Path csv = write("\uFEFFstudent,uri,password_env,user\n zoe , rediss://z:6379 , ZOE_PW , app\n\nadam,redis://a:6379,,\n");
        assertThat(EndpointRoster.read(csv)).containsExactly(
                new EndpointRoster.Row("adam", "redis://a:6379", "", "", 4),
                new EndpointRoster.Row("zoe", "rediss://z:6379", "ZOE_PW", "app", 2));
    }

    @Test
    void aStudentListedTwiceNamesBothLines() throws IOException {
        Path csv = write("student,uri\nkim,redis://a:1\nlee,redis://b:1\nkim,redis://c:1\n");
        assertThatThrownBy(() -> EndpointRoster.read(csv)).isInstanceOf(UserError.class)
                .hasMessage(csv + ":4: student 'kim' is already on line 2");
    }

    @Test
    void theHeaderMustNameStudentAndUriAndNothingUnknown() throws IOException {
        Path noUri = write("student,endpoint\nkim,redis://a:1\n");
        assertThatThrownBy(() -> EndpointRoster.read(noUri)).isInstanceOf(UserError.class)
                .hasMessageStartingWith(noUri + ":1: the header must name the columns student and uri");
        Path password = write("student,uri,password\nkim,redis://a:1,hunter2\n");
        assertThatThrownBy(() -> EndpointRoster.read(password)).isInstanceOf(UserError.class)
                .hasMessage(password + ":1: unknown column(s) password (known: student, uri, password_env, user)");
        Path empty = write("student,uri\n");
        assertThatThrownBy(() -> EndpointRoster.read(empty)).isInstanceOf(UserError.class).hasMessageContaining("no students");
    }

    private Path write(String text) throws IOException {
        return Files.writeString(Files.createTempFile(dir, "endpoints", ".csv"), text);
    }
}
