package dev.slugline.webhooks;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.util.List;

@ApplicationScoped
public class WebhookRepository implements PanacheRepository<Webhook> {

    public List<Webhook> listActive() {
        return list("active", Sort.ascending("id"), true);
    }

    public List<Webhook> listEvery() {
        return listAll(Sort.ascending("id"));
    }

    public void persistEvent(WebhookEvent event) {
        getEntityManager().persist(event);
    }

    public void persistDelivery(WebhookDelivery delivery) {
        getEntityManager().persist(delivery);
    }

    /**
     * Due deliveries, locked for this transaction; rows another instance holds are skipped
     * ({@code FOR UPDATE SKIP LOCKED}), so each delivery is attempted by one instance at a time.
     */
    public List<WebhookDelivery> lockDue(int limit) {
        return getEntityManager().createQuery("""
                        select d from WebhookDelivery d join fetch d.webhook join fetch d.event
                        where d.state = 'PENDING' and d.nextAttemptAt <= instant
                        order by d.nextAttemptAt, d.id""", WebhookDelivery.class)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .setHint("jakarta.persistence.lock.timeout", -2)
                .setMaxResults(limit)
                .getResultList();
    }

    public List<WebhookDelivery> listDeliveries(long webhookId, int limit) {
        return getEntityManager().createQuery("""
                        select d from WebhookDelivery d join fetch d.event
                        where d.webhook.id = :id order by d.id desc""", WebhookDelivery.class)
                .setParameter("id", webhookId)
                .setMaxResults(limit)
                .getResultList();
    }

    /** Issue 4: many outbox events in one statement (imports); payloads as JSON text. */
    public void insertEvents(Long[] ids, String[] types, String[] payloadJson, java.time.OffsetDateTime at) {
        dev.slugline.common.sql.BulkSql.execute(getEntityManager(), "insert into webhook_event (id, type, payload, created_at)"
                + " select r.id, r.type, cast(r.payload as jsonb), ? from unnest(?, ?, ?) as r(id, type, payload)",
                at, ids, types, payloadJson);
    }

    /** Issue 4: pending deliveries of those events, one statement. */
    public void insertDeliveries(Long[] ids, Long[] webhookIds, Long[] eventIds, java.time.OffsetDateTime at) {
        dev.slugline.common.sql.BulkSql.execute(getEntityManager(), "insert into webhook_delivery"
                + " (id, webhook_id, event_id, state, attempts, next_attempt_at, created_at)"
                + " select r.id, r.webhook_id, r.event_id, 'PENDING', 0, ?, ? from unnest(?, ?, ?) as r(id, webhook_id, event_id)",
                at, at, ids, webhookIds, eventIds);
    }

    public Long[] newEventIds(int count) {
        return dev.slugline.common.sql.BulkSql.newIds(getEntityManager(), WebhookEvent.class, count);
    }

    public Long[] newDeliveryIds(int count) {
        return dev.slugline.common.sql.BulkSql.newIds(getEntityManager(), WebhookDelivery.class, count);
    }
}
