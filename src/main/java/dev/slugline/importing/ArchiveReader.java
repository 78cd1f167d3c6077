package dev.slugline.importing;

import dev.slugline.common.config.SluglineConfig;
import dev.slugline.common.errors.InvalidInputException;
import dev.slugline.common.errors.PayloadTooLargeException;
import dev.slugline.common.errors.UnprocessableContentException;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * Unpacks a {@code .zip} or {@code .tar.gz} in memory, never onto a disk, enforcing the configured limits as it
 * reads: archive size, size of each file and of all files unpacked (zip bombs stop at the limit, not after),
 * number of files and folder depth. Entries with absolute paths, {@code ..}, backslashes or links are refused;
 * nothing outside the archive is ever read.
 */
@ApplicationScoped
public class ArchiveReader {

    private final SluglineConfig config;

    public ArchiveReader(SluglineConfig config) {
        this.config = config;
    }

    /** Unpacked files by clean relative path, in archive order; folders are not listed. */
    public Map<String, byte[]> read(byte[] archive) {
        if (archive == null || archive.length == 0) {
            throw new InvalidInputException("body", "the archive is empty");
        }
        long maxArchive = config.importing().maxArchiveSize().asLongValue();
        if (archive.length > maxArchive) {
            throw new PayloadTooLargeException("body", "the archive has " + archive.length + " bytes; at most "
                    + maxArchive + " are accepted (slugline.importing.max-archive-size)");
        }
        Limits limits = new Limits(config.importing());
        try {
            Map<String, byte[]> files = null;
            if (archive.length >= 4 && archive[0] == 'P' && archive[1] == 'K') {
                files = readZip(archive, limits);
            } else if (archive.length >= 2 && (archive[0] & 0xff) == 0x1f && (archive[1] & 0xff) == 0x8b) {
                files = readTar(new GZIPInputStream(new ByteArrayInputStream(archive), 65536), limits);
            }
            if (files != null && files.isEmpty()) {
                throw new UnprocessableContentException("body", "the archive holds no files (or is truncated)");
            }
            if (files != null) {
                return files;
            }
        } catch (ZipException e) {
            throw new UnprocessableContentException("body", "the archive is corrupt: " + e.getMessage());
        } catch (IOException e) {
            throw new UnprocessableContentException("body", "the archive cannot be read: " + e.getMessage());
        }
        throw new UnprocessableContentException("body", "not a .zip or .tar.gz archive");
    }

    private Map<String, byte[]> readZip(byte[] archive, Limits limits) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(archive), StandardCharsets.UTF_8)) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                String path = limits.entry(entry.getName(), entry.isDirectory());
                if (path != null) {
                    add(files, path, limits.content(path, zip, -1));
                }
            }
        } catch (IllegalArgumentException e) {
            throw new UnprocessableContentException("body", "an entry name is not valid UTF-8");
        }
        return files;
    }

    /** ustar, GNU long names ({@code L}) and PAX path records ({@code x}); links and devices are refused. */
    private Map<String, byte[]> readTar(InputStream in, Limits limits) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        byte[] header = new byte[512];
        String longName = null;
        while (true) {
            if (!readFully(in, header)) {
                return files;
            }
            if (isZeros(header)) {
                return files;
            }
            String name = text(header, 0, 100);
            long size = octal(header, 124, 12);
            char type = (char) header[156];
            String prefix = text(header, 345, 155);
            if (!prefix.isEmpty() && text(header, 257, 6).startsWith("ustar")) {
                name = prefix + "/" + name;
            }
            if (longName != null) {
                name = longName;
                longName = null;
            }
            if (size < 0) {
                throw new UnprocessableContentException("body", "tar entry '" + name + "' has an invalid size");
            }
            switch (type) {
                case 'L' -> {
                    longName = new String(limits.content("(long name)", in, size), StandardCharsets.UTF_8).replace("\0", "");
                    skipPadding(in, size);
                }
                case 'x' -> {
                    String pax = new String(limits.content("(pax header)", in, size), StandardCharsets.UTF_8);
                    for (String record : pax.split("\n")) {
                        int eq = record.indexOf(" path=");
                        if (eq >= 0) {
                            longName = record.substring(eq + 6);
                        }
                    }
                    skipPadding(in, size);
                }
                case 'g' -> {
                    limits.content("(pax header)", in, size);
                    skipPadding(in, size);
                }
                case '0', '\0', '7' -> {
                    String path = limits.entry(name, name.endsWith("/"));
                    byte[] data = limits.content(path == null ? name : path, in, size);
                    skipPadding(in, size);
                    if (path != null) {
                        add(files, path, data);
                    }
                }
                case '5' -> {
                    limits.entry(name, true);
                    in.skipNBytes(padded(size));
                }
                case '1', '2' -> throw new UnprocessableContentException("body",
                        "entry '" + name + "' is a link; links are refused so nothing outside the archive is read");
                default -> throw new UnprocessableContentException("body",
                        "entry '" + name + "' is not a file or folder (tar type " + type + ")");
            }
        }
    }

    private static void add(Map<String, byte[]> files, String path, byte[] data) {
        if (files.putIfAbsent(path, data) != null) {
            throw new UnprocessableContentException("body", "entry '" + path + "' appears twice in the archive");
        }
    }

    /** The running totals of one archive against the configured limits. */
    private static final class Limits {
        private final long maxFile;
        private final long maxExpanded;
        private final int maxFiles;
        private final int maxDepth;
        private long expanded;
        private int entries;
        /** One buffer for every entry (10,000 files would otherwise allocate 640 MB of buffers). */
        private final byte[] buffer = new byte[65536];

        Limits(SluglineConfig.Importing config) {
            this.maxFile = config.maxFileSize().asLongValue();
            this.maxExpanded = config.maxExpandedSize().asLongValue();
            this.maxFiles = config.maxFiles();
            this.maxDepth = config.maxDepth();
        }

        /** The clean path of a file entry, null for a folder; refuses unsafe names, too many or too deep entries. */
        String entry(String name, boolean folder) {
            if (++entries > maxFiles) {
                throw new PayloadTooLargeException("body", "the archive has more than " + maxFiles
                        + " entries (slugline.importing.max-files)");
            }
            String path = ImportPaths.clean(name).orElseThrow(() -> new UnprocessableContentException("body",
                    "entry '" + ImportPaths.printable(name) + "' is refused: absolute paths, '..', backslashes and control "
                            + "characters could reach outside the archive"));
            if (ImportPaths.depth(path) > maxDepth) {
                throw new UnprocessableContentException("body", "entry '" + ImportPaths.printable(name) + "' is nested deeper than "
                        + maxDepth + " folders (slugline.importing.max-depth)");
            }
            return folder ? null : path;
        }

        /** Reads one entry's bytes (exactly {@code size}, or to its end when -1) and stops at the limits. */
        byte[] content(String path, InputStream in, long size) throws IOException {
            if (size > maxFile) {
                throw tooLarge(path);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream(size > 0 ? (int) size : 8192);
            long remaining = size < 0 ? Long.MAX_VALUE : size;
            while (remaining > 0) {
                int n = in.read(buffer, 0, (int) Math.min(buffer.length, remaining));
                if (n < 0) {
                    if (size >= 0) {
                        throw new UnprocessableContentException("body", "the archive ends inside '" + path + "'");
                    }
                    break;
                }
                remaining -= n;
                expanded += n;
                if (out.size() + n > maxFile) {
                    throw tooLarge(path);
                }
                if (expanded > maxExpanded) {
                    throw new PayloadTooLargeException("body", "the files unpack to more than " + maxExpanded
                            + " bytes (slugline.importing.max-expanded-size)");
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        }

        private PayloadTooLargeException tooLarge(String path) {
            return new PayloadTooLargeException("body", "'" + ImportPaths.printable(path) + "' is larger than " + maxFile
                    + " bytes (slugline.importing.max-file-size)");
        }
    }

    private static boolean readFully(InputStream in, byte[] block) throws IOException {
        int read = in.readNBytes(block, 0, block.length);
        if (read == 0) {
            return false;
        }
        if (read < block.length) {
            throw new UnprocessableContentException("body", "the tar archive is truncated");
        }
        return true;
    }

    private static void skipPadding(InputStream in, long size) throws IOException {
        long pad = padded(size) - size;
        if (pad > 0) {
            in.skipNBytes(pad);
        }
    }

    private static long padded(long size) {
        return (size + 511) / 512 * 512;
    }

    private static boolean isZeros(byte[] block) {
        for (byte b : block) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    private static String text(byte[] block, int offset, int length) {
        int end = offset;
        while (end < offset + length && block[end] != 0) {
            end++;
        }
        return new String(block, offset, end - offset, StandardCharsets.UTF_8);
    }

    private static long octal(byte[] block, int offset, int length) {
        String digits = text(block, offset, length).strip();
        if (digits.isEmpty()) {
            return 0;
        }
        if ((block[offset] & 0x80) != 0) {
            return -1; // base-256 sizes: larger than any limit we accept
        }
        try {
            return Long.parseLong(digits, 8);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
