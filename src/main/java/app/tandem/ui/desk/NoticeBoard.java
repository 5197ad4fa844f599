package app.tandem.ui.desk;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * The suggestion panel's one line of notice, written by whichever part of the desk has something to say
 * (loading, waiting for the customer, a background failure). Touched on the UI thread only.
 */
public final class NoticeBoard {

    private final ReadOnlyObjectWrapper<Notice> notice = new ReadOnlyObjectWrapper<>(this, "notice", Notice.of(Notice.Kind.NO_CONVERSATION));

    public void show(Notice n) {
        notice.set(n);
    }

    public void show(Notice.Kind kind) {
        notice.set(Notice.of(kind));
    }

    /** Work in the background failed: said in the panel's line. */
    public void failed(Throwable e) {
        notice.set(Notice.failed(Notice.Kind.BACKGROUND_FAILED, e));
    }

    public Notice get() {
        return notice.get();
    }

    public ReadOnlyObjectProperty<Notice> property() {
        return notice.getReadOnlyProperty();
    }
}
