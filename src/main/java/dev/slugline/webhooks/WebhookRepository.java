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
}
