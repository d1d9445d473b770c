package org.roomnet.app.main;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.collections.ListChangeListener;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Slider;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import org.roomnet.app.photos.PhotoFilter;
import org.roomnet.app.photos.PhotoGroup;
import org.roomnet.app.photos.PhotoGroups;
import org.roomnet.app.photos.PhotoOrder;

/**
 * The toolbar's and menus' controls of what the grid shows (filter, order, size), File > Open Recent,
 * and Edit > Label Selection As.
 */
final class ViewControls {

    private final MainViewModel viewModel;

    ViewControls(MainViewModel viewModel) {
        this.viewModel = viewModel;
    }

    /** The filter toggles and check items show the filter; acting on one toggles its filter. */
    void bindFilters(
            ToggleButton needsReview,
            ToggleButton notReviewed,
            CheckMenuItem needsReviewItem,
            CheckMenuItem notReviewedItem) {
        needsReview.setTooltip(
                new Tooltip("Only photos the model was unsure of, or found unlike the photos it learned from, "
                        + "and you have not labelled yet"));
        notReviewed.setTooltip(new Tooltip("Only photos you have not labelled yet (no \u2713)"));
        needsReview.setOnAction(e -> toggle(PhotoFilter.NEEDS_REVIEW));
        notReviewed.setOnAction(e -> toggle(PhotoFilter.NOT_REVIEWED));
        var filter = viewModel.photos().filterProperty();
        Runnable show = () -> {
            needsReview.setSelected(filter.get() == PhotoFilter.NEEDS_REVIEW);
            needsReviewItem.setSelected(filter.get() == PhotoFilter.NEEDS_REVIEW);
            notReviewed.setSelected(filter.get() == PhotoFilter.NOT_REVIEWED);
            notReviewedItem.setSelected(filter.get() == PhotoFilter.NOT_REVIEWED);
        };
        filter.addListener((o, was, now) -> show.run());
        show.run();
    }

    /** Shows only {@code filter}'s photos, or all again when it is on already. */
    void toggle(PhotoFilter filter) {
        var current = viewModel.photos().filterProperty();
        current.set(current.get() == filter ? PhotoFilter.ALL : filter);
    }

    void bindOrder(ComboBox<PhotoOrder> box, Menu menu) {
        PhotoGroups photos = viewModel.photos();
        box.getItems().setAll(PhotoOrder.values());
        box.valueProperty().bindBidirectional(photos.orderProperty());
        ToggleGroup orders = new ToggleGroup();
        for (PhotoOrder o : PhotoOrder.values()) {
            RadioMenuItem item = new RadioMenuItem(o.toString());
            item.setToggleGroup(orders);
            item.setSelected(photos.orderProperty().get() == o);
            item.setOnAction(e -> photos.orderProperty().set(o));
            photos.orderProperty().addListener((obs, was, now) -> item.setSelected(now == o));
            menu.getItems().add(item);
        }
    }

    void bindSize(Slider slider) {
        slider.setMin(MainViewModel.MIN_CELL);
        slider.setMax(MainViewModel.MAX_CELL);
        slider.valueProperty().bindBidirectional(viewModel.thumbnailSizeProperty());
    }

    /** Grows or shrinks the thumbnails by {@code by} pixels, within the slider's range. */
    void resize(double by) {
        viewModel
                .thumbnailSizeProperty()
                .set(clamp(viewModel.thumbnailSizeProperty().get() + by));
    }

    static double clamp(double size) {
        return Math.max(MainViewModel.MIN_CELL, Math.min(MainViewModel.MAX_CELL, size));
    }

    /** File > Open Recent lists the recent shoots; one that is gone is shown disabled. */
    void bindRecent(Menu menu) {
        Runnable show = () -> {
            menu.getItems()
                    .setAll(viewModel.recentShoots().stream()
                            .map(folder -> {
                                MenuItem item = new MenuItem(folder.toString());
                                item.setMnemonicParsing(false);
                                item.setDisable(!Files.isDirectory(folder));
                                item.setOnAction(e -> viewModel.openFolder(folder));
                                return item;
                            })
                            .toList());
            menu.setDisable(menu.getItems().isEmpty());
        };
        viewModel.recentShoots().addListener((ListChangeListener<Path>) c -> show.run());
        show.run();
    }

    /** Edit > Label Selection As: one item per room type of the open shoot. */
    void bindLabelMenu(Menu menu) {
        PhotoGroups photos = viewModel.photos();
        photos.groups().addListener((ListChangeListener<PhotoGroup>) c -> {
            menu.getItems()
                    .setAll(photos.groups().stream()
                            .map(g -> {
                                MenuItem item = new MenuItem((g.key() > 0 ? g.key() + "   " : "") + g.label());
                                item.setOnAction(e -> viewModel.editor().relabelSelection(g.label()));
                                item.disableProperty()
                                        .bind(photos.selection().sizeProperty().isEqualTo(0));
                                return item;
                            })
                            .toList());
            if (!photos.groups().isEmpty()) {
                menu.getItems().addAll(new SeparatorMenuItem(), newRoomTypeItem(photos));
            }
        });
    }

    /** "Move to New Room Type…": the selected photos into a room type named now. */
    private MenuItem newRoomTypeItem(PhotoGroups photos) {
        MenuItem item = new MenuItem("New Room Type\u2026");
        item.setOnAction(e -> viewModel.moveSelectionToNewRoomType());
        item.disableProperty()
                .bind(photos.selection().sizeProperty().isEqualTo(0).or(viewModel.readOnlyProperty()));
        return item;
    }
}
