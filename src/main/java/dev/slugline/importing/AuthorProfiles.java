package dev.slugline.importing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.slugline.authors.AuthorProfile;
import dev.slugline.media.MediaService;
import dev.slugline.posts.PostInput;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The authors a site describes beside its posts, by the key its posts name them with: Jekyll's
 * {@code _data/authors.yml} (Minimal Mistakes, Chirpy: {@code author: cotes} is {@code name: Cotes Chung}) and Hugo's
 * {@code data/authors.*} or {@code data/authors/<key>.*} (YAML, TOML or JSON). A post naming a key is by that name;
 * the profiles (bio, picture, website, location) fill in what their authors lack.
 */
final class AuthorProfiles {

    static final AuthorProfiles NONE = new AuthorProfiles(Map.of(), Map.of());

    private static final Pattern ONE_FILE = Pattern.compile("(?:.*/)?_?data/authors\\.(ya?ml|toml|json)", Pattern.CASE_INSENSITIVE);
    private static final Pattern FILE_EACH = Pattern.compile("(?:.*/)?data/authors/([^/]+)\\.(ya?ml|toml|json)", Pattern.CASE_INSENSITIVE);
    private static final ObjectMapper YAML = YAMLMapper.builder().build();
    private static final ObjectMapper TOML = TomlMapper.builder().build();
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final Map<String, Profile> byKey;
    /** The files read, each with what became of it (for the import report). */
    private final Map<String, String> files;

    /** One author as the site describes it; {@code image} as written (a path of the site or a URL). */
    record Profile(String name, String bio, String image, String website, String location, String root) {
    }

    private AuthorProfiles(Map<String, Profile> byKey, Map<String, String> files) {
        this.byKey = byKey;
        this.files = files;
    }

    static boolean isProfileFile(String path) {
        return ONE_FILE.matcher(path).matches() || FILE_EACH.matcher(path).matches();
    }

    static AuthorProfiles of(Map<String, byte[]> archive) {
        Map<String, Profile> byKey = new LinkedHashMap<>();
        Map<String, String> files = new LinkedHashMap<>();
        archive.keySet().stream().sorted().forEach(path -> {
            Matcher one = ONE_FILE.matcher(path);
            Matcher each = FILE_EACH.matcher(path);
            if (!one.matches() && !each.matches()) {
                return;
            }
            String ext = (one.matches() ? one.group(1) : each.group(2)).toLowerCase(Locale.ROOT);
            try {
                JsonNode tree = (ext.equals("toml") ? TOML : ext.equals("json") ? JSON : YAML)
                        .readTree(new String(archive.get(path), StandardCharsets.UTF_8));
                int before = byKey.size();
                // the site's root: where its _data/ or data/ folder is
                String root = path.substring(0, path.toLowerCase(Locale.ROOT).lastIndexOf("data/authors")).replaceFirst("_$", "");
                if (one.matches() && tree != null && tree.isObject()) {
                    tree.properties().forEach(e -> profile(e.getKey(), e.getValue(), root).ifPresent(p -> byKey.putIfAbsent(e.getKey(), p)));
                } else if (each.matches()) {
                    profile(each.group(1), tree, root).ifPresent(p -> byKey.putIfAbsent(each.group(1), p));
                }
                files.put(path, "author profiles (" + (byKey.size() - before) + "): the names posts give as author "
                        + "keys, bios and pictures of their authors; not stored as a file");
            } catch (JsonProcessingException e) {
                files.put(path, "author profiles that could not be read (" + e.getOriginalMessage() + "); not stored");
            }
        });
        return byKey.isEmpty() && files.isEmpty() ? NONE : new AuthorProfiles(Map.copyOf(byKey), Map.copyOf(files));
    }

    private static Optional<Profile> profile(String key, JsonNode node, String root) {
        if (node == null || !node.isObject()) {
            return Optional.empty();
        }
        String name = text(node, "name", "display_name", "title");
        return Optional.of(new Profile(name != null ? name : key, text(node, "bio", "description", "about"),
                text(node, "avatar", "image", "picture", "photo", "profile_image", "img"),
                text(node, "website", "url", "homepage", "web"), text(node, "location"), root));
    }

    private static String text(JsonNode node, String... keys) {
        for (String key : keys) {
            JsonNode value = node.get(key);
            if (value != null && value.isTextual() && !value.asText().isBlank()) {
                return value.asText().strip();
            }
        }
        return null;
    }

    /** The files read and what the report says of each. */
    Map<String, String> files() {
        return files;
    }

    /** What changes how posts are read: the keys and names, for the import's file hashes. */
    String fingerprint() {
        StringBuilder fingerprint = new StringBuilder();
        byKey.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> fingerprint.append(e.getKey()).append('=').append(e.getValue().name()).append('\n'));
        return fingerprint.toString();
    }

    /** The post with each author key its front matter gives replaced by that author's name. */
    PostInput named(PostInput input) {
        if (byKey.isEmpty() || input.authors() == null) {
            return input;
        }
        List<String> names = new ArrayList<>();
        input.authors().forEach(given -> {
            Profile profile = byKey.get(given.strip());
            names.add(profile == null ? given : profile.name());
        });
        return input.withAuthors(names);
    }

    /**
     * The profiles of the authors, their pictures pointed at the media of the import: a path of the site
     * ({@code /assets/img/cotes.png}, Hugo's {@code static/} too) or a URL; a path to no file of the import is none.
     */
    List<AuthorProfile> profiles(Set<String> mediaPaths) {
        return byKey.values().stream().map(p -> new AuthorProfile(p.name(), p.bio(), image(p, mediaPaths), p.website(),
                p.location())).toList();
    }

    private static String image(Profile profile, Set<String> mediaPaths) {
        String image = profile.image();
        if (image == null || image.matches("(?i)^https?://.*")) {
            return image;
        }
        String path = image.replaceFirst("^/+", "");
        return Stream.of(profile.root() + path, profile.root() + "static/" + path).filter(mediaPaths::contains)
                .findFirst().map(MediaService::url).orElse(null);
    }
}
