package org.roomnet.app.photos;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;

/**
 * The selected photos, inside the list shown at the moment: click selects one, Ctrl+click toggles,
 * Shift+click extends from the anchor. Each item's own {@code selected} property mirrors it for styling.
 */
public final class Selection {

    private final Set<PhotoItem> items = new LinkedHashSet<>();
    private final ReadOnlyIntegerWrapper size = new ReadOnlyIntegerWrapper();
    private PhotoItem anchor;

    public List<PhotoItem> items() {
        return new ArrayList<>(items);
    }

    public boolean isEmpty() {
        return items.isEmpty();
    }

    public ReadOnlyIntegerProperty sizeProperty() {
        return size.getReadOnlyProperty();
    }

    public PhotoItem anchor() {
        return anchor;
    }

    public void clear() {
        items.forEach(i -> i.selectedProperty().set(false));
        items.clear();
        anchor = null;
        size.set(0);
    }

    public void selectOnly(PhotoItem item) {
        clear();
        if (item != null) {
            add(item);
            anchor = item;
        }
    }

    public void toggle(PhotoItem item) {
        if (items.remove(item)) {
            item.selectedProperty().set(false);
            size.set(items.size());
        } else {
            add(item);
        }
        anchor = item;
    }

    /** Selects from the anchor to {@code item} in {@code shown}, as Shift+click does. */
    public void extendTo(PhotoItem item, List<PhotoItem> shown) {
        int from = anchor == null ? -1 : shown.indexOf(anchor);
        int to = shown.indexOf(item);
        if (from < 0 || to < 0) {
            selectOnly(item);
            return;
        }
        PhotoItem keepAnchor = anchor;
        clear();
        for (int i = Math.min(from, to); i <= Math.max(from, to); i++) {
            add(shown.get(i));
        }
        anchor = keepAnchor;
    }

    public void selectAll(List<PhotoItem> shown) {
        PhotoItem keepAnchor = anchor;
        clear();
        shown.forEach(this::add);
        anchor = keepAnchor != null && shown.contains(keepAnchor) ? keepAnchor : shown.isEmpty() ? null : shown.get(0);
    }

    /** Drops items no longer shown (after a filter change or a relabel). */
    public void retainShown(List<PhotoItem> shown) {
        Set<PhotoItem> visible = new java.util.HashSet<>(shown);
        items.removeIf(i -> {
            boolean gone = !visible.contains(i);
            if (gone) {
                i.selectedProperty().set(false);
            }
            return gone;
        });
        if (anchor != null && !visible.contains(anchor)) {
            anchor = null;
        }
        size.set(items.size());
    }

    private void add(PhotoItem item) {
        if (items.add(item)) {
            item.selectedProperty().set(true);
        }
        size.set(items.size());
    }
}
