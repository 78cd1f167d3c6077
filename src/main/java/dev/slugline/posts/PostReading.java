package dev.slugline.posts;

import dev.slugline.common.sql.SqlValues;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;

/** What reading a slug gives: a public post with its neighbours by date, or the slug it moved to. */
public record PostReading(PostView post, Neighbour previous, Neighbour next, String movedTo) {

    static PostReading moved(String slug) {
        return new PostReading(null, null, null, slug);
    }

    public boolean isMoved() {
        return movedTo != null;
    }

    @Schema(name = "PostNeighbour", description = "The previous (older) or next (newer) public post")
    public record Neighbour(String slug, String title, OffsetDateTime publishedAt) {
        static Neighbour of(Object[] row) {
            return new Neighbour((String) row[1], (String) row[2],
                    SqlValues.dateTime(row[3], row[4]));
        }
    }
}
