package org.roomnet.app.main;

import java.util.Map;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import org.roomnet.app.photos.PhotoFilter;
import org.roomnet.app.preview.PreviewViewModel;

/** The main window's shortcut table: which key or menu command does what. */
final class MainShortcuts {

    private static final KeyCombination.Modifier SHORTCUT = KeyCombination.SHORTCUT_DOWN;

    private MainShortcuts() {}

    /** @param items the window's menu items by fx:id */
    static Shortcuts create(MainView view, MainViewModel vm, Map<String, Object> items) {
        ReviewEditor editor = vm.editor();
        PreviewViewModel preview = vm.preview();
        Shortcuts s = new Shortcuts();
        s.key(
                        Shortcuts.Where.WINDOW,
                        () -> digits(vm),
                        "give the selected photos that room type (their own: "
                                + "mark them reviewed \u2713) and select the next",
                        e -> digitOf(e, vm) > 0,
                        e -> {
                            editor.relabelSelectionWithKey(digitOf(e, vm));
                            view.scrollToSelection();
                        })
                .gesture("Drag onto a room", "the same, for the dragged photos")
                .key(
                        Shortcuts.Where.WINDOW,
                        "X",
                        "reject the selected photos: left out of the listing (X again takes " + "them back)",
                        e -> plain(e, KeyCode.X),
                        e -> editor.toggleRejectedSelection())
                .key(
                        Shortcuts.Where.WINDOW,
                        "C",
                        "make the selected photo the listing's cover, shown first (C on the " + "cover: no cover)",
                        e -> plain(e, KeyCode.C),
                        e -> editor.toggleCoverSelection())
                .gesture("Drag in the Listing", "put photos in another place of the listing")
                .command(
                        item(items, "confirmItem"),
                        "confirm every photo shown as this room (mark them reviewed)",
                        editor::confirmShown,
                        new KeyCodeCombination(KeyCode.ENTER, SHORTCUT))
                .key(
                        Shortcuts.Where.WINDOW,
                        "Space or Enter",
                        "preview the selected photo",
                        e -> plain(e, KeyCode.SPACE) || plain(e, KeyCode.ENTER),
                        e -> vm.openPreview())
                .gesture("Double-click", "preview a photo")
                .key(
                        Shortcuts.Where.WINDOW,
                        "\u2190 \u2192 \u2191 \u2193",
                        "move the selection (with Shift: extend it)",
                        e -> isArrow(e.getCode()) && !e.isShortcutDown() && !e.isAltDown(),
                        view::moveSelection)
                .gesture("Ctrl+click, Shift+click", "add a photo to the selection, select a range")
                .key(
                        Shortcuts.Where.WINDOW,
                        "N, Shift+N",
                        "select the next / previous photo that needs review, in "
                                + "any room (Needs review shows them all)",
                        e -> e.getCode() == KeyCode.N && !e.isShortcutDown() && !e.isAltDown(),
                        e -> {
                            vm.navigator().nextFlagged(!e.isShiftDown());
                            view.scrollToSelection();
                        })
                .gesture("Orange number on a room", "how many of its photos need review")
                .key(
                        Shortcuts.Where.WINDOW,
                        () -> shortcutText(KeyCode.DIGIT1) + digits(vm).substring(1),
                        "show that room (the number on its tile)",
                        e -> roomKeyOf(e, vm) > 0,
                        e -> vm.navigator().showRoom(roomKeyOf(e, vm)))
                .key(
                        Shortcuts.Where.WINDOW,
                        shortcutText(KeyCode.DIGIT0),
                        "show Needs review: the photos of every " + "room that need review",
                        e -> e.isShortcutDown() && !e.isAltDown() && digit(e) == 0,
                        e -> vm.navigator().showRoom(0))
                .key(
                        Shortcuts.Where.WINDOW,
                        "Alt+\u2191, Alt+\u2193",
                        "show the side bar's entry above / below",
                        e -> e.isAltDown()
                                && !e.isShortcutDown()
                                && (e.getCode() == KeyCode.UP || e.getCode() == KeyCode.DOWN),
                        e -> vm.navigator().step(e.getCode() == KeyCode.UP ? -1 : 1))
                .key(
                        Shortcuts.Where.WINDOW,
                        "Esc",
                        "clear the selection",
                        e -> plain(e, KeyCode.ESCAPE),
                        e -> vm.photos().selection().clear())
                .command(
                        item(items, "selectAllItem"),
                        "select all photos of the room",
                        view::selectAll,
                        new KeyCodeCombination(KeyCode.A, SHORTCUT))
                .command(item(items, "undoItem"), "undo", editor::undo, new KeyCodeCombination(KeyCode.Z, SHORTCUT))
                .command(
                        item(items, "redoItem"),
                        "redo",
                        editor::redo,
                        new KeyCodeCombination(KeyCode.Z, SHORTCUT, KeyCombination.SHIFT_DOWN),
                        new KeyCodeCombination(KeyCode.Y, SHORTCUT))
                .command(
                        item(items, "needsReviewItem"),
                        "show only photos that need review",
                        () -> view.controls().toggle(PhotoFilter.NEEDS_REVIEW),
                        new KeyCodeCombination(KeyCode.R, SHORTCUT))
                .command(
                        item(items, "notReviewedItem"),
                        "show only photos not reviewed yet",
                        () -> view.controls().toggle(PhotoFilter.NOT_REVIEWED),
                        new KeyCodeCombination(KeyCode.U, SHORTCUT))
                .command(
                        item(items, "largerItem"),
                        "larger thumbnails",
                        () -> view.controls().resize(40),
                        new KeyCodeCombination(KeyCode.EQUALS, SHORTCUT))
                .command(
                        item(items, "smallerItem"),
                        "smaller thumbnails",
                        () -> view.controls().resize(-40),
                        new KeyCodeCombination(KeyCode.MINUS, SHORTCUT))
                .command(
                        item(items, "openFolderItem"),
                        "open a shoot folder",
                        view::openFolder,
                        new KeyCodeCombination(KeyCode.O, SHORTCUT))
                .command(
                        item(items, "openPhotosItem"),
                        "open some photos of a folder",
                        view::openPhotos,
                        new KeyCodeCombination(KeyCode.O, SHORTCUT, KeyCombination.SHIFT_DOWN))
                .command(
                        item(items, "exportItem"),
                        "export the review as XLSX",
                        vm.actions()::exportXlsx,
                        new KeyCodeCombination(KeyCode.E, SHORTCUT))
                .command(
                        item(items, "exportListingItem"),
                        "export the listing: renamed, resized copies in order",
                        vm.listingActions()::exportForListing,
                        new KeyCodeCombination(KeyCode.E, SHORTCUT, KeyCombination.SHIFT_DOWN))
                .command(
                        item(items, "sortItem"),
                        "sort the photos into room folders",
                        vm.actions()::sortIntoFolders,
                        new KeyCodeCombination(KeyCode.S, SHORTCUT, KeyCombination.SHIFT_DOWN))
                .command(
                        item(items, "closeItem"),
                        "close the shoot",
                        vm::closeShoot,
                        new KeyCodeCombination(KeyCode.W, SHORTCUT))
                .command(item(items, "quitItem"), "quit", view::quit, new KeyCodeCombination(KeyCode.Q, SHORTCUT))
                .command(
                        item(items, "shortcutsItem"),
                        "this table of shortcuts",
                        view::showShortcuts,
                        new KeyCodeCombination(KeyCode.F1))
                .key(
                        Shortcuts.Where.PREVIEW,
                        "\u2190 \u2192 (\u2191 \u2193, Page Up/Down)",
                        "previous / next photo",
                        e -> isArrow(e.getCode()) || e.getCode() == KeyCode.PAGE_UP || e.getCode() == KeyCode.PAGE_DOWN,
                        e -> {
                            boolean back = e.getCode() == KeyCode.LEFT
                                    || e.getCode() == KeyCode.UP
                                    || e.getCode() == KeyCode.PAGE_UP;
                            if (back) {
                                preview.previous();
                            } else {
                                preview.next();
                            }
                        })
                .key(
                        Shortcuts.Where.PREVIEW,
                        () -> digits(vm),
                        "label the photo and show the next",
                        e -> digitOf(e, vm) > 0,
                        e -> preview.relabelWithKey(digitOf(e, vm)))
                .key(
                        Shortcuts.Where.PREVIEW,
                        "Space, Esc or Enter",
                        "close the preview",
                        e -> plain(e, KeyCode.SPACE) || plain(e, KeyCode.ESCAPE) || plain(e, KeyCode.ENTER),
                        e -> preview.close());
        // menu commands without a key of their own
        item(items, "undoSortItem").setOnAction(e -> vm.actions().undoLastSort());
        item(items, "checklistItem").setOnAction(e -> vm.checklist().change());
        item(items, "roomOrderItem").setOnAction(e -> vm.listing().changeRoomOrder());
        item(items, "forgetMemoryItem").setOnAction(e -> vm.forgetMemoryAfterAsking());
        item(items, "previewItem").setOnAction(e -> vm.openPreview());
        item(items, "aboutItem").setOnAction(e -> view.showAbout());
        return s;
    }

    private static MenuItem item(Map<String, Object> items, String id) {
        return (MenuItem) items.get(id);
    }

    /** "1 – 9": one number key per room type of the open shoot (the first nine). */
    private static String digits(MainViewModel vm) {
        int n = Math.min(9, vm.photos().groups().size());
        return n == 0 ? "1, 2, 3 \u2026" : n == 1 ? "1" : "1 \u2013 " + n;
    }

    /** The number key pressed (1-based, main row or keypad) when it names a room type, else 0. */
    private static int digitOf(KeyEvent e, MainViewModel vm) {
        if (e.isShortcutDown() || e.isAltDown()) {
            return 0;
        }
        int digit = digit(e);
        return digit >= 1 && digit <= vm.photos().groups().size() ? digit : 0;
    }

    /** Ctrl (Cmd) and a room's number key: the number (1-based) when it names a room type, else 0. */
    private static int roomKeyOf(KeyEvent e, MainViewModel vm) {
        if (!e.isShortcutDown() || e.isAltDown() || e.isShiftDown()) {
            return 0;
        }
        int digit = digit(e);
        return digit >= 1 && digit <= Math.min(9, vm.photos().groups().size()) ? digit : 0;
    }

    /** The digit of a number key (main row or keypad), else -1. */
    private static int digit(KeyEvent e) {
        if (!e.getCode().isDigitKey()) {
            return -1;
        }
        String name = e.getCode().getName();
        char c = name.charAt(name.length() - 1);
        return Character.isDigit(c) ? c - '0' : -1;
    }

    /** "Ctrl+1" ("⌘1" on a Mac): the key with the platform's shortcut modifier, as menus show it. */
    private static String shortcutText(KeyCode code) {
        return new KeyCodeCombination(code, SHORTCUT).getDisplayText();
    }

    private static boolean plain(KeyEvent e, KeyCode code) {
        return e.getCode() == code && !e.isShortcutDown() && !e.isAltDown() && !e.isShiftDown();
    }

    private static boolean isArrow(KeyCode code) {
        return code == KeyCode.LEFT || code == KeyCode.RIGHT || code == KeyCode.UP || code == KeyCode.DOWN;
    }
}
