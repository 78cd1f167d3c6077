package dev.slugline.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Builds the archives the import tests send: zips and tar.gz files, from fixture folders or by hand. */
public final class Archives {

    /** A real 1×1 PNG. */
    public static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");
    /** A real 1×1 GIF. */
    public static final byte[] GIF = Base64.getDecoder().decode("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7");

    private Archives() {
    }

    /** A PNG whose bytes are unique to the test (a trailing comment after IEND is ignored by decoders). */
    public static byte[] uniquePng() {
        byte[] tail = java.util.UUID.randomUUID().toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] png = java.util.Arrays.copyOf(PNG, PNG.length + tail.length);
        System.arraycopy(tail, 0, png, PNG.length, tail.length);
        return png;
    }

    /**
     * The files of {@code src/test/resources/sites/<name>}, by relative path, with every {@code RUN} in paths and
     * in Markdown replaced by {@code run}, so each test has slugs of its own.
     */
    public static Map<String, byte[]> site(String name, String run) {
        Path root = Path.of("src/test/resources/sites", name);
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                String path = root.relativize(file).toString().replace('\\', '/').replace("RUN", run);
                byte[] data = Files.readAllBytes(file);
                if (path.endsWith(".md")) {
                    data = new String(data, StandardCharsets.UTF_8).replace("RUN", run).getBytes(StandardCharsets.UTF_8);
                }
                files.put(path, data);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    /** The files of {@code src/test/resources/sites/<name>} by relative path, byte for byte (real sites keep their names). */
    public static Map<String, byte[]> folder(String name) {
        Path root = Path.of("src/test/resources/sites", name);
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                files.put(root.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    public static Map<String, byte[]> files(Object... pathsAndContents) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (int i = 0; i < pathsAndContents.length; i += 2) {
            Object content = pathsAndContents[i + 1];
            files.put((String) pathsAndContents[i], content instanceof byte[] bytes ? bytes
                    : content.toString().getBytes(StandardCharsets.UTF_8));
        }
        return files;
    }

    public static byte[] zip(Map<String, byte[]> files) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(file.getKey()));
                zip.write(file.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Unpacks a zip (an export) into files by path. */
    public static Map<String, byte[]> unzip(byte[] zip) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (var in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                files.put(entry.getName(), in.readAllBytes());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    public static byte[] tarGz(Map<String, byte[]> files) {
        return tarGz(files, Map.of());
    }

    /** A ustar archive, gzipped; {@code symlinks} adds symbolic-link entries (name to target). */
    public static byte[] tarGz(Map<String, byte[]> files, Map<String, String> symlinks) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                gz.write(header(file.getKey(), file.getValue().length, '0', ""));
                gz.write(file.getValue());
                int pad = (512 - file.getValue().length % 512) % 512;
                gz.write(new byte[pad]);
            }
            for (Map.Entry<String, String> link : symlinks.entrySet()) {
                gz.write(header(link.getKey(), 0, '2', link.getValue()));
            }
            gz.write(new byte[1024]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] header(String name, long size, char type, String link) {
        byte[] h = new byte[512];
        byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
        if (nameBytes.length > 100) {
            throw new IllegalArgumentException("name too long for this test tar writer: " + name);
        }
        System.arraycopy(nameBytes, 0, h, 0, nameBytes.length);
        put(h, 100, String.format("%07o", 0644));
        put(h, 108, String.format("%07o", 0));
        put(h, 116, String.format("%07o", 0));
        put(h, 124, String.format("%011o", size));
        put(h, 136, String.format("%011o", 0));
        h[156] = (byte) type;
        put(h, 157, link);
        put(h, 257, "ustar");
        h[262] = 0;
        h[263] = '0';
        h[264] = '0';
        for (int i = 148; i < 156; i++) {
            h[i] = ' ';
        }
        long sum = 0;
        for (byte b : h) {
            sum += b & 0xff;
        }
        put(h, 148, String.format("%06o", sum));
        h[154] = 0;
        h[155] = ' ';
        return h;
    }

    private static void put(byte[] h, int offset, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(bytes, 0, h, offset, bytes.length);
    }
}
