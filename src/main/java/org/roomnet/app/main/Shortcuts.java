package org.roomnet.app.main;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javafx.scene.Scene;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import org.roomnet.app.dialogs.KeyHelp;

/**
 * Every shortcut of the main window in one table. The table binds them (menu accelerators, scene
 * accelerators, the keys of the grid and of the preview) and the keyboard help is made from it, so
 * the two cannot drift apart.
 */
final class Shortcuts {

    /** Where a key works: in the window (photos grid), or while the preview is open. */
    enum Where {
        WINDOW,
        PREVIEW
    }

    private record Entry(
            Where where,
            Supplier<String> keys,
            String action,
            Predicate<KeyEvent> matcher,
            Consumer<KeyEvent> handler) {}

    private final List<Entry> entries = new ArrayList<>();
    private final List<KeyCombination> sceneAccelerators = new ArrayList<>();
    private final List<Runnable> sceneActions = new ArrayList<>();

    /**
     * A menu command: {@code item} gets the first combination as its accelerator (shown in the menu)
     * and {@code run} as its action; further combinations work too.
     */
    Shortcuts command(MenuItem item, String action, Runnable run, KeyCombination... keys) {
        item.setOnAction(e -> run.run());
        if (keys.length > 0) {
            item.setAccelerator(keys[0]);
            for (int i = 1; i < keys.length; i++) {
                sceneAccelerators.add(keys[i]);
                sceneActions.add(() -> {
                    if (!item.isDisable()) {
                        run.run();
                    }
                });
            }
        }
        String text = Arrays.stream(keys).map(KeyCombination::getDisplayText).collect(Collectors.joining(" or "));
        entries.add(new Entry(Where.WINDOW, () -> text, action, null, null));
        return this;
    }

    /** A key handled by the window itself (not while typing in a field). */
    Shortcuts key(Where where, String keys, String action, Predicate<KeyEvent> matcher, Consumer<KeyEvent> handler) {
        return key(where, () -> keys, action, matcher, handler);
    }

    Shortcuts key(
            Where where,
            Supplier<String> keys,
            String action,
            Predicate<KeyEvent> matcher,
            Consumer<KeyEvent> handler) {
        entries.add(new Entry(where, keys, action, matcher, handler));
        return this;
    }

    /** A mouse gesture: listed in the help only. */
    Shortcuts gesture(String gesture, String action) {
        entries.add(new Entry(Where.WINDOW, () -> gesture, action, null, null));
        return this;
    }

    /** Puts the extra combinations of menu commands on the scene. */
    void install(Scene scene) {
        for (int i = 0; i < sceneAccelerators.size(); i++) {
            scene.getAccelerators().put(sceneAccelerators.get(i), sceneActions.get(i));
        }
    }

    /** Runs the first key of {@code where} that matches {@code e}; true when one did. */
    boolean handle(KeyEvent e, Where where) {
        for (Entry entry : entries) {
            if (entry.where() == where
                    && entry.matcher() != null
                    && entry.matcher().test(e)) {
                entry.handler().accept(e);
                return true;
            }
        }
        return false;
    }

    /** The keyboard help: the window's shortcuts, then the preview's. */
    List<KeyHelp> help() {
        List<KeyHelp> rows = new ArrayList<>();
        for (Where where : Where.values()) {
            for (Entry e : entries) {
                if (e.where() == where) {
                    rows.add(new KeyHelp(
                            e.keys().get(), where == Where.PREVIEW ? "Preview: " + e.action() : e.action()));
                }
            }
        }
        return rows;
    }
}
