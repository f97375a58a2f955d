package dev.rubric.cli;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The README's dependency blocks are what the example projects use: an integrator who copies them gets a working build. */
class ReadmeDependencyBlocksTest {

    private static final Path ROOT = Path.of("..");

    private static List<String> xmlBlocks(String markdown) {
        List<String> blocks = new ArrayList<>();
        Matcher m = Pattern.compile("```xml\\n(.*?)```", Pattern.DOTALL).matcher(markdown);
        while (m.find()) {
            blocks.add(m.group(1));
        }
        return blocks;
    }

    private static String normalised(String xml) {
        return xml.replaceAll("<!--.*?-->", "").replaceAll("\\s+", "");
    }

    @Test
    void everyDependencyTheReadmeShowsIsOneAnExampleUsesWordForWord() throws IOException {
        String examples = normalised(Files.readString(ROOT.resolve("examples/embedding/pom.xml")) + Files.readString(ROOT.resolve("examples/service/pom.xml")));
        List<String> blocks = xmlBlocks(Files.readString(ROOT.resolve("README.md")));

        assertThat(blocks).isNotEmpty();
        for (String block : blocks) {
            Matcher d = Pattern.compile("<dependency>.*?</dependency>", Pattern.DOTALL).matcher(block);
            while (d.find()) {
                assertThat(examples).as("an example uses the README's %s", d.group()).contains(normalised(d.group()));
            }
        }
    }

    @Test
    void everyRubricArtifactAnExampleUsesIsInTheReadme() throws IOException {
        String readme = normalised(String.join("", xmlBlocks(Files.readString(ROOT.resolve("README.md")))));
        for (String example : List.of("examples/embedding/pom.xml", "examples/service/pom.xml")) {
            Matcher d = Pattern.compile("<dependency>\\s*(<groupId>dev\\.rubric</groupId>.*?)</dependency>", Pattern.DOTALL)
                    .matcher(Files.readString(ROOT.resolve(example)));
            while (d.find()) {
                assertThat(readme).as("the README shows %s of %s", d.group(), example).contains(normalised(d.group()));
            }
        }
    }
}
