package dev.slugline.webhooks;

import io.micrometer.core.instrument.MeterRegistry;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slugline.common.errors.InvalidInputException;
import dev.slugline.common.errors.NoSuchItemException;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Webhooks: subscriptions, the outbox (events are written by {@link #enqueue} inside the caller's transaction)
 * and delivery after commit by {@link #deliverDue()}, which claims rows with {@code FOR UPDATE SKIP LOCKED}.
 */
@ApplicationScoped
public class WebhookService {

    public static final String SIGNATURE_HEADER = "Slugline-Signature";
    public static final String TIMESTAMP_HEADER = "Slugline-Timestamp";
    public static final String EVENT_HEADER = "Slugline-Event";
    public static final String EVENT_ID_HEADER = "Slugline-Event-Id";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final WebhookRepository hooks;
    private final TargetGuard guard;
    private final WebhookConfig config;
    private final ObjectMapper json;
    private final HttpClient http;

    public WebhookService(WebhookRepository hooks, TargetGuard guard, WebhookConfig config, ObjectMapper json,
                          MeterRegistry meters, Vertx vertx) {
        this.meters = meters;
        this.hooks = hooks;
        this.guard = guard;
        this.config = config;
        this.json = json;
        // Connects to the address TargetGuard checked (RequestOptions#setServer), never resolving the host itself;
        // TLS still names and verifies the URL's host (SNI, certificate), as the Host header does.
        this.http = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) config.timeout().toMillis())
                .setVerifyHost(true)
                .setKeepAlive(false));
    }

    @Transactional
    public WebhookView register(WebhookCreate input) {
        guard.refusal(input.url()).ifPresent(why -> {
            throw new InvalidInputException("url", why);
        });
        Webhook hook = new Webhook();
        hook.url = input.url().strip();
        hook.events = String.join(",", input.events().stream().distinct().toList());
        hook.secret = input.secret() != null ? input.secret() : newSecret();
        hook.active = true;
        hook.createdAt = now();
        hooks.persist(hook);
        hooks.flush();
        return WebhookView.from(hook, true);
    }

    public List<WebhookView> list() {
        return hooks.listEvery().stream().map(h -> WebhookView.from(h, false)).toList();
    }

    @Transactional
    public void remove(long id) {
        hooks.delete(find(id));
    }

    @Transactional
    public List<DeliveryView> deliveries(long id) {
        find(id);
        return hooks.listDeliveries(id, 200).stream().map(DeliveryView::from).toList();
    }

    /**
     * Writes an event and one pending delivery per subscribed webhook, in the caller's transaction: if the change
     * rolls back, so does the event; if it commits, the event is delivered even if this instance dies.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void enqueue(String type, Map<String, Object> payload) {
        List<Webhook> subscribed = hooks.listActive().stream().filter(h -> h.eventList().contains(type)).toList();
        if (subscribed.isEmpty()) {
            return;
        }
        WebhookEvent event = new WebhookEvent();
        event.type = type;
        event.payload = new LinkedHashMap<>(payload);
        event.createdAt = now();
        hooks.persistEvent(event);
        for (Webhook hook : subscribed) {
            WebhookDelivery delivery = new WebhookDelivery();
            delivery.webhook = hook;
            delivery.event = event;
            delivery.state = WebhookDelivery.PENDING;
            delivery.nextAttemptAt = event.createdAt;
            delivery.createdAt = event.createdAt;
            hooks.persistDelivery(delivery);
        }
        Log.debugf("Queued %s for %d webhook(s)", type, subscribed.size());
    }

    /** One event to write: its type and payload. */
    public record Event(String type, Map<String, Object> payload) {
    }

    /**
     * Issue 4: {@link #enqueue} for many events at once (an import): the subscriptions are read once, events and
     * deliveries are written with one statement each, in the caller's transaction.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void enqueueAll(List<Event> events) {
        if (events.isEmpty()) {
            return;
        }
        List<Webhook> active = hooks.listActive();
        List<Event> wanted = events.stream()
                .filter(e -> active.stream().anyMatch(h -> h.eventList().contains(e.type()))).toList();
        if (wanted.isEmpty()) {
            return;
        }
        OffsetDateTime at = now();
        Long[] ids = hooks.newEventIds(wanted.size());
        String[] types = new String[wanted.size()];
        String[] payloads = new String[wanted.size()];
        List<Long> deliveryHooks = new java.util.ArrayList<>();
        List<Long> deliveryEvents = new java.util.ArrayList<>();
        for (int i = 0; i < wanted.size(); i++) {
            Event event = wanted.get(i);
            types[i] = event.type();
            try {
                payloads[i] = json.writeValueAsString(event.payload());
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
            for (Webhook hook : active) {
                if (hook.eventList().contains(event.type())) {
                    deliveryHooks.add(hook.id);
                    deliveryEvents.add(ids[i]);
                }
            }
        }
        hooks.insertEvents(ids, types, payloads, at);
        hooks.insertDeliveries(hooks.newDeliveryIds(deliveryHooks.size()), deliveryHooks.toArray(Long[]::new),
                deliveryEvents.toArray(Long[]::new), at);
        Log.debugf("Queued %d events for %d deliveries", wanted.size(), deliveryHooks.size());
    }

    /** Claims up to a batch of due deliveries (skipping rows other instances hold) and attempts each; returns how many. */
    public int deliverDue() {
        return QuarkusTransaction.requiringNew().timeout(120).call(() -> {
            List<WebhookDelivery> due = hooks.lockDue(config.batchSize());
            for (WebhookDelivery delivery : due) {
                attempt(delivery);
            }
            return due.size();
        });
    }

    private final MeterRegistry meters;

    private void attempt(WebhookDelivery delivery) {
        delivery.attempts++;
        String error;
        Integer status = null;
        try {
            TargetGuard.Target target = guard.check(delivery.webhook.url);
            String body = body(delivery.event);
            long timestamp = System.currentTimeMillis() / 1000;
            RequestOptions request = new RequestOptions()
                    .setMethod(HttpMethod.POST)
                    .setServer(SocketAddress.inetSocketAddress(new InetSocketAddress(target.address(), target.port())))
                    .setHost(target.host())
                    .setPort(target.port())
                    .setSsl(target.tls())
                    .setURI(target.pathAndQuery())
                    .setFollowRedirects(false)
                    .setIdleTimeout(config.timeout().toMillis())
                    .putHeader("Content-Type", "application/json")
                    .putHeader("User-Agent", "Slugline-Webhooks")
                    .putHeader(EVENT_HEADER, delivery.event.type)
                    .putHeader(EVENT_ID_HEADER, String.valueOf(delivery.event.id))
                    .putHeader(TIMESTAMP_HEADER, String.valueOf(timestamp))
                    .putHeader(SIGNATURE_HEADER, "t=" + timestamp + ",v1=" + sign(delivery.webhook.secret, timestamp, body));
            status = send(request, body);
            error = status >= 200 && status < 300 ? null : "HTTP " + status;
        } catch (TargetGuard.Refused refused) {
            error = "url " + refused.getMessage();
            Log.warnf("Webhook %s not called: its %s", delivery.webhook.id, error);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = "interrupted";
        } catch (Exception e) {
            Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
            error = cause.getClass().getSimpleName() + (cause.getMessage() != null ? ": " + cause.getMessage() : "");
        }
        delivery.lastStatus = status;
        meters.counter("slugline_webhook_attempts", "outcome", error == null ? "delivered" : "failed").increment();
        if (error == null) {
            delivery.state = WebhookDelivery.DELIVERED;
            delivery.deliveredAt = now();
            delivery.lastError = null;
            return;
        }
        delivery.lastError = error.length() > 1000 ? error.substring(0, 1000) : error;
        if (delivery.attempts >= config.maxAttempts()) {
            delivery.state = WebhookDelivery.FAILED;
        } else {
            delivery.nextAttemptAt = now().plus(backoff(delivery.attempts));
        }
        Log.infof("Webhook delivery %s of event %s failed (attempt %s): %s", delivery.id, delivery.event.id,
                delivery.attempts, error);
    }

    /**
     * POSTs the body and returns the answer's status, once its head arrives; the answer's body, if any, is dropped
     * unread. (Waiting for its end by setting a handler failed now and then with "Response already ended" when a
     * short answer had ended before the handler was set: the receiver had the event, yet the attempt counted as
     * failed and the event was sent again.) Blocks the caller.
     */
    private int send(RequestOptions request, String body) throws Exception {
        return http.request(request)
                .compose(call -> call.send(Buffer.buffer(body, StandardCharsets.UTF_8.name())))
                .map(HttpClientResponse::statusCode)
                .toCompletionStage().toCompletableFuture()
                .get(config.timeout().multipliedBy(3).toMillis(), TimeUnit.MILLISECONDS);
    }

    /** initialBackoff × 2^(attempts−1), at most maxBackoff. */
    Duration backoff(int attempts) {
        Duration wait = config.initialBackoff();
        for (int i = 1; i < attempts && wait.compareTo(config.maxBackoff()) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(config.maxBackoff()) > 0 ? config.maxBackoff() : wait;
    }

    private String body(WebhookEvent event) throws JsonProcessingException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", event.id);
        body.put("type", event.type);
        body.put("createdAt", event.createdAt.toString());
        body.put("data", event.payload);
        return json.writeValueAsString(body);
    }

    /** Hex HMAC-SHA256 of {@code "<timestamp>.<body>"}: the receiver recomputes it and refuses old timestamps. */
    public static String sign(String secret, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private Webhook find(long id) {
        return hooks.findByIdOptional(id).orElseThrow(() -> new NoSuchItemException("No webhook " + id));
    }

    private static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }
}
