package dev.slugline.samples;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** examples/content is the one copy of the sample posts: its file list, shipped with it, names exactly its files. */
class SampleContentFilesTest {

    @Test
    void theFileListNamesEveryFileOfExamplesContent() throws IOException {
        Path root = Path.of("examples/content");
        List<String> onDisk;
        try (Stream<Path> files = Files.walk(root)) {
            onDisk = files.filter(Files::isRegularFile).map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .filter(p -> !p.startsWith(".")).sorted().toList();
        }
        assertEquals(onDisk, SampleContent.files().keySet().stream().sorted().toList());
    }
}
