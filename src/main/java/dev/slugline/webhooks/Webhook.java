package dev.slugline.webhooks;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;

@Entity
public class Webhook {

    @Id
    @SequenceGenerator(name = "webhook_seq", sequenceName = "webhook_seq", allocationSize = 1)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "webhook_seq")
    public Long id;

    @Column(nullable = false, length = 2000)
    public String url;

    /** The HMAC-SHA256 key of the signature header. */
    @Column(nullable = false, length = 200)
    public String secret;

    /** Comma-separated event types. */
    @Column(nullable = false, length = 500)
    public String events;

    public boolean active;

    @Column(nullable = false)
    public OffsetDateTime createdAt;

    public List<String> eventList() {
        return Arrays.stream(events.split(",")).filter(s -> !s.isBlank()).toList();
    }
}
