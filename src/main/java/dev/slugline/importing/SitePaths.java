package dev.slugline.importing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which file of an import a site serves at a root-relative path ({@code /img/logo.svg}): the file at the archive's
 * root or in the one folder wrapping everything ({@code repo-main/}), else in Hugo's {@code static/} folders, the
 * site's before a theme's ({@code themes/carvel/static/img/logo.svg}). Indexed once per import.
 */
final class SitePaths {

    private static final Pattern STATIC = Pattern.compile("^(static|themes/[^/]+/static)/");

    private final Set<String> files;
    private final Map<String, String> byServedPath = new HashMap<>();

    private record Served(String path, String file, int rank) {
    }

    SitePaths(Set<String> files) {
        this.files = files;
        String wrapper = wrapper(files);
        List<Served> served = new ArrayList<>();
        for (String file : files) {
            add(served, file, file, 0);
            if (!wrapper.isEmpty() && file.startsWith(wrapper)) {
                add(served, file.substring(wrapper.length()), file, 0);
            }
        }
        // the lower rank wins: a file at the root before one in static/, a site's static/ before a theme's
        served.stream().sorted(Comparator.comparingInt(Served::rank).thenComparing(Served::file))
                .forEach(s -> byServedPath.putIfAbsent(s.path(), s.file()));
    }

    private static void add(List<Served> served, String path, String file, int rank) {
        served.add(new Served(path, file, rank));
        Matcher fromStatic = STATIC.matcher(path);
        if (fromStatic.find()) {
            served.add(new Served(path.substring(fromStatic.end()), file, rank + (path.startsWith("static/") ? 1 : 2)));
        }
    }

    /** The folder every file is in ({@code repo-main/}), or "" when they are not all in one. */
    private static String wrapper(Set<String> files) {
        String top = null;
        for (String file : files) {
            int slash = file.indexOf('/');
            String folder = slash < 0 ? "" : file.substring(0, slash + 1);
            if (top != null && !top.equals(folder)) {
                return "";
            }
            top = folder;
        }
        return top == null ? "" : top;
    }

    boolean contains(String file) {
        return files.contains(file);
    }

    /** The file served at {@code path} (relative to the site's root, without the leading slash). */
    Optional<String> servedAt(String path) {
        return Optional.ofNullable(byServedPath.get(path));
    }
}
