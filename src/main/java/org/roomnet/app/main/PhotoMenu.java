package org.roomnet.app.main;

import javafx.scene.Node;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import org.roomnet.app.photos.PhotoGroup;
import org.roomnet.app.photos.PhotoGroups;

/** A photo's context menu: move the selected photos to a room type, or to a new one named now. */
final class PhotoMenu {

    private PhotoMenu() {}

    /** The menu for the selection as it is now: the other rooms of the open shoot, then a new one. */
    static ContextMenu create(MainViewModel vm) {
        PhotoGroups photos = vm.photos();
        ContextMenu menu = new ContextMenu();
        for (PhotoGroup g : photos.groups()) {
            if (g == photos.current()) {
                continue; // the room on screen: its number key confirms
            }
            MenuItem item = new MenuItem("Move to " + g.label());
            item.setOnAction(e -> vm.editor().relabelSelection(g.label()));
            menu.getItems().add(item);
        }
        MenuItem added = new MenuItem("Move to New Room Type\u2026");
        added.setId("move-to-new-room-type");
        added.setOnAction(e -> vm.moveSelectionToNewRoomType());
        menu.getItems().addAll(new SeparatorMenuItem(), added);
        menu.getItems().forEach(i -> i.setDisable(vm.isReadOnly()));
        return menu;
    }

    /** Shows the menu for {@code cell}'s photo (already selected) at the pointer. */
    static void show(Node cell, MainViewModel vm, double screenX, double screenY) {
        create(vm).show(cell, screenX, screenY);
    }
}
