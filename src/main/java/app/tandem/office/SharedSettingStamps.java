package app.tandem.office;

import java.util.Map;

/** The office's counter per shared setting, raised by every write to it (see V26__office_stamps.sql). */
public interface SharedSettingStamps {

    Map<SharedSetting, Long> read();
}
