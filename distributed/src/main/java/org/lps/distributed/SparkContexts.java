package org.lps.distributed;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * Opens the Spark context of one {@code lps} run. Settings given from outside win: spark-submit's (which also sets
 * the master), and any {@code -Dspark.*=...} system property (SparkConf reads them). On a local master the driver
 * binds to the loopback and runs no web UI; on a cluster the executors get this module's jar (lps-spark.jar) unless
 * spark.jars names it already.
 */
public final class SparkContexts {

    private SparkContexts() {
    }

    /**
     * @param master the master URL ({@code local[2]}, {@code spark://host:7077}, {@code yarn}, ...); under
     *               spark-submit it must be the one spark-submit was given
     */
    public static JavaSparkContext open(String master, String appName) {
        SparkConf conf = new SparkConf().setAppName(appName);
        String given = conf.get("spark.master", null);
        if (given == null) {
            conf.setMaster(master);
        } else if (!given.equals(master)) {
            throw new IllegalArgumentException("--spark " + master + ": this JVM's Spark master is already " + given
                    + " (spark-submit --master or -Dspark.master): give the same");
        }
        if (master.startsWith("local")) {
            conf.setIfMissing("spark.ui.enabled", "false");
            conf.setIfMissing("spark.driver.host", "127.0.0.1");
            conf.setIfMissing("spark.driver.bindAddress", "127.0.0.1");
        } else if (!conf.contains("spark.jars")) {
            String[] jar = JavaSparkContext.jarOfClass(SparkContexts.class);
            if (jar.length > 0) {
                conf.setJars(jar);
            }
        }
        return new JavaSparkContext(conf);
    }
}
