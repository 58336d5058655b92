package org.lps.app;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine;

/** Reads the version Maven wrote into {@code lps-version.properties}. */
final class Version implements CommandLine.IVersionProvider {

    static String current() {
        Properties p = new Properties();
        try (InputStream in = Version.class.getResourceAsStream("/lps-version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // fall through to "unknown": a version string is not worth failing for
        }
        return p.getProperty("version", "unknown");
    }

    @Override
    public String[] getVersion() {
        return new String[] {"lps " + current() + " (Java " + System.getProperty("java.version") + ")"};
    }
}
