package org.batchopt.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** {@code run --search} with its budget: what the formats report, and the usage errors. */
class SearchOptionTest {
    /** Rastrigin in 5-D by gradient descent at 1/L: multi-start misses the global minimum, a search finds it. */
    static final String JOB = "run --function rastrigin --dim 5 --members 64 --optimizer sgd --lr 0.0025 --steps 50 "
            + "--grad-tol 1e-8 --precision fp64 --backend cpu ";

    @Test
    void autoFindsTheGlobalMinimumAndJsonSaysHow() {
        JsonNode j = Cli.run(JOB + "--search auto --target 1e-6 --rounds 100 --format json").succeeds().json();
        JsonNode s = j.get("search");
        assertEquals("memetic", s.get("strategy").asText(), s.toString());
        assertEquals("target", s.get("stop").asText(), s.toString());
        assertTrue(j.get("best").get("f").asDouble() < 1e-6, j.get("best").toString());
        int rounds = s.get("rounds").asInt();
        assertEquals(rounds - 1, s.get("best").get("found_in_round").asInt(), s.toString());
        assertEquals(rounds - 1, s.get("first_round_at_reference").asInt(), s.toString());
        assertTrue(s.get("members_at_reference").asLong() >= 1, s.toString());
        assertEquals(64L * rounds, s.get("descents").asLong(), s.toString());
        assertEquals(0, s.get("reference").asDouble());
        JsonNode member = j.get("members").get(0).get("search");
        assertTrue(member.has("found_in_round") && member.has("accepted") && member.has("chain_steps"), member.toString());
        JsonNode plain = Cli.run(JOB + "--format json").succeeds().json();
        assertTrue(plain.get("best").get("f").asDouble() > 0.5, "multi-start alone found it: a weak test");
        assertTrue(!plain.has("search"), "a run without --search has no search object");
    }

    @Test
    void theTableAndCsvNameTheSearch() {
        String table = Cli.run(JOB + "--search basin-hopping:0:0.1:0.5:1 --rounds 5").succeeds().out();
        assertTrue(table.contains("basin-hopping (temperature 0, monotonic, step 0.1 of the box, acceptance rate 0.5, "
                + "1 coordinate per hop)"), table);
        assertTrue(table.contains("ran 5 rounds (the rounds were done)"), table);
        assertTrue(table.matches("(?s).*best found +member \\d+, in round \\d.*"), table);
        assertTrue(table.matches("(?s).*descents at f\\* +\\d+ of \\d+ descents.*")
                || table.contains("none of 320 descents reached 0"), table);
        String csv = Cli.run(JOB + "--search restarts --budget 20000 --format csv --top 2").succeeds().out();
        String header = csv.lines().findFirst().orElseThrow();
        assertTrue(header.endsWith(",search,search_parameters,rounds,search_seed"), header);
        assertTrue(csv.lines().skip(1).allMatch(l -> l.contains(",restarts,")), csv);
    }

    /**
     * --f-star and --success-tol judge the search's descents as they judge the members (here f <= 4 + 0.5 4: at
     * most four coordinates one unit off, which the chains reach): one f*, one tolerance, the
     * search's members at f* equal to the judging rows' successes, and the table counts the members once.
     */
    @Test
    void theSearchIsJudgedByFStarAndSuccessTol() {
        String args = JOB + "--search basin-hopping --rounds 5 --f-star 4 --success-tol 0.5";
        JsonNode j = Cli.run(args + " --format json").succeeds().json();
        JsonNode s = j.get("search");
        JsonNode known = j.get("known");
        assertEquals(4, s.get("reference").asDouble(), s.toString());
        assertEquals("f_star", s.get("reference_kind").asText(), s.toString());
        assertEquals(known.get("f_star").asDouble(), s.get("reference").asDouble(), known.toString());
        assertEquals(known.get("success_tol").asDouble(), s.get("tolerance").asDouble(), known.toString());
        assertTrue(known.get("successes").asLong() > 0, known.toString());
        assertEquals(known.get("successes").asLong(), s.get("members_at_reference").asLong(), s.toString());
        String table = Cli.run(args).succeeds().out();
        assertEquals(1, table.lines().filter(l -> l.startsWith("reached f*")).count(), table);
        assertTrue(table.lines().anyMatch(l -> l.startsWith("descents at f*") && l.contains("within 0.5")), table);
        // No f* (a formula), a target: the search counts the target and says how many members reached it.
        String target = Cli.run("run --expr x^2+y^2+1 --box -2:2 --members 8 --optimizer sgd --lr 0.1 "
                + "--steps 20 --backend cpu --search restarts --rounds 2 --target 1.5").succeeds().out();
        assertTrue(target.lines().anyMatch(l -> l.startsWith("reached target") && l.contains("8 of 8 members")
                && l.contains("(f <= 1.5)")), target);
    }

    /** README's first command is a search that brings every member to Rastrigin's global minimum, as it says. */
    @Test
    void theReadmesFirstCommandFindsTheGlobalMinimum() throws java.io.IOException {
        String readme = java.nio.file.Files.readString(java.nio.file.Path.of("").toAbsolutePath().getParent()
                .resolve("README.md"));
        String first = readme.substring(readme.indexOf("```sh\n") + 6).lines().findFirst().orElseThrow();
        assertTrue(first.startsWith("./batchopt run ") && first.contains("--search auto"), first);
        String table = Cli.run(first.substring("./batchopt ".length())).succeeds().out();
        assertTrue(table.contains("reached f*          100 % of members (1 000 of 1 000)"), table);
        assertTrue(table.contains("ran 30 rounds (the rounds were done)"), table);
    }

    @Test
    void helpDescribesEveryStrategy() {
        String help = Cli.run("run --help").succeeds().out();
        for (String s : new String[] {"--search", "multistart:", "restarts:", "basin-hopping:", "memetic:", "auto:",
                "--rounds", "--budget", "--time-limit", "--target", "(seed, member, round)"}) {
            assertTrue(help.contains(s), s + " missing from run --help");
        }
    }

    @Test
    void badSearchesAndBudgetsAreUsageErrors() {
        Cli.run(JOB + "--search simulated-annealing").failsWith(2, "unknown search 'simulated-annealing'");
        Cli.run(JOB + "--search basin-hopping:-1").failsWith(2, "basin-hopping temperature -1.0 must be");
        Cli.run(JOB + "--search basin-hopping:1:0").failsWith(2, "step size 0.0 must be in (0, 1]");
        Cli.run(JOB + "--search basin-hopping:1:0.1:0.5:9").failsWith(2, "moves 9 coordinates per hop, the "
                + "dimension is 5");
        Cli.run(JOB + "--search basin-hopping:1:0.1:0.5:x").failsWith(2, "'x' in 'basin-hopping:1:0.1:0.5:x' is not "
                + "a whole number");
        Cli.run(JOB + "--search basin-hopping:1:2:3:4:5").failsWith(2, "has 5 parameters");
        Cli.run(JOB + "--search memetic:2").failsWith(2, "memetic island size 2 must be at least 4");
        Cli.run(JOB + "--search memetic:8:3").failsWith(2, "differential weight 3.0 must be in (0, 2]");
        Cli.run(JOB + "--search restarts:3").failsWith(2, "takes no parameters");
        Cli.run(JOB + "--budget 100000").failsWith(2, "--budget needs --search");
        Cli.run(JOB + "--search multistart --target 0").failsWith(2, "--target needs --search");
        Cli.run(JOB + "--search restarts --budget 100").failsWith(2, "less than one round: 64 members x 50 steps");
        Cli.run(JOB + "--search restarts --rounds 0").failsWith(2, "--rounds 0 must be at least 1");
        Cli.run(JOB + "--search restarts --time-limit 0").failsWith(2, "--time-limit 0.0 must be");
        Cli.run(JOB + "--search restarts --budget -3").failsWith(2, "--budget -3 must be");
        Cli.run(JOB + "--search restarts --history 5 --format json").failsWith(2, "keeps no history");
        Cli.run(JOB + "--search auto --spark local[1]").failsWith(2, "cannot be combined with --spark");
    }
}
