import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes a zip of a Hugo content folder with N realistic posts (~1,000 words, headings, code blocks, a table,
 * 3 tags, 2 categories, YAML/TOML/JSON front matter in turn, one or two images each) and 50 shared images.
 * Usage: java bench/GenerateSite.java <posts> <out.zip>
 */
public class GenerateSite {

    private static final String[] WORDS = ("the of and to in is that for it as was with be by on not he this are or his "
            + "from at which but have an they you were her she there been one all we their has would when if so no what "
            + "up out who them some more into its time could other only new these may then do any like my now over such "
            + "our man me even most made after also did many before must through back years where much your way well down "
            + "kubernetes cluster container deploy service pipeline latency database index query cache postgres quarkus "
            + "markdown render front matter import export media summary author category tag release feature").split(" ");
    private static final String[] TAGS = new String[40];
    private static final String[] CATEGORIES = {"Engineering", "Community", "Release notes", "Tutorials", "Opinion",
            "Events", "Security", "Performance"};
    private static final byte[] PNG = java.util.Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    public static void main(String[] args) throws IOException {
        int posts = Integer.parseInt(args[0]);
        for (int i = 0; i < TAGS.length; i++) {
            TAGS[i] = "topic-" + i;
        }
        Random random = new Random(42);
        try (ZipOutputStream zip = new ZipOutputStream(new FileOutputStream(args[1]), StandardCharsets.UTF_8)) {
            for (int i = 0; i < 50; i++) {
                byte[] image = java.util.Arrays.copyOf(PNG, PNG.length + 8);
                image[PNG.length] = (byte) i;
                zip.putNextEntry(new ZipEntry("content/images/figure-" + i + ".png"));
                zip.write(image);
                zip.closeEntry();
            }
            for (int i = 0; i < posts; i++) {
                zip.putNextEntry(new ZipEntry("content/posts/" + (2015 + i % 10) + "/post-" + i + ".md"));
                zip.write(post(i, random).getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
    }

    private static String post(int i, Random random) {
        String title = "Post " + i + ": " + sentence(random, 6);
        String date = String.format("%04d-%02d-%02dT%02d:%02d:00+02:00", 2015 + i % 10, 1 + i % 12, 1 + i % 28, i % 24, i % 60);
        String[] tags = {TAGS[random.nextInt(TAGS.length)], TAGS[random.nextInt(TAGS.length)], TAGS[random.nextInt(TAGS.length)]};
        String[] categories = {CATEGORIES[i % CATEGORIES.length], CATEGORIES[(i + 3) % CATEGORIES.length]};
        StringBuilder out = new StringBuilder(8000);
        switch (i % 3) {
            case 0 -> out.append("---\ntitle: \"").append(title).append("\"\ndate: ").append(date)
                    .append("\ntags: [").append(String.join(", ", tags)).append("]\ncategories: [")
                    .append(String.join(", ", categories)).append("]\nauthor: Ada\nweight: ").append(i % 10).append("\n---\n");
            case 1 -> out.append("+++\ntitle = \"").append(title).append("\"\ndate = ").append(date)
                    .append("\ntags = [\"").append(String.join("\", \"", tags)).append("\"]\ncategories = [\"")
                    .append(String.join("\", \"", categories)).append("\"]\n[params]\nmood = \"calm\"\n+++\n");
            default -> out.append("{\n  \"title\": \"").append(title).append("\",\n  \"date\": \"").append(date)
                    .append("\",\n  \"tags\": [\"").append(String.join("\", \"", tags)).append("\"],\n  \"categories\": [\"")
                    .append(String.join("\", \"", categories)).append("\"]\n}\n");
        }
        out.append("\n").append(paragraph(random, 60)).append("\n\n<!--more-->\n\n");
        out.append("![figure](../../images/figure-").append(i % 50).append(".png)\n\n");
        for (int section = 0; section < 4; section++) {
            out.append("## ").append(sentence(random, 4)).append("\n\n");
            out.append(paragraph(random, 110)).append("\n\n").append(paragraph(random, 90)).append("\n\n");
            if (section == 1) {
                out.append("```java\npublic class Example").append(i).append(" {\n    int answer() { return ")
                        .append(i).append("; }\n}\n```\n\n");
            }
            if (section == 2) {
                out.append("| metric | before | after |\n|---|---:|---:|\n");
                for (int row = 0; row < 4; row++) {
                    out.append("| ").append(WORDS[random.nextInt(WORDS.length)]).append(" | ").append(random.nextInt(1000))
                            .append(" | ").append(random.nextInt(1000)).append(" |\n");
                }
                out.append('\n');
            }
        }
        if (i % 7 == 0) {
            out.append("![second](/images/figure-").append((i + 1) % 50).append(".png)\n");
        }
        return out.toString();
    }

    private static String sentence(Random random, int words) {
        StringBuilder s = new StringBuilder();
        for (int w = 0; w < words; w++) {
            s.append(w == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
        }
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static String paragraph(Random random, int words) {
        StringBuilder p = new StringBuilder();
        int written = 0;
        while (written < words) {
            int n = 8 + random.nextInt(10);
            p.append(written == 0 ? "" : " ").append(sentence(random, n));
            if (random.nextInt(6) == 0) {
                p.append(" with **").append(WORDS[random.nextInt(WORDS.length)]).append("** and `code`");
            }
            p.append('.');
            written += n;
        }
        return p.toString();
    }
}
