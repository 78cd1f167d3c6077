import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes a zip that unpacks to just under the import limit (400 MB, slugline.importing.max-expanded-size): N posts
 * whose slugs start with a prefix (so that concurrent imports write different posts), and then 10 MB files of
 * zeros (each at max-file-size, detected as no media type: unpacked and checked, then skipped, so they load the
 * server's memory, not the database) until the total reaches the target. The zip itself stays small.
 * Usage: java bench/GenerateMaxSite.java <prefix> <posts> <out.zip> [expanded-MB, default 395]
 */
public class GenerateMaxSite {

    public static void main(String[] args) throws IOException {
        String prefix = args[0];
        int posts = Integer.parseInt(args[1]);
        long target = (args.length > 3 ? Long.parseLong(args[3]) : 395) * 1024 * 1024;
        long total = 0;
        try (ZipOutputStream zip = new ZipOutputStream(new FileOutputStream(args[2]), StandardCharsets.UTF_8)) {
            StringBuilder body = new StringBuilder();
            for (int w = 0; w < 1000; w++) {
                body.append(w % 12 == 11 ? "markdown.\n\n" : "word ");
            }
            for (int i = 0; i < posts; i++) {
                byte[] post = ("---\ntitle: " + prefix + " post " + i + "\ndate: 2024-01-01T00:00:00Z\ntags: [bench]\n---\n"
                        + "## Section\n\n" + body).getBytes(StandardCharsets.UTF_8);
                zip.putNextEntry(new ZipEntry("content/posts/" + prefix + "-" + i + ".md"));
                zip.write(post);
                zip.closeEntry();
                total += post.length;
            }
            byte[] zeros = new byte[10 * 1024 * 1024 - 1024];
            for (int i = 0; total + zeros.length <= target; i++) {
                zip.putNextEntry(new ZipEntry("static/" + prefix + "/blob-" + i + ".bin"));
                zip.write(zeros);
                zip.closeEntry();
                total += zeros.length;
            }
        }
        System.out.println("expanded " + total / (1024 * 1024) + " MB");
    }
}
