package dev.migrationgate.plan;

/**
 * A statement the planner does not analyse, or whose effect it cannot know; the message is the reason
 * reported in {@link SkippedStatement#reason()}.
 */
final class UnsupportedStatementException extends RuntimeException {

    UnsupportedStatementException(String reason) {
        super(reason);
    }
}
