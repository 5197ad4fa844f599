package app.tandem.app;

import app.tandem.security.RedactingMessageConverter;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.core.rolling.FixedWindowRollingPolicy;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeBasedTriggeringPolicy;
import ch.qos.logback.core.util.FileSize;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.LoggerFactory;

/**
 * The desk's log file, {@code <data folder>/logs/tandem.log}: a desk started from the desktop has no
 * terminal, so what went wrong must be somewhere the person (or the helpdesk) can find, and a failed start
 * names it. Added in code because the data folder is only known once the command line is read. Lines are
 * redacted as on the console ({@code %msg} is {@link RedactingMessageConverter}); three files of 5 MB at most.
 */
final class DeskLog {

    static final String APPENDER = "tandem-desk-file";
    private static final String PATTERN = "%d{yyyy-MM-dd HH:mm:ss.SSS} %-5level [%thread] %logger{24} - %msg%n";

    private DeskLog() {}

    /** Starts writing the log into the data folder; empty (and the console only) when the folder cannot be written. */
    static Optional<Path> start(Path dataFolder) {
        Path file = dataFolder.resolve("logs").resolve("tandem.log");
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return Optional.empty();
        }
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        if (root.getAppender(APPENDER) != null) {
            return Optional.of(file);
        }
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            LoggerFactory.getLogger(DeskLog.class).warn("No log file: cannot create {} ({})", file.getParent(), e.toString());
            return Optional.empty();
        }
        PatternLayout layout = new PatternLayout();
        layout.setContext(context);
        layout.setPattern(PATTERN);
        // Named here, so the file is redacted whichever logback configuration was read.
        layout.getInstanceConverterMap().put("msg", RedactingMessageConverter::new);
        layout.start();
        LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
        encoder.setContext(context);
        encoder.setLayout(layout);
        RollingFileAppender<ILoggingEvent> appender = new RollingFileAppender<>();
        appender.setContext(context);
        appender.setName(APPENDER);
        appender.setFile(file.toString());
        FixedWindowRollingPolicy rolling = new FixedWindowRollingPolicy();
        rolling.setContext(context);
        rolling.setParent(appender);
        rolling.setFileNamePattern(file.resolveSibling("tandem.%i.log").toString());
        rolling.setMinIndex(1);
        rolling.setMaxIndex(2);
        SizeBasedTriggeringPolicy<ILoggingEvent> trigger = new SizeBasedTriggeringPolicy<>();
        trigger.setContext(context);
        trigger.setMaxFileSize(FileSize.valueOf("5MB"));
        appender.setRollingPolicy(rolling);
        appender.setTriggeringPolicy(trigger);
        appender.setEncoder(encoder);
        encoder.start();
        rolling.start();
        trigger.start();
        appender.start();
        if (!appender.isStarted()) {
            return Optional.empty();
        }
        root.addAppender(appender);
        return Optional.of(file);
    }
}
