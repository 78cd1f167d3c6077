package dev.slugline.webhooks;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * DNS for tests, as a rebinding attacker would run it: a scripted host gets its answers in turn (the last one
 * repeats), and every lookup is counted. Other hosts resolve as usual. Enabled only by {@link WebhookTargetTest}'s profile.
 */
@Alternative
@ApplicationScoped
public class ScriptedResolver extends HostResolver {

    private final Map<String, List<String>> answers = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> lookups = new ConcurrentHashMap<>();

    /** The addresses (literals) the host resolves to at its first, second, … lookup. */
    public void script(String host, String... addresses) {
        answers.put(host, List.of(addresses));
        lookups.put(host, new AtomicInteger());
    }

    public int lookups(String host) {
        return lookups.getOrDefault(host, new AtomicInteger()).get();
    }

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        List<String> script = answers.get(host);
        if (script == null) {
            return super.resolve(host);
        }
        int n = lookups.get(host).getAndIncrement();
        String answer = script.get(Math.min(n, script.size() - 1));
        return new InetAddress[] {InetAddress.getByName(answer)};
    }
}
