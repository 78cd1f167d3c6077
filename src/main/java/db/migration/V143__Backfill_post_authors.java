package db.migration;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slugline.authors.AuthorNames;
import dev.slugline.authors.AuthorService;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Issue 15: the posts written before authors existed get theirs as new writes would (V142): the front matter's
 * {@code authors} or {@code author} (the key leaves the front matter when it held only names), else the account that
 * created the post. In
 * Java, because the names become slugs by the application's rule.
 */
public class V143__Backfill_post_authors extends BaseJavaMigration {

    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() { };

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        ObjectMapper json = new ObjectMapper();
        try (PreparedStatement select = connection.prepareStatement(
                     "select id, cast(front_matter as text), created_by from post order by id");
             PreparedStatement insertAuthor = connection.prepareStatement("insert into author (id, slug, name)"
                     + " values (nextval('author_seq'), ?, ?) on conflict (slug) do nothing");
             PreparedStatement authorId = connection.prepareStatement("select id from author where slug = ?");
             PreparedStatement link = connection.prepareStatement(
                     "insert into post_author (post_id, position, author_id) values (?, ?, ?) on conflict do nothing");
             PreparedStatement moveOut = connection.prepareStatement(
                     "update post set front_matter = front_matter - cast(? as text[]) where id = ?");
             ResultSet posts = select.executeQuery()) {
            while (posts.next()) {
                long post = posts.getLong(1);
                Map<String, Object> frontMatter = json.readValue(posts.getString(2), OBJECT);
                Map<String, String> names;
                try {
                    names = AuthorService.parseNames(AuthorNames.fromFrontMatter(frontMatter));
                } catch (RuntimeException unusable) {
                    names = Map.of(); // a name no slug can be made of: the post keeps its front matter as it is
                }
                if (!names.isEmpty()) {
                    moveOut.setArray(1, connection.createArrayOf("text",
                            frontMatter.entrySet().stream().filter(e -> AuthorNames.isAuthorKey(e.getKey())
                                    && AuthorNames.onlyNames(e.getValue())).map(Map.Entry::getKey).toArray()));
                    moveOut.setLong(2, post);
                    moveOut.executeUpdate();
                } else {
                    names = AuthorService.accountAuthor(posts.getString(3));
                }
                List<Long> ids = new ArrayList<>();
                for (Map.Entry<String, String> name : names.entrySet()) {
                    insertAuthor.setString(1, name.getKey());
                    insertAuthor.setString(2, name.getValue());
                    insertAuthor.executeUpdate();
                    authorId.setString(1, name.getKey());
                    try (ResultSet id = authorId.executeQuery()) {
                        id.next();
                        ids.add(id.getLong(1));
                    }
                }
                for (int position = 0; position < ids.size(); position++) {
                    link.setLong(1, post);
                    link.setInt(2, position);
                    link.setLong(3, ids.get(position));
                    link.executeUpdate();
                }
            }
        }
    }
}
