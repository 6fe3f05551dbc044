package org.batchopt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The library's dependency tree has no Spark and no Scala: the tests' classpath (the library's compile, runtime and
 * test dependencies, all of them) holds no such jar and no such class. Spark comes with the spark module only, where
 * the cluster provides it; core/pom.xml's enforcer rule fails the build before this test would.
 */
class NoSparkDependencyTest {
    @Test
    void theClasspathHasNoSparkOrScala() {
        List<String> entries = Arrays.asList(System.getProperty("java.class.path").split(File.pathSeparator));
        assertTrue(entries.size() > 3, "the classpath " + entries);
        assertTrue(entries.stream().anyMatch(e -> e.contains("jocl")), "the classpath has the library's "
                + "dependencies: " + entries);
        List<String> spark = entries.stream().map(e -> new File(e).getName().toLowerCase(Locale.ROOT))
                .filter(n -> n.startsWith("spark-") || n.startsWith("scala-") || n.contains("_2.1")).toList();
        assertEquals(List.of(), spark, "Spark or Scala jars on the library's classpath");
        for (String c : List.of("org.apache.spark.SparkContext", "org.apache.spark.sql.SparkSession", "scala.Predef")) {
            assertThrows(ClassNotFoundException.class, () -> Class.forName(c, false, getClass().getClassLoader()),
                    c + " is on the library's classpath");
        }
    }
}
