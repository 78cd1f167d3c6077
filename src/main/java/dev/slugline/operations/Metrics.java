package dev.slugline.operations;

import dev.slugline.posts.PostService;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * Slugline's own meters next to Quarkus' HTTP, JVM and Agroal pool meters: latency histograms (with buckets, so
 * Prometheus can compute quantiles per route) and a gauge of published posts, read from PostgreSQL at each scrape.
 */
@ApplicationScoped
public class Metrics {

    private final PostService posts;

    public Metrics(PostService posts) {
        this.posts = posts;
    }

    @Produces
    @Singleton
    MeterFilter httpHistograms() {
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                if (id.getName().startsWith("http.server.requests")) {
                    return DistributionStatisticConfig.builder().percentilesHistogram(true).build().merge(config);
                }
                return config;
            }
        };
    }

    void registerGauges(@Observes StartupEvent start, MeterRegistry registry) {
        Gauge.builder("slugline.posts.published", this, Metrics::publishedOrNaN)
                .description("Published posts in the database")
                .register(registry);
    }

    double publishedOrNaN() {
        try {
            return countPublished();
        } catch (RuntimeException e) {
            return Double.NaN; // the database is down; readiness says so
        }
    }

    @ActivateRequestContext
    long countPublished() {
        return posts.countPublished();
    }
}
