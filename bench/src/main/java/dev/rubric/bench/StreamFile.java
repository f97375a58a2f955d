package dev.rubric.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a JSON-lines cohort of any size: the 21 sample departments over and over, each copy with an id
 * of its own ({@code D01-0000042}), one compact subject per line.
 */
public final class StreamFile {

    private StreamFile() {
    }

    /**
     * Writes {@code units} lines to {@code file}.
     *
     * @return the file's size in bytes
     */
    public static long write(Path file, int units) {
        ObjectMapper mapper = new ObjectMapper();
        byte[][] before = new byte[21][];
        byte[][] after = new byte[21][];
        String[] ids = new String[21];
        try (InputStream in = StreamFile.class.getResourceAsStream(Departments.SAMPLE)) {
            JsonNode root = mapper.readTree(in);
            JsonNode cohort = root.isArray() ? root : root.get("subjects"); // the sample names its period around its subjects
            for (int i = 0; i < cohort.size(); i++) {
                ObjectNode unit = (ObjectNode) cohort.get(i);
                ids[i] = unit.get("id").asText();
                unit.put("id", "\u0001");
                String line = mapper.writeValueAsString(unit);
                int at = line.indexOf("\\u0001");
                before[i] = line.substring(0, at).getBytes(StandardCharsets.UTF_8);
                after[i] = (line.substring(at + "\\u0001".length()) + "\n").getBytes(StandardCharsets.UTF_8);
            }
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
                for (int n = 0; n < units; n++) {
                    int i = n % 21;
                    out.write(before[i]);
                    out.write(String.format("%s-%07d", ids[i], n).getBytes(StandardCharsets.US_ASCII));
                    out.write(after[i]);
                }
            }
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
