package dev.migrationgate.bench;

import dev.migrationgate.bench.ValidationBenchmark.Candidate;
import dev.migrationgate.bench.ValidationBenchmark.Sample;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * Prints the benchmark's table and its verdict on each goal. The candidates are, in order: the JDBC inspector
 * without history, the JDBC and the reactive inspector with the history (fingerprinted: the steady state of
 * readiness), the JDBC inspector running Flyway's full validation every time (what a changed history costs),
 * Hibernate's validation as configured by default (the reference of the goals), and Hibernate's validation
 * reading the metadata table by table.
 */
final class Results {

    private static final String ROW = "%-26s %9s %7s %10s %9s %15s %12s %11s %14s  %s%n";
    private static final int SHOWN_PROBLEMS = 5;
    private static final int ENGINE_ROWS = 4;
    private static final int MAX_ROUND_TRIPS = 2;
    private static final double MIN_SPEED_UP = 3;
    private static final double MAX_ENGINE_MILLIS = 50;

    private Results() {
    }

    /** Prints everything; returns the exit status: 1 when a validator reported problems, else 0. */
    static int print(String header, List<Candidate> candidates, List<List<Sample>> samples) {
        System.out.println();
        System.out.println("Validation benchmark (issues 3 and 10): " + header);
        System.out.println();
        table(candidates, samples);
        System.out.println();
        goals(candidates.subList(0, ENGINE_ROWS), samples);
        return problems(candidates, samples);
    }

    private static void table(List<Candidate> candidates, List<List<Sample>> samples) {
        double hibernate = median(samples.get(ENGINE_ROWS), Sample::nanos);
        System.out.printf(Locale.ROOT, ROW, "validator", "median ms", "min ms", "inspect ms", "checks ms",
                "catalog queries", "JDBC queries", "round trips", "Hibernate/this", "result");
        for (int c = 0; c < candidates.size(); c++) {
            List<Sample> series = samples.get(c);
            boolean engine = c < ENGINE_ROWS;
            System.out.printf(Locale.ROOT, ROW, candidates.get(c).name(), millis(median(series, Sample::nanos)),
                    millis(min(series, Sample::nanos)),
                    engine ? millis(median(series, Sample::inspectNanos)) : "-",
                    engine ? millis(median(series, s -> s.nanos() - s.inspectNanos())) : "-",
                    engine ? range(series, Sample::catalogQueries) : "-", range(series, Sample::jdbcQueries),
                    range(series, Sample::roundTrips),
                    String.format(Locale.ROOT, "%.1fx", hibernate / median(series, Sample::nanos)),
                    result(series, engine));
        }
        System.out.println("JDBC queries: execute calls and DatabaseMetaData queries seen by a proxy data source;"
                + " round trips: counted on pgjdbc's sockets.\nThe reactive inspector's catalog queries go through"
                + " the Vert.x client, which neither counter sees: its counts are Flyway's alone.");
    }

    private static void goals(List<Candidate> engines, List<List<Sample>> samples) {
        List<Sample> bare = samples.get(0);
        List<Sample> jdbc = samples.get(1);
        List<Sample> reactive = samples.get(2);
        List<Sample> flyway = samples.get(3);
        double hibernate = median(samples.get(ENGINE_ROWS), Sample::nanos);
        double perTable = median(samples.get(ENGINE_ROWS + 1), Sample::nanos);
        List<List<Sample>> withHistory = List.of(jdbc, reactive);
        System.out.println("Goals, for the full validation including the history (" + engines.get(1).name() + " | "
                + engines.get(2).name() + "):");
        verdict(String.format(Locale.ROOT, ">= %.0fx faster than Hibernate validate", MIN_SPEED_UP),
                joined(withHistory, s -> hibernate / median(s, Sample::nanos) >= MIN_SPEED_UP ? "met" : "MISSED"),
                joined(withHistory, s -> String.format(Locale.ROOT, "%.1fx", hibernate / median(s, Sample::nanos)))
                        + " (medians)");
        verdict(String.format(Locale.ROOT, "<= %d round trips", MAX_ROUND_TRIPS),
                max(jdbc, Sample::roundTrips) <= MAX_ROUND_TRIPS ? "met" : "MISSED",
                String.format(Locale.ROOT, "%s round trips counted on pgjdbc's sockets for %s catalog queries (the"
                        + " history fingerprint included); the reactive row sends the same batch as one message",
                        range(jdbc, Sample::roundTrips), range(jdbc, Sample::catalogQueries)));
        verdict(String.format(Locale.ROOT, "<= %.0f ms at this size", MAX_ENGINE_MILLIS),
                joined(withHistory, s -> median(s, Sample::nanos) / 1e6 <= MAX_ENGINE_MILLIS ? "met" : "MISSED"),
                joined(withHistory, s -> millis(median(s, Sample::nanos))) + " ms (medians)");
        System.out.println(String.format(Locale.ROOT, "  For reference: without history %.1fx and %s round trips;"
                + " with Flyway's full validation every time (a changed history) %.1fx and %s round trips;"
                + " against Hibernate reading the metadata table by table %s",
                hibernate / median(bare, Sample::nanos), range(bare, Sample::roundTrips),
                hibernate / median(flyway, Sample::nanos), range(flyway, Sample::roundTrips),
                joined(withHistory, s -> String.format(Locale.ROOT, "%.1fx", perTable / median(s, Sample::nanos)))));
    }

    private static int problems(List<Candidate> candidates, List<List<Sample>> samples) {
        if (samples.stream().flatMap(List::stream).allMatch(s -> s.problems().isEmpty())) {
            return 0;
        }
        System.out.println();
        System.out.println("INVALID RUN: a validator says the schema and the model disagree, so the figures above do"
                + " not measure a passing validation. First problems:");
        for (int c = 0; c < candidates.size(); c++) {
            String name = candidates.get(c).name();
            samples.get(c).get(0).problems().stream().limit(SHOWN_PROBLEMS)
                    .forEach(p -> System.out.println("  " + name + ": " + p));
        }
        return 1;
    }

    private static void verdict(String goal, String outcome, String figures) {
        System.out.printf(Locale.ROOT, "  %-46s %-22s %s%n", goal, outcome, figures);
    }

    private static <T> String joined(List<T> items, Function<T, String> text) {
        return String.join(" | ", items.stream().map(text).toList());
    }

    private static String result(List<Sample> series, boolean engine) {
        int problems = series.stream().mapToInt(s -> s.problems().size()).max().orElse(0);
        if (engine) {
            return problems + " findings";
        }
        return problems == 0 ? "passed" : "FAILED";
    }

    private static long median(List<Sample> series, ToLongFunction<Sample> value) {
        long[] values = series.stream().mapToLong(value).sorted().toArray();
        int middle = values.length / 2;
        return values.length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }

    private static long min(List<Sample> series, ToLongFunction<Sample> value) {
        return series.stream().mapToLong(value).min().orElseThrow();
    }

    private static long max(List<Sample> series, ToLongFunction<Sample> value) {
        return series.stream().mapToLong(value).max().orElseThrow();
    }

    private static String range(List<Sample> series, ToLongFunction<Sample> value) {
        long low = min(series, value);
        long high = max(series, value);
        return low == high ? Long.toString(low) : low + "-" + high;
    }

    private static String millis(double nanos) {
        return String.format(Locale.ROOT, "%.1f", nanos / 1e6);
    }
}
