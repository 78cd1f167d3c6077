package dev.slugline.authors;

import dev.slugline.taxonomy.Term;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;

/**
 * Who wrote a post: a name posts point at by slug, like a term, with a profile. Not an account: an imported
 * author need not log in, and an account's posts are by the author with the account's username as slug.
 * {@link Term#description} is the author's bio.
 */
@Entity
public class Author extends Term {

    @Id
    @SequenceGenerator(name = "author_seq", sequenceName = "author_seq", allocationSize = 1)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "author_seq")
    public Long id;

    @Column(name = "profile_image", length = 2000)
    public String profileImage;

    @Column(name = "cover_image", length = 2000)
    public String coverImage;

    @Column(length = 2000)
    public String website;

    @Column(length = 200)
    public String location;

    @Override
    public Long id() {
        return id;
    }
}
