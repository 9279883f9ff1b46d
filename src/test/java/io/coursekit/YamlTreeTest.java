package io.coursekit;

import io.coursekit.YamlTree.Mapping;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** The YAML every stage reads (lab.yaml, price books, pricing blocks) keeps its lines and its text as written. */
class YamlTreeTest {
    /** Problems as {@code line: what}, so a test sees the line the reader chose. */
    private static final YamlTree.Where AT = (line, what) -> new UserError(line + ": " + what);

    @Test
    void valuesKeepTheirTextAndTheLinesOfTheFile() {
        Mapping root = read("""
                id: 007
                engines: {valkey: ">=7.2", redis: 8}
                tls: yes
                hours: 1.50
                policies:
                  - allkeys-lru
                  - volatile-lru
                """, 10);

        assertThat(root.requiredScalar("id", "test").text()).isEqualTo("007");
        Mapping engines = root.required("engines", "test").asMapping("engines");
        assertThat(engines.text("valkey", "engines")).isEqualTo(">=7.2");
        assertThat(engines.text("redis", "engines")).isEqualTo("8");
        assertThat(engines.line()).isEqualTo(11);
        assertThat(root.text("tls", "test")).isEqualTo("yes");
        assertThat(root.requiredScalar("hours", "test").decimal("hours")).isEqualByComparingTo("1.5");
        assertThat(root.required("policies", "test").asSequence("policies").items())
                .extracting(node -> node.asScalar("a policy").text(), YamlTree.Node::line)
                .containsExactly(tuple("allkeys-lru", 15), tuple("volatile-lru", 16));
    }

    @Test
    void aKeyWithNoValueIsWrittenButAbsent() {
        Mapping root = read("title:\nnote: ~\nid: demo\n", 1);

        assertThat(root.entries()).containsKeys("title", "note");
        assertThat(root.get("title")).isEmpty();
        assertThat(root.get("note")).isEmpty();
        assertThatThrownBy(() -> root.required("title", "the lab")).hasMessage("1: the lab has no 'title'");
    }

    @Test
    void aKeyWrittenTwiceIsAProblemAtItsSecondLine() {
        assertThatThrownBy(() -> read("limits:\n  time_seconds: 60\n  memory_mb: 256\n  time_seconds: 90\n", 1))
                .hasMessage("4: key 'time_seconds' appears twice");
    }

    @Test
    void anEmptyDocumentIsAnEmptyMappingAndASecondDocumentIsRefused() {
        Mapping empty = read("# nothing yet\n", 5);
        assertThat(empty.entries()).isEmpty();
        assertThat(empty.line()).isEqualTo(5);

        assertThatThrownBy(() -> read("id: a\n---\nid: b\n", 1))
                .hasMessage("3: broken: expected a single document, but found another");
    }

    @Test
    void aSyntaxErrorNamesTheFilesLinesOfTheProblemAndOfWhatIsLeftOpen() {
        assertThatThrownBy(() -> read("book: elasticache\nnodes: [cache.t3.micro\ntable: nodes\n", 40))
                .hasMessage("42: broken: expected ',' or ']', but got : "
                        + "(while parsing a flow sequence that starts on line 41)");
        // a tab is named on its own line, not on the line of the key before it
        assertThatThrownBy(() -> read("limits:\n\ttime_seconds: 60\n", 1))
                .hasMessageStartingWith("2: broken: found character '\\t(TAB)'");
        // running off the end is named on the last line, not on one after it
        assertThatThrownBy(() -> read("id: demo\ntitle: \"Demo\n", 1))
                .hasMessageStartingWith("2: broken: found unexpected end of stream");
    }

    @Test
    void anAliasIsRefusedRatherThanReadAsItsName() {
        assertThatThrownBy(() -> read("hint: &h {ko: a, en: b}\nother: *h\n", 1))
                .hasMessage("2: alias '*h' is not supported: write the value out");
    }

    private static Mapping read(String yaml, int firstLine) {
        return YamlTree.read(yaml, firstLine, "broken", AT).asMapping("the test");
    }
}
