package io.coursekit.batch;

import io.coursekit.UserError;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StudentIdsTest {

    @Test
    void canvasNamesGiveTheNameAndKeepTheUserId() {
        StudentIds ids = StudentIds.forClass(List.of("kimminsu_1001_5001_lab2", "leejieun_late_1002_5002_CacheAside"),
                Optional.empty());

        assertThat(ids.identify("kimminsu_1001_5001_lab2"))
                .isEqualTo(new StudentId("kimminsu_1001_5001_lab2", "kimminsu", "1001", "canvas"));
        assertThat(ids.identify("leejieun_late_1002_5002_CacheAside").student()).isEqualTo("leejieun");
        assertThat(ids.identify("parkjisooLATE_1003_5003_x").lmsUserId()).isEqualTo("1003");
    }

    @Test
    void moodleFoldersGiveTheFullName() {
        StudentIds ids = StudentIds.forClass(List.of("Lee Ji-eun_77_assignsubmission_file_"), Optional.empty());

        assertThat(ids.identify("Lee Ji-eun_77_assignsubmission_file_").student()).isEqualTo("Lee Ji-eun");
    }

    @Test
    void githubClassroomLosesTheAssignmentPrefixAllNamesShare() {
        List<String> names = List.of("lab2-cache-aside-alice", "lab2-cache-aside-alex-k", "lab2-cache-aside-bob");
        StudentIds ids = StudentIds.forClass(names, Optional.empty());

        assertThat(names.stream().map(n -> ids.identify(n).student())).containsExactly("alice", "alex-k", "bob");
        assertThat(StudentIds.forClass(List.of("alice", "bob"), Optional.empty()).identify("alice").rule()).isEqualTo("as-is");
    }

    @Test
    void anIdPatternReplacesTheRulesAndMustMatch() {
        StudentIds ids = StudentIds.forClass(List.of(), Optional.of("^hw-(\\w+)$"));

        assertThat(ids.identify("hw-alice").student()).isEqualTo("alice");
        assertThatThrownBy(() -> ids.identify("kimminsu_1001_5001_lab2")).isInstanceOf(UserError.class)
                .hasMessageContaining("does not match 'kimminsu_1001_5001_lab2'");
        assertThatThrownBy(() -> StudentIds.forClass(List.of(), Optional.of("hw-\\w+")))
                .hasMessageContaining("needs a group");
    }

    @Test
    void shardsSplitTheSortedClassEvenlyAndCoverIt() {
        List<String> students = List.of("a", "b", "c", "d", "e", "f", "g");

        assertThat(Shard.parse("0/3").of(students)).containsExactly("a", "d", "g");
        assertThat(Shard.parse("2/3").of(students)).containsExactly("c", "f");
        assertThatThrownBy(() -> Shard.parse("3/3")).hasMessageContaining("0 <= i < N");
    }
}
