package eco2.common.embedded;

import org.slf4j.LoggerFactory;

/** Turns the chatty loggers of embedded servers down to WARN, unless the logging config already chose a level for them. */
final class QuietLoggers {

    private QuietLoggers() {}

    /**
     * Without a logback config the root logger is at DEBUG, and Qpid or zonky would then print hundreds of lines per start.
     * A level set explicitly in logback.xml wins, so anyone debugging a broker can still turn it up.
     */
    static void warnOnly(String... loggerNames) {
        for (String name : loggerNames) {
            if (LoggerFactory.getLogger(name) instanceof ch.qos.logback.classic.Logger logger
                    && logger.getLevel() == null) {
                logger.setLevel(ch.qos.logback.classic.Level.WARN);
            }
        }
    }
}
