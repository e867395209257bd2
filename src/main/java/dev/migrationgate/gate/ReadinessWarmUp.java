package dev.migrationgate.gate;

/**
 * Readiness's share of start-up: its connection opened as post-migration starts, and its first live
 * re-validation started the moment the gate passed, so the first probe after it neither waits for the
 * reactive client to load and connect nor starts the validation itself. Neither waits or throws.
 */
public interface ReadinessWarmUp {

    /** Does nothing: for a worker without readiness (tests). */
    ReadinessWarmUp NONE = new ReadinessWarmUp() {
        @Override
        public void connect() {
        }

        @Override
        public void validate() {
        }
    };

    /** Opens readiness's connection in the background. */
    void connect();

    /** Starts readiness's live re-validation in the background, unless a fresh one is cached or running. */
    void validate();
}
