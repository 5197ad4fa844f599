package app.tandem.app;

import app.tandem.office.SharedSetting;
import app.tandem.office.SharedSettingStamps;
import java.util.EnumMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a seat's in-memory copies of the office's shared settings current: when a setting's counter moved since
 * the last look (a supervisor on another seat saved a macro, curated Smart Reply, promoted a model), its reload
 * runs. One small query per look; a server that does not answer is left to the office link to report.
 */
final class SharedSettings {

    private static final Logger log = LoggerFactory.getLogger(SharedSettings.class);

    private final SharedSettingStamps stamps;
    private final Map<SharedSetting, Runnable> reloads;
    /** Touched by the follower's thread only. */
    private Map<SharedSetting, Long> seen;

    SharedSettings(SharedSettingStamps stamps, Map<SharedSetting, Runnable> reloads) {
        this.stamps = stamps;
        this.reloads = new EnumMap<>(reloads);
    }

    /** Looks once; returns the settings re-read. The first look only notes where the counters stand. */
    int follow() {
        Map<SharedSetting, Long> now;
        try {
            now = stamps.read();
        } catch (RuntimeException e) {
            // Scheduled every few seconds: a throw would end the schedule; the office link says the server is gone.
            log.debug("Cannot read the office's shared-setting counters: {}", e.getMessage());
            return 0;
        }
        if (seen == null) {
            seen = now;
            return 0;
        }
        int reloaded = 0;
        for (Map.Entry<SharedSetting, Runnable> reload : reloads.entrySet()) {
            Long before = seen.get(reload.getKey());
            if (before != null && !before.equals(now.get(reload.getKey()))) {
                try {
                    reload.getValue().run();
                    reloaded++;
                } catch (RuntimeException e) {
                    // Looked at again next time: the counter is only noted as seen once its reload worked.
                    log.warn("Could not re-read the office's {} after another seat changed it: {}", reload.getKey(), e.getMessage());
                    now.put(reload.getKey(), before);
                }
            }
        }
        seen = now;
        return reloaded;
    }
}
