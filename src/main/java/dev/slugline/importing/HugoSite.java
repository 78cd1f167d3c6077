package dev.slugline.importing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.slugline.posts.FormerPaths;
import dev.slugline.posts.PostInput;
import io.quarkus.logging.Log;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What an imported archive says about the Hugo site it holds: where the site starts (the archive's root, or the
 * one folder wrapping it), its {@code baseURL}, its {@code permalinks} per section and its {@code taxonomies}, read
 * from {@code hugo.toml|yaml|json}, {@code config.toml|yaml|json} or {@code config/_default/}. From these, the
 * path each post had on that site ({@link #formerPaths}). An archive that is no Hugo site (no config and no
 * {@code content/} folder: Jekyll, loose files) has no former paths.
 */
public final class HugoSite {

    private static final List<String> EXTENSIONS = List.of("toml", "yaml", "yml", "json");
    private static final ObjectMapper TOML = TomlMapper.builder().build();
    private static final ObjectMapper YAML = YAMLMapper.builder().build();
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    /** No Hugo site: nothing to redirect from. */
    public static final HugoSite NONE = new HugoSite(false, "", null, "", Map.of(), Map.of(), Set.of(), "", Set.of(),
            Set.of());

    private final boolean hugo;
    private final String root;
    private final String host;
    private final String basePath;
    private final Map<String, String> permalinks;
    private final Map<String, String> termKeys;
    private final Set<String> sectionPages;
    private final String fingerprint;
    private final Set<String> configFiles;
    private final Set<String> mainSections;

    private HugoSite(boolean hugo, String root, String host, String basePath, Map<String, String> permalinks,
                     Map<String, String> termKeys, Set<String> sectionPages, String fingerprint, Set<String> configFiles,
                     Set<String> mainSections) {
        this.mainSections = mainSections;
        this.configFiles = configFiles;
        this.hugo = hugo;
        this.root = root;
        this.host = host;
        this.basePath = basePath;
        this.permalinks = permalinks;
        this.termKeys = termKeys;
        this.sectionPages = sectionPages;
        this.fingerprint = fingerprint;
    }

    /** The site in these files (paths relative to the archive's root); {@link #NONE} when they hold none. */
    public static HugoSite of(Map<String, byte[]> files) {
        for (String root : roots(files.keySet())) {
            ObjectNode config = JsonNodeFactory.instance.objectNode();
            StringBuilder fingerprint = new StringBuilder();
            Set<String> read = new LinkedHashSet<>();
            boolean found = false;
            for (String name : List.of("hugo", "config")) {
                for (String ext : EXTENSIONS) {
                    String path = root + name + "." + ext;
                    if (!found && files.containsKey(path)) {
                        found = merge(config, null, path, files.get(path), fingerprint);
                        if (found) {
                            read.add(path);
                        }
                    }
                }
            }
            String defaults = root + "config/_default/";
            for (String path : files.keySet().stream().filter(p -> p.startsWith(defaults)).sorted().toList()) {
                String file = path.substring(defaults.length());
                int dot = file.lastIndexOf('.');
                if (file.contains("/") || dot < 0 || !EXTENSIONS.contains(file.substring(dot + 1).toLowerCase(Locale.ROOT))) {
                    continue;
                }
                String key = file.substring(0, dot).toLowerCase(Locale.ROOT);
                if (merge(config, key.equals("hugo") || key.equals("config") ? null : key, path, files.get(path), fingerprint)) {
                    found = true;
                    read.add(path);
                }
            }
            boolean content = files.keySet().stream().anyMatch(p -> p.startsWith(root + "content/"));
            if (found || content) {
                return from(root, config, files.keySet(), fingerprint.toString(), Set.copyOf(read));
            }
        }
        return NONE;
    }

    /** Where a site may start: the archive's root, or the one folder that wraps everything. */
    private static List<String> roots(Set<String> paths) {
        Set<String> tops = new LinkedHashSet<>();
        for (String path : paths) {
            int slash = path.indexOf('/');
            tops.add(slash < 0 ? "" : path.substring(0, slash + 1));
        }
        return tops.size() == 1 && !tops.contains("") ? List.of(tops.iterator().next(), "") : List.of("");
    }

    /** Reads one config file into {@code config} (under {@code key} for {@code config/_default/permalinks.toml}). */
    private static boolean merge(ObjectNode config, String key, String path, byte[] data, StringBuilder fingerprint) {
        String ext = path.substring(path.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        ObjectMapper mapper = ext.equals("toml") ? TOML : ext.equals("json") ? JSON : YAML;
        try {
            JsonNode read = mapper.readTree(new String(data, StandardCharsets.UTF_8));
            if (read == null || !read.isObject()) {
                return false;
            }
            fingerprint.append(path).append('\n').append(new String(data, StandardCharsets.UTF_8)).append('\n');
            if (key != null) {
                config.set(key, read);
            } else {
                read.properties().forEach(e -> config.set(e.getKey().toLowerCase(Locale.ROOT), e.getValue()));
            }
            return true;
        } catch (IOException | RuntimeException e) {
            Log.debugf("Hugo config %s is not readable: %s", path, e.getMessage());
            return false;
        }
    }

    private static HugoSite from(String root, ObjectNode config, Set<String> paths, String fingerprint, Set<String> configFiles) {
        String host = null;
        String basePath = "";
        JsonNode baseUrl = config.get("baseurl");
        if (baseUrl != null && baseUrl.isTextual()) {
            try {
                URI uri = URI.create(baseUrl.asText().strip());
                host = uri.getHost() == null ? null : uri.getHost().toLowerCase(Locale.ROOT);
                basePath = uri.getPath() == null ? "" : uri.getPath().replaceAll("/+$", "");
            } catch (IllegalArgumentException notAUrl) {
                Log.debugf("Hugo baseURL '%s' is not a URL", baseUrl.asText());
            }
        }
        Map<String, String> permalinks = new LinkedHashMap<>();
        JsonNode given = config.get("permalinks");
        if (given != null && given.isObject()) {
            given.properties().forEach(e -> {
                if (e.getValue().isTextual()) {
                    permalinks.putIfAbsent(e.getKey(), e.getValue().asText());
                }
            });
            JsonNode page = given.get("page");
            if (page != null && page.isObject()) {
                page.properties().forEach(e -> {
                    if (e.getValue().isTextual()) {
                        permalinks.put(e.getKey(), e.getValue().asText()); // the newer form wins
                    }
                });
            }
        }
        Map<String, String> termKeys = new LinkedHashMap<>();
        JsonNode taxonomies = config.get("taxonomies");
        if (taxonomies != null && taxonomies.isObject()) {
            taxonomies.properties().forEach(e -> {
                String singular = e.getKey().toLowerCase(Locale.ROOT);
                String plural = e.getValue().asText().toLowerCase(Locale.ROOT);
                if (singular.equals("tag") || plural.equals("tags")) {
                    termKeys.put(plural, "tags");
                } else if (singular.equals("category") || plural.equals("categories")) {
                    termKeys.put(plural, "categories");
                }
            });
        }
        Set<String> sectionPages = new LinkedHashSet<>();
        for (String path : paths) {
            if (path.startsWith(root + "content/") && ImportPaths.isSectionPage(path)) {
                sectionPages.add(ImportPaths.folder(path.substring(root.length() + "content/".length())));
            }
        }
        return new HugoSite(true, root, host, basePath, Map.copyOf(permalinks), Map.copyOf(termKeys),
                Set.copyOf(sectionPages), fingerprint, configFiles, mainSections(config));
    }

    /** Themes' {@code params.mainSections} (or a top-level {@code mainSections}), lower case; empty when not given. */
    private static Set<String> mainSections(ObjectNode config) {
        JsonNode given = null;
        JsonNode params = config.get("params");
        if (params != null && params.isObject()) {
            for (Map.Entry<String, JsonNode> e : params.properties()) {
                if (e.getKey().equalsIgnoreCase("mainSections")) {
                    given = e.getValue();
                }
            }
        }
        if (given == null) {
            given = config.get("mainsections");
        }
        Set<String> sections = new LinkedHashSet<>();
        if (given != null && given.isTextual()) {
            sections.add(given.asText().strip().toLowerCase(Locale.ROOT));
        } else if (given != null && given.isArray()) {
            given.forEach(section -> {
                if (section.isTextual()) {
                    sections.add(section.asText().strip().toLowerCase(Locale.ROOT));
                }
            });
        }
        sections.remove("");
        return Set.copyOf(sections);
    }

    public boolean isHugo() {
        return hugo;
    }

    /** The config files read (archive paths): they are the site's settings, not media to publish. */
    public Set<String> configFiles() {
        return configFiles;
    }

    /** The host of the site's {@code baseURL}, lower case; null without one. */
    public String host() {
        return host;
    }

    /**
     * Front matter keys that feed Slugline's tags and categories besides {@code tags}/{@code tag} and
     * {@code categories}/{@code category}, by the site's {@code taxonomies} ({@code tag = "keywords"}): key to
     * {@code tags} or {@code categories}.
     */
    public Map<String, String> termKeys() {
        return termKeys;
    }

    /**
     * Whether the site names its post sections ({@code mainSections}) and the content file at {@code sourcePath} is
     * in none of them: a file at the top of {@code content/} ({@code about.md}), a top-level bundle
     * ({@code contact/index.md}) or a file of another section ({@code docs/setup.md}). Such a file is a page.
     */
    public boolean isOutsideMainSections(String sourcePath) {
        if (!hugo || mainSections.isEmpty() || !sourcePath.startsWith(root)) {
            return false;
        }
        String relative = sourcePath.substring(root.length());
        relative = relative.startsWith("content/") ? relative.substring("content/".length()) : relative;
        List<String> folders = new ArrayList<>(List.of(ImportPaths.folder(relative).split("/")));
        folders.removeIf(String::isEmpty);
        if (ImportPaths.fileName(relative).toLowerCase(Locale.ROOT).startsWith("index.") && !folders.isEmpty()) {
            folders.remove(folders.size() - 1); // a page bundle: its folder is the page, not a section
        }
        return folders.isEmpty() || !mainSections.contains(folders.get(0).toLowerCase(Locale.ROOT));
    }

    /** The config as read (paths and text), for the hash of what decides how a file is imported. */
    public String fingerprint() {
        return fingerprint;
    }

    /**
     * The paths the post read from {@code sourcePath} had on the site, normalised ({@link FormerPaths}): its
     * {@code url} or its permalink (the section's pattern, or Hugo's default), then its {@code aliases}.
     * {@code frontMatterSlug} is the slug as its front matter gives it (null when none).
     */
    public List<String> formerPaths(String sourcePath, PostInput input, String frontMatterSlug) {
        if (!hugo || !sourcePath.startsWith(root)) {
            return List.of();
        }
        Set<String> paths = new LinkedHashSet<>();
        Object url = input.frontMatter() == null ? null : input.frontMatter().get("url");
        if (url instanceof String given && !given.isBlank()) {
            site(given).ifPresent(paths::add);
        } else {
            String relative = sourcePath.substring(root.length());
            relative = relative.startsWith("content/") ? relative.substring("content/".length()) : relative;
            List<String> folders = new ArrayList<>(List.of(ImportPaths.folder(relative).split("/")));
            folders.removeIf(String::isEmpty);
            String baseName = baseName(relative);
            if (ImportPaths.fileName(relative).toLowerCase(Locale.ROOT).startsWith("index.") && !folders.isEmpty()) {
                folders.remove(folders.size() - 1); // a page bundle: its folder is the page, not a section
            }
            List<String> sections = new ArrayList<>();
            for (int i = 0; i < folders.size(); i++) {
                if (i == 0 || sectionPages.contains(String.join("/", folders.subList(0, i + 1)))) {
                    sections.add(folders.get(i));
                } else {
                    break;
                }
            }
            Permalinks.Page page = new Permalinks.Page(input.publishedAt(), input.title(), frontMatterSlug, baseName, sections);
            String pattern = permalinks.get(sections.isEmpty() ? "/" : sections.get(0));
            site(pattern != null ? Permalinks.expand(pattern, page) : Permalinks.defaultPath(folders, page)).ifPresent(paths::add);
        }
        Object aliases = input.frontMatter() == null ? null : input.frontMatter().get("aliases");
        List<?> given = aliases instanceof List<?> list ? list : aliases instanceof String one ? List.of(one) : List.of();
        for (Object alias : given) {
            if (alias instanceof String path) {
                site(path).ifPresent(paths::add);
            }
        }
        return List.copyOf(paths);
    }

    /** A path of the site as served: under the base URL's path, normalised. */
    private Optional<String> site(String path) {
        String rooted = path.startsWith("/") ? path : "/" + path;
        if (!basePath.isEmpty() && !(rooted + "/").startsWith(basePath + "/")) {
            rooted = basePath + rooted;
        }
        return FormerPaths.normalize(rooted);
    }

    /** The normalised path a link of the site names: root-relative, or absolute on the site's host. */
    public Optional<String> linkedPath(String destination) {
        if (destination == null || destination.isBlank() || destination.startsWith("#")) {
            return Optional.empty();
        }
        if (destination.startsWith("/") && !destination.startsWith("//")) {
            return FormerPaths.normalize(destination);
        }
        if (host == null) {
            return Optional.empty();
        }
        try {
            URI uri = URI.create(destination.strip());
            boolean web = uri.getScheme() == null || uri.getScheme().equalsIgnoreCase("http") || uri.getScheme().equalsIgnoreCase("https");
            if (web && uri.getHost() != null && uri.getHost().toLowerCase(Locale.ROOT).equals(host)) {
                return FormerPaths.normalize(destination);
            }
        } catch (IllegalArgumentException notAUri) {
            // not a link this site made
        }
        return Optional.empty();
    }

    /** Hugo's content base name: the file name without extension or language; a bundle's folder name. */
    private static String baseName(String relative) {
        String name = ImportPaths.fileName(relative);
        int dot = name.lastIndexOf('.');
        String base = (dot > 0 ? name.substring(0, dot) : name).replaceFirst("\\.[a-z]{2}(-[a-zA-Z]{2,4})?$", "");
        if (base.equalsIgnoreCase("index")) {
            String folder = ImportPaths.folder(relative);
            return folder.isEmpty() ? base : ImportPaths.fileName(folder);
        }
        return base;
    }
}
